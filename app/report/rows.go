package report

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"
)

// writeRows writes and compresses the registers' rows in the background,
// a core each, the largest first so that the last to end is a small one,
// while excelize lays out the rest of the workbook. The rows need only
// the snapshot, the styles and the column widths. The function returned
// waits for them, and may be called again.
func (w *writer) writeRows(registers []*sheetWrite) (wait func() error) {
	bySize := slices.Clone(registers)
	slices.SortStableFunc(bySize, func(a, b *sheetWrite) int { return cmp.Compare(b.cells(), a.cells()) })
	done := &rowsWritten{progress: w.progress}
	for _, s := range registers {
		done.total += s.ds.n
	}
	result := make(chan error, 1)
	go func() {
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for _, s := range bySize {
			g.Go(func() error {
				if err := w.compressRows(s, done); err != nil {
					return fmt.Errorf("writing the %s sheet: %w", s.ds.name, err)
				}
				return nil
			})
		}
		result <- g.Wait()
	}()
	return sync.OnceValue(func() error { return <-result })
}

// compressRows writes a register's rows, from the second row on, as a
// piece of its part that excelize's XML goes around. It reads the
// snapshot and the styles and writes nothing shared but its count of rows
// into done.
func (w *writer) compressRows(s *sheetWrite, done *rowsWritten) error {
	ds := s.ds
	names := make([]string, len(ds.cols))
	for i := range names {
		names[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	d := newDeflater(&w.compressors)
	buf := make([]byte, 0, 64<<10)
	cells := make([]excelize.Cell, len(ds.cols))
	for i := 0; i < ds.n; i++ {
		w.cellsInto(cells, ds.cols, ds.row(i))
		buf = appendRow(buf, i+2, rowHeight(ds.cols, cells, s.widths), names, cells)
		if len(buf) >= 48<<10 {
			d.Write(buf)
			buf = buf[:0]
		}
		if i%rowsPerReport == rowsPerReport-1 {
			done.add(rowsPerReport)
		}
	}
	done.add(ds.n % rowsPerReport)
	if ds.n == 0 {
		buf = appendRow(buf, 2, 0, names, []excelize.Cell{{StyleID: w.st.text, Value: "No records"}})
	}
	d.Write(buf)
	var err error
	s.rows, err = d.flush()
	return err
}

// joinRows puts a register's part together from excelize's XML, as
// excelize wrote it, and its compressed rows: the XML up to the end of
// the header, the rows, and the rest of the XML, with the dimension
// reaching over everything.
func (w *writer) joinRows(s *sheetWrite) error {
	head, tail, err := splitAfterHeader(s.xml)
	if err != nil {
		return fmt.Errorf("writing the %s sheet: %w", s.ds.name, err)
	}
	cols, rows := usedRange(tail) // what excelize wrote below the table
	head = withDimension(head, max(cols, len(s.ds.cols)), max(rows, s.lastRow))
	h := newDeflater(&w.compressors)
	h.Write(head)
	first, err := h.flush()
	if err != nil {
		return err
	}
	t := newDeflater(&w.compressors)
	t.Write(tail)
	last, err := t.close()
	if err != nil {
		return err
	}
	s.part = joinDeflated(first, s.rows, last)
	s.xml, s.rows = nil, deflated{}
	return nil
}
