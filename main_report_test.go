package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// reportFacts is what openpyxl reads off an exported report.
type reportFacts struct {
	Summary      []string            // every text on the Summary
	Health       string              // overall programme health
	Churn        []any               // the churn rate's scorecard line
	TotalValue   any                 // the money block's total
	TotalFormat  string              // and its number format
	Sparklines   int                 // on the Summary
	ChartColours []string            // RAG fills found in the health chart
	RiskRows     int                 // rows on the Risks sheet, header included
	EmptyStrings []string            // cells holding "" (should be none)
	Tables       map[string][]string // tables registered, by sheet
	// ReadOnlyDiffers names the sheets that openpyxl's read-only mode
	// (which pandas uses) reads otherwise than its full mode.
	ReadOnlyDiffers []string
}

// readReport reads a report with openpyxl, a library other than the one
// that wrote it, as an executive's Excel would.
func readReport(t *testing.T, path string) reportFacts {
	t.Helper()
	py := openpyxl(t)
	script := `
import json, sys, zipfile, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
s = wb["Summary"]
out = {"Summary": [], "Health": "", "Churn": [], "TotalValue": None, "TotalFormat": "", "EmptyStrings": [], "Tables": {}}
for row in s.iter_rows():
    a = row[0].value
    for c in row:
        if isinstance(c.value, str):
            out["Summary"].append(c.value)
    if a == "Overall programme health":
        out["Health"] = row[1].value
    if a == "Customer churn rate" and not out["Churn"]:
        out["Churn"] = [c.value for c in row[:7]]
    if a == "Total under way":
        out["TotalValue"], out["TotalFormat"] = row[1].value, row[1].number_format
for ws in wb.worksheets:
    out["Tables"][ws.title] = list(ws.tables.keys())
    for row in ws.iter_rows():
        for c in row:
            if c.value == "":
                out["EmptyStrings"].append(ws.title + "!" + c.coordinate)
out["RiskRows"] = wb["Risks"].max_row
ro = openpyxl.load_workbook(path, read_only=True)
out["ReadOnlyDiffers"] = [ws.title for ws in wb.worksheets
    if list(ro[ws.title].iter_rows(values_only=True)) != list(ws.iter_rows(values_only=True))]
z = zipfile.ZipFile(path)
out["Sparklines"] = z.read("xl/worksheets/sheet1.xml").decode().count("<x14:sparkline>")
chart = z.read("xl/charts/chart1.xml").decode()
out["ChartColours"] = [c for c in ("4CA64C", "F2B705", "D64545") if c in chart]
print(json.dumps(out, default=str))
`
	raw, err := exec.Command(py, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("openpyxl could not read %s: %v", path, err)
	}
	var f reportFacts
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// The report read by openpyxl: the asks, the commentary, the movement, the
// money in euros with its total, the sparklines, the health chart's RAG
// colours, the Risks sheet and the next 30 days; no empty-string cell;
// every register a table. A reading outside its target's scale, planted in
// the database, changes neither the target's line nor overall health.
func TestReportReadByAnotherLibrary(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	export := func(name string) reportFacts {
		path := filepath.Join(dir, name)
		if _, e, code := cli(t, "report", "--db", db, "--as-of", "2026-11-23", "-o", path); code != 0 {
			t.Fatalf("report: %s", e)
		}
		return readReport(t, path)
	}
	f := export("before.xlsx")
	text := strings.Join(f.Summary, "\n")
	for _, want := range []string{"Decisions needed from you (2)", "Launch payment plans before winter under an interim policy",
		"The chair's commentary", "At the previous meeting (2026-10-28)", "How overall health is set",
		"Value at risk (amber and red)", "Top risks (6)", "Next 30 days", "↓ 6.99% → 6.82% since the last meeting: better"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Summary lacks %q", want)
		}
	}
	if v, ok := f.TotalValue.(float64); !ok || v <= 0 || !strings.Contains(f.TotalFormat, "€") {
		t.Errorf("the money total is %v in format %q, want a number in euros", f.TotalValue, f.TotalFormat)
	}
	if f.Sparklines < 6 || len(f.ChartColours) != 3 || f.RiskRows != 8 {
		t.Errorf("%d sparklines, health chart colours %v, %d rows on the Risks sheet", f.Sparklines, f.ChartColours, f.RiskRows)
	}
	if len(f.ReadOnlyDiffers) > 0 {
		t.Errorf("openpyxl's read-only mode reads these sheets otherwise: %v", f.ReadOnlyDiffers)
	}
	if len(f.EmptyStrings) > 0 {
		t.Errorf("cells hold empty strings: %v", f.EmptyStrings[:min(5, len(f.EmptyStrings))])
	}
	for _, sheet := range []string{"Initiatives", "Targets", "Risks", "Decisions", "Actions", "Meetings", "Changes", "Governance", "Committee", "Measurements"} {
		if len(f.Tables[sheet]) == 0 {
			t.Errorf("the %s sheet registers no table", sheet)
		}
	}

	// Churn cannot fall below 0%: a reading of -5% is flagged, not scored.
	sqlExec(t, db, `INSERT INTO measurements (created_at, updated_at, version, target_id, date, value, sample_size)
		SELECT datetime(), datetime(), 1, id, '2026-11-22', -5, 1000 FROM targets WHERE name = 'Customer churn rate'`)
	g := export("after.xlsx")
	if g.Health != f.Health || !equalLine(g.Churn, f.Churn) {
		t.Errorf("an impossible reading moved the report: health %v → %v, churn line %v → %v", f.Health, g.Health, f.Churn, g.Churn)
	}
	if out, _, code := cli(t, "check", "--db", db, "--as-of", "2026-11-23"); code != 1 || !strings.Contains(out, "-5") {
		t.Errorf("check does not flag the impossible reading (exit %d):\n%s", code, out)
	}
}

// equalLine compares two scorecard lines as text.
func equalLine(a, b []any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
