package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/app/testserver"
	"cxcommittee/models"
)

var asOf = models.MustDate("2026-11-23")

// engines are the two ways to keep a committee: a fresh file or a fresh
// database on the PostgreSQL test server.
var engines = []struct {
	name string
	db   func(t *testing.T) string
}{
	{"file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "committee.db") }},
	{"server", func(t *testing.T) string { return testserver.Database(t) }},
}

// onEngines runs a test once on each engine's demo committee.
func onEngines(t *testing.T, test func(t *testing.T, s *app.Store)) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { test(t, demoOn(t, e.db(t))) })
	}
}

func demoStore(t testing.TB) *app.Store {
	t.Helper()
	return demoOn(t, filepath.Join(t.TempDir(), "committee.db"))
}

func demoOn(t testing.TB, db string) *app.Store {
	t.Helper()
	s, err := app.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.LoadDemo(asOf); err != nil {
		t.Fatal(err)
	}
	return s
}

// exportDemo writes the demo report and opens it again with excelize.
func exportDemo(t *testing.T, s *app.Store) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "status.xlsx")
	if err := Export(s, path, asOf, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the report does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

func TestReportSheetsInOrderWithRowCounts(t *testing.T) {
	onEngines(t, func(t *testing.T, s *app.Store) {
		f, _ := exportDemo(t, s)
		want := []string{"Summary", "Initiatives", "Targets", "Risks", "Decisions", "Actions", "Meetings", "Changes", "Governance", "Committee", "Target trend", "Measurements"}
		if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("sheets %v, want %v", got, want)
		}
		inis, _ := s.InitiativeRows(asOf)
		decisions, _ := s.DecisionRows(asOf)
		actions, _ := s.ActionRows(asOf)
		meetings, _ := s.MeetingRows()
		counts := map[string]int{"Initiatives": len(inis), "Targets": 8, "Decisions": len(decisions), "Actions": len(actions), "Meetings": len(meetings), "Measurements": 96}
		for sheet, n := range counts {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < n+1 {
				t.Errorf("%s has %d rows, want a header and %d records", sheet, len(rows), n)
			}
		}
		tables, _ := f.GetTables("Initiatives")
		if len(tables) != 1 || tables[0].Range != "A1:S16" {
			t.Errorf("Initiatives table %+v, want A1:S16 with filters", tables)
		}
	})
}

func TestReportValuesAreRealDatesAndNumbers(t *testing.T) {
	onEngines(t, func(t *testing.T, s *app.Store) {
		f, _ := exportDemo(t, s)
		rows, _ := f.GetRows("Initiatives")
		header := rows[0]
		col := func(name string) string {
			for i, h := range header {
				if h == name {
					c, _ := excelize.ColumnNumberToName(i + 1)
					return c
				}
			}
			t.Fatalf("no column %q in %v", name, header)
			return ""
		}
		var row int
		for i, r := range rows {
			if r[0] == "Bill shock alerts" {
				row = i + 1
			}
		}
		due := col("Due") + strconv.Itoa(row)
		if v, _ := f.GetCellValue("Initiatives", due); v != "2026-12-13" {
			t.Errorf("due shows %q, want 2026-12-13", v)
		}
		raw, _ := f.GetCellValue("Initiatives", due, excelize.Options{RawCellValue: true})
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			t.Errorf("due date stored as %q, not as a date serial", raw)
		}
		pct := col("% complete") + strconv.Itoa(row)
		if raw, _ := f.GetCellValue("Initiatives", pct, excelize.Options{RawCellValue: true}); raw != "0.3" {
			t.Errorf("percent complete stored as %q, want the number 0.3", raw)
		}
		if v, _ := f.GetCellValue("Initiatives", pct); v != "30%" {
			t.Errorf("percent complete shows %q, want 30%%", v)
		}
		benefit := col("Expected annual benefit") + strconv.Itoa(row)
		if v, _ := f.GetCellValue("Initiatives", benefit); v != "€240,000" {
			t.Errorf("benefit shows %q, want €240,000 (the sample committee counts in euros)", v)
		}
		if typ, _ := f.GetCellType("Initiatives", benefit); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
			t.Error("benefit written as text")
		}
	})
}

func TestReportFrozenHeadersConditionalFormatsAndPrint(t *testing.T) {
	onEngines(t, func(t *testing.T, s *app.Store) {
		f, path := exportDemo(t, s)
		for _, sheet := range []string{"Initiatives", "Targets", "Decisions", "Actions", "Meetings", "Committee", "Measurements"} {
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: header not frozen (%+v, %v)", sheet, panes, err)
			}
		}
		wide := 0
		for _, sheet := range f.GetSheetList() {
			layout, err := f.GetPageLayout(sheet)
			if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth < 1 || *layout.FitToWidth > 2 {
				t.Errorf("%s: print layout %+v %v", sheet, layout, err)
			}
			// A register printed over pages side by side repeats the
			// columns naming its rows on each, and its header row.
			if *layout.FitToWidth > 1 {
				wide++
				want := map[string]string{"Decisions": "'Decisions'!$A:$C,'Decisions'!$1:$1"}[sheet]
				if want == "" {
					want = fmt.Sprintf("'%s'!$A:$A,'%s'!$1:$1", sheet, sheet)
				}
				if got := printTitles(f, sheet); got != want {
					t.Errorf("%s prints %d pages wide with titles %q, want %q", sheet, *layout.FitToWidth, got, want)
				}
			}
			hf, err := f.GetHeaderFooter(sheet)
			if err != nil || !strings.Contains(hf.OddHeader, "Northwind Utilities") || !strings.Contains(hf.OddHeader, "2026-11-23") || !strings.Contains(hf.OddFooter, "&P of &N") {
				t.Errorf("%s: header/footer %+v", sheet, hf)
			}
		}
		if wide < 3 {
			t.Errorf("only %d registers print two pages wide; the sample's Initiatives, Targets and Decisions do", wide)
		}
		cf, _ := f.GetConditionalFormats("Initiatives")
		if _, ok := cf["H2:H16"]; !ok {
			t.Errorf("no conditional format on the Health column: %v", cf)
		}
		cf, _ = f.GetConditionalFormats("Summary")
		if len(cf) < 4 {
			t.Errorf("Summary has %d conditional formats, want the overall health, checks, statuses and attention", len(cf))
		}
		charts := 0
		z, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		for _, file := range z.File {
			if strings.HasPrefix(file.Name, "xl/charts/chart") {
				charts++
			}
		}
		if charts != 2 {
			t.Errorf("%d charts, want the health chart and the target trend", charts)
		}
		props, _ := f.GetDocProps()
		app, _ := f.GetAppProps()
		if !strings.Contains(props.Title, "Northwind Utilities") || props.Subject == "" || props.Created == "" || app.Company != "Northwind Utilities" {
			t.Errorf("document properties %+v %+v", props, app)
		}
	})
}

// printTitles is what a sheet repeats on every printed page.
func printTitles(f *excelize.File, sheet string) string {
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
			return d.RefersTo
		}
	}
	return ""
}

func TestReportSummaryReadsAsOfAndLinksSheets(t *testing.T) {
	onEngines(t, func(t *testing.T, s *app.Store) {
		f, _ := exportDemo(t, s)
		rows, _ := f.GetRows("Summary")
		var all strings.Builder
		for _, r := range rows {
			all.WriteString(strings.Join(r, " | ") + "\n")
		}
		text := all.String()
		// The report and the agenda name the same initiatives as needing
		// attention, by one rule.
		arising, err := s.MattersArising(asOf)
		if err != nil {
			t.Fatal(err)
		}
		attention := 0
		for _, e := range arising {
			if e.Section == models.SectionInitiatives {
				attention++
			}
		}
		for _, want := range []string{"Northwind Utilities", "As of 2026-11-23", "Overall programme health", "Governance health check: 5 of 12 pass",
			"Targets scorecard", fmt.Sprintf("Initiatives needing attention (%d)", attention), "Decisions due or needed", "Overdue actions (4)",
			"Changes since the last meeting on 2026-10-28", "Wins to celebrate", "Plain-language bills"} {
			if !strings.Contains(text, want) {
				t.Errorf("Summary lacks %q", want)
			}
		}
		link, target, err := f.GetCellHyperLink("Summary", "A4")
		if err != nil || !link || target != "'Initiatives'!A1" {
			t.Errorf("A4 link %v %q %v", link, target, err)
		}
		layout, _ := f.GetPageLayout("Summary")
		if layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
			t.Error("Summary is not fitted to one page wide and as many tall as it needs (a height would ignore its page breaks)")
		}
		if area := f.GetDefinedName(); !strings.Contains(fmt.Sprint(area), "'Summary'!$A$1:$L$") {
			t.Errorf("the Summary's print area is not A to L: %v", area)
		}
	})
}

func TestReportHostileTextIsWrittenAsPlainText(t *testing.T) {
	onEngines(t, func(t *testing.T, s *app.Store) {
		long := strings.Repeat("x", 40000)
		hostile := []string{`=HYPERLINK("http://evil.example","click")`, "+1+1", "@SUM(A1)", "-2+3", "顧客体験 تجربة Ünïcødé", "tab\tand\x01control",
			// Excel reads _x0041_ as "A" unless its underscore is escaped.
			"_x0041_ stays", "_x0041_x0042_ stays", "_x005F_x0041_ stays", `<b>&amp; "quoted" 'too'</b>`, "  spaced out  ", "two\nlines"}
		for _, title := range hostile {
			i := models.Initiative{Title: title, Status: models.InitiativeActive, Health: models.HealthGreen, Description: long, HealthReason: long}
			if err := s.SaveInitiative(&i, nil); err != nil {
				t.Fatalf("%q: %v", title, err)
			}
		}
		f, _ := exportDemo(t, s)
		rows, _ := f.GetRows("Initiatives")
		found := 0
		for r, row := range rows {
			for _, title := range hostile {
				if row[0] != strings.ReplaceAll(title, "\x01", "") {
					continue
				}
				found++
				cell := "A" + strconv.Itoa(r+1)
				if formula, _ := f.GetCellFormula("Initiatives", cell); formula != "" {
					t.Errorf("%q became the formula %q", title, formula)
				}
				if typ, _ := f.GetCellType("Initiatives", cell); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%q written as type %v, not text", title, typ)
				}
				reason, _ := f.GetCellValue("Initiatives", "I"+strconv.Itoa(r+1))
				if n := len(utf16.Encode([]rune(reason))); n > maxCell || !strings.HasSuffix(reason, "[cut: 40000 characters in total]") {
					t.Errorf("40,000 characters written as %d with ending %q", n, reason[max(0, n-40):])
				}
			}
		}
		if found != len(hostile) {
			t.Errorf("found %d of %d hostile titles", found, len(hostile))
		}
	})
}

func TestExportFailureLeavesNothingAndKeepsTheOldReport(t *testing.T) {
	s := demoStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "status.xlsx")
	if err := os.WriteFile(path, []byte("last month's good report"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Close() // reading the database now fails half-way
	err := Export(s, path, asOf, nil)
	if err == nil {
		t.Fatal("export from a closed database succeeded")
	}
	if got, _ := os.ReadFile(path); string(got) != "last month's good report" {
		t.Error("the existing report was replaced by a failed export")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftover files after a failed export: %v", entries)
	}
	for _, bad := range []string{filepath.Join(dir, "missing", "r.xlsx"), filepath.Join(dir, "r.csv"), dir + "/"} {
		if err := Export(demoStore(t), bad, asOf, nil); err == nil {
			t.Errorf("export to %q succeeded", bad)
		}
	}
}

func TestCellTextCutsAtExcelsLimit(t *testing.T) {
	tests := []struct {
		in       string
		wantLen  int
		wantTail string
	}{
		{"short", 5, "short"},
		{strings.Repeat("a", maxCell), maxCell, "aaa"},
		{strings.Repeat("a", maxCell+1), maxCell, "[cut: 32768 characters in total]"},
		{strings.Repeat("😀", 20000), -1, "[cut: 20000 characters in total]"},
		{"nul\x00bell\x07", 7, "nulbell"},
	}
	for _, tt := range tests {
		got := cellText(tt.in)
		if tt.wantLen >= 0 && len([]rune(got)) != tt.wantLen {
			t.Errorf("cellText len %d, want %d", len([]rune(got)), tt.wantLen)
		}
		if !strings.HasSuffix(got, tt.wantTail) {
			t.Errorf("cellText ends %q, want %q", got[max(0, len(got)-40):], tt.wantTail)
		}
	}
}

// TestDatesAreWrittenAsExcelCountsThem: the day numbers written for dates
// read back as the same days, across the centuries a register may hold.
func TestDatesAreWrittenAsExcelCountsThem(t *testing.T) {
	for _, day := range []string{"1900-01-01", "1900-02-28", "1900-03-01", "1969-12-31", "1970-01-01", "1999-12-31", "2000-02-29", "2026-11-23", "2100-03-01", "2399-12-31", "9999-12-31"} {
		d := models.MustDate(day)
		serial, ok := excelSerial(d.Time()).(float64)
		if fast := dateSerial(d); fast != any(serial) {
			t.Errorf("%s was written as %v from its day number, %v from its time", day, fast, serial)
		}
		if !ok {
			t.Errorf("%s was not written as a day number", day)
			continue
		}
		back, err := excelize.ExcelDateToTime(serial, false)
		if err != nil || back.Format("2006-01-02") != day {
			t.Errorf("%s was written as %v, which Excel reads as %v (%v)", day, serial, back, err)
		}
	}
	// Excel holds no day before 1900: such a day is written as its text.
	if got := dateSerial(models.MustDate("1899-12-31")); got != "1899-12-31" {
		t.Errorf("1899-12-31 was written as %v", got)
	}
}

// TestReportCollectsSoonerOnlyWhileWriting: a report tightens Go's
// collector while it writes, never loosens one set tighter, and puts it
// back after.
func TestReportCollectsSoonerOnlyWhileWriting(t *testing.T) {
	current := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tt := range []struct{ before, during int }{{100, reportGCPercent}, {400, reportGCPercent}, {20, 20}, {-1, -1}} {
		debug.SetGCPercent(tt.before)
		restore := collectSoonerWhileWriting()
		if got := current(); got != tt.during {
			t.Errorf("with GOGC %d the report writes at %d, want %d", tt.before, got, tt.during)
		}
		restore()
		if got := current(); got != tt.before {
			t.Errorf("with GOGC %d the report left it at %d", tt.before, got)
		}
	}
}

// TestEverySheetSaysWhereItsCellsReach: each sheet's dimension is the
// range its cells take, as readers that trust it (openpyxl read-only,
// and pandas through it) need; excelize left every sheet at A1.
func TestEverySheetSaysWhereItsCellsReach(t *testing.T) {
	_, path := exportDemo(t, demoStore(t))
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	sheets := 0
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var ws struct {
			Dimension struct {
				Ref string `xml:"ref,attr"`
			} `xml:"dimension"`
			Cells []struct {
				Ref string `xml:"r,attr"`
			} `xml:"sheetData>row>c"`
		}
		err = xml.NewDecoder(r).Decode(&ws)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		cols, rows := 0, 0
		for _, c := range ws.Cells {
			col, row, err := excelize.CellNameToCoordinates(c.Ref)
			if err != nil {
				t.Fatalf("%s: cell %q: %v", f.Name, c.Ref, err)
			}
			cols, rows = max(cols, col), max(rows, row)
		}
		last, _ := excelize.CoordinatesToCellName(cols, rows)
		if want := "A1:" + last; ws.Dimension.Ref != want {
			t.Errorf("%s says its cells reach %s; they reach %s", f.Name, ws.Dimension.Ref, want)
		}
	}
	if sheets != len(SheetOrder) {
		t.Errorf("%d sheets, want %d", sheets, len(SheetOrder))
	}
}

// TestEveryPartSaysWhatItNeedsToBeRead: every part of the zip says it
// needs version 2.0 to be extracted, as readers such as .NET's packaging
// check (they accept only 1.0, 1.1, 2.0 and 4.5).
func TestEveryPartSaysWhatItNeedsToBeRead(t *testing.T) {
	_, path := exportDemo(t, demoStore(t))
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.ReaderVersion != 20 {
			t.Errorf("%s needs version %d.%d to be read, want 2.0", f.Name, f.ReaderVersion/10, f.ReaderVersion%10)
		}
	}
}

// A line cut to its column keeps a short ending in brackets, which tells
// like rows apart, and always fits; what fits is not cut.
func TestFitLineKeepsWhatTellsRowsApart(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  string
	}{
		{"Cost to serve per customer", 30, "Cost to serve per customer"},
		{"Customer satisfaction (CSAT)", 26, "Customer satisfaction (CSAT)"}, // 23 digits wide, in 26
		{"Customer satisfaction (CSAT) (60)", 20, "Customer satisfa… (60)"},
		{"Customer satisfaction (CSAT)", 16, "Customer satisfa…"}, // "(CSAT)" would take too much of it
		{"Stop bill shock alerts for every customer on a payment plan", 20, "Stop bill shock alerts…"},
		{"MMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", 20, "MMMMMMMMMM…"},
		{"Approve the gateway (with a long note in brackets here)", 20, "Approve the gateway…"},
		{"Bill   shock\nalerts", 40, "Bill shock alerts"},
	}
	for _, tc := range cases {
		got := fitLine(tc.text, tc.width)
		if got != tc.want {
			t.Errorf("fitLine(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
		if w := printedWidth(got); w > 0.95*tc.width-1 {
			t.Errorf("fitLine(%q) prints %.1f digits wide, over its column's %v less margins", tc.text, w, tc.width)
		}
	}
}

// The chart's plan line is drawn when the key targets share one plan.
func TestSharedPlanNeedsOneBaselineAndTargetDay(t *testing.T) {
	row := func(from, to string) app.TargetRow {
		tg := models.Target{TargetDate: models.MustDate(to)}
		if from != "" {
			tg.BaselineDate = models.MustDate(from)
		}
		return app.TargetRow{Target: tg}
	}
	for _, c := range []struct {
		name string
		keys []app.TargetRow
		want bool
	}{
		{"shared", []app.TargetRow{row("2025-11-01", "2027-05-01"), row("2025-11-01", "2027-05-01")}, true},
		{"another target day", []app.TargetRow{row("2025-11-01", "2027-05-01"), row("2025-11-01", "2027-06-01")}, false},
		{"another baseline day", []app.TargetRow{row("2025-11-01", "2027-05-01"), row("2025-12-01", "2027-05-01")}, false},
		{"no baseline day", []app.TargetRow{row("", "2027-05-01")}, false},
		{"target before baseline", []app.TargetRow{row("2027-05-01", "2025-11-01")}, false},
		{"no key targets", nil, false},
	} {
		if _, _, got := sharedPlan(c.keys); got != c.want {
			t.Errorf("%s: shared plan %v, want %v", c.name, got, c.want)
		}
	}
}

// A name too long for a line wraps at spaces into at most the lines given,
// each line fitting its column; past them it is cut with an ellipsis.
func TestFitLinesWrapsAtSpacesAndCutsPastTheLastLine(t *testing.T) {
	cases := []struct {
		text  string
		lines int
		want  string
		used  int
	}{
		{"Net Promoter Score", 2, "Net Promoter Score", 1},
		{"Share of complaints acknowledged within one working day", 2, "Share of complaints acknowledged within one w…", 2},
		{"Share of complaints acknowledged within a day", 2, "Share of complaints acknowledged within a day", 2},
		{"Share of complaints acknowledged within one working day", 3, "Share of complaints acknowledged within one working day", 3},
	}
	for _, tc := range cases {
		got, used := fitLines(tc.text, 26, tc.lines)
		if got != tc.want || used != tc.used {
			t.Errorf("fitLines(%q, 26, %d) = %q in %d lines, want %q in %d", tc.text, tc.lines, got, used, tc.want, tc.used)
		}
	}
}

// The Targets and Measurements sheets show each value in its target's
// unit, as the Summary does ("€42", "8%", "9.6 minutes"), with as many
// decimals as the target's most precise value ("€35.00" beside "€36.93"),
// and keep it a number.
func TestTargetValuesAreShownInTheirUnit(t *testing.T) {
	f, _ := exportDemo(t, demoStore(t))
	formats := map[string]string{} // a target's number format, wherever its values are
	check := func(sheet, nameCol, unitCol string, valueCols ...string) {
		t.Helper()
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		units := map[string]bool{}
		for r := 2; r <= len(rows); r++ {
			name, _ := f.GetCellValue(sheet, fmt.Sprintf("%s%d", nameCol, r))
			unit, _ := f.GetCellValue(sheet, fmt.Sprintf("%s%d", unitCol, r))
			for _, c := range valueCols {
				cell := fmt.Sprintf("%s%d", c, r)
				raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				if raw == "" {
					continue
				}
				if _, err := strconv.ParseFloat(raw, 64); err != nil {
					t.Errorf("%s!%s holds %q, not a number", sheet, cell, raw)
				}
				id, _ := f.GetCellStyle(sheet, cell)
				style, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				got := ""
				if style.CustomNumFmt != nil {
					got = *style.CustomNumFmt
				}
				if !slices.Contains([]string{unitFormat(unit, 0), unitFormat(unit, 1), unitFormat(unit, 2)}, got) {
					t.Errorf("%s!%s (%s) has the format %q, not one of its unit's", sheet, cell, unit, got)
				}
				if was, ok := formats[name]; ok && was != got {
					t.Errorf("%s!%s: %s's values are shown as %q here and %q elsewhere", sheet, cell, name, got, was)
				}
				formats[name] = got
				units[unit] = true
			}
		}
		for _, u := range []string{"€", "%", "minutes"} {
			if !units[u] {
				t.Errorf("%s: no value in %q was checked (%v)", sheet, u, units)
			}
		}
	}
	check(sheetTargets, "A", "C", "F", "H", "J")
	check(sheetMeasurements, "A", "B", "D")
	if got, want := formats["Cost to serve per customer"], unitFormat("€", 2); got != want { // €35 beside €36.93
		t.Errorf("cost to serve is shown as %q, want %q", got, want)
	}
	for _, c := range []struct {
		unit     string
		decimals int
		want     string
	}{
		{"%", 2, `0.00"%"`}, {"€", 0, `"€"0;-"€"0`}, {"minutes", 1, `0.0" minutes"`},
		{`in "quotes"`, 0, `0" in quotes"`}, {"", 2, "0.00"},
	} {
		if got := unitFormat(c.unit, c.decimals); got != c.want {
			t.Errorf("unitFormat(%q, %d) = %q, want %q", c.unit, c.decimals, got, c.want)
		}
	}
}
