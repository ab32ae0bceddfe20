package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the real cxcommittee, built once for these tests.
var binary string

func TestMain(m *testing.M) {
	if os.Getenv(bareWriterEnv) != "" { // a benchmark's baseline process: no binary needed
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "cxcommittee-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "cxcommittee")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building cxcommittee: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cli runs the binary and returns stdout, stderr and the exit status.
func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	// A named locale keeps Fyne's locale lookup quiet, as on a user's desktop.
	cmd.Env = append(os.Environ(), "LANG=en_GB.UTF-8", "LC_ALL=en_GB.UTF-8", "CXCOMMITTEE_DB=")
	return runCmd(t, cmd)
}

// runCmd runs cmd and returns stdout, stderr and the exit status.
func runCmd(t *testing.T, cmd *exec.Cmd) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %v: %v", cmd.Args, err)
	}
	return out.String(), errOut.String(), code
}

// wantOneLineError checks the error contract: one line starting "cxcommittee:".
func wantOneLineError(t *testing.T, stderr string, code, wantCode int, mentions string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit %d, want %d (stderr %q)", code, wantCode, stderr)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "cxcommittee: ") {
		t.Errorf("stderr %q, want one line starting cxcommittee:", stderr)
	}
	if !strings.Contains(stderr, mentions) {
		t.Errorf("stderr %q does not mention %q", stderr, mentions)
	}
}

func TestDemoThenCheckOnAFreshPath(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new", "committee.db")
	out, errOut, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23")
	if code != 0 || !strings.Contains(out, "Loaded the sample committee") {
		t.Fatalf("demo: exit %d, out %q, err %q", code, out, errOut)
	}
	out, errOut, code = cli(t, "check", "--db", db, "--as-of", "2026-11-23")
	if code != 0 {
		t.Fatalf("check: exit %d, err %q", code, errOut)
	}
	if strings.Count(out, "PASS  ") < 3 || strings.Count(out, "FAIL  ") < 3 {
		t.Errorf("want several passing and failing checks:\n%s", out)
	}
	if !strings.Contains(out, "Database integrity: ok") {
		t.Errorf("no integrity result:\n%s", out)
	}
}

func TestDemoRefusesADatabaseWithData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "committee.db")
	if _, e, code := cli(t, "demo", "--db", db); code != 0 {
		t.Fatalf("first demo failed: %s", e)
	}
	before, _, _ := cli(t, "check", "--db", db)
	_, errOut, code := cli(t, "demo", "--db", db)
	wantOneLineError(t, errOut, code, 1, "already holds data")
	after, _, _ := cli(t, "check", "--db", db)
	if before != after {
		t.Error("the refused demo changed the database")
	}
}

func TestBadInputEndsInOneLineError(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("not a database"), 0o644)
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions string
	}{
		{"file that is not a database", []string{"check", "--db", notes}, 1, "not a CX Committee database"},
		{"path that cannot be created", []string{"demo", "--db", filepath.Join(notes, "x", "c.db")}, 1, "not a directory"},
		{"bad date", []string{"check", "--db", filepath.Join(dir, "a.db"), "--as-of", "2026-02-30"}, 2, "YYYY-MM-DD"},
		{"check of a missing database", []string{"check", "--db", filepath.Join(dir, "typo.db")}, 1, "there is no database at"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"check", "--colour"}, 2, "colour"},
		{"stray argument", []string{"check", "--db", filepath.Join(dir, "a.db"), "extra"}, 2, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := cli(t, tt.args...)
			wantOneLineError(t, errOut, code, tt.code, tt.mentions)
		})
	}
	if got, _ := os.ReadFile(notes); string(got) != "not a database" {
		t.Error("the text file was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "typo.db")); err == nil {
		t.Error("check created a database behind a mistyped path")
	}
}

func TestDatabaseDefaultsToEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	cmd := exec.Command(binary, "demo")
	cmd.Env = append(os.Environ(), "LANG=en_GB.UTF-8", "CXCOMMITTEE_DB="+db)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("demo with CXCOMMITTEE_DB: %v %s", err, out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("no database at $CXCOMMITTEE_DB: %v", err)
	}
}

func TestHelpPrintsUsage(t *testing.T) {
	out, _, code := cli(t, "help")
	if code != 0 || !strings.Contains(out, "--as-of DATE") {
		t.Errorf("help: exit %d, out %q", code, out)
	}
}

func TestAgendaCommandReflectsLiveData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "committee.db")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	out, errOut, code := cli(t, "agenda", "--db", db, "--as-of", "2026-11-23")
	if code != 0 {
		t.Fatalf("agenda: exit %d %s", code, errOut)
	}
	for _, want := range []string{"Draft agenda: CX Committee – December 2026, 2026-12-02", "matters arising as of 2026-11-23", "\nOverdue actions (4)\n",
		"Decisions due for review", "Initiatives needing attention", "Targets at risk or off track", "Committee gaps",
		"  - Legal (Martin Frost): no active representative with decision authority"} {
		if !strings.Contains(out, want) {
			t.Errorf("agenda lacks %q:\n%s", want, out)
		}
	}
	if _, errOut, code := cli(t, "agenda", "--db", db, "--as-of", "23/11/2026"); code != 2 || !strings.HasPrefix(errOut, "cxcommittee: ") {
		t.Errorf("bad date: exit %d %q", code, errOut)
	}
}

// TestReportOpensInLibreOffice writes the demo report with the real binary
// and converts it with LibreOffice; make test sets CXCOMMITTEE_REQUIRE_SOFFICE
// so a missing LibreOffice fails instead of skipping.
func TestReportOpensInLibreOffice(t *testing.T) {
	for _, tool := range []string{"soffice", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CXCOMMITTEE_REQUIRE_SOFFICE") != "" {
				t.Fatalf("%s is not installed; make test installs it", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := t.TempDir()
	db, xlsx := filepath.Join(dir, "committee.db"), filepath.Join(dir, "status.xlsx")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	out, errOut, code := cli(t, "report", "--db", db, "-o", xlsx, "--as-of", "2026-11-23")
	if code != 0 || !strings.Contains(out, xlsx) {
		t.Fatalf("report: exit %d %q %q", code, out, errOut)
	}
	convert := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, xlsx)
	convert.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := convert.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice could not convert the report: %v\n%s", err, msg)
	}
	info, err := exec.Command("pdfinfo", filepath.Join(dir, "status.pdf")).Output()
	if err != nil {
		t.Fatalf("LibreOffice did not open the report: no PDF (%v)", err)
	}
	if !strings.Contains(string(info), "Pages:") || strings.Contains(string(info), "Pages:           0") {
		t.Errorf("the PDF has no pages:\n%s", info)
	}
}

func TestReportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "committee.db")
	cli(t, "demo", "--db", db)
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions string
	}{
		{"no output", []string{"report", "--db", db}, 2, "report needs -o FILE.xlsx"},
		{"unwritable folder", []string{"report", "--db", db, "-o", filepath.Join(dir, "missing", "r.xlsx")}, 1, "does not exist"},
		{"not xlsx", []string{"report", "--db", db, "-o", filepath.Join(dir, "r.pdf")}, 1, "must end in .xlsx"},
		{"damaged database", []string{"report", "--db", filepath.Join(dir, "notes.txt"), "-o", filepath.Join(dir, "r.xlsx")}, 1, "not a CX Committee database"},
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a database"), 0o644)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := cli(t, tt.args...)
			wantOneLineError(t, errOut, code, tt.code, tt.mentions)
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "r.xlsx")); err == nil {
		t.Error("a failed report left a file behind")
	}
}

func TestOneLineErrorUnderThePOSIXLocale(t *testing.T) {
	cmd := exec.Command(binary, "check", "--db", filepath.Join(t.TempDir(), "missing.db"))
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=")
	_, errOut, code := runCmd(t, cmd)
	wantOneLineError(t, errOut, code, 1, "there is no database at")
}
