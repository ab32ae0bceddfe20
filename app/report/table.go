package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"cxcommittee/models"
)

// kind is how a column's values are written and formatted.
type kind int

const (
	kText       kind = iota // short text
	kWrap                   // long text, wrapped
	kDate                   // a real date with a date format
	kInt                    // a whole number
	kNum                    // a number as measured
	kMoney                  // an amount
	kPct                    // a share written as a percentage
	kWord                   // a status word, coloured by conditional formatting
	kPercent100             // a whole percentage (0..100) written as a share
)

// col is one column of a data sheet.
type col struct {
	title string
	kind  kind
	max   float64               // widest the column may get, in characters
	min   float64               // narrowest, when other content shares the column
	words func() map[string]int // for kWord: the colours of its words
}

// dataSheet is a register written as an Excel table with a frozen header,
// filters, fitted widths, real dates and numbers, and print set-up.
type dataSheet struct {
	name, table string
	cols        []col
	n           int
	row         func(i int) []any
	// extra runs before the sheet is finished, e.g. to add a chart or a
	// second table; lastRow is the sheet's last data row.
	extra func(s *sheetWrite) error
	// extraRows and extraCols are how far extra reaches below and across
	// the table, for the print area.
	extraRows, extraCols int
	// key is the column that names a row (the first when 0): a register
	// printed over pages side by side repeats the columns up to it on
	// each, so every page says which row is which.
	key int
}

// sheetWrite is a register sheet being written: excelize writes its
// header, its table and what comes below; its rows are written and
// compressed on their own, while excelize works, and put after its header
// when the workbook is saved.
type sheetWrite struct {
	ds      dataSheet
	sw      *excelize.StreamWriter
	widths  []float64
	lastRow int
	xml     []byte   // the sheet as excelize wrote it, without the rows
	rows    deflated // the rows, compressed as a middle piece of the part
	part    deflated // the sheet with its rows, ready for the zip
}

// cells is how many cells filling the sheet writes.
func (s *sheetWrite) cells() int { return s.ds.n * len(s.ds.cols) }

// startDataSheet sets up a register's sheet up to its header: print
// set-up, status colours, column widths, frozen header.
func (w *writer) startDataSheet(s *sheetWrite) error {
	f, ds := w.f, s.ds
	if _, err := f.NewSheet(ds.name); err != nil {
		return err
	}
	titles := []string{"$1:$1"}
	wide := pagesWide(s.widths, ds.key)
	if wide > 1 {
		key, _ := excelize.ColumnNumberToName(ds.key + 1)
		titles = append([]string{"$A:$" + key}, titles...)
	}
	if err := w.printSetup(ds.name, wide, 0, titles...); err != nil {
		return err
	}
	for i, c := range ds.cols {
		if c.kind != kWord || c.words == nil {
			continue
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetConditionalFormat(ds.name, fmt.Sprintf("%s2:%s%d", name, name, s.lastRow), w.st.ragRules(c.words())); err != nil {
			return err
		}
	}
	var err error
	if s.sw, err = f.NewStreamWriter(ds.name); err != nil {
		return err
	}
	for i, width := range s.widths {
		if err := s.sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(ds.cols))
	for i, c := range ds.cols {
		header[i] = excelize.Cell{StyleID: w.st.header, Value: c.title}
	}
	return s.sw.SetRow("A1", header, excelize.RowOpts{Height: 32})
}

// finishDataSheet makes a register an Excel table reaching down to its
// last row, adds what comes below it, and sets what it prints.
func (w *writer) finishDataSheet(s *sheetWrite) error {
	ds := s.ds
	lastCol, _ := excelize.ColumnNumberToName(len(ds.cols))
	if err := s.sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A1:%s%d", lastCol, s.lastRow), Name: ds.table,
		StyleName: "TableStyleLight1", ShowRowStripes: boolPtr(true)}); err != nil {
		return err
	}
	if ds.extra != nil {
		if err := ds.extra(s); err != nil {
			return err
		}
	}
	if err := s.sw.Flush(); err != nil {
		return err
	}
	return w.printArea(ds.name, max(len(ds.cols), ds.extraCols), s.lastRow+ds.extraRows)
}

// registerSheets lays out the registers: each one's rows and column
// widths, side by side (the widths measure every row). An empty register
// still shows its table, with one line saying so.
func (w *writer) registerSheets(sheets []func() dataSheet) []*sheetWrite {
	out := make([]*sheetWrite, len(sheets))
	var wg sync.WaitGroup
	for i, sheet := range sheets {
		wg.Go(func() {
			ds := sheet()
			out[i] = &sheetWrite{ds: ds, widths: w.fitWidths(ds), lastRow: max(ds.n, 1) + 1}
		})
	}
	wg.Wait()
	return out
}

// setUpRegisters writes everything of the register sheets but their rows.
func (w *writer) setUpRegisters(registers []*sheetWrite) error {
	for _, s := range registers {
		err := w.startDataSheet(s)
		if err == nil {
			err = w.finishDataSheet(s)
		}
		if err != nil {
			return fmt.Errorf("writing the %s sheet: %w", s.ds.name, err)
		}
	}
	return nil
}

// rowsPerReport is how many rows a register fills between two reports of
// progress.
const rowsPerReport = 2000

// rowsWritten counts the rows the registers filled side by side have
// written, and reports them one at a time.
type rowsWritten struct {
	total    int
	progress Progress
	mu       sync.Mutex
	done     int
}

// add counts n more rows and says how far the registers have got.
func (r *rowsWritten) add(n int) {
	if r.progress == nil || n == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += n
	r.progress(fmt.Sprintf("Writing the registers (%s of %s rows)", models.Whole(r.done), models.Whole(r.total)))
}

// printArea sets what a sheet prints: columns A to cols, rows 1 to rows.
func (w *writer) printArea(sheet string, cols, rows int) error {
	last, _ := excelize.ColumnNumberToName(cols)
	return w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, last, rows)})
}

// cells turns a row's values into styled cells.
func (w *writer) cells(cols []col, values []any) []any {
	out := make([]excelize.Cell, len(cols))
	w.cellsInto(out, cols, values)
	boxed := make([]any, len(out))
	for i, c := range out {
		boxed[i] = c
	}
	return boxed
}

// cellsInto turns a row's values into styled cells, into out (one per
// column).
func (w *writer) cellsInto(out []excelize.Cell, cols []col, values []any) {
	for i, c := range cols {
		var v any
		if i < len(values) {
			v = values[i]
		}
		out[i] = w.cell(c.kind, v)
	}
}

// cell writes one value as its kind: dates as dates, numbers as numbers,
// and user text always as text.
func (w *writer) cell(k kind, v any) excelize.Cell {
	st := w.st
	switch x := v.(type) {
	case nil:
		return excelize.Cell{StyleID: st.text}
	case models.Date:
		if x.IsZero() {
			return excelize.Cell{StyleID: st.date}
		}
		return excelize.Cell{StyleID: st.date, Value: dateSerial(x)}
	case time.Time:
		return excelize.Cell{StyleID: st.date, Value: excelSerial(x)}
	case *float64:
		if x == nil {
			return excelize.Cell{StyleID: st.number}
		}
		return w.cell(k, *x)
	case inUnit:
		if id, ok := st.units[unitKey{x.unit, x.decimals}]; ok {
			return excelize.Cell{StyleID: id, Value: x.v}
		}
		return excelize.Cell{StyleID: st.number, Value: x.v}
	case string:
		style := st.text
		switch k {
		case kWrap:
			style = st.wrap
		case kWord:
			style = st.word
		}
		if x == "" {
			return excelize.Cell{StyleID: style} // blank, not an empty string
		}
		return excelize.Cell{StyleID: style, Value: cellText(x)}
	}
	switch k {
	case kDate:
		return excelize.Cell{StyleID: st.date, Value: v}
	case kInt:
		return excelize.Cell{StyleID: st.integer, Value: v}
	case kMoney:
		return excelize.Cell{StyleID: st.money, Value: v}
	case kPct:
		return excelize.Cell{StyleID: st.percent, Value: v}
	case kPercent100:
		if n, ok := v.(int); ok {
			return excelize.Cell{StyleID: st.percent, Value: float64(n) / 100}
		}
	}
	return excelize.Cell{StyleID: st.number, Value: v}
}

// inUnit is a target's value, written in its unit's number format with
// the decimals all its values take.
type inUnit struct {
	v        float64
	unit     string
	decimals int
}

// unitValue is v in unit with decimals, or nil for no value.
func unitValue(v *float64, unit string, decimals int) any {
	if v == nil {
		return nil
	}
	return inUnit{*v, unit, decimals}
}

// excelSerial is a day as Excel numbers it: days since 31 December 1899,
// counting the 29 February 1900 that Excel believes in (as excelize and
// Excel do), reckoned here so that filling a sheet never asks the workbook.
// A day before 1900, which Excel cannot hold as a date, is written as its
// ISO text.
func excelSerial(t time.Time) any {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if y < 1900 {
		return day.Format(time.DateOnly)
	}
	const dayZero = -2209075200 // 1899-12-31 in Unix seconds
	serial := (day.Unix() - dayZero) / 86400
	if y > 1900 || m > time.February {
		serial++ // Excel's 29 February 1900
	}
	return float64(serial)
}

// dateSerial is excelSerial for a date, counted from its day number: a
// register at scale holds a hundred thousand dates.
func dateSerial(d models.Date) any {
	const firstTrueDay = -25508 // 1900-03-01, the first day Excel counts right
	if day := d.UnixDay(); day >= firstTrueDay {
		return float64(day + 25569) // 1970-01-01 is Excel's day 25,569
	}
	return excelSerial(d.Time())
}

// pagesWide is how many landscape pages a register prints across, so its
// text stays readable: up to 250 characters of columns to a page (about
// 7 pt once fitted), a wider register over two pages or more, each
// repeating the columns up to key.
func pagesWide(widths []float64, key int) int {
	const page = 250.0
	total, titles := 0.0, 0.0
	for i, w := range widths {
		total += w
		if i <= key {
			titles += w
		}
	}
	if total <= page {
		return 1
	}
	titles = min(titles, page/2) // a title as wide as a page cannot repeat usefully
	return max(2, int(math.Ceil((total-titles)/(page-titles))))
}

// fitWidths sizes each column to its widest value, within its maximum.
func (w *writer) fitWidths(ds dataSheet) []float64 {
	widths := make([]float64, len(ds.cols))
	for i, c := range ds.cols {
		widths[i] = max(10, c.min, textWidth(c.title)*0.9+3)
	}
	sample := ds.n
	if sample > 5000 {
		sample = 5000 // widths settle long before; keeps large exports quick
	}
	for r := 0; r < sample; r++ {
		for i, v := range ds.row(r) {
			if i >= len(ds.cols) {
				break
			}
			widths[i] = max(widths[i], valueWidth(ds.cols[i].kind, v)+2)
		}
	}
	for i, c := range ds.cols {
		limit := c.max
		if limit == 0 {
			limit = 40
		}
		widths[i] = min(widths[i], limit)
	}
	return widths
}

func valueWidth(k kind, v any) float64 {
	switch x := v.(type) {
	case string:
		return textWidth(x)
	case inUnit:
		return textWidth(models.FormatValueTo(x.v, x.unit, x.decimals)) + 2
	case models.Date:
		return 11
	case float64:
		if k == kPct {
			return 6
		}
		return float64(len(models.FormatNumber(x))) + 2
	case int:
		return float64(len(fmt.Sprint(x))) + 1
	case time.Time:
		return 11
	}
	return 8
}

// rowHeight gives wrapped rows room for their lines (Excel does not
// re-measure rows written by a program).
func rowHeight(cols []col, cells []excelize.Cell, widths []float64) float64 {
	lines := 1
	for i, c := range cols {
		if c.kind != kWrap {
			continue
		}
		if s, ok := cells[i].Value.(string); ok {
			lines = max(lines, min(lineCount(s, widths[i]), 12))
		}
	}
	return float64(lines)*14.5 + 2
}

// printSetup prints a sheet landscape on A4, fitted to the page width (and
// to fitHeight pages high, 0 for as many as needed), with the organisation,
// sheet and as-of date in the header and page numbers in the footer, and
// the columns and rows titles names ("$A:$A", "$1:$1") on every page.
func (w *writer) printSetup(sheet string, fitWidth, fitHeight int, titles ...string) error {
	f := w.f
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	landscape, a4 := "landscape", 9
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &fitWidth, FitToHeight: &fitHeight}); err != nil {
		return err
	}
	margin := 0.4
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: ptr(0.6), Bottom: ptr(0.6), Header: ptr(0.25), Footer: ptr(0.25)}); err != nil {
		return err
	}
	hf := &excelize.HeaderFooterOptions{
		OddHeader: fmt.Sprintf("&L&\"-,Bold\"%s&C%s&RAs of %s", headerText(w.org), sheet, w.asOf),
		OddFooter: fmt.Sprintf("&LCX Committee status report&CPage &P of &N&R%s", w.asOf),
	}
	if err := f.SetHeaderFooter(sheet, hf); err != nil {
		return err
	}
	if len(titles) == 0 {
		return nil
	}
	refs := make([]string, len(titles))
	for i, t := range titles {
		refs[i] = fmt.Sprintf("'%s'!%s", sheet, t)
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(refs, ","), Scope: sheet})
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func boolPtr(b bool) *bool   { return &b }
func ptr(v float64) *float64 { return &v }
