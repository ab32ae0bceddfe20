package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteOutputReplacesOnlyItsOwnKind(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "committee.pdf") // a database oddly named
	os.WriteFile(db, []byte("SQLite format 3\x00"), 0o644)
	notes := filepath.Join(dir, "notes.pdf")
	os.WriteFile(notes, []byte("my notes"), 0o644)
	old := filepath.Join(dir, "old.pdf")
	os.WriteFile(old, []byte("%PDF-1.4 earlier papers"), 0o644)
	tests := []struct {
		name, path string
		kind       OutputKind
		err        string
	}{
		{"new file", filepath.Join(dir, "new.pdf"), PDFOutput, ""},
		{"earlier papers", old, PDFOutput, ""},
		{"upper-case ending", filepath.Join(dir, "NEW.PDF"), PDFOutput, ""},
		{"wrong ending", filepath.Join(dir, "papers.txt"), PDFOutput, "must end in .pdf"},
		{"the database", db, PDFOutput, "the committee database itself"},
		{"another file", notes, PDFOutput, "is not a PDF"},
		{"a folder", dir + "/sub.pdf", PDFOutput, "it is a folder"},
		{"missing folder", filepath.Join(dir, "missing", "p.pdf"), PDFOutput, "does not exist"},
		{"a pdf as calendar", old, CalendarOutput, "must end in .ics"},
	}
	os.Mkdir(filepath.Join(dir, "sub.pdf"), 0o755)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("%PDF-1.7 new")
			if tt.kind == CalendarOutput {
				data = []byte("BEGIN:VCALENDAR")
			}
			err := WriteOutput(tt.path, db, tt.kind, data)
			if tt.err == "" {
				got, _ := os.ReadFile(tt.path)
				if err != nil || string(got) != string(data) {
					t.Errorf("err %v, file %q", err, got)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("err %v, want %q", err, tt.err)
			}
		})
	}
	if got, _ := os.ReadFile(notes); string(got) != "my notes" {
		t.Error("a file of another kind was replaced")
	}
	if got, _ := os.ReadFile(db); !strings.HasPrefix(string(got), "SQLite") {
		t.Error("the database was replaced")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".cxcommittee-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
