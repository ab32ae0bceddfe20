package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cxcommittee/app"
	"cxcommittee/models"
)

// demo --scale takes a whole number of at least 1, said in one line.
func TestDemoScaleFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "committee.db")
	for _, bad := range []string{"0", "-3", "many"} {
		if _, e, code := cli(t, "demo", "--db", db, "--scale", bad); code != 2 || !strings.HasPrefix(e, "cxcommittee: ") {
			t.Errorf("--scale %s: exit %d %q", bad, code, e)
		}
	}
	out, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23", "--scale", "4")
	if code != 0 || !strings.Contains(out, "4 times over") {
		t.Fatalf("--scale 4: exit %d %q %q", code, out, e)
	}
}

// A committee of 50,000 initiatives opens, checks, drafts its agenda,
// shows its dashboard and writes its report with every initiative: no
// query binds one variable per row (SQLite refuses past 32,766).
func TestFiftyThousandInitiatives(t *testing.T) {
	if testing.Short() {
		t.Skip("the 50,000-initiative committee takes a few seconds to build")
	}
	db := filepath.Join(t.TempDir(), "committee.db")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23", "--scale", "3334"); code != 0 {
		t.Fatalf("demo --scale 3334: %s", e)
	}
	sqlCount := func(q string) int {
		var n int
		sqlQuery(t, db, q, &n)
		return n
	}
	if n := sqlCount("SELECT COUNT(*) FROM initiatives"); n < 50000 {
		t.Fatalf("%d initiatives, want at least 50,000", n)
	}
	xlsx := filepath.Join(t.TempDir(), "report.xlsx")
	for _, cmd := range [][]string{{"check"}, {"agenda"}, {"report", "-o", xlsx}} {
		args := append(cmd, "--db", db, "--as-of", "2026-11-23")
		if _, e, code := cli(t, args...); code != 0 {
			t.Errorf("%s at 50,000 initiatives: exit %d %s", cmd[0], code, e)
		}
	}
	if rows := longestSheet(t, xlsx); rows <= 50000 {
		t.Errorf("the report's longest sheet has %d rows, want every initiative", rows)
	}
	s, err := app.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Dashboard(models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatalf("the dashboard at 50,000 initiatives: %v", err)
	}
	if n := d.ByStatus[models.InitiativeActive]; n < 20000 {
		t.Errorf("the dashboard counts %d active initiatives at 50,000", n)
	}
}

// longestSheet is how many rows the longest sheet of a workbook says it
// has, read off each sheet's dimension without loading the sheets.
func longestSheet(t *testing.T, path string) int {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("the report does not open: %v", err)
	}
	defer z.Close()
	longest := 0
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 8192)
		n, _ := io.ReadFull(r, head)
		r.Close()
		if m := regexp.MustCompile(`<dimension ref="A1:[A-Z]+(\d+)"`).FindSubmatch(head[:n]); m != nil {
			rows, _ := strconv.Atoi(string(m[1]))
			longest = max(longest, rows)
		}
	}
	return longest
}
