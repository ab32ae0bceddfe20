package app

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cxcommittee/models"
)

// firstRelease copies testdata/first-release.db, written by the first
// release's own `cxcommittee demo`, into a temp folder.
func firstRelease(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "first-release.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "committee.db")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawDB opens a file with the plain driver, as another SQLite tool would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fileState is the schema, version and row counts of a file.
type shape struct {
	Version int
	Schema  string
	Counts  map[string]int
}

func shapeOf(t *testing.T, path string) shape {
	t.Helper()
	db := rawDB(t, path)
	var sh shape
	sh.Counts = map[string]int{}
	if err := db.QueryRow("PRAGMA user_version").Scan(&sh.Version); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name, def string
		rows.Scan(&name, &def)
		sh.Schema += def + ";\n"
		if strings.HasPrefix(def, "CREATE TABLE") && name != "sqlite_sequence" {
			tables = append(tables, name)
		}
	}
	rows.Close()
	for _, tbl := range tables {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM `" + tbl + "`").Scan(&n); err != nil {
			t.Fatal(err)
		}
		sh.Counts[tbl] = n
	}
	db.Close()
	return sh
}

func checksum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestFirstReleaseDatabaseIsUpgradedAfterABackup(t *testing.T) {
	path := firstRelease(t)
	// The newest status update was deleted: its id must not be given again.
	db := rawDB(t, path)
	if _, err := db.Exec("DELETE FROM status_updates WHERE id = (SELECT MAX(id) FROM status_updates)"); err != nil {
		t.Fatal(err)
	}
	seqBefore := sequences(t, db)
	var carried int
	if err := db.QueryRow("SELECT COUNT(*) FROM action_items WHERE carried_to_meeting_id IS NOT NULL").Scan(&carried); err != nil {
		t.Fatal(err)
	}
	db.Close()
	old := shapeOf(t, path)
	if old.Version != 0 || old.Counts["initiatives"] == 0 {
		t.Fatalf("fixture is not a first-release committee: %+v", old)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	upgraded := strings.Join(s.Upgraded, "\n")
	if _, err := s.Dashboard(models.MustDate("2026-11-23")); err != nil {
		t.Errorf("dashboard after the upgrade: %v", err)
	}
	s.Close()

	now := shapeOf(t, path)
	db = rawDB(t, path)
	if got := sequences(t, db); !reflect.DeepEqual(got, seqBefore) {
		t.Errorf("AUTOINCREMENT counters changed:\nbefore %v\nafter  %v", seqBefore, got)
	}
	db.Close()
	if now.Version != LatestSchema {
		t.Errorf("schema version %d after the upgrade, want %d", now.Version, LatestSchema)
	}
	// A new table starts empty, but for the reviews of the actions already
	// carried over.
	derived := map[string]int{"action_reviews": carried}
	for table, n := range now.Counts {
		if was, existed := old.Counts[table]; (existed && was != n) || (!existed && n != derived[table]) {
			t.Errorf("%s holds %d rows after the upgrade, %d before", table, n, was)
		}
	}
	if len(now.Counts) < len(old.Counts) {
		t.Errorf("tables went missing:\nbefore %v\nafter  %v", old.Counts, now.Counts)
	}
	if dateColumn.MatchString(now.Schema) {
		t.Errorf("date columns still declared date:\n%s", now.Schema)
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "committee-*-schema1-before-upgrade.db"))
	if len(backups) != 1 {
		t.Fatalf("want one pre-upgrade backup named with the old schema, found %v", backups)
	}
	if !strings.Contains(upgraded, backups[0]) || !strings.Contains(upgraded, "schema 2:") {
		t.Errorf("Upgraded should say where the backup is and what ran:\n%s", upgraded)
	}
	if saved := shapeOf(t, backups[0]); !reflect.DeepEqual(saved.Counts, old.Counts) || saved.Schema != old.Schema {
		t.Errorf("the backup is not the file as it was before the upgrade")
	}
}

func TestNewerDatabaseIsRefusedAndNotTouched(t *testing.T) {
	path := firstRelease(t)
	db := rawDB(t, path)
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	sum := checksum(t, path)
	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		s, err := open(path)
		if err == nil {
			s.Close()
			t.Fatalf("%s opened a schema 99 file", name)
		}
		if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), "update CX Committee") {
			t.Errorf("%s: %v, want the newer-version message naming both schemas", name, err)
		}
	}
	if checksum(t, path) != sum {
		t.Error("the newer file was changed")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "backups")); err == nil {
		t.Error("a backups folder was made for a file that was refused")
	}
}

func TestFailingMigrationLeavesTheFileAsItWas(t *testing.T) {
	path := firstRelease(t)
	before := shapeOf(t, path)
	db, err := sql.Open("sqlite3", path+"?_foreign_keys=on&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	steps := append(migrations(), migration{version: LatestSchema + 1, what: "a step that fails halfway", run: func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DROP TABLE meetings"); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO no_such_table VALUES (1)")
		return err
	}})
	if _, err := upgrade(context.Background(), db, 1, steps); err == nil || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("upgrade: %v, want a failure saying nothing was changed", err)
	}
	db.Close()
	if after := shapeOf(t, path); !reflect.DeepEqual(after, before) {
		t.Errorf("a failed upgrade changed the file:\nbefore %+v\nafter  %+v", before, after)
	}
}

func TestReadOnlyOpenNeverUpgradesAndPointsToMigrate(t *testing.T) {
	path := firstRelease(t)
	sum := checksum(t, path)
	_, err := OpenReadOnly(path)
	if !errors.Is(err, ErrOlderSchema) || !strings.Contains(err.Error(), "cxcommittee migrate") {
		t.Fatalf("OpenReadOnly on a first-release file: %v, want a pointer to cxcommittee migrate", err)
	}
	if checksum(t, path) != sum {
		t.Error("a read-only open changed the file")
	}
}

func TestDuplicateNamesWithoutTheirUniqueIndexStillOpen(t *testing.T) {
	path := firstRelease(t)
	db := rawDB(t, path)
	for _, q := range []string{
		"DROP INDEX idx_departments_name",
		"INSERT INTO departments (created_at, updated_at, version, name) SELECT datetime(), datetime(), 1, name FROM departments LIMIT 1",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	rows, err := s.DepartmentRows(models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatalf("departments: %v", err)
	}
	if shapeOf(t, path).Counts["departments"] != len(rows) {
		t.Errorf("departments listed %d, stored %d", len(rows), shapeOf(t, path).Counts["departments"])
	}
}

func TestTranslateNeverPanicsOnADuplicate(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	err := s.db.Exec("INSERT INTO departments (created_at, updated_at, version, name) SELECT datetime(), datetime(), 1, name FROM departments LIMIT 1").Error
	var dup *DuplicateError
	if !errors.As(translate(err, nil), &dup) {
		t.Errorf("translate(%v) = %v, want a duplicate message", err, translate(err, nil))
	}
}

// sequences reads SQLite's AUTOINCREMENT counters.
func sequences(t *testing.T, db *sql.DB) map[string]int64 {
	t.Helper()
	rows, err := db.Query("SELECT name, seq FROM sqlite_sequence")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var seq int64
		rows.Scan(&name, &seq)
		out[name] = seq
	}
	return out
}
