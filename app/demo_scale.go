package app

import (
	"fmt"
	"strings"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// scaledTable says how the scaled sample copies one table: which columns
// are ids of a copied table (moved by that table's offset in each copy),
// and which name column gets the copy's number.
type scaledTable struct {
	table string
	model any
	links map[string]string // column -> the copied table it points at
	name  string            // a name made unique per copy, or ""
}

// scaledTables are the tables the scaled sample multiplies: the programme's
// work. The committee itself (departments, members, journeys, meetings) is
// the sample's, shared by every copy.
func scaledTables() []scaledTable {
	return []scaledTable{
		{"targets", &models.Target{}, map[string]string{"id": "targets", "parent_id": "targets"}, "name"},
		{"initiatives", &models.Initiative{}, map[string]string{"id": "initiatives"}, "title"},
		{"initiative_targets", nil, map[string]string{"initiative_id": "initiatives", "target_id": "targets"}, ""},
		{"status_updates", &models.StatusUpdate{}, map[string]string{"id": "status_updates", "initiative_id": "initiatives"}, ""},
		{"status_changes", &models.StatusChange{}, map[string]string{"id": "status_changes", "initiative_id": "initiatives"}, ""},
		{"measurements", &models.Measurement{}, map[string]string{"id": "measurements", "target_id": "targets"}, ""},
		{"decisions", &models.Decision{}, map[string]string{"id": "decisions", "initiative_id": "initiatives", "target_id": "targets",
			"superseded_by_id": "decisions", "supersedes_id": "decisions"}, "statement"},
		{"action_items", &models.ActionItem{}, map[string]string{"id": "action_items", "initiative_id": "initiatives", "decision_id": "decisions"}, "description"},
		{"risks", &models.Risk{}, map[string]string{"id": "risks", "initiative_id": "initiatives"}, "title"},
	}
}

// LoadScaledDemo fills an empty database with the sample committee and
// its programme n times over: n copies of its targets, initiatives, status
// updates and changes, readings, decisions, actions and risks (the copies
// numbered in their names, "Bill shock alerts (2)"), run by the one sample
// committee. The same asOf and n always give the same data; n = 667 gives
// about 10,000 initiatives. Each table is copied by one statement, in the
// same transaction as the sample; the copies' creation is not itemised in
// history.
func (s *Store) LoadScaledDemo(asOf models.Date, n int) error {
	if n < 1 {
		return fmt.Errorf("the scale must be a whole number of at least 1, not %d", n)
	}
	if err := s.LoadDemo(asOf); err != nil || n == 1 {
		return err
	}
	return s.writeLarge(models.WhyDemo, func(tx *gorm.DB) error {
		offsets := map[string]int64{}
		for _, t := range scaledTables() {
			if t.model == nil {
				continue
			}
			top, err := lastID(tx, t.table)
			if err != nil {
				return err
			}
			offsets[t.table] = top
		}
		for _, t := range scaledTables() {
			if err := copyScaled(tx, t, offsets, n); err != nil {
				return fmt.Errorf("scaling %s: %w", t.table, err)
			}
		}
		if !dialectOf(tx).server() {
			return nil // SQLite's counters follow the highest id inserted
		}
		for table := range offsets { // a server's sequences do not: move them on
			if err := tx.Exec("SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM "+table+"))", table).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// copyScaled inserts copies 2..n of a table's sample rows in one statement.
func copyScaled(tx *gorm.DB, t scaledTable, offsets map[string]int64, n int) error {
	cols, err := columnsOf(tx, t)
	if err != nil {
		return err
	}
	exprs, quoted := make([]string, len(cols)), make([]string, len(cols))
	var args []any
	for i, c := range cols {
		quoted[i] = `"` + c + `"` // status changes have columns named from and to
		switch {
		case t.links[c] != "":
			exprs[i] = "s." + quoted[i] + " + (copies.k - 1) * ?"
			args = append(args, offsets[t.links[c]])
		case c == t.name:
			exprs[i] = "s." + quoted[i] + " || ' (' || copies.k || ')'"
		default:
			exprs[i] = "s." + quoted[i]
		}
	}
	where := "s.id <= ?"
	args = append(args, offsets[t.table])
	if t.model == nil { // the link table: its sample rows are those of the sample's initiatives
		where = "s.initiative_id <= ?"
		args[len(args)-1] = offsets["initiatives"]
	}
	sql := `WITH RECURSIVE copies(k) AS (SELECT 2 UNION ALL SELECT k + 1 FROM copies WHERE k < ?)
		INSERT INTO ` + t.table + ` (` + strings.Join(quoted, ", ") + `)
		SELECT ` + strings.Join(exprs, ", ") + ` FROM ` + t.table + ` s, copies WHERE ` + where + ` ORDER BY copies.k`
	return tx.Exec(sql, append([]any{n}, args...)...).Error
}

// columnsOf lists a table's columns as its model declares them.
func columnsOf(tx *gorm.DB, t scaledTable) ([]string, error) {
	if t.model == nil {
		return []string{"initiative_id", "target_id"}, nil
	}
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(t.model); err != nil {
		return nil, err
	}
	return stmt.Schema.DBNames, nil
}
