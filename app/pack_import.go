package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// FilledPack is an update pack as a representative returned it: who it
// was for, and what was typed in each row.
type FilledPack struct {
	File         string
	PackID       string
	DepartmentID uint
	Department   string
	Issued       models.Date
	Initiatives  []InitiativeInput
	Readings     []ReadingInput
	Actions      []ActionInput
	Problems     []PackProblem // what could not be read as typed
}

// InitiativeInput is one filled initiative row.
type InitiativeInput struct {
	ID         uint
	Version    int
	Row        int
	Health     models.Health
	Percent    *int
	Note       string
	RevisedDue models.Date
}

// ReadingInput is one filled target row: a new measurement.
type ReadingInput struct {
	TargetID   uint
	Version    int
	Row        int
	Date       models.Date
	Value      float64
	SampleSize int
	Note       string
}

// ActionInput is one filled action row.
type ActionInput struct {
	ID         uint
	Version    int
	Row        int
	Status     models.ActionStatus
	RevisedDue models.Date
	Note       string
}

// PackProblem is what is wrong with one cell of a filled pack.
type PackProblem struct {
	Sheet, Cell, Column, Message string
	Row                          int
}

// String says the problem on one line.
func (p PackProblem) String() string {
	return fmt.Sprintf("%s row %d, %s: %s", p.Sheet, p.Row, p.Column, p.Message)
}

// ImportResult is what importing a pack did, or would do: every change in
// words, the rows that changed since the pack was issued, and problems.
type ImportResult struct {
	Changes   []string
	Conflicts []string
	Problems  []PackProblem
	// AppliedAt is set when the pack had already been applied: nothing
	// was changed this time.
	AppliedAt *time.Time
	Applied   bool
}

// Conflicts says what an import does with rows whose record changed after
// the pack was issued.
type Conflicts int

const (
	// RejectConflicts applies nothing when any row is stale (the command line).
	RejectConflicts Conflicts = iota
	// SkipConflicts applies every other row and leaves the stale ones.
	SkipConflicts
	// OverwriteConflicts applies the pack's values over the newer ones.
	OverwriteConflicts
)

// ImportOptions says how to import a pack.
type ImportOptions struct {
	Actor     *Actor // who the changes are recorded as; nil: the representative
	DryRun    bool
	Conflicts Conflicts
}

// errRollBack ends a transaction that must change nothing: a dry run, or a
// pack with problems or conflicts.
var errRollBack = errors.New("roll back")

// ImportPack applies a filled pack in one transaction, as of a day: status
// updates, readings and action changes go through the models' own rules
// and into history (authored by actor, or by the department's
// representative). With dryRun, or when any row has a problem or changed
// since the pack was issued, nothing is written and the result says what
// would have happened. A pack already applied changes nothing.
func (s *Store) ImportPack(p FilledPack, asOf models.Date, opt ImportOptions) (ImportResult, error) {
	actor, dryRun := opt.Actor, opt.DryRun
	r := ImportResult{Problems: append([]PackProblem{}, p.Problems...)}
	if err := s.writable(); err != nil && !dryRun {
		return r, err
	}
	db := s.historyOf(s.db, models.WhyImport)
	err := db.Transaction(func(tx *gorm.DB) error {
		var done models.PackImport
		if res := tx.Where("pack_id = ?", p.PackID).Limit(1).Find(&done); res.Error != nil {
			return res.Error
		} else if res.RowsAffected > 0 {
			r.AppliedAt = &done.AppliedAt
			return errRollBack
		}
		author, err := packAuthor(tx, p, actor, asOf)
		if err != nil {
			return err
		}
		tx = tx.Set(actorKey, author).Session(&gorm.Session{})
		imp := packImport{tx: tx, r: &r, asOf: asOf, author: author, overwrite: opt.Conflicts == OverwriteConflicts}
		for _, in := range p.Initiatives {
			if err := imp.initiative(in); err != nil {
				return err
			}
		}
		for _, in := range p.Readings {
			if err := imp.reading(in); err != nil {
				return err
			}
		}
		for _, in := range p.Actions {
			if err := imp.action(in); err != nil {
				return err
			}
		}
		if dryRun || len(r.Problems) > 0 || (len(r.Conflicts) > 0 && opt.Conflicts == RejectConflicts) {
			return errRollBack
		}
		by := ""
		if author != nil {
			by = author.Name
		}
		return tx.Create(&models.PackImport{PackID: p.PackID, Department: p.Department, File: p.File, AppliedAt: time.Now().UTC(), By: by}).Error
	})
	if errors.Is(err, errRollBack) {
		return r, nil
	}
	if err != nil {
		return r, translateIn(err)
	}
	r.Applied = true
	return r, nil
}

// packAuthor is who the pack's changes are recorded as: actor, else the
// department's representative (an active member who can commit it).
func packAuthor(tx *gorm.DB, p FilledPack, actor *Actor, asOf models.Date) (*Actor, error) {
	if actor != nil {
		return actor, nil
	}
	var members []models.Member
	if err := tx.Where("department_id = ?", p.DepartmentID).Order("id").Find(&members).Error; err != nil {
		return nil, err
	}
	for _, m := range members {
		if models.CanCommit(m, asOf) {
			return &Actor{ID: &m.ID, Name: m.Name}, nil
		}
	}
	for _, m := range members {
		return &Actor{ID: &m.ID, Name: m.Name}, nil
	}
	return nil, fmt.Errorf("the %s department has no member to record the changes under; import with --as NAME", p.Department)
}

// packImport applies rows inside the import's transaction.
type packImport struct {
	tx        *gorm.DB
	r         *ImportResult
	asOf      models.Date
	author    *Actor
	overwrite bool // apply stale rows over the newer values
}

// stale reports whether a row's record changed since the pack was issued,
// noting the conflict; with overwrite the row is applied all the same.
func (imp packImport) stale(issued, now int, conflict string) bool {
	if issued == now {
		return false
	}
	if imp.overwrite {
		imp.r.Conflicts = append(imp.r.Conflicts, conflict+"; the pack's values were applied over it")
		return false
	}
	imp.r.Conflicts = append(imp.r.Conflicts, conflict+"; the pack's row was not applied")
	return true
}

func (imp packImport) problem(sheet string, row int, column, msg string) {
	imp.r.Problems = append(imp.r.Problems, PackProblem{Sheet: sheet, Row: row, Column: column, Message: msg})
}

// fieldProblem files a model's refusal under the pack column it concerns.
func (imp packImport) fieldProblem(sheet string, row int, err error, columns map[string]string, fallback string) error {
	var fe *models.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	column := columns[fe.Field]
	if column == "" {
		column = fallback
	}
	imp.problem(sheet, row, column, fe.Message)
	return nil
}

func (imp packImport) initiative(in InitiativeInput) error {
	var ini models.Initiative
	if err := imp.tx.First(&ini, in.ID).Error; err != nil {
		imp.problem("Initiatives", in.Row, "Id", "this initiative no longer exists")
		return nil
	}
	if imp.stale(in.Version, ini.Version, fmt.Sprintf("%s changed since the pack was issued (it is now %s, %d%%, due %s)",
		ini.Title, ini.Health, ini.PercentComplete, models.OrDash(ini.DueDate.String()))) {
		return nil
	}
	var parts []string
	if !in.RevisedDue.IsZero() && in.RevisedDue != ini.DueDate {
		parts = append(parts, "due "+models.OrDash(ini.DueDate.String())+" → "+in.RevisedDue.String())
		ini.DueDate = in.RevisedDue
		if err := updateIn(imp.tx, &ini); err != nil {
			return imp.fieldProblem("Initiatives", in.Row, err, map[string]string{"DueDate": "Revised due date"}, "Revised due date")
		}
	}
	if in.Health != "" || in.Percent != nil || in.Note != "" {
		u := models.StatusUpdate{InitiativeID: ini.ID, Date: imp.asOf, AuthorID: imp.author.ID,
			Health: ini.Health, PercentComplete: ini.PercentComplete, Note: in.Note}
		if in.Health != "" {
			u.Health = in.Health
		}
		if in.Percent != nil {
			u.PercentComplete = *in.Percent
		}
		if err := postStatusUpdateIn(imp.tx, &u); err != nil {
			return imp.fieldProblem("Initiatives", in.Row, err,
				map[string]string{"Health": "New health", "PercentComplete": "% complete", "Note": "Reason or note", "AuthorID": "New health"}, "New health")
		}
		if u.Health != ini.Health {
			parts = append(parts, "health "+string(ini.Health)+" → "+string(u.Health))
		}
		if u.PercentComplete != ini.PercentComplete {
			parts = append(parts, fmt.Sprintf("%d%% → %d%%", ini.PercentComplete, u.PercentComplete))
		}
		if u.Note != "" {
			parts = append(parts, "'"+models.Shorten(u.Note, 80)+"'")
		}
	}
	if len(parts) > 0 {
		imp.r.Changes = append(imp.r.Changes, ini.Title+": "+strings.Join(parts, ", "))
	}
	return nil
}

func (imp packImport) reading(in ReadingInput) error {
	var t models.Target
	if err := imp.tx.First(&t, in.TargetID).Error; err != nil {
		imp.problem("Targets", in.Row, "Id", "this target no longer exists")
		return nil
	}
	if imp.stale(in.Version, t.Version, t.Name+" changed since the pack was issued") {
		return nil
	}
	if err := t.InScale("the value", in.Value); err != nil {
		return imp.fieldProblem("Targets", in.Row, err, nil, "Value")
	}
	m := models.Measurement{TargetID: t.ID, Date: in.Date, Value: in.Value, SampleSize: in.SampleSize, Note: in.Note}
	if err := createIn(imp.tx, &m); err != nil {
		return imp.fieldProblem("Targets", in.Row, err, map[string]string{"Date": "Reading date", "Value": "Value", "SampleSize": "Sample size"}, "Value")
	}
	line := fmt.Sprintf("%s: reading %s on %s", t.Name, models.FormatValue(in.Value, t.Unit), in.Date)
	if in.SampleSize > 0 {
		line += " (n=" + strconv.Itoa(in.SampleSize) + ")"
	}
	imp.r.Changes = append(imp.r.Changes, line)
	return nil
}

func (imp packImport) action(in ActionInput) error {
	var a models.ActionItem
	if err := imp.tx.First(&a, in.ID).Error; err != nil {
		imp.problem("Actions", in.Row, "Id", "this action no longer exists")
		return nil
	}
	if imp.stale(in.Version, a.Version, a.Description+" changed since the pack was issued") {
		return nil
	}
	var parts []string
	if in.Status != "" && in.Status != a.Status {
		parts = append(parts, "status "+string(a.Status)+" → "+string(in.Status))
		a.Status = in.Status
		if a.Status.Closed() && a.ClosedOn.IsZero() {
			a.ClosedOn = imp.asOf
		}
	}
	if !in.RevisedDue.IsZero() && in.RevisedDue != a.RevisedDueDate {
		parts = append(parts, "revised due "+in.RevisedDue.String())
		a.RevisedDueDate = in.RevisedDue
	}
	if len(parts) > 0 {
		if err := updateIn(imp.tx, &a); err != nil {
			return imp.fieldProblem("Actions", in.Row, err, map[string]string{"Status": "New status", "RevisedDueDate": "Revised due date"}, "New status")
		}
	}
	if in.Note != "" {
		parts = append(parts, "'"+models.Shorten(in.Note, 80)+"'")
		if err := recordFields(imp.tx, "action_items", a.ID, recordName(&a), map[string][2]string{"note": {"", in.Note}}); err != nil {
			return err
		}
	}
	if len(parts) > 0 {
		imp.r.Changes = append(imp.r.Changes, a.Description+": "+strings.Join(parts, ", "))
	}
	return nil
}
