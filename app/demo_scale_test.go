package app

import (
	"strings"
	"testing"

	"cxcommittee/models"
)

// The scaled sample multiplies the programme (initiatives, targets and
// their records), numbering the copies, under the one sample committee;
// the same scale gives the same data, on both engines.
func TestScaledDemoMultipliesTheProgramme(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		base := e.demo(t, "2026-11-23")
		s := e.scaled(t, "2026-11-23", 3)
		for _, table := range []string{"initiatives", "targets", "status_updates", "measurements", "decisions", "action_items", "risks", "initiative_targets"} {
			var one, three int64
			base.db.Table(table).Count(&one)
			s.db.Table(table).Count(&three)
			if one == 0 || three != 3*one {
				t.Errorf("%s: %d rows at scale 3, %d in the sample", table, three, one)
			}
		}
		for _, table := range []string{"members", "departments", "journeys", "meetings"} {
			var one, three int64
			base.db.Table(table).Count(&one)
			s.db.Table(table).Count(&three)
			if three != one {
				t.Errorf("%s: %d rows at scale 3, want the sample's %d (one committee)", table, three, one)
			}
		}
		var titles []string
		s.db.Table("initiatives").Where("title LIKE ?", "Bill shock alerts%").Order("id").Pluck("title", &titles)
		if strings.Join(titles, "|") != "Bill shock alerts|Bill shock alerts (2)|Bill shock alerts (3)" {
			t.Errorf("the copies are named %q", titles)
		}
		// A copy's links point into the same copy.
		var stray int64
		s.db.Raw(`SELECT COUNT(*) FROM status_updates su JOIN initiatives i ON i.id = su.initiative_id
			WHERE (su.id - 1) / ? <> (i.id - 1) / ?`, lastIDOf(t, base, "status_updates"), lastIDOf(t, base, "initiatives")).Scan(&stray)
		if stray != 0 {
			t.Errorf("%d status updates point at another copy's initiative", stray)
		}
		if r, err := s.Check(models.MustDate("2026-11-23")); err != nil || !r.Sound() {
			t.Errorf("check at scale 3: %v, integrity %q, %d problems", err, r.Integrity, len(r.Problems))
		}
		if _, err := s.Snapshot(models.MustDate("2026-11-23")); err != nil {
			t.Errorf("the report's data at scale 3: %v", err)
		}
		next := models.Initiative{Title: "After the copies", Status: models.InitiativeProposed, Health: models.HealthGreen}
		if err := Create(s, &next); err != nil {
			t.Errorf("a new initiative after the copies: %v", err)
		}
	})
}

func lastIDOf(t *testing.T, s *Store, table string) int64 {
	t.Helper()
	n, err := lastID(s.db, table)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestScaledDemoRefusesAScaleBelowOne(t *testing.T) {
	s := engines()[0].open(t)
	if err := s.LoadScaledDemo(models.MustDate("2026-11-23"), 0); err == nil || !strings.Contains(err.Error(), "at least 1") {
		t.Errorf("scale 0: %v", err)
	}
	if empty, _ := s.IsEmpty(); !empty {
		t.Error("a refused scale wrote data")
	}
}

// Drafting the agenda of a large programme takes at most ten matters a
// section and counts the rest in one item.
func TestDraftAgendaCapsEachSection(t *testing.T) {
	s := engines()[0].open(t)
	if err := s.LoadScaledDemo(models.MustDate("2026-11-23"), 5); err != nil {
		t.Fatal(err)
	}
	next, err := s.NextMeeting(models.MustDate("2026-11-23"))
	if err != nil || next == nil {
		t.Fatalf("next meeting: %v", err)
	}
	before, _ := s.AgendaItems(next.ID)
	if _, err := s.DraftAgenda(next.ID); err != nil {
		t.Fatal(err)
	}
	items, _ := s.AgendaItems(next.ID)
	perSection := map[string]int{}
	counted := false
	for _, it := range items[len(before):] {
		section, _, _ := strings.Cut(it.Topic, ":")
		perSection[section]++
		counted = counted || strings.Contains(it.Topic, "more items in this section")
	}
	for section, n := range perSection {
		if n > models.AgendaSectionCap+1 {
			t.Errorf("%s: %d items drafted, want at most %d and one counting the rest", section, n, models.AgendaSectionCap)
		}
	}
	if !counted {
		t.Errorf("no item counts the matters left out: %v", perSection)
	}
}
