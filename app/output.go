package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// OutputKind is a kind of file the app writes for people: its name's
// ending, what it is called in messages and how to recognise one.
type OutputKind string

// The files the meeting papers are written as.
const (
	PDFOutput      OutputKind = ".pdf"
	CalendarOutput OutputKind = ".ics"
)

// what names the kind in messages.
func (k OutputKind) what() string {
	if k == CalendarOutput {
		return "a calendar file"
	}
	return "a PDF"
}

// magic is how a file of this kind begins.
func (k OutputKind) magic() []byte {
	if k == CalendarOutput {
		return []byte("BEGIN:VCALENDAR")
	}
	return []byte("%PDF-")
}

// WriteOutput writes data to path safely: the name must end as the kind
// does, the folder must exist, the path may replace only an earlier file
// of the same kind (never the database, its journal or a folder), and the
// data goes into a temporary file beside it that is renamed into place
// only when complete, so a failure leaves no half-written file.
func WriteOutput(path, database string, kind OutputKind, data []byte) error {
	if !strings.EqualFold(filepath.Ext(path), string(kind)) {
		return fmt.Errorf("the file name must end in %s, not %q", kind, filepath.Base(path))
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
	}
	if err := replaceableBy(path, database, kind); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".cxcommittee-*"+string(kind))
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, UnwrapPath(err))
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, UnwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, UnwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, UnwrapPath(err))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, UnwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot put %s in place: %w", path, UnwrapPath(err))
	}
	keep = true
	return nil
}

// replaceableBy refuses a path that is the database (or its journal), a
// folder, or an existing file that is not of the kind being written.
func replaceableBy(path, database string, kind OutputKind) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, UnwrapPath(err))
	}
	if info.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder", path)
	}
	for _, f := range []string{database, database + "-wal", database + "-shm"} {
		if other, err := os.Stat(f); err == nil && os.SameFile(info, other) {
			return fmt.Errorf("%s is the committee database itself; choose another file name", path)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, UnwrapPath(err))
	}
	defer f.Close()
	head := make([]byte, len(kind.magic()))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, kind.magic()) {
		return fmt.Errorf("%s exists and is not %s, so it was not replaced; choose another file name", path, kind.what())
	}
	return nil
}
