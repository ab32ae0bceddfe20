// Package report writes the executive Excel status report: a one-page
// Summary, then the registers as filterable tables. It uses excelize and
// knows nothing of Fyne.
package report

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// Progress receives a short description of the step under way. It is
// called from one goroutine at a time, though not always the same one.
type Progress func(step string)

// oneAtATime returns p called one step at a time, from whichever goroutine
// calls it; nil stays nil.
func (p Progress) oneAtATime() Progress {
	if p == nil {
		return nil
	}
	var mu sync.Mutex
	return func(step string) {
		mu.Lock()
		defer mu.Unlock()
		p(step)
	}
}

// writer holds one report being written.
type writer struct {
	f        *excelize.File
	st       styles
	snap     app.Snapshot
	asOf     models.Date
	org      string
	progress Progress
	// decimals is how many decimals each target's values take, so that
	// they line up wherever they are shown (targetDecimals).
	decimals map[uint]int
	// compressors holds the register sheets' compressors between sheets.
	compressors sync.Pool
}

// targetDecimals is how many decimals each target's values take: as many
// as the most precise of its baseline, target and readings needs.
func targetDecimals(snap app.Snapshot) map[uint]int {
	out := make(map[uint]int, len(snap.Scorecard))
	for _, r := range snap.Scorecard {
		t := r.Target
		d := models.Decimals(t.TargetValue)
		if t.BaselineValue != nil {
			d = max(d, models.Decimals(*t.BaselineValue))
		}
		for _, m := range snap.Measurements[t.ID] {
			if d == 2 {
				break
			}
			d = max(d, models.Decimals(m.Value))
		}
		out[t.ID] = d
	}
	return out
}

// Build reads the programme as of a day and writes the workbook to out.
func Build(s *app.Store, asOf models.Date, out io.Writer, progress Progress) error {
	if progress != nil {
		progress("Reading the committee's records")
	}
	snap, err := s.Snapshot(asOf)
	if err != nil {
		return err
	}
	return Write(snap, out, progress)
}

// Write lays out a snapshot as the workbook and writes it to out.
func Write(snap app.Snapshot, out io.Writer, progress Progress) error {
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f, snap: snap, asOf: snap.AsOf, org: snap.Settings.OrganisationName, progress: progress.oneAtATime()}
	if w.org == "" {
		w.org = "CX programme"
	}
	var err error
	if w.st, err = newStyles(f, snap.Settings.Currency); err != nil {
		return err
	}
	var units []string
	for _, r := range snap.Scorecard {
		units = append(units, r.Target.Unit)
	}
	w.decimals = targetDecimals(snap)
	if err := w.st.addUnits(f, units); err != nil {
		return err
	}
	// Create every sheet first, in the order readers meet them; the content
	// comes after (the Targets chart needs the trend sheet's data).
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return err
	}
	for _, name := range SheetOrder[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// The registers' rows are written in the background while excelize
	// lays out everything else.
	registers := w.registerSheets([]func() dataSheet{w.initiativesSheet, w.targetsSheet, w.risksSheet, w.decisionsSheet,
		w.actionsSheet, w.meetingsSheet, w.changesSheet, w.governanceSheet, w.committeeSheet, w.measurementsSheet})
	rowsDone := w.writeRows(registers)
	if err := w.layOut(registers); err != nil {
		_ = rowsDone() // no work left running
		return err
	}
	if err := w.save(out, registers, rowsDone); err != nil {
		_ = rowsDone() // no work left running
		return fmt.Errorf("cannot write the report: %w", app.UnwrapPath(err))
	}
	return nil
}

// layOut writes the Summary and the trend sheet, the registers but for
// their rows, and the document's properties.
func (w *writer) layOut(registers []*sheetWrite) error {
	steps := []struct {
		name string
		do   func() error
	}{
		{sheetSummary, w.writeSummary},
		{sheetTrend, w.writeTrendSheet}, // before Targets: its chart reads this sheet
	}
	for _, s := range steps {
		if w.progress != nil {
			w.progress("Writing " + s.name)
		}
		if err := s.do(); err != nil {
			return fmt.Errorf("writing the %s sheet: %w", s.name, err)
		}
	}
	if err := w.setUpRegisters(registers); err != nil {
		return err
	}
	return w.finish()
}

// finish sets the document properties. The workbook opens on its first
// sheet, the Summary, without SetActiveSheet: that would read every
// streamed sheet back into memory.
func (w *writer) finish() error {
	f := w.f
	title := fmt.Sprintf("%s CX status report, %s", w.org, w.asOf)
	now := time.Now().UTC().Format(time.RFC3339)
	author := w.snap.Author
	if author == "" {
		author = "CX Committee"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          cellText(title),
		Subject:        "Customer-experience programme status",
		Creator:        cellText(author),
		Description:    "Programme health, governance, targets, initiatives, decisions, actions and meetings as of " + w.asOf.String(),
		Created:        now,
		Modified:       now,
		LastModifiedBy: cellText(author),
		Keywords:       "CX, customer experience, status report",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "CX Committee", Company: cellText(w.org)})
}

// Export writes the report to path safely: into a temporary file in the
// same folder, renamed into place only when complete, so a failed export
// leaves no half file and never replaces a good report with a broken one.
func Export(s *app.Store, path string, asOf models.Date, progress Progress) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fmt.Errorf("the report file name must end in .xlsx, not %q", filepath.Base(path))
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("cannot write the report: the folder %s does not exist", dir)
	}
	if err := replaceable(path, s.Path()); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".cxcommittee-report-*.xlsx")
	if err != nil {
		return fmt.Errorf("cannot write the report in %s: %w", dir, app.UnwrapPath(err))
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	defer collectSoonerWhileWriting()()
	out := bufio.NewWriterSize(tmp, 256<<10)
	if err := Build(s, asOf, out, progress); err != nil {
		return err
	}
	if progress != nil {
		progress("Saving " + filepath.Base(path))
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("cannot write the report: %w", app.UnwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write the report: %w", app.UnwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write the report: %w", app.UnwrapPath(err))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot put the report in place at %s: %w", path, app.UnwrapPath(err))
	}
	keep = true
	return nil
}

// reportGCPercent is how far Go's heap may grow past what is in use
// while a report is written: half, where Go's default lets it double. A
// report holds the whole committee as it writes (about 47 MB at 10,000
// initiatives), so the default would let a large report take twice that
// again; this costs about 3% more time.
const reportGCPercent = 50

// collectSoonerWhileWriting sets Go's collector to reportGCPercent, unless
// it was set tighter (or off) already, and returns what puts it back. The
// setting is the process's: the window exports one report at a time (its
// dialog is modal), and the command line one per run.
func collectSoonerWhileWriting() (restore func()) {
	prev := debug.SetGCPercent(reportGCPercent)
	if prev < reportGCPercent {
		debug.SetGCPercent(prev)
	}
	return func() { debug.SetGCPercent(prev) }
}

// replaceable refuses a report path that is the database itself (or its
// journal), a folder, or an existing file that is not an Excel workbook:
// the report only ever replaces an earlier report.
func replaceable(path, database string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write the report: %w", app.UnwrapPath(err))
	}
	if info.IsDir() {
		return fmt.Errorf("cannot write the report: %s is a folder", path)
	}
	for _, f := range []string{database, database + "-wal", database + "-shm"} {
		if other, err := os.Stat(f); err == nil && os.SameFile(info, other) {
			return fmt.Errorf("%s is the committee database itself; choose another name for the report", path)
		}
	}
	if !isWorkbook(path) {
		return fmt.Errorf("%s exists and is not an Excel workbook, so it was not replaced; choose another name for the report", path)
	}
	return nil
}

// isWorkbook reports whether the file is an xlsx workbook: a zip archive
// holding xl/workbook.xml.
func isWorkbook(path string) bool {
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}
