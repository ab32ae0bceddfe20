package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
)

// ProblemsName is the problems workbook written beside a pack:
// "NAME-problems.xlsx".
func ProblemsName(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "-problems.xlsx"
}

// WriteProblems writes, beside the pack at path, a copy with a Problems
// column saying what is wrong on each bad row, the bad cells highlighted
// and commented. It returns the copy's path.
func WriteProblems(path string, problems []app.PackProblem) (string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	bad, err := badStyle(f)
	if err != nil {
		return "", err
	}
	bySheetRow := map[string]map[int][]string{}
	for _, p := range problems {
		if bySheetRow[p.Sheet] == nil {
			bySheetRow[p.Sheet] = map[int][]string{}
		}
		bySheetRow[p.Sheet][p.Row] = append(bySheetRow[p.Sheet][p.Row], p.Column+": "+p.Message)
		cell := p.Cell
		if cell == "" {
			cell = cellOf(p.Sheet, p.Column, p.Row)
		}
		if cell == "" {
			continue
		}
		markBad(f, p.Sheet, cell, p.Message, bad)
	}
	for sheet, rows := range bySheetRow {
		problemsCol, _ := excelize.ColumnNumberToName(len(columnsOf(sheet)) + 1)
		f.SetCellStr(sheet, problemsCol+"1", "Problems")
		f.SetColWidth(sheet, problemsCol, problemsCol, 60)
		for row, msgs := range rows {
			f.SetCellStr(sheet, fmt.Sprintf("%s%d", problemsCol, row), strings.Join(msgs, "; "))
		}
	}
	out := ProblemsName(path)
	tmp := strings.TrimSuffix(out, ".xlsx") + ".partial.xlsx"
	if err := f.SaveAs(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return out, os.Rename(tmp, out)
}

// cellOf finds the cell of a named column on a row of a pack sheet.
func cellOf(sheet, title string, row int) string {
	for i, c := range columnsOf(sheet) {
		if c.title == title {
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			return cell
		}
	}
	return ""
}

// columnsOf gives the columns of a pack sheet.
func columnsOf(sheet string) []column {
	return map[string][]column{SheetInitiatives: initiativeColumns, SheetTargets: targetColumns, SheetActions: actionColumns}[sheet]
}

// badStyle is the fill of a cell with a problem (left unlocked, so the
// representative can mend it).
func badStyle(f *excelize.File) (int, error) {
	return f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F8C8C4"}},
		Protection: &excelize.Protection{Locked: false}})
}

// markBad highlights a cell and says in a comment what is wrong with it.
func markBad(f *excelize.File, sheet, cell, msg string, style int) {
	f.SetCellStyle(sheet, cell, cell, style)
	f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "CX Committee", Paragraph: []excelize.RichTextRun{{Text: msg}}})
}
