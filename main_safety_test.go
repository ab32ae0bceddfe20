package main

import (
	"crypto/sha256"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// demoDB makes a demo database in a fresh folder.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "committee.db")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	return db
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func sqlExec(t *testing.T, path string, queries ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range queries {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// sqlQuery reads one row of a query straight from a database file.
func sqlQuery(t *testing.T, path, query string, dest ...any) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(query).Scan(dest...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func TestReportRefusesTheDatabaseAndFilesThatAreNotWorkbooks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "same.xlsx")
	if _, e, code := cli(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	before := sum(t, db)
	_, errOut, code := cli(t, "report", "--db", db, "-o", db)
	wantOneLineError(t, errOut, code, 1, "is the committee database itself")
	if sum(t, db) != before {
		t.Error("the database was replaced by the report")
	}
	notes := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(notes, []byte("my notes"), 0o644)
	_, errOut, code = cli(t, "report", "--db", db, "-o", notes)
	wantOneLineError(t, errOut, code, 1, "is not an Excel workbook")
	if got, _ := os.ReadFile(notes); string(got) != "my notes" {
		t.Error("a file that is not a workbook was replaced")
	}
	// An earlier report may be replaced.
	old := filepath.Join(dir, "status.xlsx")
	for i := 0; i < 2; i++ {
		if _, e, code := cli(t, "report", "--db", db, "-o", old); code != 0 {
			t.Fatalf("report run %d: %s", i+1, e)
		}
	}
}

func TestCheckListsStoredValuesItCannotUseAndFails(t *testing.T) {
	db := demoDB(t)
	sqlExec(t, db, "UPDATE initiatives SET due_date = '23/11/2026' WHERE id = 1",
		"UPDATE measurements SET value = 'n/a' WHERE id = 2")
	out, errOut, code := cli(t, "check", "--db", db, "--as-of", "2026-11-23")
	wantOneLineError(t, errOut, code, 1, "2 stored values the app cannot use")
	for _, want := range []string{
		"Stored values the app cannot use (2)\n",
		`  initiatives #1 "Redesign the welcome pack": due_date holds "23/11/2026"; expected a date written YYYY-MM-DD`,
		`  measurements #2 `, `value holds "n/a"; expected a number`,
		"Governance health check as of 2026-11-23", "Database integrity: ok",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// The other read-only commands still work.
	if _, e, code := cli(t, "agenda", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Errorf("agenda with a bad stored value: %s", e)
	}
	if _, e, code := cli(t, "report", "--db", db, "-o", filepath.Join(t.TempDir(), "r.xlsx"), "--as-of", "2026-11-23"); code != 0 {
		t.Errorf("report with a bad stored value: %s", e)
	}
}

func TestMigrateUpgradesAFirstReleaseDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "committee.db")
	data, err := os.ReadFile(filepath.Join("app", "testdata", "first-release.db"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(db, data, 0o644)
	before := sum(t, db)
	_, errOut, code := cli(t, "check", "--db", db)
	wantOneLineError(t, errOut, code, 1, "cxcommittee migrate --db "+db)
	if sum(t, db) != before {
		t.Fatal("check changed an older database")
	}
	out, errOut, code := cli(t, "migrate", "--db", db)
	if code != 0 || !strings.Contains(out, "Upgraded "+db+" to schema") || !strings.Contains(out, "backed up to "+filepath.Join(dir, "backups")) {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errOut)
	}
	if out, e, code := cli(t, "check", "--db", db, "--as-of", "2026-11-23"); code != 0 || !strings.Contains(out, "Database integrity: ok") {
		t.Errorf("check after migrate: exit %d %s", code, e)
	}
	if out, _, code := cli(t, "migrate", "--db", db); code != 0 || !strings.Contains(out, "nothing to do") {
		t.Errorf("second migrate: exit %d %q", code, out)
	}
}

func TestBackupAndRestoreCommands(t *testing.T) {
	db := demoDB(t)
	copyFile := filepath.Join(t.TempDir(), "copy.db")
	out, errOut, code := cli(t, "backup", "--db", db, "-o", copyFile)
	if code != 0 || !strings.Contains(out, copyFile) {
		t.Fatalf("backup: exit %d %q %q", code, out, errOut)
	}
	want, _, _ := cli(t, "check", "--db", db, "--as-of", "2026-11-23")
	sqlExec(t, db, "DELETE FROM initiatives WHERE id = 1")
	out, errOut, code = cli(t, "restore", copyFile, "--db", db)
	if code != 0 || !strings.Contains(out, "Restored") || !strings.Contains(out, "before-restore") {
		t.Fatalf("restore: exit %d %q %q", code, out, errOut)
	}
	if got, _, _ := cli(t, "check", "--db", db, "--as-of", "2026-11-23"); got != want {
		t.Errorf("after restore check prints\n%s\nwant\n%s", got, want)
	}
	_, errOut, code = cli(t, "restore", "--db", db)
	wantOneLineError(t, errOut, code, 2, "needs the backup FILE")
	notes := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notes, []byte("not a database"), 0o644)
	_, errOut, code = cli(t, "restore", notes, "--db", db)
	wantOneLineError(t, errOut, code, 1, "not a CX Committee database")
}

func TestRestoreReplacesADamagedDatabase(t *testing.T) {
	db := demoDB(t)
	copyFile := filepath.Join(t.TempDir(), "copy.db")
	if _, e, code := cli(t, "backup", "--db", db, "-o", copyFile); code != 0 {
		t.Fatal(e)
	}
	want, _, _ := cli(t, "check", "--db", db, "--as-of", "2026-11-23")
	// Damage the file past its header.
	data, _ := os.ReadFile(db)
	for i := 100; i < len(data); i++ {
		data[i] = 0xA5
	}
	os.WriteFile(db, data, 0o644)
	out, errOut, code := cli(t, "restore", copyFile, "--db", db)
	if code != 0 || !strings.Contains(out, "damaged") {
		t.Fatalf("restore over a damaged file: exit %d %q %q", code, out, errOut)
	}
	if got, _, _ := cli(t, "check", "--db", db, "--as-of", "2026-11-23"); got != want {
		t.Errorf("after restore check prints\n%s\nwant\n%s", got, want)
	}
}

func TestNoDisplayGivesOneLine(t *testing.T) {
	cmd := exec.Command(binary, "--db", filepath.Join(t.TempDir(), "c.db"))
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "LANG=C.UTF-8")
	_, errOut, code := runCmd(t, cmd)
	wantOneLineError(t, errOut, code, 1, "the window needs a display")
}

func TestDemoOnAFullDiskLeavesNoFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "committee.db")
	// A file-size limit of 200 KiB stands in for a full disk.
	cmd := exec.Command("sh", "-c", `ulimit -f 400 && exec "$0" demo --db "$1"`, binary, db)
	_, errOut, code := runCmd(t, cmd)
	wantOneLineError(t, errOut, code, 1, "")
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s was left behind", filepath.Base(f))
		}
	}
}

// TestReadOnlyFolderCanBeRead runs the real binary as an unprivileged user
// on a database in a folder it cannot write (root could write anywhere).
func TestReadOnlyFolderCanBeRead(t *testing.T) {
	setpriv, err := exec.LookPath("setpriv")
	if err != nil || os.Getuid() != 0 {
		t.Skip("needs root and setpriv to run as another user")
	}
	base, err := os.MkdirTemp("", "cx-readonly")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(base, "folder"), 0o755); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	folder := filepath.Join(base, "folder")
	os.Mkdir(folder, 0o755)
	db := filepath.Join(folder, "committee.db")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatal(e)
	}
	bin := filepath.Join(base, "cxcommittee")
	data, _ := os.ReadFile(binary)
	os.WriteFile(bin, data, 0o755)
	os.RemoveAll(filepath.Join(folder, "backups"))
	os.Chmod(db, 0o644)
	os.Chmod(folder, 0o555)
	before := sum(t, db)
	asNobody := func(args ...string) (string, string, int) {
		cmd := exec.Command(setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
		cmd.Env = []string{"HOME=" + base, "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}
		return runCmd(t, cmd)
	}
	if out, e, code := asNobody("check", "--db", db, "--as-of", "2026-11-23"); code != 0 || !strings.Contains(out, "Database integrity: ok") {
		t.Errorf("check in a read-only folder: exit %d %q %q", code, out, e)
	}
	if out, e, code := asNobody("agenda", "--db", db, "--as-of", "2026-11-23"); code != 0 || !strings.Contains(out, "Draft agenda") {
		t.Errorf("agenda in a read-only folder: exit %d %q", code, e)
	}
	_, e, code := asNobody("demo", "--db", db)
	wantOneLineError(t, e, code, 1, "read-only")
	if sum(t, db) != before {
		t.Error("the read-only database changed")
	}
}

// TestReadOnlyCommandsLeaveNoFiles checks that reading leaves the folder as
// it was: no journal, no lock files, no probes.
func TestReadOnlyCommandsLeaveNoFiles(t *testing.T) {
	db := demoDB(t)
	dir := filepath.Dir(db)
	list := func() string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return strings.Join(names, " ")
	}
	before, sumBefore := list(), sum(t, db)
	out := t.TempDir()
	for _, args := range [][]string{
		{"check", "--db", db},
		{"agenda", "--db", db},
		{"report", "--db", db, "-o", filepath.Join(out, "r.xlsx")},
		{"backup", "--db", db, "-o", filepath.Join(out, "b.db")},
	} {
		if _, e, code := cli(t, args...); code != 0 {
			t.Fatalf("%v: %s", args, e)
		}
		if got := list(); got != before {
			t.Errorf("%s left files: %s, was %s", args[0], got, before)
		}
	}
	if sum(t, db) != sumBefore {
		t.Error("a read-only command changed the database")
	}
}

func TestVersionIsFyneAppTomls(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := cli(t, "version")
	if code != 0 || !strings.Contains(string(toml), `Version = "`+strings.Fields(out)[1]+`"`) || !strings.Contains(out, "schema") {
		t.Errorf("version printed %q; FyneApp.toml says\n%s", out, toml)
	}
}
