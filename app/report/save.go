package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// save writes the workbook to out. excelize has written every part but the
// registers' rows; each register sheet is its part with the rows, once
// rowsDone says they are written, put in after its header, and the rest
// is copied as excelize compressed it.
func (w *writer) save(out io.Writer, registers []*sheetWrite, rowsDone func() error) error {
	var pkg bytes.Buffer
	if err := w.f.Write(&pkg); err != nil {
		return err
	}
	z, err := zip.NewReader(bytes.NewReader(pkg.Bytes()), int64(pkg.Len()))
	if err != nil {
		return err
	}
	byPart, err := registerParts(z, registers)
	if err != nil {
		return err
	}
	if err := rowsDone(); err != nil {
		return err
	}
	for _, s := range registers {
		if err := w.joinRows(s); err != nil {
			return err
		}
	}
	return writePackage(out, z, byPart)
}

// registerParts reads each register sheet's part as excelize wrote it
// into the sheet, and maps the parts' names to their sheets.
func registerParts(z *zip.Reader, registers []*sheetWrite) (map[string]*sheetWrite, error) {
	parts, err := sheetParts(z)
	if err != nil {
		return nil, err
	}
	files := make(map[string]*zip.File, len(z.File))
	for _, f := range z.File {
		files[f.Name] = f
	}
	byPart := make(map[string]*sheetWrite, len(registers))
	for _, s := range registers {
		name := parts[s.ds.name]
		f := files[name]
		if f == nil {
			return nil, fmt.Errorf("writing the %s sheet: excelize wrote no part for it", s.ds.name)
		}
		if s.xml, err = readPart(f); err != nil {
			return nil, fmt.Errorf("writing the %s sheet: %w", s.ds.name, err)
		}
		byPart[name] = s
	}
	return byPart, nil
}

// writePackage writes the zip: excelize's parts in excelize's order, the
// register sheets as filled, the other sheets with their dimension set.
func writePackage(out io.Writer, z *zip.Reader, registers map[string]*sheetWrite) error {
	zw := zip.NewWriter(out)
	for _, f := range z.File {
		var err error
		s, ok := registers[f.Name]
		switch {
		case ok:
			err = writeFilled(zw, f, s)
		case isWorksheet(f.Name):
			err = copyWithDimension(zw, f)
		default:
			err = zw.Copy(f)
		}
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeFilled writes a filled register sheet, already compressed, under
// excelize's header for its part (its versions and flags, which readers
// such as .NET's check) with the new part's sums, and lets it go.
func writeFilled(zw *zip.Writer, f *zip.File, s *sheetWrite) error {
	fh := f.FileHeader
	fh.Method, fh.CRC32 = zip.Deflate, s.part.crc
	fh.CompressedSize64, fh.UncompressedSize64 = uint64(len(s.part.data)), s.part.size
	fw, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = fw.Write(s.part.data)
	s.part = deflated{}
	return err
}

// sheetParts maps each sheet's name to its part in the package, as the
// workbook and its relationships name them.
func sheetParts(z *zip.Reader) (map[string]string, error) {
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for name, into := range map[string]any{"xl/workbook.xml": &book, "xl/_rels/workbook.xml.rels": &rels} {
		f, err := z.Open(name)
		if err != nil {
			return nil, err
		}
		err = xml.NewDecoder(f).Decode(into)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
	targets := make(map[string]string, len(rels.Rels))
	for _, r := range rels.Rels {
		if t, ok := strings.CutPrefix(r.Target, "/"); ok {
			targets[r.ID] = t
		} else {
			targets[r.ID] = "xl/" + r.Target
		}
	}
	parts := make(map[string]string, len(book.Sheets))
	for _, s := range book.Sheets {
		parts[s.Name] = targets[s.ID]
	}
	return parts, nil
}

// isWorksheet reports whether a part of the package is a sheet's XML.
func isWorksheet(name string) bool {
	return path.Dir(name) == "xl/worksheets" && path.Ext(name) == ".xml"
}

// copyWithDimension copies a sheet's part with its dimension (the range
// its cells take) set right: excelize leaves it at A1, and readers that
// trust it, such as openpyxl in read-only mode, then see one cell.
func copyWithDimension(zw *zip.Writer, f *zip.File) error {
	sheet, err := readPart(f)
	if err != nil {
		return err
	}
	cols, rows := usedRange(sheet)
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = fw.Write(withDimension(sheet, cols, rows))
	return err
}

// usedRange is how many columns and rows a sheet's cells reach.
func usedRange(sheet []byte) (cols, rows int) {
	for rest := sheet; ; {
		i := bytes.Index(rest, []byte("<c "))
		if i < 0 {
			return cols, rows
		}
		rest = rest[i+len("<c "):]
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return cols, rows
		}
		ref := bytes.Index(rest[:end], []byte(`r="`))
		if ref < 0 {
			continue
		}
		name, _, _ := bytes.Cut(rest[ref+len(`r="`):end], []byte(`"`))
		if c, r, err := excelize.CellNameToCoordinates(string(name)); err == nil {
			cols, rows = max(cols, c), max(rows, r)
		}
	}
}

// withDimension sets a sheet's dimension to A1 across cols columns and
// down rows rows (left alone for a sheet without cells).
func withDimension(sheet []byte, cols, rows int) []byte {
	const open = `<dimension ref="`
	i := bytes.Index(sheet, []byte(open))
	if i < 0 || cols == 0 || rows == 0 {
		return sheet
	}
	i += len(open)
	j := bytes.IndexByte(sheet[i:], '"')
	if j < 0 {
		return sheet
	}
	last, _ := excelize.CoordinatesToCellName(cols, rows)
	out := make([]byte, 0, len(sheet)+len(last)+3)
	out = append(out, sheet[:i]...)
	out = append(out, "A1:"+last...)
	return append(out, sheet[i+j:]...)
}

// readPart reads one part of the package whole.
func readPart(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// splitAfterHeader cuts a register sheet's XML after its header row, where
// its data rows go.
func splitAfterHeader(sheet []byte) (head, tail []byte, err error) {
	data := bytes.Index(sheet, []byte("<sheetData>"))
	if data < 0 {
		return nil, nil, errors.New("the sheet has no rows")
	}
	end := bytes.Index(sheet[data:], []byte("</row>"))
	if end < 0 {
		return nil, nil, errors.New("the sheet has no header row")
	}
	at := data + end + len("</row>")
	return sheet[:at], sheet[at:], nil
}

// deflated is one part compressed for the zip, with what its header needs.
type deflated struct {
	data []byte
	crc  uint32
	size uint64 // before compression
}

// deflater compresses a part into memory as it is written, counting and
// summing what it was given. It compresses at deflate's fastest level:
// register XML repeats itself, so it still shrinks about tenfold, in half
// the time archive/zip's default level takes.
type deflater struct {
	buf  bytes.Buffer
	fw   *flate.Writer
	sum  hash.Hash32
	size uint64
	idle *sync.Pool // compressors done with, to reuse
}

// newDeflater starts a part, with a compressor from idle when one is
// there: each takes about a megabyte to set up.
func newDeflater(idle *sync.Pool) *deflater {
	d := &deflater{sum: crc32.NewIEEE(), idle: idle}
	if fw, ok := idle.Get().(*flate.Writer); ok {
		fw.Reset(&d.buf)
		d.fw = fw
	} else {
		d.fw, _ = flate.NewWriter(&d.buf, flate.BestSpeed) // a valid level: no error
	}
	return d
}

// Write compresses p into the part, counting and summing it.
func (d *deflater) Write(p []byte) (int, error) {
	d.sum.Write(p)
	d.size += uint64(len(p))
	return d.fw.Write(p)
}

// close ends the compressed stream and hands it over.
func (d *deflater) close() (deflated, error) { return d.end(d.fw.Close) }

// flush hands over what is compressed so far as a piece that another
// piece may follow: deflate blocks ending on a byte, none of them the last.
func (d *deflater) flush() (deflated, error) { return d.end(d.fw.Flush) }

// end ends the compressor's work with close or flush and hands it over.
func (d *deflater) end(finish func() error) (deflated, error) {
	if err := finish(); err != nil {
		return deflated{}, err
	}
	d.idle.Put(d.fw)
	d.fw = nil
	return deflated{data: d.buf.Bytes(), crc: d.sum.Sum32(), size: d.size}, nil
}

// joinDeflated joins pieces into one part: every piece but the last
// flushed, the last closed. Deflate reads blocks in turn, and no piece
// refers back into another.
func joinDeflated(pieces ...deflated) deflated {
	var out deflated
	n := 0
	for _, p := range pieces {
		n += len(p.data)
	}
	out.data = make([]byte, 0, n)
	for _, p := range pieces {
		out.data = append(out.data, p.data...)
		out.crc = crc32Combine(out.crc, p.crc, p.size)
		out.size += p.size
	}
	return out
}
