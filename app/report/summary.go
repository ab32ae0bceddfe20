package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/models"
)

// The Summary is one landscape page in two blocks: the programme's health
// on the left (overall, governance, initiatives by health, targets), what
// needs the executives on the right (attention, decisions, overdue actions,
// changes, wins).
const (
	summaryItems = 5 // items per list on the Summary; the sheets hold all
)

// summaryWidths are the Summary's columns: A–G the left block, H a gutter,
// I–L the right block.
var summaryWidths = []float64{26, 11, 11, 11, 9, 10, 32, 2, 34, 16, 11, 42}

// summary lays out the Summary sheet, row by row in two blocks.
type summary struct {
	w           *writer
	lines       map[int]int // row -> lines of text it needs
	left, right int         // next free row of each block
}

func (w *writer) writeSummary() error {
	f := w.f
	if err := w.printSetup(sheetSummary, 1, ""); err != nil {
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
	s := &summary{w: w, lines: map[int]int{}}
	for _, step := range []func() error{s.header, s.overall, s.governance, s.healthChart, s.scorecard,
		s.attention, s.decisions, s.actions, s.changes, s.wins} {
		if err := step(); err != nil {
			return err
		}
	}
	return s.heights()
}

// put writes a value with a style; text is always written as text.
func (s *summary) put(cell string, v any, style int) error {
	f := s.w.f
	if str, ok := v.(string); ok {
		v = cellText(str)
	}
	if err := f.SetCellValue(sheetSummary, cell, v); err != nil {
		return err
	}
	return f.SetCellStyle(sheetSummary, cell, cell, style)
}

// span writes text across merged columns from..to of a row and records the
// lines it needs to wrap.
func (s *summary) span(row int, from, to string, text string, style int) error {
	a, b := fmt.Sprintf("%s%d", from, row), fmt.Sprintf("%s%d", to, row)
	if from != to {
		if err := s.w.f.MergeCell(sheetSummary, a, b); err != nil {
			return err
		}
		if err := s.w.f.SetCellStyle(sheetSummary, a, b, style); err != nil {
			return err
		}
	}
	s.need(row, lineCount(text, s.width(from, to)))
	return s.put(a, text, style)
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
			if err := s.w.f.SetRowHeight(sheetSummary, row, float64(lines)*14+2); err != nil {
				return err
			}
		}
	}
	return nil
}

// sectionTitle writes a block's heading across its columns.
func (s *summary) sectionTitle(row int, from, to, title string) error {
	s.need(row, 1)
	if err := s.span(row, from, to, title, s.w.st.section); err != nil {
		return err
	}
	return s.w.f.SetRowHeight(sheetSummary, row, 22)
}

// seeAll adds a link to the sheet that holds the whole list.
// With no sheet it only says how many more there are.
func (s *summary) seeAll(row int, col, sheet string, total int, noun string) error {
	if total <= summaryItems {
		return nil
	}
	cell := fmt.Sprintf("%s%d", col, row)
	if sheet == "" {
		return s.put(cell, fmt.Sprintf("… and %d more %s", total-summaryItems, noun), s.w.st.subtitle)
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
	if err := w.f.SetRowHeight(sheetSummary, 1, 28); err != nil {
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
	cols := []string{"A", "B", "D", "F", "G", "I", "J"}
	for i, sheet := range []string{sheetInitiatives, sheetTargets, sheetDecisions, sheetActions, sheetMeetings, sheetCommittee, sheetMeasurements} {
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
	s.left = row + 2
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
		if err := s.span(r, "A", "D", c.Name, w.st.wrap); err != nil {
			return err
		}
		if err := s.put(fmt.Sprintf("E%d", r), verdict, w.st.text); err != nil {
			return err
		}
		if err := s.span(r, "F", "G", c.Reason, w.st.wrap); err != nil {
			return err
		}
	}
	if len(checks) > 0 {
		ref := fmt.Sprintf("E%d:E%d", row+1, row+len(checks))
		if err := w.f.SetConditionalFormat(sheetSummary, ref, w.st.ragRules(w.st.verdictWords())); err != nil {
			return err
		}
	}
	s.left = row + len(checks) + 2
	return nil
}

// healthChart writes the open initiatives by health and charts them.
func (s *summary) healthChart() error {
	w := s.w
	row := s.left
	if err := s.sectionTitle(row, "A", "G", "Open initiatives by health"); err != nil {
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
	err := w.f.AddChart(sheetSummary, fmt.Sprintf("C%d", row+1), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{Name: "Open initiatives", Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sheetSummary, row+1, row+3),
			Values: fmt.Sprintf("'%s'!$B$%d:$B$%d", sheetSummary, row+1, row+3),
			// One neutral colour: the words beside the chart carry the RAG colours,
			// and a bar coloured unlike its word would mislead.
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{brand}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 480, Height: 150},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
		YAxis:     excelize.ChartAxis{MajorGridLines: true},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Format:    excelize.GraphicOptions{OffsetX: 10, OffsetY: 2},
	})
	if err != nil {
		return err
	}
	s.left = row + 9 // the chart is about seven rows tall
	return nil
}

func (s *summary) scorecard() error {
	w := s.w
	row := s.left
	if err := s.sectionTitle(row, "A", "G", "Targets scorecard"); err != nil {
		return err
	}
	head := []string{"Target", "Baseline", "Current", "Target", "Progress", "Status", "Trend and why"}
	for i, h := range head {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := s.put(fmt.Sprintf("%s%d", c, row+1), h, w.st.header); err != nil {
			return err
		}
	}
	rows := w.snap.Scorecard
	for i, r := range rows {
		line := row + 2 + i
		t := r.Target
		values := []any{t.Name, nil, nil, models.FormatValue(t.TargetValue, t.Unit), nil, string(r.Reading.Status)}
		if t.BaselineValue != nil {
			values[1] = models.FormatValue(*t.BaselineValue, t.Unit)
		}
		if r.Reading.HasData {
			values[2] = models.FormatValue(r.Reading.Current, t.Unit)
			if t.BaselineValue != nil {
				values[4] = r.Reading.Progress
			}
		}
		for j, v := range values {
			c, _ := excelize.ColumnNumberToName(j + 1)
			style := w.st.text
			switch j {
			case 1, 2, 3:
				style = w.st.wrap
				if str, ok := v.(string); ok {
					s.need(line, lineCount(str, summaryWidths[j]))
				}
			case 4:
				style = w.st.percent
			}
			if v == nil {
				v = ""
			}
			if j == 0 {
				s.need(line, lineCount(t.Name, summaryWidths[0]))
				style = w.st.wrap
			}
			if err := s.put(fmt.Sprintf("%s%d", c, line), v, style); err != nil {
				return err
			}
		}
		why := strings.TrimSpace(string(w.snap.Trends[t.ID]) + " · " + r.Reading.Short)
		why = strings.TrimPrefix(why, "· ")
		if err := s.span(line, "G", "G", why, w.st.wrap); err != nil {
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
	s.left = row + 3 + max(len(rows), 1)
	return nil
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
			if err := s.span(line, cols[j], cols[j], v, w.st.wrap); err != nil {
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
	s.right = next + 1
	return nil
}

func (s *summary) attention() error {
	var rows [][4]string
	for _, i := range s.w.snap.NeedsAttention {
		rows = append(rows, [4]string{i.Title, models.OwnerOrNone(i.Owner), string(i.Health), i.Concern()})
	}
	return s.rightList("Initiatives needing attention", [4]string{"Initiative", "Owner", "Health", "Why"}, rows, sheetInitiatives, "initiatives",
		func(first int) error {
			ref := fmt.Sprintf("K%d:K%d", first, first+min(len(rows), summaryItems)-1)
			return s.w.f.SetConditionalFormat(sheetSummary, ref, s.w.st.ragRules(s.w.st.healthWords()))
		})
}

func (s *summary) decisions() error {
	var rows [][4]string
	for _, d := range s.w.snap.Decisions {
		switch {
		case d.DueForReview:
			rows = append(rows, [4]string{d.Statement, models.OwnerOrNone(d.Owner), d.ReviewDate.String(), string(d.Status) + "; review due"})
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

func (s *summary) changes() error {
	var rows [][4]string
	for _, c := range s.w.snap.Changes {
		rows = append(rows, [4]string{c.Title, changeLabels[c.Group], "", c.What})
	}
	title := "Changes since the last meeting on " + s.w.snap.Since.String()
	return s.rightList(title, [4]string{"What", "Kind of change", "", "Change"}, rows, "", "changes", nil)
}

func (s *summary) wins() error {
	var rows [][4]string
	for _, win := range s.w.snap.Wins {
		rows = append(rows, [4]string{win.Initiative, win.Target, win.FinishedOn.String(),
			fmt.Sprintf("%s → %s", models.FormatValue(win.From, win.Unit), models.FormatValue(win.To, win.Unit))})
	}
	return s.rightList("Wins to celebrate", [4]string{"Initiative done", "Target improved", "Done on", "Moved"}, rows, sheetInitiatives, "wins", nil)
}

// changeLabels name each kind of change briefly for the Summary.
var changeLabels = map[string]string{
	models.ChangeStarted: "initiative started", models.ChangeFinished: "initiative finished",
	models.ChangeHealth: "health changed", models.ChangeTargets: "target status", models.ChangeDecisions: "decision made",
	models.ChangeClosed: "action closed", models.ChangeOpened: "action opened",
}
