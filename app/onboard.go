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

// Registers a committee moving off spreadsheets can import, in the order
// they are applied so that later ones can name earlier ones.
var OnboardRegisters = []string{"Departments", "Members", "Journeys", "Targets", "Initiatives", "Measurements"}

// Sheet is one register read from a workbook sheet or a CSV file: its
// header and rows as text.
type Sheet struct {
	Register string
	Name     string // the sheet's own name in the workbook
	Header   []string
	Rows     [][]string // data rows; row i is sheet row i+2
}

// OnboardResult is what importing registers did or would do.
type OnboardResult struct {
	Changes  []string
	Problems []PackProblem
	Applied  bool
}

// ImportRegisters adds the rows of registers read from spreadsheets, in one
// transaction: every row through the models' own rules; any bad row and
// nothing is written. Columns are matched by header, whatever their case
// and spacing; links name records by name (members also by email).
func (s *Store) ImportRegisters(sheets []Sheet, asOf models.Date, opt ImportOptions) (OnboardResult, error) {
	var r OnboardResult
	if err := s.writable(); err != nil {
		return r, err
	}
	defer s.touch()
	err := largeWrite(s.historyOf(s.db, models.WhyImport), s.notifying(func(tx *gorm.DB) error {
		if opt.Actor != nil {
			tx = tx.Set(actorKey, opt.Actor).Session(&gorm.Session{})
		}
		for _, name := range OnboardRegisters {
			for _, sh := range sheets {
				if strings.EqualFold(sh.Register, name) {
					if err := onboardSheet(tx, sh, asOf, &r); err != nil {
						return err
					}
				}
			}
		}
		if opt.DryRun || len(r.Problems) > 0 {
			return errRollBack
		}
		return nil
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

// cells gives a row's values by normalised header name.
type cells struct {
	sheet  Sheet
	row    int
	values map[string]string
	r      *OnboardResult
	tx     *gorm.DB
}

// headerSpelling drops what varies between spellings of a header.
var headerSpelling = strings.NewReplacer(" ", "", "_", "", "-", "", "%", "percent")

func norm(h string) string {
	return headerSpelling.Replace(strings.ToLower(strings.TrimSpace(h)))
}

func (c cells) get(names ...string) string {
	for _, n := range names {
		if v, ok := c.values[norm(n)]; ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func (c cells) problem(column, msg string) {
	c.r.Problems = append(c.r.Problems, PackProblem{Sheet: c.sheet.Register, Row: c.row, Column: column, Message: msg})
}

func (c cells) date(column string) models.Date {
	v := c.get(column)
	if v == "" {
		return models.Date{}
	}
	d, err := ParseTypedDate(v)
	if err != nil {
		c.problem(column, err.Error())
	}
	return d
}

func (c cells) number(columns ...string) *float64 {
	v := strings.ReplaceAll(c.get(columns...), ",", "")
	if v == "" {
		return nil
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil {
		c.problem(columns[0], fmt.Sprintf("%q is not a number", v))
		return nil
	}
	return &f
}

func (c cells) whole(column string, fallback int) int {
	f := c.number(column)
	if f == nil {
		return fallback
	}
	return int(*f)
}

// ref finds a record of table by its name column (members also by email).
func (c cells) ref(column, table, nameCol string) *uint {
	v := c.get(column)
	if v == "" {
		return nil
	}
	var id uint
	q := c.tx.Table(table).Select("id").Where("LOWER("+nameCol+") = LOWER(?)", v)
	if table == "members" {
		q = c.tx.Table(table).Select("id").Where("LOWER(name) = LOWER(?) OR LOWER(email) = LOWER(?)", v, v)
	}
	if err := q.Order("id").Limit(1).Scan(&id).Error; err != nil || id == 0 {
		c.problem(column, fmt.Sprintf("no %s named %q (add it first, or earlier in this import)", strings.TrimSuffix(table, "s"), v))
		return nil
	}
	return &id
}

func onboardSheet(tx *gorm.DB, sh Sheet, asOf models.Date, r *OnboardResult) error {
	if strings.EqualFold(sh.Register, "Measurements") {
		return onboardReadings(tx, sh, r)
	}
	for i, row := range sh.Rows {
		c := cells{sheet: sh, row: i + 2, values: map[string]string{}, r: r, tx: tx}
		empty := true
		for j, h := range sh.Header {
			if j < len(row) {
				c.values[norm(h)] = row[j]
				empty = empty && strings.TrimSpace(row[j]) == ""
			}
		}
		if empty {
			continue
		}
		rec, what := onboardRecord(c, asOf)
		if rec == nil {
			continue
		}
		before := len(r.Problems)
		if err := rec.Validate(); err != nil {
			c.fieldProblem(err)
			continue
		}
		if len(r.Problems) > before {
			continue
		}
		var err error
		if m, ok := rec.(*models.Measurement); ok {
			var t models.Target
			if err = tx.First(&t, m.TargetID).Error; err == nil {
				err = t.InScale("the value", m.Value)
			}
		}
		if err == nil {
			err = createEntity(tx, rec)
		}
		if err != nil {
			if ferr := c.fieldProblem(err); ferr != nil {
				return ferr
			}
			continue
		}
		r.Changes = append(r.Changes, sh.Register+": add "+what)
	}
	return nil
}

// fieldProblem files a refusal under the column it concerns; errors that
// are not about a field end the import.
func (c cells) fieldProblem(err error) error {
	var dup *DuplicateError
	if fields, ok := fieldErrors(err); ok {
		for _, fe := range fields {
			c.problem(fe.Field, fe.Message)
		}
		return nil
	}
	if errors.As(err, &dup) {
		c.problem("name", dup.Message)
		return nil
	}
	return err
}

// createEntity creates any register's record.
func createEntity(tx *gorm.DB, rec Entity) error {
	switch x := rec.(type) {
	case *models.Department:
		return createIn(tx, x)
	case *models.Member:
		return createIn(tx, x)
	case *models.Journey:
		return createIn(tx, x)
	case *models.Target:
		return createIn(tx, x)
	case *models.Initiative:
		return createIn(tx, x)
	case *models.Measurement:
		return createIn(tx, x)
	}
	return fmt.Errorf("cannot import a %T", rec)
}

// onboardRecord builds the record a row describes, and says it in words.
func onboardRecord(c cells, asOf models.Date) (Entity, string) {
	switch strings.ToLower(c.sheet.Register) {
	case "departments":
		d := &models.Department{Name: c.get("name", "department"), Head: c.get("head")}
		return d, d.Name
	case "members":
		m := &models.Member{Name: c.get("name"), Email: c.get("email"), JobTitle: c.get("job title"),
			DepartmentID: c.ref("department", "departments", "name"), Role: models.Role(strings.ToLower(c.get("role"))),
			DecisionAuthority: yes(c.get("decision authority", "can commit")), ActiveFrom: c.date("active from"), ActiveTo: c.date("active to")}
		if m.Role == "" {
			m.Role = models.RoleMember
		}
		return m, m.Name + " (" + m.Email + ")"
	case "journeys":
		j := &models.Journey{Name: c.get("name", "journey"), Description: c.get("description"),
			Priority: c.whole("priority", 1), OwnerID: c.ref("owner", "members", "name")}
		return j, j.Name
	case "targets":
		t := &models.Target{Name: c.get("name", "target"), Kind: models.TargetKind(strings.ToLower(c.get("kind"))), Unit: c.get("unit"),
			ScaleMin: c.number("scale min"), ScaleMax: c.number("scale max"), Direction: models.Direction(strings.ToLower(c.get("direction"))),
			BaselineValue: c.number("baseline value", "baseline"), BaselineDate: c.date("baseline date"),
			TargetDate: c.date("target date"), ParentID: c.ref("parent", "targets", "name"), OwnerID: c.ref("owner", "members", "name")}
		if v := c.number("target value", "target"); v != nil {
			t.TargetValue = *v
		}
		if v := c.number("amber tolerance"); v != nil {
			t.AmberTolerance = *v
		}
		return t, t.Name
	case "initiatives":
		i := &models.Initiative{Title: c.get("title", "initiative", "name"), Description: c.get("customer problem", "description"),
			LeadDepartmentID: c.ref("lead department", "departments", "name"), OwnerID: c.ref("owner", "members", "name"),
			JourneyID: c.ref("journey", "journeys", "name"), Pillar: c.get("pillar", "vision pillar"), BusinessGoal: c.get("business goal", "goal"),
			Status: models.InitiativeStatus(strings.ToLower(c.get("status"))), Health: models.Health(strings.ToLower(c.get("health"))),
			HealthReason: c.get("health reason", "reason"), PercentComplete: c.whole("percent complete", 0),
			StartDate: c.date("start date"), DueDate: c.date("due date")}
		if i.Status == "" {
			i.Status = models.InitiativeProposed
		}
		if i.Health == "" {
			i.Health = models.HealthGreen
		}
		if v := c.number("expected benefit"); v != nil {
			i.ExpectedBenefit = *v
		}
		return i, i.Title
	case "measurements":
		tid := c.ref("target", "targets", "name")
		if tid == nil {
			return nil, ""
		}
		m := &models.Measurement{TargetID: *tid, Date: c.date("date"), SampleSize: c.whole("sample size", 0), Note: c.get("note")}
		if v := c.number("value"); v != nil {
			m.Value = *v
		} else {
			c.problem("value", "a value is required")
		}
		return m, fmt.Sprintf("%s %s on %s", c.get("target"), models.FormatNumber(m.Value), m.Date)
	}
	return nil, ""
}

func yes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "x":
		return true
	}
	return false
}

// ParseTypedDate reads a date typed as ISO, day/month/year or an Excel
// serial number.
func ParseTypedDate(s string) (models.Date, error) {
	s = strings.TrimSpace(s)
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial > 20000 && serial < 80000 {
		return models.DateOf(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(serial))), nil
	}
	if d, err := models.ParseDate(s); err == nil {
		return d, nil
	}
	for _, layout := range []string{"2/1/2006", "02/01/2006", "2.1.2006", "2 Jan 2006", "2 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return models.DateOf(t), nil
		}
	}
	return models.Date{}, fmt.Errorf("%q is not a date: write it as 2026-11-30 or 30/11/2026", s)
}

// onboardReadings adds a sheet of measurements, which may run to tens of
// thousands of rows: targets are read once, every row is checked against
// its target's rules, and rows and their history go in batches.
func onboardReadings(tx *gorm.DB, sh Sheet, r *OnboardResult) error {
	var targets []models.Target
	if err := tx.Find(&targets).Error; err != nil {
		return err
	}
	byName := make(map[string]models.Target, len(targets))
	for _, t := range targets {
		byName[strings.ToLower(t.Name)] = t
	}
	var readings []models.Measurement
	col := map[string]int{}
	for j, h := range sh.Header {
		col[norm(h)] = j
	}
	for i, row := range sh.Rows {
		c := cells{sheet: sh, row: i + 2, values: make(map[string]string, 5), r: r, tx: tx}
		for _, k := range []string{"target", "date", "value", "samplesize", "note"} {
			if j, ok := col[k]; ok && j < len(row) {
				c.values[k] = row[j]
			}
		}
		name := c.get("target")
		if name == "" && c.get("value") == "" && c.get("date") == "" {
			continue
		}
		t, ok := byName[strings.ToLower(name)]
		if !ok {
			c.problem("target", fmt.Sprintf("no target named %q (add it first, or earlier in this import)", name))
			continue
		}
		m := models.Measurement{TargetID: t.ID, Date: c.date("date"), SampleSize: c.whole("sample size", 0), Note: c.get("note"),
			Record: models.Record{Version: 1}}
		if v := c.number("value"); v != nil {
			m.Value = *v
		} else {
			c.problem("value", "a value is required")
			continue
		}
		if err := firstErr(m.Validate(), t.InScale("the value", m.Value)); err != nil {
			if ferr := c.fieldProblem(err); ferr != nil {
				return ferr
			}
			continue
		}
		readings = append(readings, m)
		r.Changes = append(r.Changes, fmt.Sprintf("Measurements: add %s %s on %s", t.Name, models.FormatNumber(m.Value), m.Date))
	}
	if len(r.Problems) > 0 || len(readings) == 0 {
		return nil
	}
	if err := tx.Omit("Target").CreateInBatches(readings, 1000).Error; err != nil {
		return err
	}
	return readingsCreated(tx, readings)
}

// readingsCreated records the creation of readings just inserted.
func readingsCreated(tx *gorm.DB, readings []models.Measurement) error {
	ids := make([]int64, len(readings))
	for i, m := range readings {
		ids[i] = int64(m.ID)
	}
	return bulkCreated(tx, "measurements", "target_id", "targets", "name", ids)
}

// bulkCreated records, in one statement, the creation of rows just
// inserted into table, each named by the record its link column points at
// (a reading by its target, a status update by its initiative).
func bulkCreated(tx *gorm.DB, table, link, owner, nameCol string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	h := entry(tx, table, 0, "")
	sql := `INSERT INTO history (at, author_id, author, kind, record_id, record_name, field, old, new, why)
		SELECT ?, ?, ?, ?, x.id, o.` + nameCol + `, '', '', 'created', ? FROM ` + table + ` x JOIN ` + owner + ` o ON o.id = x.` + link + ` WHERE `
	which, span := idsOf(tx, "x.id", ids)
	return tx.Exec(sql+which+" ORDER BY x.id", append([]any{h.At, h.AuthorID, h.Author, h.Kind, h.Why}, span...)...).Error
}
