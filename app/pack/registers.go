package pack

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
)

// IsPack reports whether a workbook is an update pack (it carries a pack
// identity), as opposed to a plain workbook of registers.
func IsPack(path string) bool {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return false
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return true // let Read say what is wrong with it
	}
	defer f.Close()
	idx, _ := f.GetSheetIndex(SheetLists)
	return idx >= 0
}

// registerOf names the register a sheet or file holds: "Members",
// whatever the case, spacing or a trailing "list".
func registerOf(name string) string {
	n := strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(name, filepath.Ext(name)), " ", ""))
	for _, r := range app.OnboardRegisters {
		if strings.Contains(n, strings.ToLower(r)) || strings.Contains(n, strings.ToLower(strings.TrimSuffix(r, "s"))) {
			return r
		}
	}
	return ""
}

// ReadRegisters reads a plain workbook (one sheet per register, named for
// it) or a CSV file (named for its register, e.g. members.csv).
func ReadRegisters(path string) ([]app.Sheet, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, app.UnwrapPath(err))
	}
	if info.Size() > maxFileSize {
		return nil, fmt.Errorf("%s is %d MB, too large to import", path, info.Size()>>20)
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		reg := registerOf(filepath.Base(path))
		if reg == "" {
			return nil, fmt.Errorf("%s: name a CSV file after its register (%s), e.g. members.csv", path, strings.Join(app.OnboardRegisters, ", "))
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		rd := csv.NewReader(f)
		rd.FieldsPerRecord = -1
		rows, err := rd.ReadAll()
		if err != nil || len(rows) == 0 {
			return nil, fmt.Errorf("%s is not a CSV file this app can read (%v)", path, err)
		}
		return []app.Sheet{{Register: reg, Header: rows[0], Rows: rows[1:]}}, nil
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s is not an Excel workbook (or it is password-protected or damaged)", path)
	}
	defer f.Close()
	var out []app.Sheet
	for _, name := range f.GetSheetList() {
		reg := registerOf(name)
		if reg == "" {
			continue
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) == 0 {
			continue
		}
		out = append(out, app.Sheet{Register: reg, Name: name, Header: rows[0], Rows: rows[1:]})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s has no sheet named for a register (%s)", path, strings.Join(app.OnboardRegisters, ", "))
	}
	return out, nil
}

// WriteRegisterProblems writes NAME-problems.xlsx beside path: the rows as
// read, with a Problems column and the bad cells marked.
func WriteRegisterProblems(path string, sheets []app.Sheet, problems []app.PackProblem) (string, error) {
	f := excelize.NewFile()
	defer f.Close()
	bad, err := badStyle(f)
	if err != nil {
		return "", err
	}
	for i, sh := range sheets {
		name := sh.Register
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		header := append(append([]string{}, sh.Header...), "Problems")
		f.SetSheetRow(name, "A1", &header)
		for r, row := range sh.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			f.SetSheetRow(name, cell, &row)
		}
		for _, p := range problems {
			if p.Sheet != sh.Register {
				continue
			}
			pc, _ := excelize.CoordinatesToCellName(len(sh.Header)+1, p.Row)
			old, _ := f.GetCellValue(name, pc)
			f.SetCellStr(name, pc, strings.TrimPrefix(old+"; "+p.Column+": "+p.Message, "; "))
			for c, h := range sh.Header {
				if normHeader(h) == normHeader(p.Column) {
					cell, _ := excelize.CoordinatesToCellName(c+1, p.Row)
					markBad(f, name, cell, p.Message, bad)
				}
			}
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

func normHeader(h string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(h))
}
