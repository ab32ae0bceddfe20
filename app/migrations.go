package app

import (
	"context"
	"cxcommittee/models"
	"database/sql"
	_ "embed" // the first release's schema
	"fmt"
	"regexp"
	"strings"

	"gorm.io/gorm"
)

// LatestSchema is the schema version this build writes. The version is kept
// in the database file itself (SQLite's user_version); a file with a higher
// one was written by a newer build and is refused untouched.
const LatestSchema = 8

//go:embed schema/0001_first_release.sql
var firstReleaseSchema string

//go:embed schema/0003_history.sql
var historySchema string

//go:embed schema/0005_pack_imports.sql
var packImportsSchema string

//go:embed schema/0006_meeting_record.sql
var meetingRecordSchema string

//go:embed schema/0007_decision_grade.sql
var decisionGradeSchema string

//go:embed schema/0008_indexes.sql
var indexesSchema string

// migration is one numbered schema step. It runs inside the upgrade's
// transaction and must leave every row as it found it: run on a file,
// server (nil when there is nothing to do) on a PostgreSQL database that
// was created at an earlier schema.
type migration struct {
	version int
	what    string // said to the user by cxcommittee migrate
	run     func(ctx context.Context, tx *sql.Tx) error
	server  func(tx *gorm.DB) error
}

// migrations lists every step, in order; step N upgrades schema N-1 to N.
func migrations() []migration {
	return []migration{
		{1, "create the committee tables", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, firstReleaseSchema)
			return err
		}, nil},
		{2, "store dates as text, so that values other tools wrote are read as they are", datesAsText, nil},
		{3, "keep a history of every change: who, when, which field, from what to what", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, historySchema)
			return err
		}, func(tx *gorm.DB) error { return tx.AutoMigrate(&models.HistoryEntry{}) }},
		{4, "let a member carry their login on a shared database", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "ALTER TABLE `members` ADD COLUMN `login` text")
			return err
		}, func(tx *gorm.DB) error {
			return tx.Exec("ALTER TABLE members ADD COLUMN IF NOT EXISTS login text").Error
		}},
		{5, "remember which update packs were applied", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, packImportsSchema)
			return err
		}, func(tx *gorm.DB) error { return tx.AutoMigrate(&models.PackImport{}) }},
		{6, "keep notes on agenda items, a discussion summary, and every meeting that reviewed an action", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, meetingRecordSchema)
			return err
		}, func(tx *gorm.DB) error {
			if err := tx.AutoMigrate(&models.Meeting{}, &models.AgendaItem{}, &models.ActionReview{}); err != nil {
				return err
			}
			return tx.Exec(`INSERT INTO action_reviews (action_item_id, meeting_id)
				SELECT a.id, a.carried_to_meeting_id FROM action_items a JOIN meetings m ON m.id = a.carried_to_meeting_id ON CONFLICT DO NOTHING`).Error
		}},
		{7, "keep what the executive report needs: asks, commentary, money, currency and risks", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, decisionGradeSchema)
			return err
		}, func(tx *gorm.DB) error {
			return tx.AutoMigrate(&models.Decision{}, &models.Meeting{}, &models.Initiative{}, &models.Settings{}, &models.Risk{})
		}},
		{8, "index every link between records, so following one never reads a whole table", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, indexesSchema)
			return err
		}, func(tx *gorm.DB) error { return tx.Exec(indexesSchema).Error }},
	}
}

// dateColumn matches a column declared as date (not datetime) in a table's
// CREATE statement.
var dateColumn = regexp.MustCompile("(`[a-z_]+`) date([ ,)])")

// datesAsText rebuilds every table with a date column so the column is
// declared text: the SQLite driver then hands stored values to models.Date
// as they are, instead of turning "23/11/2026" into "not set" and 20261123
// into 1970. The rebuild follows SQLite's own procedure for changing a
// column: new table, copy, drop, rename, indexes.
func datesAsText(ctx context.Context, tx *sql.Tx) error {
	type table struct{ name, sql string }
	rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%` date%'")
	if err != nil {
		return err
	}
	var tables []table
	for rows.Next() {
		var t table
		if err := rows.Scan(&t.name, &t.sql); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range tables {
		if !dateColumn.MatchString(t.sql) {
			continue
		}
		if err := rebuildTable(ctx, tx, t.name, dateColumn.ReplaceAllString(t.sql, "$1 text$2")); err != nil {
			return fmt.Errorf("table %s: %w", t.name, err)
		}
	}
	return nil
}

// rebuildTable replaces table name by one created with createSQL (the same
// columns in the same order), copying every row and recreating its indexes.
func rebuildTable(ctx context.Context, tx *sql.Tx, name, createSQL string) error {
	indexes, err := indexSQL(ctx, tx, name)
	if err != nil {
		return err
	}
	quoted := "`" + name + "`"
	tmp := "`" + name + "__rebuild`"
	var columns string
	for _, q := range []string{quoted, `"` + name + `"`, name} {
		if rest, ok := strings.CutPrefix(createSQL, "CREATE TABLE "+q); ok {
			columns = rest
			break
		}
	}
	if columns == "" {
		return fmt.Errorf("unexpected table definition %q", createSQL)
	}
	// The AUTOINCREMENT counter goes with the dropped table; keep it, so an
	// id once used (and perhaps named in old minutes) is never given again.
	var seq sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT seq FROM sqlite_sequence WHERE name = ?", name).Scan(&seq); err != nil && err != sql.ErrNoRows {
		return err
	}
	steps := []string{
		"CREATE TABLE " + tmp + columns,
		"INSERT INTO " + tmp + " SELECT * FROM " + quoted,
		"DROP TABLE " + quoted,
		"ALTER TABLE " + tmp + " RENAME TO " + quoted,
	}
	for _, stmt := range append(steps, indexes...) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if seq.Valid {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sqlite_sequence WHERE name = ?", name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", name, seq.Int64); err != nil {
			return err
		}
	}
	return nil
}

func indexSQL(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// upgrade runs the steps after version from in one transaction on one
// connection, with foreign-key enforcement off while tables are rebuilt, and
// records the new version in the same transaction: it either completes or
// leaves the file exactly as it was. It returns what was done, in words.
func upgrade(ctx context.Context, db *sql.DB, from int, steps []migration) (done []string, err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, translate(err, nil)
	}
	defer tx.Rollback()
	// Another program may have upgraded the file since it was looked at:
	// the version read under the write lock decides.
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return nil, translate(err, nil)
	}
	from = max(from, current)
	to := from
	for _, m := range steps {
		if m.version <= from {
			continue
		}
		if err := m.run(ctx, tx); err != nil {
			return nil, fmt.Errorf("schema step %d (%s) failed, nothing was changed: %w", m.version, m.what, translate(err, nil))
		}
		done = append(done, fmt.Sprintf("schema %d: %s", m.version, m.what))
		to = m.version
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", to)); err != nil {
		return nil, translate(err, nil)
	}
	return done, translate(tx.Commit(), nil)
}
