package report

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// summaryRowOf finds the first Summary row whose cells hold text.
func summaryRowOf(t *testing.T, f *excelize.File, text string) (int, []string) {
	t.Helper()
	rows, err := f.GetRows(sheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if strings.Contains(strings.Join(r, "|"), text) {
			return i + 1, r
		}
	}
	t.Fatalf("the Summary has no %q", text)
	return 0, nil
}

// The Summary leads with the asks, then the chair's commentary, then
// movement, money and risks; the Risks sheet holds every risk.
func TestSummaryLeadsWithAsksCommentaryMovementMoneyAndRisks(t *testing.T) {
	onEngines(t, func(t *testing.T, s *app.Store) {
		f, path := exportDemo(t, s)
		asks, _ := summaryRowOf(t, f, "Decisions needed from you (2)")
		// An amount asked is read against what the initiative already has.
		summaryRowOf(t, f, "Bill shock alerts so far: budget €132,000, €53,500 spent")
		comment, _ := summaryRowOf(t, f, "The chair's commentary")
		health, _ := summaryRowOf(t, f, "Overall programme health")
		if !(asks < comment && comment < health) {
			t.Errorf("asks on row %d, commentary %d, overall health %d: the asks come first", asks, comment, health)
		}
		_, first := summaryRowOf(t, f, "Launch payment plans before winter")
		if !strings.Contains(strings.Join(first, "|"), "2026-11-27") || !strings.Contains(strings.Join(first, "|"), "Legal's sign-off") {
			t.Errorf("the first ask lacks its needed-by date or recommendation: %q", first)
		}
		summaryRowOf(t, f, "At the previous meeting (2026-10-28)")
		summaryRowOf(t, f, "How overall health is set: Red when a quarter")
		total, _ := summaryRowOf(t, f, "Total under way")
		cell := "B" + strconv.Itoa(total)
		raw, _ := f.GetCellValue(sheetSummary, cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(sheetSummary, cell)
		if _, err := strconv.ParseFloat(raw, 64); err != nil || !strings.HasPrefix(shown, "€") {
			t.Errorf("the money total is stored as %q and shown as %q, want a number in euros", raw, shown)
		}
		summaryRowOf(t, f, "Value at risk (amber and red)")
		summaryRowOf(t, f, "Not counted above: €4,200 spent on initiatives since cancelled.") // the sample's cancelled initiative
		// The changes the Summary has room for are the bad news first; the
		// initiative finished is good news and follows.
		changes, _ := summaryRowOf(t, f, "Changes since the last meeting on 2026-10-28")
		nps, _ := summaryRowOf(t, f, "at risk → off track")
		done, _ := summaryRowOf(t, f, "done on 2026-11-03")
		if red, _ := summaryRowOf(t, f, "amber → red on 2026-11-18"); !(changes < red && red < done && nps < done) {
			t.Errorf("changes listed from row %d: turned red on row %d, went off track %d, finished %d; want the bad news first", changes, red, nps, done)
		}
		_, npsLine := summaryRowOf(t, f, "Net Promoter Score")
		if !strings.Contains(strings.Join(npsLine, "|"), "better, but off track now (was at risk)") {
			t.Errorf("the NPS line hides that it went off track though its value rose: %q", npsLine)
		}
		churn, line := summaryRowOf(t, f, "Customer churn rate")
		if !strings.Contains(strings.Join(line, "|"), "↓ 6.99% → 6.82% since the last meeting: better") {
			t.Errorf("the churn line does not say how it moved since the last meeting: %q", line)
		}
		if n := sparklinesIn(t, path); n < 6 {
			t.Errorf("%d sparklines on the Summary, want one per measured target (row %d has churn)", n, churn)
		}
		summaryRowOf(t, f, "Top risks (6)")
		// A red initiative that is also overdue says so before its reason,
		// which is what gets cut.
		summaryRowOf(t, f, "overdue: due 2026-11-11, 12 days ago; red: ")
		summaryRowOf(t, f, "Next 30 days")
		if _, ask := summaryRowOf(t, f, "your decision needed"); !strings.Contains(strings.Join(ask, "|"), "James Carter") {
			t.Errorf("a decision asked in the next 30 days does not name its owner, as the asks do: %q", ask)
		}
		risks, err := f.GetRows(sheetRisks)
		if err != nil || len(risks) != 8 {
			t.Fatalf("the Risks sheet has %d rows (%v), want a header and 7 risks", len(risks), err)
		}
		if tables, _ := f.GetTables(sheetRisks); len(tables) != 1 {
			t.Errorf("the Risks sheet's table is not registered: %+v", tables)
		}
	})
}

// sparklinesIn counts the sparklines of the Summary sheet in a workbook.
func sparklinesIn(t *testing.T, path string) int {
	return strings.Count(zipText(t, path, "xl/worksheets/sheet1.xml"), "<x14:sparkline>")
}

// The Summary celebrates this period's wins only; empty cells are blank,
// never empty strings; the health chart's bars are in their RAG colours;
// the document says who exported it and when.
func TestReportWinsBlankCellsChartColoursAndAuthor(t *testing.T) {
	s := demoStore(t)
	s.ActAs(&app.Actor{Name: "Emma Clarke"})
	f, path := exportDemo(t, s)
	_, wins := summaryRowOf(t, f, "Wins to celebrate since 2026-10-28")
	rows, _ := f.GetRows(sheetSummary)
	all := ""
	for _, r := range rows {
		all += strings.Join(r, "|") + "\n"
	}
	if !strings.Contains(all, "Plain-language bills") || strings.Contains(all, "Welcome call within 48 hours|Net Promoter Score") {
		t.Errorf("wins on the Summary (%q) are not this period's only", wins)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, file := range z.File {
		if !strings.HasPrefix(file.Name, "xl/worksheets/sheet") {
			continue
		}
		r, _ := file.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if strings.Contains(string(b), `t="inlineStr"><is><t></t></is>`) || strings.Contains(string(b), `<is><t></t></is>`) {
			t.Errorf("%s holds empty-string cells", file.Name)
		}
	}
	xml := zipText(t, path, "xl/charts/chart1.xml")
	for _, c := range []string{"4CA64C", "F2B705", "D64545"} {
		if !strings.Contains(xml, c) {
			t.Errorf("the health chart has no bar in %s", c)
		}
	}
	props, _ := f.GetDocProps()
	if props.Creator != "Emma Clarke" || props.LastModifiedBy != "Emma Clarke" || props.Modified == "" {
		t.Errorf("document properties %+v, want Emma Clarke as author and a modified date", props)
	}
}

// zipText returns one part of a workbook as text.
func zipText(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == name {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			return string(b)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}

// Registers read right: a planned meeting shows no attendance figures and
// its quorum column says why; a cancelled initiative's health is grey and
// one not started is not green; every change is on the Changes sheet; and
// every register is a table.
func TestRegistersShowMeetingsHealthAndChangesRight(t *testing.T) {
	s := demoStore(t)
	f, _ := exportDemo(t, s)
	meetings, _ := f.GetRows(sheetMeetings)
	planned := false
	for _, r := range meetings[1:] {
		if len(r) > 2 && r[2] == "planned" {
			planned = true
			if r[3] != "" || r[4] != "" || r[7] != "not yet held" {
				t.Errorf("the planned meeting shows %q", r)
			}
		}
	}
	if !planned {
		t.Fatal("no planned meeting on the Meetings sheet")
	}
	inis, _ := f.GetRows(sheetInitiatives)
	status, health := -1, -1
	for i, h := range inis[0] {
		switch h {
		case "Status":
			status = i
		case "Health":
			health = i
		}
	}
	for _, r := range inis[1:] {
		switch r[status] {
		case "cancelled", "proposed":
			if r[health] == "green" || r[health] == "red" || r[health] == "amber" {
				t.Errorf("%s (%s) shows health %s", r[0], r[status], r[health])
			}
		}
	}
	snap, _ := s.Snapshot(asOf)
	changes, _ := f.GetRows(sheetChanges)
	if len(changes) != len(snap.Changes)+1 {
		t.Errorf("the Changes sheet has %d rows for %d changes", len(changes)-1, len(snap.Changes))
	}
	for _, sheet := range []string{sheetInitiatives, sheetTargets, sheetRisks, sheetDecisions, sheetActions, sheetMeetings, sheetChanges, sheetGovernance, sheetCommittee, sheetMeasurements} {
		if tables, err := f.GetTables(sheet); err != nil || len(tables) == 0 {
			t.Errorf("the %s sheet registers no table (%v)", sheet, err)
		}
	}
	areas := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Area" {
			areas[d.Scope] = true
		}
	}
	for _, sheet := range SheetOrder {
		if !areas[sheet] {
			t.Errorf("the %s sheet has no print area", sheet)
		}
	}
	// The chart data sheet prints its table of twelve months, readable on
	// one page, not the charts' data beside it: the key targets, the 100%
	// line and the plan they share (every sample target runs from
	// 2025-11-01 to 2027-05-01), which is the share of that time gone.
	keys := len((&writer{snap: snap}).keyTargets())
	plan, _ := excelize.CoordinatesToCellName(keys+3, 1)
	if got, _ := f.GetCellValue(sheetTrend, plan); got != "Plan: where the targets should be" {
		t.Errorf("%s!%s is %q, want the plan's heading", sheetTrend, plan, got)
	}
	now, _ := excelize.CoordinatesToCellName(keys+3, 13)
	got, _ := f.GetCellValue(sheetTrend, now, excelize.Options{RawCellValue: true})
	if v, err := strconv.ParseFloat(got, 64); err != nil || math.Abs(v-models.ElapsedShare(models.MustDate("2025-11-01"), models.MustDate("2027-05-01"), asOf)) > 1e-9 {
		t.Errorf("the plan as of %s is %q, want the share of the targets' time gone", asOf, got)
	}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Area" && d.Scope == sheetTrend {
			last, _ := excelize.ColumnNumberToName(keys + 3)
			if want := fmt.Sprintf("'%s'!$A$1:$%s$13", sheetTrend, last); d.RefersTo != want {
				t.Errorf("the %s sheet prints %s, want %s", sheetTrend, d.RefersTo, want)
			}
		}
	}
}

// The two blocks printed side by side keep every row one line tall, so
// neither stretches the other; text cut there stays whole on its sheet,
// and numbers are never cut.
func TestSummaryBlocksSideBySideKeepRowsOneLine(t *testing.T) {
	s := demoStore(t)
	f, _ := exportDemo(t, s)
	money, _ := summaryRowOf(t, f, "Money")
	rows, _ := f.GetRows(sheetSummary)
	for r := money; r <= len(rows); r++ {
		if h, _ := f.GetRowHeight(sheetSummary, r); h > 16 {
			t.Errorf("row %d of the two blocks is %.0f points tall: %q", r, h, rows[r-1])
		}
	}
	_, churn := summaryRowOf(t, f, "Customer churn rate")
	if len(churn) < 4 || strings.Contains(strings.Join(churn[1:4], ""), "…") {
		t.Errorf("the churn readings are cut: %q", churn)
	}
	var attention []string // the initiative's line in the list needing attention
	heading, _ := summaryRowOf(t, f, "Initiatives needing attention")
	for _, r := range rows[heading:] {
		if strings.Contains(strings.Join(r, "|"), "Payment plans for customers in") {
			attention = r
			break
		}
	}
	full, _ := f.GetRows(sheetInitiatives)
	cut := strings.Join(attention, "|")
	if !strings.Contains(cut, "…") {
		t.Errorf("a long reason is not cut with an ellipsis on the Summary: %q", attention)
	}
	whole := false
	for _, r := range full {
		whole = whole || strings.HasPrefix(r[0], "Payment plans for customers in difficulty")
	}
	if !whole {
		t.Error("the Initiatives sheet does not keep the whole title")
	}
	governance, _ := f.GetRows(sheetGovernance)
	if len(governance) != 13 {
		t.Errorf("the Governance sheet has %d rows, want a header and 12 checks", len(governance))
	}
}

// The workbook opens on the Summary, in Excel and in LibreOffice alike.
func TestReportOpensOnTheSummary(t *testing.T) {
	f, path := exportDemo(t, demoStore(t))
	if f.GetActiveSheetIndex() != 0 || f.GetSheetName(0) != sheetSummary {
		t.Errorf("the workbook opens on sheet %d (%s)", f.GetActiveSheetIndex(), f.GetSheetName(f.GetActiveSheetIndex()))
	}
	if book := zipText(t, path, "xl/workbook.xml"); strings.Contains(book, `activeTab="`) && !strings.Contains(book, `activeTab="0"`) {
		t.Errorf("the workbook names another active tab: %s", book)
	}
}

// With more targets than the Summary's scorecard holds, the scorecard
// shows those off track before those on track, and says how many it
// leaves out and how many of those are off track.
func TestSummaryScorecardDoesNotHideTargetsOffTrack(t *testing.T) {
	s, err := app.Open(filepath.Join(t.TempDir(), "committee.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.LoadScaledDemo(asOf, 4); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(asOf)
	if err != nil {
		t.Fatal(err)
	}
	offTrack := 0
	for _, r := range snap.Scorecard {
		if r.Reading.Status == models.TargetOffTrack {
			offTrack++
		}
	}
	if offTrack == 0 || len(snap.Scorecard) <= app.KeyTargets {
		t.Fatalf("the sample has %d targets, %d off track", len(snap.Scorecard), offTrack)
	}
	f, _ := exportDemo(t, s)
	row, _ := summaryRowOf(t, f, "Change since the last meeting")
	shownOff := 0
	for line := row + 1; line <= row+app.KeyTargets; line++ {
		if v, _ := f.GetCellValue(sheetSummary, fmt.Sprintf("F%d", line)); v == string(models.TargetOffTrack) {
			shownOff++
		}
	}
	if want := min(offTrack, app.KeyTargets); shownOff != want {
		t.Errorf("the scorecard shows %d targets off track, want %d", shownOff, want)
	}
	_, more := summaryRowOf(t, f, "more targets")
	if left := offTrack - shownOff; left > 0 && !strings.Contains(more[0], fmt.Sprintf("%d off track", left)) {
		t.Errorf("the more line does not say %d off track are left out: %q", left, more[0])
	} else if left == 0 && strings.Contains(more[0], "off track") {
		t.Errorf("the more line counts targets off track that are shown: %q", more[0])
	}
}

// The Decisions sheet says, for each decision taken at a meeting whose
// attendance was taken, whether that meeting was quorate, and leaves the
// cell blank where it cannot be said.
func TestDecisionsSayWhetherTheirMeetingWasQuorate(t *testing.T) {
	s := demoStore(t)
	snap, err := s.Snapshot(asOf)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := exportDemo(t, s)
	rows, err := f.GetRows(sheetDecisions)
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "Quorum")
	if col < 0 {
		t.Fatalf("no Quorum column in %v", rows[0])
	}
	held := map[uint]bool{} // meetings held with attendance taken
	for _, m := range snap.Meetings {
		held[m.ID] = m.Happened() && m.Attendance[models.AttendancePresent] > 0
	}
	seen, planned := map[string]int{}, 0
	for i, d := range snap.Decisions {
		want := ""
		if q, ok := snap.Quorums[derefOr0(d.MeetingID)]; ok && held[derefOr0(d.MeetingID)] && d.Status != models.DecisionProposed {
			want = map[bool]string{true: "quorate", false: "no quorum"}[q.Met]
		} else if d.MeetingID != nil && !held[*d.MeetingID] {
			planned++
		}
		got := ""
		if r := rows[i+1]; col < len(r) {
			got = r[col]
		}
		if got != want {
			t.Errorf("%q: quorum %q, want %q", d.Statement, got, want)
		}
		seen[got]++
	}
	if seen["quorate"] == 0 || planned == 0 {
		t.Errorf("the sample committee has %d decisions at meetings not held, and these quorum words: %v; the test needs both kinds", planned, seen)
	}
}

func derefOr0(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

// TestMovementVerdictNamesAStatusThatSlipped: a value that improved while
// its target fell further behind the planned path is not good news.
func TestMovementVerdictNamesAStatusThatSlipped(t *testing.T) {
	better := models.TargetMovement{Trend: models.TrendBetter}
	worse := models.TargetMovement{Trend: models.TrendWorse}
	same := models.TargetMovement{Trend: models.TrendSame}
	for _, c := range []struct {
		name     string
		mv       models.TargetMovement
		now, was models.TargetStatus
		verdict  string
		good     int
	}{
		{"better, status kept", better, models.TargetOnTrack, models.TargetOnTrack, "better", 1},
		{"better but slipped", better, models.TargetOffTrack, models.TargetAtRisk, "better, but off track now (was at risk)", -1},
		{"worse and slipped", worse, models.TargetAtRisk, models.TargetOnTrack, "worse, at risk now (was on track)", -1},
		{"worse yet recovered", worse, models.TargetOnTrack, models.TargetAtRisk, "worse, yet on track now (was at risk)", 0},
		{"better and recovered", better, models.TargetOnTrack, models.TargetOffTrack, "better, on track now (was off track)", 1},
		{"unchanged, slipped", same, models.TargetAtRisk, models.TargetOnTrack, "unchanged, at risk now (was on track)", -1},
		{"reached", better, models.TargetAchieved, models.TargetOnTrack, "better, achieved now (was on track)", 1},
		{"no status then", better, models.TargetOffTrack, models.TargetNoData, "better", 1},
	} {
		verdict, good := movementVerdict(c.mv, c.now, c.was)
		if verdict != c.verdict || good != c.good {
			t.Errorf("%s: %q (%d), want %q (%d)", c.name, verdict, good, c.verdict, c.good)
		}
	}
}
