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
	defer s.touch()
	err := largeWrite(db, s.notifying(func(tx *gorm.DB) error {
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
		if err := imp.initiatives(p.Initiatives); err != nil {
			return err
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
	}))
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
// noting the conflict (said by conflict, formatted only then); with overwrite the row is applied all the same.
func (imp packImport) stale(issued, now int, conflict func() string) bool {
	if issued == now {
		return false
	}
	if imp.overwrite {
		imp.r.Conflicts = append(imp.r.Conflicts, conflict()+"; the pack's values were applied over it")
		return false
	}
	imp.r.Conflicts = append(imp.r.Conflicts, conflict()+"; the pack's row was not applied")
	return true
}

func (imp packImport) problem(sheet string, row int, column, msg string) {
	imp.r.Problems = append(imp.r.Problems, PackProblem{Sheet: sheet, Row: row, Column: column, Message: msg})
}

// fieldProblem files a model's refusals, each under the pack column it
// concerns; an error that is not about a field ends the import.
func (imp packImport) fieldProblem(sheet string, row int, err error, columns map[string]string, fallback string) error {
	fields, ok := fieldErrors(err)
	if !ok {
		return err
	}
	for _, fe := range fields {
		column := columns[fe.Field]
		if column == "" {
			column = fallback
		}
		imp.problem(sheet, row, column, fe.Message)
	}
	return nil
}

// initiatives applies the initiative rows: initiatives and their latest
// update dates are read once, status updates and their history go in
// batches, and each initiative that moves is updated with one statement,
// so a pack of thousands of rows stays close to the cost of plain inserts.
func (imp packImport) initiatives(ins []InitiativeInput) error {
	ids := make([]uint, len(ins))
	for i, in := range ins {
		ids[i] = in.ID
	}
	byID := make(map[uint]initiativeState, len(ids))
	if err := readInitiativeStates(imp.tx, ids, byID); err != nil {
		return err
	}
	updates := make([]models.StatusUpdate, 0, len(ins))
	moving := 0 // updates that become their initiative's current state
	for _, in := range ins {
		ini, ok := byID[in.ID]
		if !ok {
			imp.problem("Initiatives", in.Row, "Id", "this initiative no longer exists")
			continue
		}
		if imp.stale(in.Version, ini.Version, func() string {
			return fmt.Sprintf("%s changed since the pack was issued (it is now %s, %d%%, due %s)",
				ini.Title, ini.Health, ini.PercentComplete, models.OrDash(ini.DueDate.String()))
		}) {
			continue
		}
		var parts []string
		if !in.RevisedDue.IsZero() && in.RevisedDue != ini.DueDate {
			parts = append(parts, "due "+models.OrDash(ini.DueDate.String())+" → "+in.RevisedDue.String())
			if err := imp.revisedDue(ini.ID, in.RevisedDue); err != nil {
				if ferr := imp.fieldProblem("Initiatives", in.Row, err, map[string]string{"DueDate": "Revised due date"}, "Revised due date"); ferr != nil {
					return ferr
				}
				continue
			}
		}
		if in.Health != "" || in.Percent != nil || in.Note != "" {
			u := models.StatusUpdate{InitiativeID: ini.ID, Date: imp.asOf, AuthorID: imp.author.ID,
				Health: ini.Health, PercentComplete: ini.PercentComplete, Note: in.Note, Record: models.Record{Version: 1}}
			if in.Health != "" {
				u.Health = in.Health
			}
			if in.Percent != nil {
				u.PercentComplete = *in.Percent
			}
			if err := u.Validate(); err != nil {
				if ferr := imp.fieldProblem("Initiatives", in.Row, err,
					map[string]string{"Health": "New health", "PercentComplete": "% complete", "Note": "Reason or note", "AuthorID": "New health"}, "New health"); ferr != nil {
					return ferr
				}
				continue
			}
			updates = append(updates, u)
			if !ini.LastUpdate.After(u.Date) { // no later update: it becomes the current state
				moving++
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
	}
	if len(imp.r.Problems) > 0 || len(updates) == 0 {
		return nil
	}
	return imp.writeUpdates(updates, moving)
}

// initiativeState is what a pack row needs of its initiative.
type initiativeState struct {
	ID              uint
	Version         int
	Title           string
	Health          models.Health
	PercentComplete int
	DueDate         models.Date
	LastUpdate      models.Date // the date of its latest status update
}

// readInitiativeStates reads the state of the initiatives with the given
// ids into byID, column by column without the ORM, in one query binding
// one variable: a pack can name thousands.
func readInitiativeStates(tx *gorm.DB, ids []uint, byID map[uint]initiativeState) error {
	which, args := anyOf(tx, "id", ids)
	rows, err := tx.Raw(`SELECT id, version, title, health, percent_complete, due_date,
		(SELECT MAX(su.date) FROM status_updates su WHERE su.initiative_id = initiatives.id AND `+dialectOf(tx).isoDate("su.date")+`)
		FROM initiatives WHERE `+which, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var st initiativeState
		var version, percent any
		if err := rows.Scan(&st.ID, &version, &st.Title, &st.Health, &percent, &st.DueDate, &st.LastUpdate); err != nil {
			return err
		}
		st.Version, st.PercentComplete = storedInt(version), storedInt(percent)
		byID[st.ID] = st
	}
	return rows.Err()
}

// revisedDue moves an initiative's due date through the model's rules.
func (imp packImport) revisedDue(id uint, due models.Date) error {
	var ini models.Initiative
	if err := imp.tx.First(&ini, id).Error; err != nil {
		return err
	}
	ini.DueDate = due
	return updateIn(imp.tx, &ini)
}

// writeUpdates inserts the status updates and moves their initiatives,
// recording it all in history; moving is how many of them are the latest
// of their initiative.
func (imp packImport) writeUpdates(updates []models.StatusUpdate, moving int) error {
	now := time.Now().UTC()
	rows := make([][]any, len(updates))
	for i, u := range updates {
		rows[i] = []any{now, now, 1, u.InitiativeID, u.Date, u.AuthorID, u.Health, u.PercentComplete, u.Note}
	}
	ids, err := insertReturning(imp.tx, "status_updates",
		[]string{"created_at", "updated_at", "version", "initiative_id", "date", "author_id", "health", "percent_complete", "note"}, rows)
	if err != nil {
		return err
	}
	if err := bulkCreated(imp.tx, "status_updates", "initiative_id", "initiatives", "title", ids); err != nil {
		return err
	}
	if moving == 0 {
		return nil
	}
	// The updates that are now the latest of their initiative move it: the
	// history of each moved field, then the move itself, one statement each.
	// The entries come update by update; within one update, in the order of
	// f as the engines scan it (ordering them too would sort every row, and
	// their order carries nothing: they share their moment and record).
	which, span := idsOf(imp.tx, "su.id", ids)
	current := which
	if moving < len(updates) {
		current += " AND NOT EXISTS (SELECT 1 FROM status_updates l WHERE l.initiative_id = su.initiative_id AND l.date > su.date)"
	}
	h := entry(imp.tx, "initiatives", 0, "")
	sql := `INSERT INTO history (at, author_id, author, kind, record_id, record_name, field, old, new, why)
		SELECT ?, ?, ?, ?, i.id, i.title, f.field, ` + movedField(false) + `, ` + movedField(true) + `, ?
		FROM status_updates su JOIN initiatives i ON i.id = su.initiative_id
		CROSS JOIN (SELECT 1 AS n, 'health' AS field UNION ALL SELECT 2, 'health reason' UNION ALL SELECT 3, 'percent complete') f
		WHERE ` + current + ` AND ` + movedField(false) + ` <> ` + movedField(true) + ` ORDER BY su.id`
	if err := imp.tx.Exec(sql, append([]any{h.At, h.AuthorID, h.Author, h.Kind, h.Why}, span...)...).Error; err != nil {
		return err
	}
	return imp.tx.Exec(`UPDATE initiatives SET health = su.health, health_reason = su.note, percent_complete = su.percent_complete,
		version = initiatives.version + 1, updated_at = ? FROM status_updates su WHERE su.initiative_id = initiatives.id AND `+current,
		append([]any{time.Now().UTC()}, span...)...).Error
}

// movedField is, as history text, the old value (in initiative i) or the
// new one (in status update su) of the moved field numbered f.n.
func movedField(isNew bool) string {
	k := 0
	if isNew {
		k = 1
	}
	v := [3][2]string{
		{"i.health", "su.health"},
		{"COALESCE(i.health_reason, '')", "COALESCE(su.note, '')"},
		{"CAST(i.percent_complete AS TEXT)", "CAST(su.percent_complete AS TEXT)"},
	}
	return "CASE f.n WHEN 1 THEN " + v[0][k] + " WHEN 2 THEN " + v[1][k] + " ELSE " + v[2][k] + " END"
}

func (imp packImport) reading(in ReadingInput) error {
	var t models.Target
	if err := imp.tx.First(&t, in.TargetID).Error; err != nil {
		imp.problem("Targets", in.Row, "Id", "this target no longer exists")
		return nil
	}
	if imp.stale(in.Version, t.Version, func() string { return t.Name + " changed since the pack was issued" }) {
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
	if imp.stale(in.Version, a.Version, func() string { return a.Description + " changed since the pack was issued" }) {
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
