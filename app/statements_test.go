package app

import (
	"strings"
	"sync/atomic"
	"testing"

	"gorm.io/gorm"

	"cxcommittee/models"
)

// countStatements counts the SQL statements fn sends through s.
func countStatements(t *testing.T, s *Store, fn func()) int {
	t.Helper()
	var n atomic.Int64 // the dashboard reads side by side
	count := func(*gorm.DB) { n.Add(1) }
	cb := s.db.Callback()
	kinds := []interface {
		Register(string, func(*gorm.DB)) error
		Remove(string) error
	}{cb.Query(), cb.Row(), cb.Raw(), cb.Create(), cb.Update(), cb.Delete()}
	for _, k := range kinds {
		if err := k.Register("test:count", count); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		for _, k := range kinds {
			k.Remove("test:count")
		}
	}()
	ran := func() int64 { // statements run compiled, without the ORM
		if s.compiled == nil {
			return 0
		}
		return s.compiled.ran.Load()
	}
	before := ran()
	fn()
	return int(n.Load() + ran() - before)
}

// The dashboard and the agenda send as many statements for a committee of
// 45 initiatives as for one of 15: none is sent per record.
func TestStatementsDoNotGrowWithTheCommittee(t *testing.T) {
	asOf := models.MustDate("2026-11-23")
	counts := map[int][2]int{}
	for _, n := range []int{1, 3} {
		s := openTemp(t)
		if err := s.LoadScaledDemo(asOf, n); err != nil {
			t.Fatal(err)
		}
		next, err := s.NextMeeting(asOf)
		if err != nil || next == nil {
			t.Fatalf("no next meeting: %v", err)
		}
		dash := countStatements(t, s, func() {
			if _, err := s.Dashboard(asOf); err != nil {
				t.Error(err)
			}
		})
		agenda := countStatements(t, s, func() {
			if _, err := s.DraftAgenda(next.ID); err != nil {
				t.Error(err)
			}
		})
		counts[n] = [2]int{dash, agenda}
	}
	if counts[1] != counts[3] || counts[1][0] == 0 {
		t.Errorf("statements (dashboard, agenda) at scale 1 and 3: %v, %v", counts[1], counts[3])
	}
}

// Posting a status update and recording a reading take a few statements
// each, whatever the size of the committee: a status update reads the
// initiative, inserts the update, moves the initiative and writes the
// history of both; a reading reads its target, inserts itself and its
// history.
func TestWritesTakeAFewStatements(t *testing.T) {
	asOf := models.MustDate("2026-11-23")
	s := openTemp(t)
	if err := s.LoadScaledDemo(asOf, 2); err != nil {
		t.Fatal(err)
	}
	var ini models.Initiative
	if err := s.db.Where("owner_id IS NOT NULL AND health = ?", models.HealthRed).First(&ini).Error; err != nil {
		t.Fatal(err)
	}
	var target models.Target
	if err := s.db.First(&target).Error; err != nil {
		t.Fatal(err)
	}
	update := countStatements(t, s, func() {
		u := &models.StatusUpdate{InitiativeID: ini.ID, Date: asOf, AuthorID: ini.OwnerID, Health: models.HealthGreen, PercentComplete: 95, Note: "Recovered."}
		if err := s.PostStatusUpdate(u); err != nil {
			t.Fatal(err)
		}
	})
	reading := countStatements(t, s, func() {
		m := &models.Measurement{TargetID: target.ID, Date: asOf, Value: target.TargetValue, SampleSize: 100}
		if err := s.RecordMeasurement(m); err != nil {
			t.Fatal(err)
		}
	})
	if update > 4 || reading > 3 {
		t.Errorf("a status update took %d statements (want at most 4), a reading %d (want at most 3)", update, reading)
	}
	got, err := s.Initiative(ini.ID)
	if err != nil || got.Health != models.HealthGreen || got.PercentComplete != 95 || got.HealthReason != "Recovered." || got.Version != ini.Version+1 {
		t.Errorf("the initiative did not move: %+v %v", got, err)
	}
	hist, err := s.History(HistoryFilter{Kind: models.RecordInitiative, ID: ini.ID})
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, h := range hist {
		fields[h.Field] = true
	}
	if !fields["health"] || !fields["percent complete"] || !fields["health reason"] {
		t.Errorf("the move is not in the initiative's history: %v", fields)
	}
}

// A status update by a member who no longer exists, or a reading of a
// target that does not, is refused in words and leaves nothing behind.
func TestWritesRefuseMissingLinksInWords(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var ini models.Initiative
		if err := s.db.First(&ini).Error; err != nil {
			t.Fatal(err)
		}
		gone := uint(99999)
		var before int64
		s.db.Table("history").Count(&before)
		err := s.PostStatusUpdate(&models.StatusUpdate{InitiativeID: ini.ID, Date: models.MustDate("2026-11-23"), AuthorID: &gone,
			Health: models.HealthGreen, PercentComplete: 10, Note: "x"})
		if err == nil || !strings.Contains(err.Error(), "linked record no longer exists") {
			t.Errorf("update by a missing member: %v", err)
		}
		err = s.RecordMeasurement(&models.Measurement{TargetID: gone, Date: models.MustDate("2026-11-23"), Value: 1})
		if err == nil || !strings.Contains(err.Error(), "target of this measurement") {
			t.Errorf("reading of a missing target: %v", err)
		}
		var after int64
		s.db.Table("history").Count(&after)
		if after != before {
			t.Errorf("history grew from %d to %d", before, after)
		}
	})
}
