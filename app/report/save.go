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
	"strings"
)

// save writes the workbook to out. excelize has written every part but the
// registers' rows; each register sheet is its part with the rows put in
// after its header, written and compressed side by side, and the rest is
// copied as excelize compressed it.
func (w *writer) save(out io.Writer, registers []*sheetWrite) error {
	var pkg bytes.Buffer
	if err := w.f.Write(&pkg); err != nil {
		return err
	}
	z, err := zip.NewReader(bytes.NewReader(pkg.Bytes()), int64(pkg.Len()))
	if err != nil {
		return err
	}
	parts, err := sheetParts(z)
	if err != nil {
		return err
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
			return fmt.Errorf("writing the %s sheet: excelize wrote no part for it", s.ds.name)
		}
		if s.xml, err = readPart(f); err != nil {
			return fmt.Errorf("writing the %s sheet: %w", s.ds.name, err)
		}
		byPart[name] = s
	}
	if err := w.fillRegisters(registers); err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, f := range z.File {
		s, ok := byPart[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: s.part.crc,
			CompressedSize64: uint64(len(s.part.data)), UncompressedSize64: s.part.size})
		if err != nil {
			return err
		}
		if _, err := fw.Write(s.part.data); err != nil {
			return err
		}
		s.part = deflated{} // let it go before the next
	}
	return zw.Close()
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
}

func newDeflater() *deflater {
	d := &deflater{sum: crc32.NewIEEE()}
	d.fw, _ = flate.NewWriter(&d.buf, flate.BestSpeed) // a valid level: no error
	return d
}

func (d *deflater) Write(p []byte) (int, error) {
	d.sum.Write(p)
	d.size += uint64(len(p))
	return d.fw.Write(p)
}

// close ends the compressed stream and hands it over.
func (d *deflater) close() (deflated, error) {
	if err := d.fw.Close(); err != nil {
		return deflated{}, err
	}
	return deflated{data: d.buf.Bytes(), crc: d.sum.Sum32(), size: d.size}, nil
}
