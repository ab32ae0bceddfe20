package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cxcommittee/models"
)

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t, "2026-11-23")
	want := shapeOf(t, s.Path()).Counts
	copyFile := filepath.Join(t.TempDir(), "copy.db")
	if err := s.BackupTo(ctx, copyFile); err != nil {
		t.Fatalf("BackupTo: %v", err)
	}
	if got := shapeOf(t, copyFile).Counts; !equalCounts(got, want) {
		t.Fatalf("backup counts %v, want %v", got, want)
	}

	// Lose something, then restore.
	if err := Delete[models.Initiative](s, 1); err != nil {
		t.Fatal(err)
	}
	saved, err := s.Restore(ctx, copyFile)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if _, err := Get[models.Initiative](s, 1); err != nil {
		t.Errorf("the restored committee lacks initiative 1: %v", err)
	}
	if got := shapeOf(t, s.Path()).Counts; !equalCounts(got, want) {
		t.Errorf("restored counts %v, want %v", got, want)
	}
	if !strings.Contains(saved, "before-restore") {
		t.Errorf("the copy made before restoring is named %s", saved)
	}
	if got := shapeOf(t, saved).Counts["initiatives"]; got != want["initiatives"]-1 {
		t.Errorf("the before-restore copy holds %d initiatives, want the state before the restore (%d)", got, want["initiatives"]-1)
	}
}

func TestRestoreRefusesWhatIsNotACommittee(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t, "2026-11-23")
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("not a database"), 0o644)
	newer := filepath.Join(dir, "newer.db")
	if err := s.BackupTo(ctx, newer); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, newer)
	db.Exec("PRAGMA user_version = 42")
	db.Close()
	before := shapeOf(t, s.Path())
	for file, want := range map[string]string{text: "not a CX Committee database", newer: "newer version", filepath.Join(dir, "missing.db"): "no database"} {
		if _, err := s.Restore(ctx, file); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Restore(%s): %v, want %q", filepath.Base(file), err, want)
		}
	}
	if after := shapeOf(t, s.Path()); !equalCounts(after.Counts, before.Counts) {
		t.Error("a refused restore changed the committee")
	}
	if _, err := s.Restore(ctx, s.Path()); err == nil {
		t.Error("restoring the database onto itself was allowed")
	}
	if err := s.BackupTo(ctx, s.Path()); err == nil {
		t.Error("backing up onto the database itself was allowed")
	}
}

func TestDailyBackupOncePerDayKeepsSeven(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t, "2026-11-23")
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
	for i := 0; i < 10; i++ {
		s.now = func() time.Time { return day.AddDate(0, 0, i) }
		for range 2 { // the second open of a day makes none
			if _, err := s.dailyBackup(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	daily, err := s.backups("-daily.db")
	if err != nil {
		t.Fatal(err)
	}
	if len(daily) != keepDaily {
		t.Fatalf("%d daily backups kept, want %d", len(daily), keepDaily)
	}
	if got := daily[0].Made.Format("2006-01-02"); got != "2026-11-04" {
		t.Errorf("oldest daily backup kept is from %s, want 2026-11-04", got)
	}
}

func TestCloseLeavesEverythingInTheDatabaseFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "committee.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadDemo(models.MustDate("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	want := shapeOf(t, path).Counts
	// Another program keeps the file open, so SQLite's own checkpoint on
	// the last close does not happen: Close must do it.
	other := rawDB(t, path)
	if err := other.Ping(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Copy only the .db file, as a sync folder or a hand backup would.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	alone := filepath.Join(t.TempDir(), "copied.db")
	os.WriteFile(alone, data, 0o644)
	if got := shapeOf(t, alone).Counts; !equalCounts(got, want) {
		t.Errorf("the .db file alone holds %v, want %v", got, want)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
