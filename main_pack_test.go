package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fillPack fills cells of a pack with openpyxl, another spreadsheet library
// than the one that wrote it, as a representative's Excel would. cells maps
// "Sheet!A1" to a value; a value "date:2026-11-30" is written as a date and
// "=…" as a formula.
// openpyxl returns the python that has openpyxl, skipping the test when
// none has (failing it under make test, which installs it).
func openpyxl(t *testing.T) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CXCOMMITTEE_REQUIRE_SOFFICE") != "" {
			t.Fatal("python3-openpyxl is not installed; make test installs it")
		}
		t.Skip("python3-openpyxl is not installed")
	}
	return py
}

func fillPack(t *testing.T, src, dst string, cells map[string]any) {
	t.Helper()
	py := openpyxl(t)
	spec, _ := json.Marshal(cells)
	script := `
import json, sys, datetime, openpyxl
src, dst, cells = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
for ref, v in cells.items():
    sheet, cell = ref.split("!")
    if isinstance(v, str) and v.startswith("date:"):
        v = datetime.date.fromisoformat(v[5:])
    if v == "DELETE-ROW":
        wb[sheet].delete_rows(int(cell[1:]))
        continue
    if v == "RENAME-SHEET":
        wb[sheet].title = cell
        continue
    wb[sheet][cell] = v
wb.save(dst)
`
	if out, err := exec.Command(py, "-c", script, src, dst, string(spec)).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
}

// packFor writes the Digital department's pack of a fresh demo committee.
func packFor(t *testing.T) (db, pack string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "committee.db")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatal(e)
	}
	pack = filepath.Join(dir, "digital.xlsx")
	if out, e, code := cli(t, "pack", "--db", db, "--department", "digital", "-o", pack, "--as-of", "2026-11-23"); code != 0 || !strings.Contains(out, "3 initiatives") {
		t.Fatalf("pack: exit %d %q %s", code, out, e)
	}
	return db, pack
}

// good is a filled Digital pack: every kind of row, percents and dates in
// the forms people type them.
var good = map[string]any{
	"Initiatives!J2": "amber", "Initiatives!K2": "35%", "Initiatives!L2": "Gateway passed its security review",
	"Initiatives!K3": 0.4, "Initiatives!L3": "New owner named", "Initiatives!M3": "31/03/2027",
	"Targets!H2": "date:2026-11-20", "Targets!I2": 3.4, "Targets!J2": 250,
	"Actions!G2": "done", "Actions!I2": "Sent to the committee",
}

func TestUpdatePackRoundTrip(t *testing.T) {
	db, pack := packFor(t)
	filled := filepath.Join(filepath.Dir(pack), "digital-filled.xlsx")
	fillPack(t, pack, filled, good)

	before := sum(t, db)
	preview, e, code := cli(t, "import", filled, "--db", db, "--dry-run", "--as-of", "2026-11-23")
	if code != 0 {
		t.Fatalf("dry run: exit %d %s %s", code, preview, e)
	}
	for _, want := range []string{"would change", "Bill shock alerts: health red → amber, 30% → 35%, 'Gateway passed its security review'",
		"Chatbot hand-over to agents: due 2027-02-06 → 2027-03-31, 25% → 40%", "Customer effort score: reading 3.4 on 2026-11-20 (n=250)",
		"status open → done"} {
		if !strings.Contains(preview, want) {
			t.Errorf("the preview lacks %q:\n%s", want, preview)
		}
	}
	if sum(t, db) != before {
		t.Error("the dry run changed the database")
	}
	out, e, code := cli(t, "import", filled, "--db", db, "--as-of", "2026-11-23")
	if code != 0 || !strings.Contains(out, "Applied.") {
		t.Fatalf("import: exit %d %s %s", code, out, e)
	}
	if got := strings.ReplaceAll(out, "changes:", "would change:"); !strings.Contains(got, strings.Split(preview, "\n")[1]) {
		t.Errorf("the import did not do what the preview said:\n%s\npreview:\n%s", out, preview)
	}
	hist, _, _ := cli(t, "history", "--db", db, "--record", "initiative:3")
	if !strings.Contains(hist, "Lukas Novak  initiative #3 \"Bill shock alerts\"  health: red → amber  (import)") {
		t.Errorf("the import is not in history under the department's representative:\n%s", hist)
	}
	// The same pack again changes nothing and says when it was applied.
	applied := sum(t, db)
	again, e, code := cli(t, "import", filled, "--db", db, "--as-of", "2026-11-23")
	if code != 0 || !strings.Contains(again, "already applied on") || sum(t, db) != applied {
		t.Errorf("a repeated import: exit %d %q %s", code, again, e)
	}
}

func TestUpdatePackRefusesBadRowsStaleRowsAndBrokenFiles(t *testing.T) {
	db, pack := packFor(t)
	dir := filepath.Dir(pack)
	before := sum(t, db)
	bad := filepath.Join(dir, "bad.xlsx")
	fillPack(t, pack, bad, map[string]any{
		"Initiatives!J2": "purple", "Initiatives!K3": "150", "Initiatives!J4": "red",
		"Targets!H2": "date:2026-11-20", "Targets!I2": 41, "Actions!H2": "=TODAY()",
	})
	out, e, code := cli(t, "import", bad, "--db", db, "--as-of", "2026-11-23")
	wantOneLineError(t, e, code, 1, "could not be applied")
	for _, want := range []string{`"purple" is not a health`, `"150" is not a whole percentage`, "a note explaining the red health is required",
		"above the scale maximum 7", "a formula is not accepted", "bad-problems.xlsx"} {
		if !strings.Contains(out, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bad-problems.xlsx")); err != nil {
		t.Errorf("no problems workbook: %v", err)
	}
	if sum(t, db) != before {
		t.Error("a pack with bad rows changed the database")
	}

	// A record changed after the pack was issued is a conflict.
	filled := filepath.Join(dir, "stale.xlsx")
	fillPack(t, pack, filled, good)
	sqlExec(t, db, "UPDATE initiatives SET title = 'Bill shock alerts v2', version = version + 1 WHERE id = 3")
	stale := sum(t, db)
	out, e, code = cli(t, "import", filled, "--db", db, "--as-of", "2026-11-23")
	wantOneLineError(t, e, code, 1, "could not be applied")
	if !strings.Contains(out, "CONFLICT Bill shock alerts v2 changed since the pack was issued") || sum(t, db) != stale {
		t.Errorf("a stale row: %s", out)
	}

	// Broken files: one clear line each, nothing changed.
	notes := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(notes, []byte("not a workbook"), 0o644)
	corrupt := filepath.Join(dir, "corrupt.xlsx")
	whole, _ := os.ReadFile(pack)
	os.WriteFile(corrupt, whole[:len(whole)/2], 0o644)
	locked := filepath.Join(dir, "locked.xlsx")
	if f, err := excelize.OpenFile(pack); err == nil {
		f.SaveAs(locked, excelize.Options{Password: "secret"})
		f.Close()
	}
	huge := filepath.Join(dir, "huge.xlsx")
	os.WriteFile(huge, nil, 0o644)
	os.Truncate(huge, 200<<20)
	renamed, moved, deleted := filepath.Join(dir, "renamed.xlsx"), filepath.Join(dir, "moved.xlsx"), filepath.Join(dir, "deleted.xlsx")
	fillPack(t, pack, renamed, map[string]any{"Targets!Readings": "RENAME-SHEET"})
	fillPack(t, pack, moved, map[string]any{"Initiatives!J1": "% complete", "Initiatives!K1": "New health"})
	fillPack(t, pack, deleted, map[string]any{"Initiatives!A3": "DELETE-ROW"})
	for file, want := range map[string]string{
		notes: "is not an Excel workbook", corrupt: "damaged", locked: "password-protected", huge: "far larger than an update pack", renamed: "the Targets sheet is missing or was renamed",
		moved: "columns were moved or renamed", deleted: "rows were added to or deleted from the pack",
		filepath.Join(dir, "missing.xlsx"): "cannot read",
	} {
		out, e, code := cli(t, "import", file, "--db", db)
		wantOneLineError(t, e, code, 1, "could not be applied")
		if !strings.Contains(out, want) || strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("%s: want one line saying %q, got %q", filepath.Base(file), want, out)
		}
	}
	if sum(t, db) != stale {
		t.Error("a broken file changed the database")
	}
}

// A pack opened and saved by LibreOffice still imports.
func TestUpdatePackSurvivesALibreOfficeRoundTrip(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice is not installed (TestReportOpensInLibreOffice says so when required)")
	}
	db, pack := packFor(t)
	dir := filepath.Dir(pack)
	filled := filepath.Join(dir, "filled.xlsx")
	fillPack(t, pack, filled, good)
	outDir := filepath.Join(dir, "lo")
	os.Mkdir(outDir, 0o755)
	convert := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, filled)
	convert.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := convert.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v %s", err, msg)
	}
	out, e, code := cli(t, "import", filepath.Join(outDir, "filled.xlsx"), "--db", db, "--as-of", "2026-11-23")
	if code != 0 || !strings.Contains(out, "health red → amber, 30% → 35%") || !strings.Contains(out, "Applied.") {
		t.Errorf("after a LibreOffice round trip: exit %d %s %s", code, out, e)
	}
}

// A committee moving off spreadsheets imports its registers from CSV files
// and workbooks, all or nothing per file.
func TestOnboardingFromSpreadsheets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "committee.db")
	depts := filepath.Join(dir, "Departments.csv")
	os.WriteFile(depts, []byte("Name , HEAD\nCustomer Service,Ann Lee\nFinance,Bob Roy\n"), 0o644)
	out, e, code := cli(t, "import", depts, "--db", db)
	if code != 0 || !strings.Contains(out, "Departments: add Finance") {
		t.Fatalf("departments: exit %d %s %s", code, out, e)
	}
	// A workbook with a bad row adds nothing and marks the row.
	blank := filepath.Join(dir, "blank.xlsx")
	cmd := exec.Command("/usr/bin/python3", "-c", "import openpyxl,sys; wb=openpyxl.Workbook(); wb.active.title='Members'; wb.create_sheet('Initiatives'); wb.save(sys.argv[1])", blank)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("openpyxl: %v %s", err, msg)
	}
	book := filepath.Join(dir, "committee.xlsx")
	fillPack(t, blank, book, map[string]any{
		"Members!A1": "Name", "Members!B1": "e-mail", "Members!C1": "Department", "Members!D1": "Decision authority",
		"Members!A2": "Ann Lee", "Members!B2": "ann@example.org", "Members!C2": "customer service", "Members!D2": "yes",
		"Members!A3": "Bob Roy", "Members!B3": "not-an-email", "Members!C3": "Finance",
		"Initiatives!A1": "Title", "Initiatives!B1": "Lead department", "Initiatives!C1": "Owner", "Initiatives!D1": "Due date",
		"Initiatives!A2": "Welcome call", "Initiatives!B2": "Customer Service", "Initiatives!C2": "ann@example.org", "Initiatives!D2": "date:2027-01-31",
	})
	before := sum(t, db)
	out, e, code = cli(t, "import", book, "--db", db)
	wantOneLineError(t, e, code, 1, "could not be applied")
	if !strings.Contains(out, `Members row 3, Email: member email "not-an-email" is not an email address`) || sum(t, db) != before {
		t.Errorf("a bad row: %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "committee-problems.xlsx")); err != nil {
		t.Errorf("no problems workbook: %v", err)
	}
	fillPack(t, book, book, map[string]any{"Members!B3": "bob@example.org"})
	out, e, code = cli(t, "import", book, "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "would add") || !strings.Contains(out, "Initiatives: add Welcome call") || sum(t, db) != before {
		t.Fatalf("dry run: exit %d %s %s", code, out, e)
	}
	out, e, code = cli(t, "import", book, "--db", db)
	if code != 0 || !strings.Contains(out, "Members: add Bob Roy (bob@example.org)") {
		t.Fatalf("import: exit %d %s %s", code, out, e)
	}
	if check, _, _ := cli(t, "check", "--db", db); !strings.Contains(check, "Stored values the app cannot use (0)") {
		t.Errorf("the imported committee does not check clean:\n%s", check)
	}
}
