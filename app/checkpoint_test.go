package app

import (
	"os"
	"testing"
	"time"

	"cxcommittee/models"
)

// TestLargeWritesAreCopiedIntoTheFileAfterTheirCommit: a commit that takes
// the journal far past SQLite's 1,000 pages returns without copying it into
// the database file; the checkpointer copies it soon after, and nothing is
// lost on the way.
func TestLargeWritesAreCopiedIntoTheFileAfterTheirCommit(t *testing.T) {
	s := openTemp(t)
	path := s.path
	s.checkpoints.close() // hold the checkpointer back while the commits are watched
	if err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, path)
	if err := s.LoadScaledDemo(models.MustDate("2026-11-23"), 200); err != nil {
		t.Fatal(err)
	}
	if got := fileSize(t, path); got != before {
		t.Fatalf("the commits copied the journal into the file themselves (%d bytes, was %d)", got, before)
	}
	if wal := fileSize(t, path+"-wal"); wal < 1500*4096 {
		t.Fatalf("the journal holds only %d bytes: too small a write to show anything", wal)
	}
	var want int64
	s.db.Table("initiatives").Count(&want)

	sqlDB, err := s.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	s.checkpoints = startCheckpoints(sqlDB)
	s.touch()
	for deadline := time.Now().Add(30 * time.Second); fileSize(t, path) == before; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the checkpointer did not copy the journal into the file within 30 s")
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if fileSize(t, path+"-wal") != 0 {
			t.Error("closing left pages in the journal")
		}
	}
	again, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var got int64
	again.db.Table("initiatives").Count(&got)
	if got != want || want < 200*15 {
		t.Errorf("the file holds %d initiatives after closing, want %d", got, want)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}
