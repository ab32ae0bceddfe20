package main

import (
	"path/filepath"
	"strings"
	"testing"
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

// A committee of 50,000 initiatives opens, checks and drafts its agenda:
// no query binds one variable per row (SQLite refuses past 32,766).
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
	for _, cmd := range [][]string{{"check"}, {"agenda"}} {
		args := append(cmd, "--db", db, "--as-of", "2026-11-23")
		if _, e, code := cli(t, args...); code != 0 {
			t.Errorf("%s at 50,000 initiatives: exit %d %s", cmd[0], code, e)
		}
	}
}
