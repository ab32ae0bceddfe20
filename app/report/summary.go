package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// The Summary is one landscape page in two blocks: the programme's health
// on the left (overall, governance, initiatives by health, targets), what
// needs the executives on the right (attention, decisions, overdue actions,
// changes, wins).
const summaryItems = 5 // items per list on the Summary; the sheets hold all

// summaryWidths are the Summary's columns: A–G the left block, H a gutter,
// I–L the right block.
var summaryWidths = []float64{26, 11, 11, 11, 13, 10, 32, 2, 34, 16, 11, 42}

// summary lays out the Summary sheet, row by row in two blocks.
type summary struct {
	w           *writer
	lines       map[int]int     // row -> lines of text it needs
	left, right int             // next free row of each block
	sparks      int             // sparklines drawn so far
	together    [][2]int        // first and last rows of blocks printed on one page
	fixed       map[int]float64 // rows given a height of their own, in points
}

func (w *writer) writeSummary() error {
	f := w.f
	if err := w.printSetup(sheetSummary, 1, 0); err != nil { // as many pages tall as it needs: paginate breaks them
		return err
	}
	for i, width := range summaryWidths {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheetSummary, c, c, width); err != nil {
			return err
		}
	}
	if err := f.SetSheetView(sheetSummary, 0, &excelize.ViewOptions{ShowGridLines: boolPtr(false)}); err != nil {
		return err
	}
	// Rows are as tall in every spreadsheet as in Excel: the chart and the
	// page breaks are placed by them.
	if err := f.SetSheetProps(sheetSummary, &excelize.SheetPropsOptions{DefaultRowHeight: ptr(defaultRow), CustomHeight: boolPtr(true)}); err != nil {
		return err
	}
	s := &summary{w: w, lines: map[int]int{}, fixed: map[int]float64{}}
	// Bands across the page first (asks, commentary, overall health, the
	// scorecard), then two blocks side by side whose rows are one line each.
	for _, step := range []func() error{s.header, s.asks, s.commentary, s.overall, s.scorecard,
		s.money, s.healthChart, s.governance,
		s.attention, s.risks, s.decisions, s.actions, s.next30, s.changes, s.wins} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := s.heights(); err != nil {
		return err
	}
	last := max(s.left, s.right)
	if err := s.paginate(last); err != nil {
		return err
	}
	return w.printArea(sheetSummary, len(summaryWidths), last)
}

// put writes a value with a style; text is always written as text.
func (s *summary) put(cell string, v any, style int) error {
	f := s.w.f
	if str, ok := v.(string); ok {
		if str == "" { // blank, not an empty string
			return f.SetCellStyle(sheetSummary, cell, cell, style)
		}
		v = cellText(str)
	}
	if err := f.SetCellValue(sheetSummary, cell, v); err != nil {
		return err
	}
	return f.SetCellStyle(sheetSummary, cell, cell, style)
}

// merged merges columns from..to of a row under one style and returns
// the cell that holds their text.
func (s *summary) merged(row int, from, to string, style int) (string, error) {
	a, b := fmt.Sprintf("%s%d", from, row), fmt.Sprintf("%s%d", to, row)
	if from == to {
		return a, nil
	}
	if err := s.w.f.MergeCell(sheetSummary, a, b); err != nil {
		return "", err
	}
	return a, s.w.f.SetCellStyle(sheetSummary, a, b, style)
}

// span writes text across merged columns from..to of a row and records the
// lines it needs to wrap.
func (s *summary) span(row int, from, to string, text string, style int) error {
	cell, err := s.merged(row, from, to, style)
	if err != nil {
		return err
	}
	s.need(row, lineCount(text, s.width(from, to)))
	return s.put(cell, text, style)
}

// line writes text on one line across merged columns from..to, cut with
// an ellipsis to fit (and shrunk if a wide character still overflows): the
// rows of the two blocks printed side by side stay one line tall, so
// neither block stretches the other's rows. The sheets keep the whole text.
func (s *summary) line(row int, from, to string, text string, style int) error {
	cell, err := s.merged(row, from, to, style)
	if err != nil {
		return err
	}
	return s.put(cell, fitLine(text, s.width(from, to)), style)
}

func (s *summary) width(from, to string) float64 {
	a, _ := excelize.ColumnNameToNumber(from)
	b, _ := excelize.ColumnNameToNumber(to)
	total := 0.0
	for i := a; i <= b; i++ {
		total += summaryWidths[i-1]
	}
	return total
}

func (s *summary) need(row, lines int) { s.lines[row] = max(s.lines[row], min(lines, 6)) }

// heights sets each row tall enough for its wrapped text.
func (s *summary) heights() error {
	for row, lines := range s.lines {
		if lines > 1 {
			if err := s.w.f.SetRowHeight(sheetSummary, row, linesHeight(lines)); err != nil {
				return err
			}
		}
	}
	return nil
}

// sectionTitle writes a block's heading across its columns.
func (s *summary) sectionTitle(row int, from, to, title string) error {
	s.need(row, 1)
	s.keepTogether(row, row+2) // a heading is not left alone at the foot of a page
	return s.span(row, from, to, title, s.w.st.section)
}

// seeAll adds a link to the sheet that holds the whole list. A list
// drawn from several sheets ("Initiatives, Decisions and Actions") names
// them, without a link.
func (s *summary) seeAll(row int, col, sheet string, total int, noun string) error {
	if total <= summaryItems {
		return nil
	}
	if total-summaryItems == 1 {
		noun = strings.TrimSuffix(noun, "s")
	}
	cell := fmt.Sprintf("%s%d", col, row)
	if strings.Contains(sheet, " and ") {
		return s.put(cell, fmt.Sprintf("… and %d more %s: see the %s sheets", total-summaryItems, noun, sheet), s.w.st.subtitle)
	}
	if err := s.put(cell, fmt.Sprintf("… and %d more %s: see the %s sheet", total-summaryItems, noun, sheet), s.w.st.link); err != nil {
		return err
	}
	return s.w.f.SetCellHyperLink(sheetSummary, cell, fmt.Sprintf("'%s'!A1", sheet), "Location")
}

func (s *summary) header() error {
	w := s.w
	snap := w.snap
	if err := s.span(1, "A", "L", w.org+" — customer-experience programme status", w.st.title); err != nil {
		return err
	}
	if err := s.setHeight(1, 28); err != nil {
		return err
	}
	delete(s.lines, 1)
	if err := s.span(2, "A", "L", fmt.Sprintf("As of %s · prepared by the CX Committee · %s, %s, %s, %s",
		w.asOf, models.Count(len(snap.Initiatives), "initiative", "initiatives"), models.Count(len(snap.Scorecard), "target", "targets"),
		models.Count(len(snap.Decisions), "decision", "decisions"), models.Count(len(snap.Actions), "action", "actions")), w.st.subtitle); err != nil {
		return err
	}
	vision := snap.Settings.VisionStatement
	if vision == "" {
		vision = "No CX vision statement is recorded."
	} else {
		vision = "Vision: “" + vision + "”"
	}
	if err := s.span(3, "A", "L", vision, w.st.vision); err != nil {
		return err
	}
	// Row 4: links to every register sheet.
	cols := []string{"A", "B", "C", "D", "F", "G", "I", "J", "K"}
	for i, sheet := range []string{sheetInitiatives, sheetTargets, sheetRisks, sheetDecisions, sheetActions, sheetMeetings, sheetChanges, sheetCommittee, sheetMeasurements} {
		cell := fmt.Sprintf("%s4", cols[i])
		if err := s.put(cell, "→ "+sheet, w.st.link); err != nil {
			return err
		}
		if err := w.f.SetCellHyperLink(sheetSummary, cell, fmt.Sprintf("'%s'!A1", sheet), "Location"); err != nil {
			return err
		}
	}
	s.left, s.right = 6, 6
	return nil
}

// overall writes overall health across the page, above the two blocks:
// the word and its reason, the health at the previous meeting with its
// arrow, and beneath them the rule that sets it, in words.
func (s *summary) overall() error {
	w := s.w
	row := s.left
	if err := s.put(fmt.Sprintf("A%d", row), "Overall programme health", w.st.label); err != nil {
		return err
	}
	if err := s.span(row, "B", "C", string(w.snap.Health), w.st.bigBadge); err != nil {
		return err
	}
	ref := fmt.Sprintf("B%d:C%d", row, row)
	if err := w.f.SetConditionalFormat(sheetSummary, ref, w.st.ragRules(w.st.healthWords())); err != nil {
		return err
	}
	if err := s.span(row, "D", "G", w.snap.HealthReason, w.st.wrap); err != nil {
		return err
	}
	s.need(row, 2)
	if err := s.movement(row); err != nil {
		return err
	}
	s.left, s.right = row+3, row+3
	return nil
}

func (s *summary) governance() error {
	w := s.w
	checks := w.snap.Checks
	passed := 0
	for _, c := range checks {
		if c.Passed {
			passed++
		}
	}
	row := s.left
	if err := s.sectionTitle(row, "A", "G", fmt.Sprintf("Governance health check: %d of %d pass", passed, len(checks))); err != nil {
		return err
	}
	for i, c := range checks {
		r := row + 1 + i
		verdict := "fail"
		if c.Passed {
			verdict = "pass"
		}
		if err := s.line(r, "A", "D", c.Name, w.st.cell); err != nil {
			return err
		}
		if err := s.put(fmt.Sprintf("E%d", r), verdict, w.st.text); err != nil {
			return err
		}
		if err := s.line(r, "F", "G", c.Reason, w.st.cell); err != nil {
			return err
		}
	}
	if len(checks) > 0 {
		ref := fmt.Sprintf("E%d:E%d", row+1, row+len(checks))
		if err := w.f.SetConditionalFormat(sheetSummary, ref, w.st.ragRules(w.st.verdictWords())); err != nil {
			return err
		}
	}
	link := fmt.Sprintf("A%d", row+len(checks)+1)
	if err := s.put(link, "The checks' full reasons: see the Governance sheet", w.st.link); err != nil {
		return err
	}
	if err := w.f.SetCellHyperLink(sheetSummary, link, fmt.Sprintf("'%s'!A1", sheetGovernance), "Location"); err != nil {
		return err
	}
	s.left = row + len(checks) + 3
	return nil
}

// healthChart writes the initiatives under way by health and charts them.
func (s *summary) healthChart() error {
	w := s.w
	row := s.left
	if err := s.sectionTitle(row, "A", "G", "Initiatives under way, by health"); err != nil {
		return err
	}
	for i, h := range models.Healths {
		r := row + 1 + i
		if err := s.put(fmt.Sprintf("A%d", r), string(h), w.st.text); err != nil {
			return err
		}
		if err := s.put(fmt.Sprintf("B%d", r), w.snap.ByHealth[h], w.st.integer); err != nil {
			return err
		}
	}
	ref := fmt.Sprintf("A%d:A%d", row+1, row+3)
	if err := w.f.SetConditionalFormat(sheetSummary, ref, w.st.ragRules(w.st.healthWords())); err != nil {
		return err
	}
	series, err := s.healthSeries(row + 1)
	if err != nil {
		return err
	}
	err = w.f.AddChart(sheetSummary, fmt.Sprintf("C%d", row+1), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 480, Height: 150},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Format:    excelize.GraphicOptions{OffsetX: 10, OffsetY: 2},
	})
	if err != nil {
		return err
	}
	s.left = row + 10 // the chart is about eight rows tall, and a row apart from what follows
	s.keepTogether(row, s.left-2)
	return nil
}

// healthSeries are the health chart's bars, each in its RAG colour: one
// stacked series per health holding only its own count, kept on the
// chart-data sheet (a bar chart colours series, not single bars).
func (s *summary) healthSeries(first int) ([]excelize.ChartSeries, error) {
	var out []excelize.ChartSeries
	colours := ragColours()
	for i, h := range models.Healths {
		c, _ := excelize.ColumnNumberToName(healthColumn + i)
		if err := s.w.f.SetCellValue(sheetTrend, c+"1", "Open initiatives "+string(h)); err != nil {
			return nil, err
		}
		if err := s.w.f.SetCellValue(sheetTrend, c+strconv.Itoa(2+i), s.w.snap.ByHealth[h]); err != nil {
			return nil, err
		}
		out = append(out, excelize.ChartSeries{Name: string(h),
			Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sheetSummary, first, first+2),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$4", sheetTrend, c, c),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}}})
	}
	return out, nil
}

// healthColumn is where the health chart's data starts on the chart-data
// sheet, after the sparklines' readings.
const healthColumn = sparkColumn + 13

// scorecard writes each target's reading at the previous meeting and now,
// its target, a sparkline of its last readings, its status, and the
// change in words with an arrow coloured by direction.
func (s *summary) scorecard() error {
	w := s.w
	row := s.left
	if err := s.sectionTitle(row, "A", "L", "Targets scorecard"); err != nil {
		return err
	}
	head := []string{"Target", "At last meeting", "Now", "Target", "Last 12 readings", "Status"}
	for i, h := range head {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := s.put(fmt.Sprintf("%s%d", c, row+1), h, w.st.header); err != nil {
			return err
		}
	}
	if err := s.span(row+1, "G", "L", "Change since the last meeting, and why", w.st.header); err != nil {
		return err
	}
	s.need(row+1, 2)
	all := w.snap.Scorecard // in hierarchy order: financial, perception, operational
	rows := app.KeyTargetRows(all)
	var since models.Date
	if w.snap.Previous != nil {
		since = w.snap.Previous.Date
	}
	for i, r := range rows {
		if err := s.scorecardRow(row+2+i, r, since); err != nil {
			return err
		}
	}
	if len(rows) > 0 {
		ref := fmt.Sprintf("F%d:F%d", row+2, row+1+len(rows))
		if err := w.f.SetConditionalFormat(sheetSummary, ref, w.st.ragRules(w.st.statusWords())); err != nil {
			return err
		}
	} else if err := s.put(fmt.Sprintf("A%d", row+2), "No targets recorded yet.", w.st.text); err != nil {
		return err
	}
	next := row + 2 + max(len(rows), 1)
	if len(all) > len(rows) {
		cell := fmt.Sprintf("A%d", next)
		if err := s.put(cell, fmt.Sprintf("… and %s%s: see the Targets sheet", models.Count(len(all)-len(rows), "more target", "more targets"), concernsLeft(all, rows)), w.st.link); err != nil {
			return err
		}
		if err := w.f.SetCellHyperLink(sheetSummary, cell, fmt.Sprintf("'%s'!A1", sheetTargets), "Location"); err != nil {
			return err
		}
		next++
	}
	s.keepTogether(row, next-1) // the scorecard prints whole, its "… and more" line too
	s.left = next + 1
	s.right = s.left
	return nil
}

// concernsLeft says how many of the targets a scorecard leaves out are
// off track or at risk: " (3 off track, 1 at risk)", or "".
func concernsLeft(all, shown []app.TargetRow) string {
	in := map[uint]bool{}
	for _, r := range shown {
		in[r.Target.ID] = true
	}
	left := map[models.TargetStatus]int{}
	for _, r := range all {
		if !in[r.Target.ID] {
			left[r.Reading.Status]++
		}
	}
	var parts []string
	for _, st := range []models.TargetStatus{models.TargetOffTrack, models.TargetAtRisk} {
		if left[st] > 0 {
			parts = append(parts, models.Whole(left[st])+" "+string(st))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// sparkColumn is the first column of the chart-data sheet that holds
// each target's last readings for its Summary sparkline, one row each.
const sparkColumn = 16 // P

// scorecardRow writes one target's line of the scorecard.
func (s *summary) scorecardRow(line int, r app.TargetRow, since models.Date) error {
	w := s.w
	t := r.Target
	ms := w.snap.Measurements[t.ID]
	mv := models.MovementSince(t.Direction, ms, since, w.asOf)
	value := func(v float64) string { return models.FormatValueTo(v, t.Unit, w.decimals[t.ID]) } // lined up, as on the sheets
	values := []any{t.Name, nil, nil, value(t.TargetValue), nil, string(r.Reading.Status)}
	if mv.HasThen {
		values[1] = value(mv.Then)
	}
	if r.Reading.HasData {
		values[2] = value(r.Reading.Current)
	}
	for j, v := range values {
		c, _ := excelize.ColumnNumberToName(j + 1)
		style := w.st.cell
		if j == 5 {
			style = w.st.word
		}
		if str, ok := v.(string); ok && j == 0 {
			// A long name takes a second line (the scorecard spans the page,
			// beside nothing) and is cut only past it; values only shrink to fit.
			name, lines := fitLines(str, summaryWidths[j], 2)
			if v = name; lines > 1 {
				style = w.st.wrap
				s.need(line, lines)
			}
		}
		if v == nil {
			if err := w.f.SetCellStyle(sheetSummary, c+strconv.Itoa(line), c+strconv.Itoa(line), style); err != nil {
				return err
			}
			continue
		}
		if err := s.put(fmt.Sprintf("%s%d", c, line), v, style); err != nil {
			return err
		}
	}
	if err := s.sparkline(line, t.Name, models.Recent(ms, w.asOf, 12)); err != nil {
		return err
	}
	why, style := r.Reading.Short, w.st.cell
	if mv.Trend != models.TrendNone {
		verdict, good := movementVerdict(mv, r.Reading.Status, models.Evaluate(t, ms, since).Status)
		switch {
		case good > 0:
			style = w.st.better
		case good < 0:
			style = w.st.worse
		}
		why = fmt.Sprintf("%s %s → %s since the last meeting: %s · %s", movementArrow(mv), value(mv.Then), value(mv.Now), verdict, why)
	}
	return s.line(line, "G", "L", why, style)
}

// movementArrow follows the value: up, down or level.
func movementArrow(mv models.TargetMovement) string {
	switch {
	case mv.Now > mv.Then:
		return "↑"
	case mv.Now < mv.Then:
		return "↓"
	}
	return "→"
}

// movementVerdict says in words whether a target's move since the last
// meeting is good, whichever way the target runs, and names a change of
// status (was, judged on the meeting's day; now): a value can improve and
// still fall further behind its planned path. good is 1 for good news, -1
// for bad and 0 for neither; a worse status is bad news whatever the value.
func movementVerdict(mv models.TargetMovement, now, was models.TargetStatus) (verdict string, good int) {
	verdict = "unchanged"
	switch mv.Trend {
	case models.TrendBetter:
		verdict, good = "better", 1
	case models.TrendWorse:
		verdict, good = "worse", -1
	}
	if now == was || was == models.TargetNoData || now == models.TargetNoData {
		return verdict, good
	}
	change := fmt.Sprintf("%s now (was %s)", now, was)
	switch gotWorse := now.Severity() > was.Severity(); {
	case gotWorse && good > 0:
		return verdict + ", but " + change, -1
	case gotWorse:
		return verdict + ", " + change, -1
	case good < 0:
		return verdict + ", yet " + change, 0
	}
	return verdict + ", " + change, 1
}

// sparkline draws a target's last readings in its scorecard line, from
// values kept on the chart-data sheet (sparklines ignore hidden cells).
func (s *summary) sparkline(line int, name string, values []float64) error {
	if len(values) < 2 {
		return nil
	}
	f := s.w.f
	s.sparks++
	row := s.sparks + 1
	label, _ := excelize.ColumnNumberToName(sparkColumn - 1)
	if s.sparks == 1 {
		if err := f.SetCellValue(sheetTrend, label+"1", "Last readings (Summary sparklines)"); err != nil {
			return err
		}
	}
	if err := f.SetCellValue(sheetTrend, label+strconv.Itoa(row), cellText(name)); err != nil {
		return err
	}
	for i, v := range values {
		c, _ := excelize.ColumnNumberToName(sparkColumn + i)
		if err := f.SetCellValue(sheetTrend, c+strconv.Itoa(row), v); err != nil {
			return err
		}
	}
	first, _ := excelize.ColumnNumberToName(sparkColumn)
	last, _ := excelize.ColumnNumberToName(sparkColumn + len(values) - 1)
	return f.AddSparkline(sheetSummary, &excelize.SparklineOptions{
		Location:    []string{fmt.Sprintf("E%d", line)},
		Range:       []string{fmt.Sprintf("'%s'!%s%d:%s%d", sheetTrend, first, row, last, row)},
		Markers:     true, // LibreOffice draws the markers of a sparkline, not always its line
		Weight:      1.5,
		SeriesColor: brand,
		Style:       18,
	})
}

// rightList writes one list of the right block: a heading, a header row
// and at most summaryItems rows of four columns (I, J, K, L).
func (s *summary) rightList(title string, head [4]string, rows [][4]string, sheet, noun string, colour func(row int) error) error {
	w := s.w
	row := s.right
	if err := s.sectionTitle(row, "I", "L", fmt.Sprintf("%s (%d)", title, len(rows))); err != nil {
		return err
	}
	cols := []string{"I", "J", "K", "L"}
	for i, h := range head {
		if err := s.put(fmt.Sprintf("%s%d", cols[i], row+1), h, w.st.header); err != nil {
			return err
		}
	}
	shown := rows
	if len(shown) > summaryItems {
		shown = shown[:summaryItems]
	}
	for i, r := range shown {
		line := row + 2 + i
		for j, v := range r {
			if err := s.line(line, cols[j], cols[j], v, w.st.cell); err != nil {
				return err
			}
		}
	}
	next := row + 2 + len(shown)
	if len(rows) == 0 {
		if err := s.put(fmt.Sprintf("I%d", next), "None.", w.st.text); err != nil {
			return err
		}
		next++
	}
	if colour != nil && len(shown) > 0 {
		if err := colour(row + 2); err != nil {
			return err
		}
	}
	if err := s.seeAll(next, "I", sheet, len(rows), noun); err != nil {
		return err
	}
	if len(rows) > summaryItems {
		next++
	}
	s.keepTogether(row, next-1) // a list of the right block prints whole, under its heading
	s.right = next + 1
	return nil
}

// holdingFirst is items with those for which holds is true first, each
// part in the order given.
func holdingFirst[T any](items []T, holds func(T) bool) []T {
	rank := func(x T) int {
		if holds(x) {
			return 0
		}
		return 1
	}
	out := slices.Clone(items)
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(rank(a), rank(b)) })
	return out
}

// attention lists the initiatives needing attention. A line has room for
// little, so the short facts of why (overdue, stale, no progress) come
// before a red initiative's reason, which is cut if need be.
func (s *summary) attention() error {
	var rows [][4]string
	for _, i := range s.w.snap.NeedsAttention {
		why := holdingFirst(i.Concerns, func(c string) bool { return !strings.HasPrefix(c, models.RedConcern) })
		rows = append(rows, [4]string{i.Title, models.OwnerOrNone(i.Owner), string(i.Health), strings.Join(why, "; ")})
	}
	return s.rightList("Initiatives needing attention", [4]string{"Initiative", "Owner", "Health", "Why: red, stale or overdue"}, rows, sheetInitiatives, "initiatives",
		func(first int) error {
			ref := fmt.Sprintf("K%d:K%d", first, first+min(len(rows), summaryItems)-1)
			return s.w.f.SetConditionalFormat(sheetSummary, ref, s.w.st.ragRules(s.w.st.healthWords()))
		})
}

func (s *summary) decisions() error {
	var rows [][4]string
	for _, d := range s.w.snap.Decisions {
		switch {
		case d.Ask(): // listed first, under the decisions needed from the executives
		case d.DueForReview:
			due := "review due"
			if d.ReviewDate.Before(s.w.asOf) {
				due = fmt.Sprintf("review overdue by %s", models.Count(d.ReviewDate.DaysUntil(s.w.asOf), "day", "days"))
			}
			rows = append(rows, [4]string{d.Statement, models.OwnerOrNone(d.Owner), d.ReviewDate.String(), string(d.Status) + "; " + due})
		case d.Status == models.DecisionProposed:
			rows = append(rows, [4]string{d.Statement, models.OwnerOrNone(d.Owner), "", "proposed: a decision is needed"})
		}
	}
	return s.rightList("Decisions due or needed", [4]string{"Decision", "Owner", "Review", "Why"}, rows, sheetDecisions, "decisions", nil)
}

func (s *summary) actions() error {
	var rows [][4]string
	for _, a := range s.w.snap.OverdueActions {
		why := models.Count(a.DaysOverdue, "day overdue", "days overdue")
		if a.TimesCarriedOver > 0 {
			why += "; carried over " + models.Count(a.TimesCarriedOver, "time", "times")
		}
		rows = append(rows, [4]string{a.Description, models.OwnerOrNone(a.Owner), a.DueDate().String(), why})
	}
	return s.rightList("Overdue actions", [4]string{"Action", "Owner", "Due", "Why"}, rows, sheetActions, "actions", nil)
}

// changes lists the changes since the last meeting, bad news first (a
// health or a target's status that got worse), so the few the Summary
// shows are the ones the committee must hear; the Changes sheet keeps them
// by kind.
func (s *summary) changes() error {
	var rows [][4]string
	for _, c := range holdingFirst(s.w.snap.Changes, func(c models.Change) bool { return c.Worse }) {
		rows = append(rows, [4]string{c.Title, changeLabels[c.Group], "", c.What})
	}
	title := "Changes since the last meeting on " + s.w.snap.Since.String()
	return s.rightList(title, [4]string{"What", "Kind of change", "", "Change"}, rows, sheetChanges, "changes", nil)
}

func (s *summary) wins() error {
	var rows [][4]string
	var since models.Date
	if s.w.snap.Previous != nil {
		since = s.w.snap.Previous.Date
	}
	for _, win := range s.w.snap.Wins {
		if !win.FinishedOn.After(since) {
			continue // the Summary celebrates this period's wins only
		}
		d := models.Decimals(win.From, win.To)
		rows = append(rows, [4]string{win.Initiative, win.Target, win.FinishedOn.String(),
			fmt.Sprintf("%s → %s", models.FormatValueTo(win.From, win.Unit, d), models.FormatValueTo(win.To, win.Unit, d))})
	}
	title := "Wins to celebrate"
	if !since.IsZero() {
		title += " since " + since.String()
	}
	return s.rightList(title, [4]string{"Initiative done", "Target improved", "Done on", "Since it started"}, rows, sheetInitiatives, "wins", nil)
}

// changeLabels name each kind of change briefly for the Summary.
var changeLabels = map[string]string{
	models.ChangeStarted: "initiative began", models.ChangeFinished: "initiative done", // 16 characters at most: column J
	models.ChangeHealth: "health changed", models.ChangeTargets: "target status", models.ChangeDecisions: "decision made",
	models.ChangeClosed: "action closed", models.ChangeOpened: "action opened",
}
