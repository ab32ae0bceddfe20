package app

import (
	"os"
	"testing"
	"time"

	"cxcommittee/models"

	"gorm.io/gorm"
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

// TestABurstOfSavesRewritesTheJournalFromItsStart: saves faster than the
// checkpointer (a script, several desks) do not grow the journal without
// end: the commit that passes autocheckpointPages copies it into the file,
// and the saves after it write the journal again from its start.
func TestABurstOfSavesRewritesTheJournalFromItsStart(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	s.checkpoints.close() // only the commits themselves may checkpoint
	if err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
		t.Fatal(err)
	}
	targets, err := List[models.Target](s, "id")
	if err != nil {
		t.Fatal(err)
	}
	const readings = 500 // six pages each: three times SQLite's limit
	for i := range readings {
		tg := targets[i%len(targets)]
		if err := s.RecordMeasurement(&models.Measurement{TargetID: tg.ID, Date: models.MustDate("2030-01-01").AddDays(i), Value: tg.TargetValue, SampleSize: 100}); err != nil {
			t.Fatal(err)
		}
	}
	const frame, limit = 24 + 4096, 1000 // a page and its header in the journal; SQLite's own limit
	if wal, most := fileSize(t, s.path+"-wal"), int64(32+(limit+50)*frame); wal > most {
		t.Errorf("after %d readings the journal holds %d bytes (%d pages): it grew past %d pages instead of starting again",
			readings, wal, wal/frame, limit)
	}
	var n int64
	s.db.Table("measurements").Where("date >= '2030-01-01'").Count(&n)
	if n != readings {
		t.Errorf("%d of the %d readings were saved", n, readings)
	}
}

// TestALargeWriteGivesItsConnectionBackAsItFoundIt: a large write's commit
// leaves the checkpoint to the checkpointer, and the connection it held
// checkpoints again in the saves that follow.
func TestALargeWriteGivesItsConnectionBackAsItFoundIt(t *testing.T) {
	s := openTemp(t)
	s.checkpoints.close()
	sqlDB, err := s.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(1) // every statement below on the one connection
	setting := func(db *gorm.DB) (n int) {
		if err := db.Raw("PRAGMA wal_autocheckpoint").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := setting(s.db); got != autocheckpointPages {
		t.Fatalf("a connection checkpoints past %d pages, want %d", got, autocheckpointPages)
	}
	for _, fails := range []bool{false, true} {
		err := largeWrite(s.db, func(tx *gorm.DB) error {
			if got := setting(tx); got != 0 {
				t.Errorf("inside a large write the connection checkpoints past %d pages, want never", got)
			}
			if fails {
				return errRollBack
			}
			return nil
		})
		if fails != (err != nil) {
			t.Fatalf("large write (failing: %v): %v", fails, err)
		}
		if got := setting(s.db); got != autocheckpointPages {
			t.Errorf("after a large write (failing: %v) the connection checkpoints past %d pages, want %d", fails, got, autocheckpointPages)
		}
	}
}
