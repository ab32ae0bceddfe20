package pack

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// maxFileSize is the largest pack read: a real pack is a few tens of KB.
const maxFileSize = 20 << 20

// Read opens a filled pack and reads every row's inputs. A file that is not
// a pack, or whose sheets, headers or rows were changed, is refused with
// one line; problems with what was typed are returned per row in the pack.
func Read(path string) (app.FilledPack, error) {
	var p app.FilledPack
	info, err := os.Stat(path)
	if err != nil {
		return p, fmt.Errorf("cannot read %s: %w", path, app.UnwrapPath(err))
	}
	if info.Size() > maxFileSize {
		return p, fmt.Errorf("%s is %d MB, far larger than an update pack; it was not read", path, info.Size()>>20)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return p, fmt.Errorf("%s is not an Excel workbook (or it is password-protected or damaged)", path)
		}
		return p, fmt.Errorf("%s cannot be opened as a workbook (password-protected or damaged?): %v", path, err)
	}
	defer f.Close()
	p.File = path
	if err := readIdentity(f, &p); err != nil {
		return p, fmt.Errorf("%s is not a CX Committee update pack: %w", path, err)
	}
	issued, err := f.GetCols(SheetLists)
	if err != nil || len(issued) < 7 {
		issued = append(issued, make([][]string, 7)...)
	}
	sheets := []struct {
		name string
		cols []column
		read func(r row) error
	}{
		{SheetInitiatives, initiativeColumns, func(r row) error { return readInitiative(r, &p) }},
		{SheetTargets, targetColumns, func(r row) error { return readTarget(r, &p) }},
		{SheetActions, actionColumns, func(r row) error { return readAction(r, &p) }},
	}
	var seen []string
	for _, sh := range sheets {
		rows, err := readSheet(f, sh.name, sh.cols)
		if err != nil {
			return p, fmt.Errorf("%s: %w", path, err)
		}
		for _, r := range rows {
			seen = append(seen, issuedKey(sh.name, r.id))
			if err := sh.read(r); err != nil {
				return p, err
			}
		}
	}
	want := slices.DeleteFunc(slices.Clone(issued[6]), func(s string) bool { return s == "" })
	slices.Sort(want)
	slices.Sort(seen)
	if !slices.Equal(want, seen) {
		return p, fmt.Errorf("%s: rows were added to or deleted from the pack (it was issued with %d rows, it holds %d); fill in the rows as issued and leave the others blank", path, len(want), len(seen))
	}
	return p, nil
}

func readIdentity(f *excelize.File, p *app.FilledPack) error {
	if idx, _ := f.GetSheetIndex(SheetLists); idx < 0 {
		return errors.New("its Lists sheet is missing")
	}
	get := func(cell string) string { v, _ := f.GetCellValue(SheetLists, cell); return strings.TrimSpace(v) }
	p.PackID = get(cellPackID)
	dept, err := strconv.ParseUint(get(cellDepartment), 10, 64)
	issued, derr := models.ParseDate(get(cellIssued))
	if p.PackID == "" || err != nil || derr != nil || issued.IsZero() {
		return errors.New("its identity (pack id, department, date) is missing or changed")
	}
	p.DepartmentID, p.Issued, p.Department = uint(dept), issued, get(cellDeptName)
	return nil
}

// row is one data row: its id, version and cells (raw values).
type row struct {
	sheet    string
	n        int // the row number in the sheet
	id       uint
	version  int
	cells    []string
	formulas []bool
	cols     []column
}

// readSheet checks a sheet's header and returns its data rows.
func readSheet(f *excelize.File, name string, cols []column) ([]row, error) {
	if idx, _ := f.GetSheetIndex(name); idx < 0 {
		return nil, fmt.Errorf("the %s sheet is missing or was renamed", name)
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("the %s sheet cannot be read: %v", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("the %s sheet has no header", name)
	}
	for i, c := range cols {
		if i >= len(rows[0]) || strings.TrimSpace(rows[0][i]) != c.title {
			return nil, fmt.Errorf("the %s sheet's columns were moved or renamed (column %d should be %q)", name, i+1, c.title)
		}
	}
	var out []row
	for i, cells := range rows[1:] {
		n := i + 2
		if blank(cells) {
			continue
		}
		id, err1 := strconv.ParseUint(strings.TrimSpace(at(cells, 0)), 10, 64)
		ver, err2 := strconv.Atoi(strings.TrimSpace(at(cells, 1)))
		if err1 != nil || err2 != nil || id == 0 {
			return nil, fmt.Errorf("row %d of the %s sheet has no record id: rows were added or their hidden ids changed", n, name)
		}
		r := row{sheet: name, n: n, id: uint(id), version: ver, cols: cols}
		for c := range cols {
			r.cells = append(r.cells, strings.TrimSpace(at(cells, c)))
			cell, _ := excelize.CoordinatesToCellName(c+1, n)
			formula, _ := f.GetCellFormula(name, cell)
			r.formulas = append(r.formulas, formula != "")
		}
		out = append(out, r)
	}
	return out, nil
}

func at(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// input reads input column c of r: its text, and a problem if a formula
// was typed there.
func (r row) input(c int, p *app.FilledPack) string {
	if r.formulas[c] {
		r.problem(p, c, "a formula is not accepted here; type the value itself")
		return ""
	}
	return r.cells[c]
}

// problem notes what is wrong with one cell of r.
func (r row) problem(p *app.FilledPack, c int, msg string) {
	cell, _ := excelize.CoordinatesToCellName(c+1, r.n)
	p.Problems = append(p.Problems, app.PackProblem{Sheet: r.sheet, Row: r.n, Cell: cell, Column: r.cols[c].title, Message: msg})
}

func readInitiative(r row, p *app.FilledPack) error {
	in := app.InitiativeInput{ID: r.id, Version: r.version, Row: r.n}
	if v := r.input(9, p); v != "" {
		h := models.Health(strings.ToLower(v))
		if !slices.Contains(models.Healths, h) {
			r.problem(p, 9, fmt.Sprintf("%q is not a health: choose green, amber or red", v))
		}
		in.Health = h
	}
	if v := r.input(10, p); v != "" {
		pct, err := percent(v)
		if err != nil {
			r.problem(p, 10, err.Error())
		}
		in.Percent = &pct
	}
	in.Note = r.input(11, p)
	if v := r.input(12, p); v != "" {
		d, err := app.ParseTypedDate(v)
		if err != nil {
			r.problem(p, 12, err.Error())
		}
		in.RevisedDue = d
	}
	if in.Health != "" || in.Percent != nil || in.Note != "" || !in.RevisedDue.IsZero() {
		p.Initiatives = append(p.Initiatives, in)
	}
	return nil
}

func readTarget(r row, p *app.FilledPack) error {
	in := app.ReadingInput{TargetID: r.id, Version: r.version, Row: r.n}
	dateText, valueText, sample := r.input(7, p), r.input(8, p), r.input(9, p)
	in.Note = r.input(10, p)
	if dateText == "" && valueText == "" && sample == "" && in.Note == "" {
		return nil
	}
	var err error
	if in.Date, err = app.ParseTypedDate(dateText); err != nil || dateText == "" {
		r.problem(p, 7, "the reading date is required, e.g. 2026-11-30")
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(valueText, ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.problem(p, 8, fmt.Sprintf("%q is not a number", valueText))
	}
	in.Value = v
	if sample != "" {
		n, err := strconv.Atoi(sample)
		if err != nil || n < 0 {
			r.problem(p, 9, fmt.Sprintf("sample size %q is not a whole number", sample))
		}
		in.SampleSize = n
	}
	p.Readings = append(p.Readings, in)
	return nil
}

func readAction(r row, p *app.FilledPack) error {
	in := app.ActionInput{ID: r.id, Version: r.version, Row: r.n}
	if v := r.input(6, p); v != "" {
		s := models.ActionStatus(strings.ToLower(v))
		if !slices.Contains(models.ActionStatuses, s) {
			r.problem(p, 6, fmt.Sprintf("%q is not a status: choose open, in progress, done or cancelled", v))
		}
		in.Status = s
	}
	if v := r.input(7, p); v != "" {
		d, err := app.ParseTypedDate(v)
		if err != nil {
			r.problem(p, 7, err.Error())
		}
		in.RevisedDue = d
	}
	in.Note = r.input(8, p)
	if in.Status != "" || !in.RevisedDue.IsZero() || in.Note != "" {
		p.Actions = append(p.Actions, in)
	}
	return nil
}

// percent reads "35", "35%" or 0.35 as 35.
func percent(s string) (int, error) {
	text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a percentage: type a whole number from 0 to 100", s)
	}
	if !strings.HasSuffix(strings.TrimSpace(s), "%") && v > 0 && v < 1 {
		v *= 100 // a share: 0.35 is 35%
	}
	if v != math.Round(v) || v < 0 || v > 100 {
		return 0, fmt.Errorf("%q is not a whole percentage from 0 to 100", s)
	}
	return int(v), nil
}
