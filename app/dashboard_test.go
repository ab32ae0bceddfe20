package app

import (
	"reflect"
	"testing"

	"cxcommittee/app/testserver"
	"cxcommittee/models"
)

// ids lists the records' IDs in order.
func ids[T any](rows []T, id func(T) uint) []uint {
	out := make([]uint, len(rows))
	for i, r := range rows {
		out[i] = id(r)
	}
	return out
}

// leanAndFull is the dashboard as the window reads it, and as the report
// reads it, every list whole.
func leanAndFull(t *testing.T, s *Store, asOf models.Date) (Dashboard, Dashboard) {
	t.Helper()
	d, err := s.Dashboard(asOf)
	if err != nil {
		t.Fatal(err)
	}
	full, _, err := s.dashboard(asOf)
	if err != nil {
		t.Fatal(err)
	}
	return d, full
}

// The dashboard reads only the columns it uses, but says what the full
// registers say: the same counts, the same checks, and the first records
// of each list, on both engines.
func TestDashboardAgreesWithTheFullRegisters(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s, asOf := e.scaled(t, "2026-11-23", 6), models.MustDate("2026-11-23")
		d, full := leanAndFull(t, s, asOf)
		if !reflect.DeepEqual(d.ByHealth, full.ByHealth) || !reflect.DeepEqual(d.ByStatus, full.ByStatus) {
			t.Errorf("counts %v %v, registers say %v %v", d.ByHealth, d.ByStatus, full.ByHealth, full.ByStatus)
		}
		if !reflect.DeepEqual(d.Checks, full.Checks) {
			t.Errorf("checks differ:\n%v\n%v", d.Checks, full.Checks)
		}
		if !reflect.DeepEqual(d.Uncovered, full.Uncovered) || d.NextMeeting == nil || d.NextMeeting.ID != full.NextMeeting.ID {
			t.Errorf("gaps or next meeting differ")
		}
		if h, why := d.Health(); true {
			if fh, fwhy := full.Health(); h != fh || why != fwhy {
				t.Errorf("health %s (%s), registers say %s (%s)", h, why, fh, fwhy)
			}
		}
		lists := []struct {
			name       string
			count, all int
			shown, has []uint
		}{
			{"needing attention", d.Attention, len(full.NeedsAttention),
				ids(d.NeedsAttention, func(r InitiativeRow) uint { return r.ID }), ids(full.NeedsAttention, func(r InitiativeRow) uint { return r.ID })},
			{"overdue actions", d.Overdue, len(full.OverdueActions),
				ids(d.OverdueActions, func(r ActionRow) uint { return r.ID }), ids(full.OverdueActions, func(r ActionRow) uint { return r.ID })},
			{"due for review", d.DueForReview, len(full.DecisionsDue),
				ids(d.DecisionsDue, func(r DecisionRow) uint { return r.ID }), ids(full.DecisionsDue, func(r DecisionRow) uint { return r.ID })},
			{"scorecard", len(d.TargetStatuses), len(full.Scorecard),
				ids(d.Scorecard, func(r TargetRow) uint { return r.Target.ID }), ids(KeyTargetRows(full.Scorecard), func(r TargetRow) uint { return r.Target.ID })},
		}
		for _, l := range lists {
			want := DashboardListCap
			if l.name == "scorecard" {
				want = KeyTargets
			}
			if l.all <= want {
				t.Fatalf("%s: only %d in the scaled sample; the test needs more than %d", l.name, l.all, want)
			}
			if l.count != l.all || !reflect.DeepEqual(l.shown, l.has[:want]) {
				t.Errorf("%s: %d counted, shown %v; registers hold %d, first %v", l.name, l.count, l.shown, l.all, l.has[:want])
			}
		}
		for i, r := range d.NeedsAttention {
			if got, want := r.Concern(), full.NeedsAttention[i].Concern(); got != want || r.Title == "" {
				t.Errorf("%q: concern %q, registers say %q", r.Title, got, want)
			}
		}
	})
}

// The agenda's matters arising, read from only what their rules use, are
// those of the whole committee read in full, on both engines.
func TestMattersArisingAgreeWithTheFullCommittee(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s, day := e.scaled(t, "2026-11-23", 3), models.MustDate("2026-11-23")
		lean, err := s.MattersArising(day)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.Committee(day)
		if err != nil {
			t.Fatal(err)
		}
		in := models.AgendaInput{Committee: c, Readings: map[uint]models.TargetReading{}}
		if in.Actions, err = List[models.ActionItem](s, "COALESCE(revised_due_date, original_due_date), id"); err != nil {
			t.Fatal(err)
		}
		if in.Risks, err = List[models.Risk](s, "id"); err != nil {
			t.Fatal(err)
		}
		rows, err := s.Scorecard(day)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			in.Readings[r.Target.ID] = r.Reading
		}
		names, err := s.Names()
		if err != nil {
			t.Fatal(err)
		}
		in.MemberNames = names.Members
		full := models.MattersArising(in)
		if len(lean) < 20 || !reflect.DeepEqual(lean, full) {
			t.Errorf("%d matters arising from the lean read, %d from the full one", len(lean), len(full))
		}
	})
}

// A server whose dates are written day first (DateStyle 'SQL, DMY') gives
// the dashboard the same days: dates read as text are always ISO.
func TestDashboardReadsDatesWhateverTheServersDateStyle(t *testing.T) {
	if !testserver.Available(t) {
		t.Skip("no PostgreSQL test server (make test starts one)")
	}
	url := testserver.Database(t)
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if err := s.db.Raw("SELECT current_database()").Scan(&name).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.db.Exec(`ALTER DATABASE "` + name + `" SET datestyle = 'SQL, DMY'`).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	asOf := models.MustDate("2026-11-23")
	if err := s.LoadDemo(asOf); err != nil {
		t.Fatal(err)
	}
	d, full := leanAndFull(t, s, asOf)
	if d.Attention != len(full.NeedsAttention) || d.Overdue != len(full.OverdueActions) || d.DueForReview != len(full.DecisionsDue) || d.Overdue == 0 {
		t.Errorf("attention %d, overdue %d, review due %d; the full read says %d, %d, %d",
			d.Attention, d.Overdue, d.DueForReview, len(full.NeedsAttention), len(full.OverdueActions), len(full.DecisionsDue))
	}
}
