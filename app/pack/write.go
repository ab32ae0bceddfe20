package pack

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// FileName is the pack file of a department: "cx-update-pack-Sales-2026-11-23.xlsx".
func FileName(p app.PackContent) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, p.Department.Name)
	return fmt.Sprintf("cx-update-pack-%s-%s.xlsx", strings.ReplaceAll(clean, " ", "-"), p.AsOf)
}

// Write writes the pack to path, through a temporary file beside it, so a
// failure never leaves half a workbook.
func Write(p app.PackContent, path string) error {
	f, err := build(p)
	if err != nil {
		return err
	}
	defer f.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cxcommittee-pack-*.xlsx")
	if err != nil {
		return fmt.Errorf("cannot write the pack: %w", app.UnwrapPath(err))
	}
	defer os.Remove(tmp.Name())
	if err := f.Write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write the pack: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	os.Chmod(tmp.Name(), 0o644)
	return os.Rename(tmp.Name(), path)
}

// styles are the pack's cell styles.
type styles struct{ header, input, inputDate, date int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	unlocked := &excelize.Protection{Locked: false}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF7D6"}}
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return s, err
	}
	if s.input, err = f.NewStyle(&excelize.Style{Fill: yellow, Protection: unlocked, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return s, err
	}
	dateFmt := "yyyy-mm-dd"
	if s.inputDate, err = f.NewStyle(&excelize.Style{Fill: yellow, Protection: unlocked, CustomNumFmt: &dateFmt}); err != nil {
		return s, err
	}
	s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	return s, err
}

func build(p app.PackContent) (*excelize.File, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetInstructions); err != nil {
		return nil, err
	}
	id := make([]byte, 8)
	rand.Read(id)
	steps := []func() error{
		func() error { return writeInstructions(f, p) },
		func() error { return writeInitiatives(f, st, p) },
		func() error { return writeTargets(f, st, p) },
		func() error { return writeActions(f, st, p) },
		func() error { return writeLists(f, p, hex.EncodeToString(id)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	f.SetActiveSheet(0)
	return f, nil
}

func writeInstructions(f *excelize.File, p app.PackContent) error {
	meeting := "the next committee meeting"
	if p.Meeting != nil {
		meeting = p.Meeting.Title + " on " + p.Meeting.Date.String()
	}
	lines := []string{
		"CX Committee update pack: " + p.Department.Name,
		"",
		"For: the " + p.Department.Name + " representative on the CX committee.",
		"Please return it by " + p.Deadline.String() + ", ahead of " + meeting + ", to " + p.ReturnTo + ".",
		"",
		"How to fill it in:",
		"• Fill in only the yellow cells; everything else is locked so nothing is changed by accident.",
		"• Initiatives: choose the new health (green, amber or red), the percent complete (0 to 100), and say why in a sentence. Amber and red need a reason.",
		"• Targets: enter the reading date, the value (within the target's scale) and, if you have one, the sample size.",
		"• Actions: choose the new status; give a revised due date if it moved.",
		"• Leave a row blank when nothing changed. Dates as YYYY-MM-DD (or pick them).",
		"• Do not add, delete or move rows or columns: the pack is read back by its hidden ids.",
		"",
		fmt.Sprintf("This pack: %s, %s and %s, as of %s.", models.Count(len(p.Initiatives), "initiative", "initiatives"),
			models.Count(len(p.Targets), "target", "targets"), models.Count(len(p.Actions), "action", "actions"), p.AsOf),
	}
	for i, l := range lines {
		if err := f.SetCellStr(SheetInstructions, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
		if len(l) > 95 { // a wrapped line needs a taller row; not every reader sizes it
			f.SetRowHeight(SheetInstructions, i+1, 15*float64(1+len(l)/95))
		}
	}
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	f.SetCellStyle(SheetInstructions, "A2", fmt.Sprintf("A%d", len(lines)), wrap)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	f.SetCellStyle(SheetInstructions, "A1", "A1", bold)
	f.SetColWidth(SheetInstructions, "A", "A", 100)
	printLandscape(f, SheetInstructions)
	return f.ProtectSheet(SheetInstructions, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true})
}

// sheet writes a pack sheet: header, rows, widths, hidden id columns,
// unlocked input cells, validations and protection.
func sheet(f *excelize.File, st styles, name string, cols []column, rows [][]any, validate func(sqref func(col int) string) []*excelize.DataValidation) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = c.title
	}
	if err := f.SetSheetRow(name, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	f.SetCellStyle(name, "A1", last+"1", st.header)
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(name, cell, &row); err != nil {
			return err
		}
	}
	n := max(len(rows), 1)
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(name, col, col, c.width)
		if !c.input {
			continue
		}
		style := st.input
		if strings.Contains(strings.ToLower(c.title), "date") {
			style = st.inputDate
		}
		f.SetCellStyle(name, col+"2", fmt.Sprintf("%s%d", col, n+1), style)
	}
	f.SetColVisible(name, "A:B", false)
	printLandscape(f, name)
	f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight"})
	sqref := func(col int) string {
		c, _ := excelize.ColumnNumberToName(col + 1)
		return fmt.Sprintf("%s2:%s%d", c, c, n+1)
	}
	for _, dv := range validate(sqref) {
		if err := f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// dateOrBlank writes a date as a real date cell value, or nothing.
func dateOrBlank(d models.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}

func writeInitiatives(f *excelize.File, st styles, p app.PackContent) error {
	var rows [][]any
	for _, i := range p.Initiatives {
		rows = append(rows, []any{i.ID, i.Version, i.Title, models.OrDash(i.Owner), string(i.Health), i.PercentComplete,
			i.HealthReason, dateOrBlank(i.DueDate), dateOrBlank(i.LastUpdate), nil, nil, nil, nil})
	}
	if err := sheet(f, st, SheetInitiatives, initiativeColumns, rows, func(sq func(int) string) []*excelize.DataValidation {
		return []*excelize.DataValidation{
			listRule(sq(9), "$A$1:$A$3", "New health", "Choose green, amber or red."),
			wholeRule(sq(10), 0, 100, "% complete", "Enter a whole number from 0 to 100."),
			dateRule(sq(12), "Revised due date", "Enter a date, e.g. 2027-03-31."),
		}
	}); err != nil {
		return err
	}
	return dateColumns(f, st, SheetInitiatives, len(rows), "H", "I")
}

func writeTargets(f *excelize.File, st styles, p app.PackContent) error {
	var rows [][]any
	for _, t := range p.Targets {
		var last, on any
		if t.Reading.HasData {
			last, on = t.Reading.Current, t.Reading.CurrentOn.Time()
		}
		rows = append(rows, []any{t.Target.ID, t.Target.Version, t.Target.Name, t.Target.Unit, scaleText(t.Target),
			last, on, nil, nil, nil, nil})
	}
	if err := sheet(f, st, SheetTargets, targetColumns, rows, func(sq func(int) string) []*excelize.DataValidation {
		return []*excelize.DataValidation{
			dateRule(sq(7), "Reading date", "Enter the day the reading was taken, e.g. 2026-11-30."),
			decimalRule(sq(8), "Value", "Enter the reading as a number within the target's scale (see the Scale column)."),
			wholeRule(sq(9), 0, 100000000, "Sample size", "Enter how many responses or cases the reading is based on."),
		}
	}); err != nil {
		return err
	}
	return dateColumns(f, st, SheetTargets, len(rows), "G")
}

func writeActions(f *excelize.File, st styles, p app.PackContent) error {
	var rows [][]any
	for _, a := range p.Actions {
		rows = append(rows, []any{a.ID, a.Version, a.Description, models.OrDash(a.Owner), string(a.Status), dateOrBlank(a.DueDate()), nil, nil, nil})
	}
	if err := sheet(f, st, SheetActions, actionColumns, rows, func(sq func(int) string) []*excelize.DataValidation {
		return []*excelize.DataValidation{
			listRule(sq(6), "$B$1:$B$4", "New status", "Choose open, in progress, done or cancelled."),
			dateRule(sq(7), "Revised due date", "Enter a date, e.g. 2026-12-15."),
		}
	}); err != nil {
		return err
	}
	return dateColumns(f, st, SheetActions, len(rows), "F")
}

// dateColumns formats read-only date columns as dates.
func dateColumns(f *excelize.File, st styles, name string, n int, cols ...string) error {
	for _, c := range cols {
		if err := f.SetCellStyle(name, c+"2", fmt.Sprintf("%s%d", c, max(n, 1)+1), st.date); err != nil {
			return err
		}
	}
	return nil
}

func scaleText(t models.Target) string {
	switch {
	case t.ScaleMin != nil && t.ScaleMax != nil:
		return models.FormatNumber(*t.ScaleMin) + " to " + models.FormatNumber(*t.ScaleMax)
	case t.ScaleMin != nil:
		return "from " + models.FormatNumber(*t.ScaleMin)
	case t.ScaleMax != nil:
		return "up to " + models.FormatNumber(*t.ScaleMax)
	}
	return "any number"
}

// writeLists writes the very hidden sheet: the drop-down lists and who the
// pack is for.
func writeLists(f *excelize.File, p app.PackContent, id string) error {
	if _, err := f.NewSheet(SheetLists); err != nil {
		return err
	}
	for i, h := range models.Healths {
		f.SetCellStr(SheetLists, fmt.Sprintf("A%d", i+1), string(h))
	}
	for i, s := range models.ActionStatuses {
		f.SetCellStr(SheetLists, fmt.Sprintf("B%d", i+1), string(s))
	}
	for cell, v := range map[string]any{"D1": "Pack", cellPackID: id, "D2": "Department id", cellDepartment: p.Department.ID,
		"D3": "Issued as of", cellIssued: p.AsOf.String(), "D4": "Department", cellDeptName: p.Department.Name} {
		if err := f.SetCellValue(SheetLists, cell, v); err != nil {
			return err
		}
	}
	// The rows issued, so a deleted or added row is noticed on import.
	var issued []string
	for _, i := range p.Initiatives {
		issued = append(issued, issuedKey(SheetInitiatives, i.ID))
	}
	for _, t := range p.Targets {
		issued = append(issued, issuedKey(SheetTargets, t.Target.ID))
	}
	for _, a := range p.Actions {
		issued = append(issued, issuedKey(SheetActions, a.ID))
	}
	for i, k := range issued {
		f.SetCellStr(SheetLists, fmt.Sprintf("G%d", i+1), k)
	}
	if err := f.ProtectSheet(SheetLists, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	return f.SetSheetVisible(SheetLists, false, true)
}

func listRule(sqref, listRange, title, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(SheetLists + "!" + listRange)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	return dv
}

func wholeRule(sqref string, lo, hi float64, title, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetRange(lo, hi, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	return dv
}

func decimalRule(sqref, title, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	return dv
}

func dateRule(sqref, title, msg string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetRange(36526, 73051, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween) // 2000-01-01 to 2099-12-31
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	return dv
}

// printLandscape prints a sheet landscape, fitted to the page width.
func printLandscape(f *excelize.File, sheet string) {
	landscape, one, tall := "landscape", 1, 0
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall})
	fit := true
	f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}
