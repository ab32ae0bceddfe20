package app

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"cxcommittee/models"
)

// checkText is what `check` reports, as comparable values.
func checkText(t *testing.T, s *Store) CheckResult {
	t.Helper()
	r, err := s.Check(models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCopyBetweenEnginesKeepsEveryRow(t *testing.T) {
	ctx := context.Background()
	var server, file engine
	for _, e := range engines() {
		if e.name == "server" {
			server = e
		} else {
			file = e
		}
	}
	orig := file.demo(t, "2026-11-23")
	// A deleted record's id must not be given again by the copy.
	if err := Delete[models.Decision](orig, 9); err != nil {
		t.Fatal(err)
	}
	want := checkText(t, orig)

	onServer := server.open(t)
	counts, err := Copy(ctx, orig, onServer)
	if err != nil {
		t.Fatalf("file to server: %v", err)
	}
	back := file.open(t)
	again, err := Copy(ctx, onServer, back)
	if err != nil {
		t.Fatalf("server to file: %v", err)
	}
	if !reflect.DeepEqual(counts, again) {
		t.Errorf("row counts differ:\nthere %v\nback  %v", counts, again)
	}
	for _, c := range counts {
		var n int64
		if err := orig.db.Table(c.Table).Count(&n).Error; err != nil || n != c.Rows {
			t.Errorf("%s: copied %d rows, the original holds %d (%v)", c.Table, c.Rows, n, err)
		}
	}
	for name, s := range map[string]*Store{"server": onServer, "file": back} {
		if got := checkText(t, s); !reflect.DeepEqual(got, want) {
			t.Errorf("check on the %s copy differs:\n got %+v\nwant %+v", name, got, want)
		}
		d := models.Decision{Statement: "A new decision after the copy", Status: models.DecisionProposed}
		if err := Create(s, &d); err != nil || d.ID <= 9 {
			t.Errorf("new decision on the %s copy got id %d (%v), want one above every id the original gave", name, d.ID, err)
		}
	}
	if _, err := Copy(ctx, orig, onServer); err == nil || !strings.Contains(err.Error(), "already holds data") {
		t.Errorf("copy into a database with data: %v", err)
	}
}

func TestCopyRefusesValuesItCannotKeep(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	rawExec(t, s, "UPDATE initiatives SET due_date = '23/11/2026' WHERE id = 1")
	dst := openTemp(t)
	if _, err := Copy(context.Background(), s, dst); err == nil || !strings.Contains(err.Error(), "cannot use") {
		t.Errorf("copy with a bad stored value: %v", err)
	}
	if empty, _ := dst.IsEmpty(); !empty {
		t.Error("a refused copy wrote rows")
	}
}
