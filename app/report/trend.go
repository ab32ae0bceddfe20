package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// keyTargets are the targets the trend chart follows: of the financial and
// perception (CX) ones with a baseline, the six that most need the
// reader's eye (app.MostConcerning).
func (w *writer) keyTargets() []app.TargetRow {
	var cx []app.TargetRow
	for _, r := range w.snap.Scorecard {
		if r.Target.Kind != models.KindOperational && r.Target.BaselineValue != nil {
			cx = append(cx, r)
		}
	}
	return app.MostConcerning(cx, 6)
}

// trendMonths are the twelve month ends up to the as-of day, oldest first.
func (w *writer) trendMonths() []models.Date {
	t := w.asOf.Time()
	first := models.NewDate(t.Year(), t.Month(), 1)
	months := make([]models.Date, 12)
	for i := range months {
		end := first.AddMonths(i - 10).AddDays(-1) // the last day of each month, the last one this month so far
		if end.After(w.asOf) {
			end = w.asOf
		}
		months[i] = end
	}
	months[11] = w.asOf
	return months
}

// writeTrendSheet writes, for each key target, its progress towards the
// target at each month end: the data behind the trend chart.
func (w *writer) writeTrendSheet() error {
	f := w.f
	if _, err := f.NewSheet(sheetTrend); err != nil {
		return err
	}
	if err := w.printSetup(sheetTrend, 1, 1); err != nil {
		return err
	}
	keys := w.keyTargets()
	months := w.trendMonths()
	if err := f.SetCellValue(sheetTrend, "A1", "Month end"); err != nil {
		return err
	}
	for j, k := range keys {
		cell, _ := excelize.CoordinatesToCellName(j+2, 1)
		if err := f.SetCellValue(sheetTrend, cell, cellText(k.Target.Name)); err != nil {
			return err
		}
	}
	target, _ := excelize.CoordinatesToCellName(len(keys)+2, 1)
	if err := f.SetCellValue(sheetTrend, target, "Target (100%)"); err != nil {
		return err
	}
	from, to, planned := sharedPlan(keys)
	if planned {
		cell, _ := excelize.CoordinatesToCellName(len(keys)+3, 1)
		if err := f.SetCellValue(sheetTrend, cell, "Plan: where the targets should be"); err != nil {
			return err
		}
	}
	for i, day := range months {
		row := i + 2
		if err := f.SetCellValue(sheetTrend, fmt.Sprintf("A%d", row), day.Time()); err != nil {
			return err
		}
		// The target line's points: the chart's axis always reaches 100%.
		cell, _ := excelize.CoordinatesToCellName(len(keys)+2, row)
		if err := f.SetCellValue(sheetTrend, cell, 1.0); err != nil {
			return err
		}
		if planned {
			cell, _ := excelize.CoordinatesToCellName(len(keys)+3, row)
			if err := f.SetCellValue(sheetTrend, cell, models.ElapsedShare(from, to, day)); err != nil {
				return err
			}
		}
		for j, k := range keys {
			r := models.Evaluate(k.Target, w.snap.Measurements[k.Target.ID], day)
			if !r.HasData {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+2, row)
			if err := f.SetCellValue(sheetTrend, cell, r.Progress); err != nil {
				return err
			}
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(keys) + 3)
	for _, st := range []struct {
		ref   string
		style int
	}{{"A1:" + lastCol + "1", w.st.header}, {"A2:A13", w.st.date}, {"B2:" + lastCol + "13", w.st.percent}} {
		from, to, _ := strings.Cut(st.ref, ":")
		if err := f.SetCellStyle(sheetTrend, from, to, st.style); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheetTrend, "A", "A", 12); err != nil {
		return err
	}
	if err := f.SetColWidth(sheetTrend, "B", lastCol, 22); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheetTrend, 1, 32); err != nil {
		return err
	}
	if err := f.SetPanes(sheetTrend, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// The sparklines' and the health chart's data, with room for their labels.
	first, _ := excelize.ColumnNumberToName(sparkColumn - 1)
	last, _ := excelize.ColumnNumberToName(healthColumn + 2)
	if err := f.SetColWidth(sheetTrend, first, last, 14); err != nil {
		return err
	}
	// The printed page is the table of the twelve months: the sparklines'
	// and the health chart's data beside it, a row per target (thousands
	// in a large programme), serve the charts and would shrink the page
	// past reading.
	printed := len(keys) + 2 // the months, the targets and their 100% line
	if planned {
		printed++ // and the plan's
	}
	return w.printArea(sheetTrend, printed, 13)
}

// trendSeries is the chart's line of the trend sheet's column col (its
// heading names it), over the twelve months, drawn as line says, with no
// markers unless given.
func trendSeries(col int, line excelize.LineOptions) excelize.ChartSeries {
	c, _ := excelize.ColumnNumberToName(col)
	return excelize.ChartSeries{
		Name:       fmt.Sprintf("'%s'!$%s$1", sheetTrend, c),
		Categories: fmt.Sprintf("'%s'!$A$2:$A$13", sheetTrend),
		Values:     fmt.Sprintf("'%s'!$%s$2:$%s$13", sheetTrend, c, c),
		Line:       line,
		Marker:     excelize.ChartMarker{Symbol: "none"},
	}
}

// sharedPlan is the baseline and target days of the key targets when they
// all share them, so that one line shows where their plan has them.
func sharedPlan(keys []app.TargetRow) (from, to models.Date, ok bool) {
	for i, k := range keys {
		t := k.Target
		if t.BaselineDate.IsZero() || !t.BaselineDate.Before(t.TargetDate) ||
			(i > 0 && (!t.BaselineDate.Equal(from) || !t.TargetDate.Equal(to))) {
			return from, to, false
		}
		from, to = t.BaselineDate, t.TargetDate
	}
	return from, to, len(keys) > 0
}

// trendChart draws the key targets' progress over the last twelve months
// below the Targets table, at the top of a page of its own and no wider
// than the table's first page, so that it prints whole.
func (w *writer) trendChart(s *sheetWrite) error {
	keys := w.keyTargets()
	if len(keys) == 0 {
		return nil
	}
	row := s.lastRow + 2
	if err := w.f.InsertPageBreak(sheetTargets, fmt.Sprintf("A%d", row)); err != nil {
		return err
	}
	var series []excelize.ChartSeries
	colours := seriesColours()
	for j := range keys {
		colour := []string{colours[j%len(colours)]}
		line := trendSeries(j+2, excelize.LineOptions{Width: 2, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: colour}})
		line.Marker = excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: colour}}
		series = append(series, line)
	}
	// The target line: 100% in every month, dashed and dark.
	series = append(series, trendSeries(len(keys)+2,
		excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inkDark}}}))
	// The plan's line, where the targets should be by each month, when
	// they share one plan: a target below it is behind, however it rises.
	if _, _, planned := sharedPlan(keys); planned {
		series = append(series, trendSeries(len(keys)+3,
			excelize.LineOptions{Width: 2.25, Dash: excelize.LineDashLgDashDot, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{redInk}}}))
	}
	return w.f.AddChart(sheetTargets, fmt.Sprintf("A%d", row), &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Key targets: progress towards target, last 12 months (100% = target reached)"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: trendChartWidth(s.widths, pagesWide(s.widths, s.ds.key)), Height: 340},
		XAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "mmm yy"}, Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: axisFont},
	})
}

// departmentsTable writes the departments below the members, with who
// represents each or the gap marked.
func (w *writer) departmentsTable(sw *excelize.StreamWriter, depts []app.DepartmentRow, first int) error {
	header := []any{
		excelize.Cell{StyleID: w.st.header, Value: "Department"}, excelize.Cell{StyleID: w.st.header, Value: "Head"},
		excelize.Cell{StyleID: w.st.header, Value: "Represented by (can commit it)"}, excelize.Cell{StyleID: w.st.header, Value: "Gap"},
		excelize.Cell{StyleID: w.st.header, Value: "Members"},
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", first), header, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	cols := []col{{kind: kText}, {kind: kText}, {kind: kWrap}, {kind: kWord}, {kind: kInt}}
	for i, d := range depts {
		cells := w.cells(cols, []any{d.Name, d.Head, representedBy(d), yes(len(d.Representatives) == 0), d.Members})
		if err := sw.SetRow(fmt.Sprintf("A%d", first+1+i), cells); err != nil {
			return err
		}
	}
	last := first + max(1, len(depts))
	if len(depts) == 0 {
		if err := sw.SetRow(fmt.Sprintf("A%d", first+1), []any{"No departments"}); err != nil {
			return err
		}
	}
	if err := w.f.SetConditionalFormat(sheetCommittee, fmt.Sprintf("D%d:D%d", first+1, last), w.st.ragRules(w.st.flagWords())); err != nil {
		return err
	}
	return sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A%d:E%d", first, last), Name: "DepartmentsTable", StyleName: "TableStyleLight1", ShowRowStripes: boolPtr(true)})
}

// trendChartWidth is the chart's width in pixels: 900, or less when a page
// of the table holds less (a table printed wide pages across shares its
// width among them).
func trendChartWidth(widths []float64, wide int) uint {
	total := 0.0
	for _, w := range widths {
		total += w * columnPixels
	}
	return uint(min(900, total/float64(wide)*0.95))
}
