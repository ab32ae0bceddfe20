package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"
)

const (
	// bareWriterEnv names the cells file (JSON lines, see dumpCells) that
	// TestBareStreamWriterProcess writes; TestMain builds no binary then.
	bareWriterEnv = "CXCOMMITTEE_BENCH_BARE_CELLS"
	// bareOutEnv names the workbook it writes.
	bareOutEnv = "CXCOMMITTEE_BENCH_BARE_OUT"
)

// TestBareStreamWriterProcess is the report's baseline, run as a process of
// its own by benchReport: a bare excelize StreamWriter writing the cells of
// a dump, values only, no styles. It skips unless bareWriterEnv is set.
func TestBareStreamWriterProcess(t *testing.T) {
	cells, out := os.Getenv(bareWriterEnv), os.Getenv(bareOutEnv)
	if cells == "" || out == "" {
		t.Skip("a baseline process of TestWriteBenchmarks")
	}
	if err := writeBare(cells, out); err != nil {
		t.Fatal(err)
	}
}

// writeBare writes the cells file's sheets and rows to out with excelize's
// stream writer.
func writeBare(cells, out string) error {
	in, err := os.Open(cells)
	if err != nil {
		return err
	}
	defer in.Close()
	f := excelize.NewFile()
	defer f.Close()
	var sw *excelize.StreamWriter
	row := 0
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) > 0 && line[0] == '{' {
			if sw, err = nextSheet(f, sw, line); err != nil {
				return err
			}
			row = 0
			continue
		}
		var values []any
		if err := json.Unmarshal(line, &values); err != nil {
			return err
		}
		row++
		if sw == nil {
			return errors.New("a row before any sheet")
		}
		if len(values) == 0 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, values); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if sw != nil {
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.SaveAs(out)
}

// nextSheet flushes the sheet being written and starts the one a
// {"sheet": name} line names (the new file's first sheet is renamed).
func nextSheet(f *excelize.File, sw *excelize.StreamWriter, line []byte) (*excelize.StreamWriter, error) {
	var head struct{ Sheet string }
	if err := json.Unmarshal(line, &head); err != nil {
		return nil, err
	}
	if sw == nil {
		if err := f.SetSheetName("Sheet1", head.Sheet); err != nil {
			return nil, err
		}
	} else {
		if err := sw.Flush(); err != nil {
			return nil, err
		}
		if _, err := f.NewSheet(head.Sheet); err != nil {
			return nil, err
		}
	}
	return f.NewStreamWriter(head.Sheet)
}
