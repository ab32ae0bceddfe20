package app

import (
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"cxcommittee/models"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// StoredProblem is a stored value the app cannot use as its type or range:
// a date that is not a date, text in a number, an unknown status word, a
// percent over 100. The value is kept as stored, shown as it is, and left
// out of every score.
type StoredProblem struct {
	Table      string
	ID         uint
	Name       string // the record's name, for people
	Column     string
	Field      string // the model's field name, for forms
	Raw        string
	Expected   string
	unreadable bool // a number that is not one: read as zero, kept unless replaced
}

// String is the problem on one line: table, row and name, column, the raw
// value and what was expected.
func (p StoredProblem) String() string {
	return fmt.Sprintf("%s #%d %q: %s holds %q; expected %s", p.Table, p.ID, p.Name, p.Column, p.Raw, p.Expected)
}

// columnRule finds one kind of bad value in one column. bad is an SQL
// condition on the column written as c.
type columnRule struct {
	column, field string
	bad           string
	args          []any
	expected      string
	unreadable    bool // the value reads as zero
}

// tableRules are the rules of one table and how to name its rows.
type tableRules struct {
	table string
	name  string // SQL giving a row's name
	rules []columnRule
}

// recordNames says how each table's rows are named in a problem report.
var recordNames = map[string]string{
	"programs":       "organisation_name",
	"departments":    "name",
	"members":        "name",
	"journeys":       "name",
	"targets":        "name",
	"initiatives":    "title",
	"status_updates": "(SELECT title FROM initiatives i WHERE i.id = initiative_id)",
	"status_changes": "(SELECT title FROM initiatives i WHERE i.id = initiative_id)",
	"measurements":   "(SELECT name FROM targets t WHERE t.id = target_id)",
	"meetings":       "title",
	"attendances":    "(SELECT name FROM members m WHERE m.id = member_id)",
	"decisions":      "statement",
	"action_items":   "description",
	"agenda_items":   "topic",
}

// rangeRules are the allowed ranges of number columns beyond their type.
var rangeRules = map[string][]columnRule{
	"initiatives": {
		{column: "percent_complete", bad: "{c} < 0 OR {c} > 100", expected: "a percentage from 0 to 100"},
		{column: "expected_benefit", bad: "{c} < 0", expected: "an amount of money that is not negative"},
	},
	"status_updates": {{column: "percent_complete", bad: "{c} < 0 OR {c} > 100", expected: "a percentage from 0 to 100"}},
	"measurements": {
		{column: "sample_size", bad: "{c} < 0", expected: "a sample size that is not negative"},
		{column: "value", bad: "{c} < (SELECT scale_min FROM targets t WHERE t.id = target_id) OR {c} > (SELECT scale_max FROM targets t WHERE t.id = target_id)",
			expected: "a value within the target's scale"},
	},
	"targets": {{column: "amber_tolerance", bad: "{c} < 0", expected: "a tolerance that is not negative"}},
}

// storedRules builds the rules of every table from the models: dates, the
// lenient number columns, the status words and the ranges above.
func storedRules(db *gorm.DB) ([]tableRules, error) {
	d := dialectOf(db)
	var out []tableRules
	cache := &sync.Map{}
	for _, m := range allModels() {
		sch, err := schema.Parse(m, cache, db.NamingStrategy)
		if err != nil {
			return nil, err
		}
		t := tableRules{table: sch.Table, name: recordNames[sch.Table]}
		for _, f := range sch.Fields {
			if r, ok := typeRule(f, d); ok {
				t.rules = append(t.rules, r)
			}
		}
		for _, r := range rangeRules[sch.Table] {
			if f := sch.LookUpField(r.column); f != nil {
				r.field = f.Name
			}
			r.bad = d.isNumber("{c}") + " AND (" + r.bad + ")"
			t.rules = append(t.rules, r)
		}
		out = append(out, t)
	}
	return out, nil
}

// typeRule is the rule a field's type sets, if any.
func typeRule(f *schema.Field, d dialect) (columnRule, bool) {
	r := columnRule{column: f.DBName, field: f.Name}
	kind := f.IndirectFieldType.Kind()
	switch {
	case f.DBName == "":
		return r, false
	case d.server() && (f.IndirectFieldType == reflect.TypeOf(models.Date{}) || f.Serializer != nil):
		return r, false // the server's column types hold nothing else
	case f.IndirectFieldType == reflect.TypeOf(models.Date{}):
		r.bad, r.expected = "{c} IS NOT NULL AND (typeof({c}) <> 'text' OR date({c}) IS NOT {c} OR {c} = '0001-01-01')", "a date written YYYY-MM-DD"
		return r, true
	case f.Serializer != nil && kind == reflect.Bool:
		r.bad, r.expected, r.unreadable = "{c} IS NOT NULL AND (typeof({c}) <> 'integer' OR {c} NOT IN (0, 1))", "1 (yes) or 0 (no)", true
		return r, true
	case f.Serializer != nil && kind >= reflect.Int && kind <= reflect.Uint64:
		r.bad, r.expected, r.unreadable = "{c} IS NOT NULL AND typeof({c}) <> 'integer'", "a whole number", true
		return r, true
	case f.Serializer != nil && (kind == reflect.Float32 || kind == reflect.Float64):
		r.bad, r.expected, r.unreadable = "{c} IS NOT NULL AND typeof({c}) NOT IN ('integer', 'real')", "a number", true
		return r, true
	}
	if allowed, ok := models.AllowedWords(reflect.Zero(f.IndirectFieldType).Interface()); ok {
		r.bad = "{c} IS NULL OR {c} NOT IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(allowed)), ", ") + ")"
		for _, w := range allowed {
			r.args = append(r.args, w)
		}
		r.expected = "one of " + models.WordList(allowed)
		return r, true
	}
	return r, false
}

// on writes the rule's condition for the column of table.
func (r columnRule) on(table string) string {
	return strings.ReplaceAll(r.bad, "{c}", `"`+table+`"."`+r.column+`"`)
}

// StoredProblems lists every stored value the app cannot use, table by
// table. One bad value never stops the listing.
func (s *Store) StoredProblems() ([]StoredProblem, error) {
	return storedProblemsIn(s.db, "", 0)
}

// StoredProblemsOf lists the stored problems of one record, named by its
// table ("initiatives") and id.
func (s *Store) StoredProblemsOf(table string, id uint) ([]StoredProblem, error) {
	return storedProblemsIn(s.db, table, id)
}

func storedProblemsIn(db *gorm.DB, onlyTable string, id uint) ([]StoredProblem, error) {
	tables, err := storedRules(db)
	if err != nil {
		return nil, err
	}
	var out []StoredProblem
	for _, t := range tables {
		if onlyTable != "" && t.table != onlyTable {
			continue
		}
		found, err := tableProblems(db, t, id)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// tableProblems runs every rule of a table (or of one row of it when
// id > 0) in one statement, and lists what they find in rule order.
func tableProblems(db *gorm.DB, t tableRules, id uint) ([]StoredProblem, error) {
	if len(t.rules) == 0 {
		return nil, nil
	}
	name := t.name
	if name == "" {
		name = "''"
	}
	var parts []string
	var args []any
	for i, r := range t.rules {
		q := fmt.Sprintf(`SELECT %d AS rule, id, COALESCE(CAST(%s AS TEXT), '') AS name, COALESCE(CAST("%s" AS TEXT), '(empty)') AS raw FROM "%s" WHERE (%s)`,
			i, name, r.column, t.table, r.on(t.table))
		args = append(args, r.args...)
		if id > 0 {
			q += " AND id = ?"
			args = append(args, id)
		}
		parts = append(parts, q)
	}
	rows, err := db.Raw(strings.Join(parts, " UNION ALL ")+" ORDER BY rule, id", args...).Rows()
	if err != nil {
		return nil, translate(err, nil)
	}
	defer rows.Close()
	var out []StoredProblem
	for rows.Next() {
		var rule int
		var p StoredProblem
		var raw sql.NullString
		if err := rows.Scan(&rule, &p.ID, &p.Name, &raw); err != nil {
			return nil, translate(err, nil)
		}
		r := t.rules[rule]
		p.Table, p.Column, p.Field, p.Expected, p.unreadable, p.Raw = t.table, r.column, r.field, r.expected, r.unreadable, raw.String
		out = append(out, p)
	}
	return out, translate(rows.Err(), nil)
}

// keptColumns lists the number columns of a stored record that hold a value
// the app could not read and that rec leaves at zero: an update must not
// write over them.
func keptColumns(tx *gorm.DB, rec Entity) ([]string, error) {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(rec); err != nil {
		return nil, err
	}
	problems, err := storedProblemsIn(tx, stmt.Schema.Table, rec.Key())
	if err != nil {
		return nil, err
	}
	var keep []string
	value := reflect.ValueOf(rec)
	for _, p := range problems {
		f := stmt.Schema.LookUpField(p.Column)
		if !p.unreadable || f == nil {
			continue
		}
		if _, zero := f.ValueOf(tx.Statement.Context, value); zero {
			keep = append(keep, p.Column)
		}
	}
	return keep, nil
}

// StoredProblemsFor lists the stored problems of a saved record; none for a
// new one.
func (s *Store) StoredProblemsFor(rec Entity) ([]StoredProblem, error) {
	if rec.Key() == 0 {
		return nil, nil
	}
	stmt := &gorm.Statement{DB: s.db}
	if err := stmt.Parse(rec); err != nil {
		return nil, err
	}
	return storedProblemsIn(s.db, stmt.Schema.Table, rec.Key())
}
