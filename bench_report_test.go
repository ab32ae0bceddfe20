package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/app/report"
	"cxcommittee/models"
)

// benchReport times the report command against two baselines writing the
// same cells, each a whole process timed with its peak RSS: a bare excelize
// stream writer and openpyxl's write-only workbook. At each size the three
// run interleaved three times over and the medians are compared.
func benchReport(t *testing.T, p *benchPage, dbs []benchDB) {
	t.Helper()
	py := openpyxl(t)
	script, err := filepath.Abs(filepath.Join("testdata", "bench_openpyxl.py"))
	if err != nil {
		t.Fatal(err)
	}
	s := benchSection{title: "Excel report",
		what: "`cxcommittee report` (reading the committee, the Summary, every register, styles, tables, charts) " +
			"against the same cells, values only and no styles, written by a bare excelize `StreamWriter` (this test binary " +
			"re-run as `TestBareStreamWriterProcess`) and by openpyxl " + command(py, "-c", `import openpyxl; print(openpyxl.__version__, "with lxml" if openpyxl.LXML else "without lxml")`) +
			" `Workbook(write_only=True)` (testdata/bench_openpyxl.py). The cells are every sheet's values as the report wrote them, " +
			"read back with excelize and handed to both baselines as a file of JSON lines that they parse as part of their run. " +
			"Each is a whole process: wall time and peak RSS (ru_maxrss), median of 5 runs interleaved report, bare, openpyxl.",
		header: []string{"size", "cells", "report", "report peak RSS", "bare writer", "bare peak RSS",
			"openpyxl", "openpyxl peak RSS", "report ÷ bare", "openpyxl ÷ report"}}
	var report, bare, opx procRun
	for _, db := range dbs {
		dir := t.TempDir()
		xlsx, dump := filepath.Join(dir, "report.xlsx"), filepath.Join(dir, "cells.jsonl")
		var reports, bares, opxs []procRun
		cells := 0
		for range 5 {
			reports = append(reports, timeProcess(t, exec.Command(binary, "report", "--db", db.path, "-o", xlsx, "--as-of", benchAsOf)))
			if cells == 0 {
				cells = dumpCells(t, xlsx, dump)
			}
			bareCmd := exec.Command(os.Args[0], "-test.run=^TestBareStreamWriterProcess$")
			bareCmd.Env = append(os.Environ(), bareWriterEnv+"="+dump, bareOutEnv+"="+filepath.Join(dir, "bare.xlsx"))
			bares = append(bares, timeProcess(t, bareCmd))
			opxs = append(opxs, timeProcess(t, exec.Command(py, script, dump, filepath.Join(dir, "openpyxl.xlsx"))))
		}
		report, bare, opx = medianRun(reports), medianRun(bares), medianRun(opxs)
		s.rows = append(s.rows, []string{db.label(), thousands(cells), dur(report.wall), mb(report.rssKB), dur(bare.wall), mb(bare.rssKB),
			dur(opx.wall), mb(opx.rssKB), ratio(report.wall, bare.wall), ratio(opx.wall, report.wall)})
	}
	at := "at " + dbs[len(dbs)-1].label()
	p.goal("report ≤ 1.5× a bare excelize StreamWriter writing the same cells, "+at, ratio(report.wall, bare.wall), report.wall*2 <= bare.wall*3)
	p.goal("report peak RSS ≤ 150 MB, "+at, mb(report.rssKB), megabytes(report.rssKB) <= 150)
	p.goal("report ≥ 5× faster than openpyxl write_only on the same cells, "+at, ratio(opx.wall, report.wall)+" faster", opx.wall >= 5*report.wall)
	p.add(s)
	benchReportHalves(t, p, dbs[len(dbs)-1], opx.wall)
}

// benchReportHalves times, in this process, the two halves of the report
// at a size: reading and judging the committee, and writing the workbook,
// and sets the writing beside openpyxl's whole run on the same cells.
func benchReportHalves(t *testing.T, p *benchPage, db benchDB, openpyxl time.Duration) {
	t.Helper()
	s, err := app.OpenReadOnly(db.path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var reads, writes []time.Duration
	for range 3 {
		start := time.Now()
		snap, err := s.Snapshot(models.MustDate(benchAsOf))
		if err != nil {
			t.Fatal(err)
		}
		reads = append(reads, time.Since(start))
		start = time.Now()
		if err := report.Write(snap, io.Discard, nil); err != nil {
			t.Fatal(err)
		}
		writes = append(writes, time.Since(start))
	}
	read, write := median(reads), median(writes)
	p.add(benchSection{title: "Where the report's time goes",
		what: "The report's two halves at " + db.label() + ", in this test process (so without the process's start, and with " +
			"SQLite's and Go's memory already warm), median of 3: reading and judging the committee (`Store.Snapshot`), then laying out " +
			"and compressing the workbook (`report.Write`, into nothing). openpyxl is its whole run from the table above, which " +
			"parses a file of the cells and writes them.",
		header: []string{"reading the committee", "writing the workbook", "openpyxl", "openpyxl ÷ writing"},
		rows:   [][]string{{dur(read), dur(write), dur(openpyxl), ratio(openpyxl, write)}}})
}

// dumpCells writes every sheet's cell values of a workbook as JSON lines,
// an object {"sheet": name} before each sheet's rows, one array a row,
// numbers as numbers and empty cells as null, and returns how many cells
// have a value.
func dumpCells(t *testing.T, xlsx, dump string) int {
	t.Helper()
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, err := os.Create(dump)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	cells := 0
	for _, sheet := range f.GetSheetList() {
		enc.Encode(map[string]string{"sheet": sheet})
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			row := make([]any, len(cols))
			for i, c := range cols {
				row[i] = jsonCell(c)
				if c != "" {
					cells++
				}
			}
			if err := enc.Encode(row); err != nil {
				t.Fatal(err)
			}
		}
		rows.Close()
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return cells
}

// jsonCell is a raw cell value as the baselines write it: nil when empty,
// a number when it reads as one, else the text.
func jsonCell(raw string) any {
	if raw == "" {
		return nil
	}
	if (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') && json.Valid([]byte(raw)) {
		return json.Number(raw)
	}
	return raw
}
