package app

import (
	"errors"
	"strings"
	"testing"

	"cxcommittee/models"
)

func TestDemoFillsARealisticCommittee(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		counts := map[any]int64{
			&models.Department{}: 10, &models.Member{}: 14, &models.Journey{}: 4, &models.Initiative{}: 15,
			&models.StatusUpdate{}: 15, &models.Target{}: 8, &models.Measurement{}: 96, &models.Meeting{}: 4,
			&models.Decision{}: 8, &models.ActionItem{}: 12,
		}
		for m, least := range counts {
			var n int64
			s.db.Model(m).Count(&n)
			if n < least {
				t.Errorf("%T: %d rows, want at least %d", m, n, least)
			}
		}
		asOf := models.MustDate("2026-11-23")
		c, err := s.Committee(asOf)
		if err != nil {
			t.Fatal(err)
		}
		statuses, healths := map[models.InitiativeStatus]bool{}, map[models.Health]bool{}
		stale, overdue := 0, 0
		for _, i := range c.Initiatives {
			statuses[i.Status], healths[i.Health] = true, true
			if models.IsStale(i, c.LastUpdate[i.ID], 30, asOf) {
				stale++
			}
			if models.IsOverdue(i, asOf) {
				overdue++
			}
		}
		if len(statuses) != len(models.InitiativeStatuses) || len(healths) != len(models.Healths) {
			t.Errorf("initiatives cover statuses %v and healths %v; want all", statuses, healths)
		}
		if stale == 0 || overdue == 0 {
			t.Errorf("stale %d, overdue %d; want some of each", stale, overdue)
		}
		gaps := models.UncoveredDepartments(c.Departments, c.Members, asOf)
		unrepresented := false
		for _, d := range gaps {
			var n int64
			s.db.Model(&models.Member{}).Where("department_id = ?", d.ID).Count(&n)
			unrepresented = unrepresented || n == 0
		}
		if !unrepresented {
			t.Error("want one department without any representative")
		}
		roles := map[models.Role]bool{}
		for _, m := range c.Members {
			roles[m.Role] = true
		}
		if !roles[models.RoleChair] || !roles[models.RoleSponsor] {
			t.Error("want a chair and an executive sponsor")
		}
		rows, _ := s.Scorecard(asOf)
		kinds, dirs, status := map[models.TargetKind]bool{}, map[models.Direction]bool{}, map[models.TargetStatus]bool{}
		depth := 0
		byID := map[uint]models.Target{}
		for _, r := range rows {
			byID[r.Target.ID] = r.Target
		}
		for _, r := range rows {
			kinds[r.Target.Kind], dirs[r.Target.Direction], status[r.Reading.Status] = true, true, true
			d := 1
			for p := r.Target.ParentID; p != nil; p = byID[*p].ParentID {
				d++
			}
			depth = max(depth, d)
		}
		if len(kinds) != 3 || len(dirs) != 2 || depth < 3 {
			t.Errorf("targets: kinds %v directions %v depth %d; want three kinds, both directions, three levels", kinds, dirs, depth)
		}
		if len(status) < 3 {
			t.Errorf("target statuses %v; want a spread", status)
		}
		var overdueActions, carried int
		actions, _ := List[models.ActionItem](s, "id")
		for _, a := range actions {
			if models.ActionOverdue(a, asOf) {
				overdueActions++
			}
			if a.TimesCarriedOver > 0 {
				carried++
			}
		}
		if overdueActions == 0 || carried == 0 {
			t.Errorf("actions overdue %d, carried over %d; want some of each", overdueActions, carried)
		}
		var attendance []string
		s.db.Model(&models.Attendance{}).Distinct("status").Pluck("status", &attendance)
		if len(attendance) < 3 {
			t.Errorf("attendance statuses %v; want several", attendance)
		}
	})
}

func TestDemoIsDeterministicAndRefusesData(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		a, b := e.demo(t, "2026-11-23"), e.demo(t, "2026-11-23")
		ra, _ := a.Scorecard(models.MustDate("2026-11-23"))
		rb, _ := b.Scorecard(models.MustDate("2026-11-23"))
		for i := range ra {
			if ra[i].Reading.Reason != rb[i].Reading.Reason {
				t.Errorf("two demos differ: %q vs %q", ra[i].Reading.Reason, rb[i].Reading.Reason)
			}
		}
		var before int64
		a.db.Model(&models.Initiative{}).Count(&before)
		err := a.LoadDemo(models.MustDate("2026-11-23"))
		if !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("second demo = %v, want ErrNotEmpty", err)
		}
		var after int64
		a.db.Model(&models.Initiative{}).Count(&after)
		if after != before {
			t.Errorf("refused demo changed the data: %d -> %d initiatives", before, after)
		}
	})
}

func TestDemoCheckFailsSomeChecksLikeARealCommittee(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		r, err := s.Check(models.MustDate("2026-11-23"))
		if err != nil {
			t.Fatal(err)
		}
		var reasons []string
		for _, c := range r.Checks {
			reasons = append(reasons, c.Reason)
		}
		text := strings.Join(reasons, "\n")
		if r.Failed() == 0 || r.Failed() == len(r.Checks) {
			t.Errorf("want a mix of pass and fail, got %d failures of %d:\n%s", r.Failed(), len(r.Checks), text)
		}
		if !r.Sound() || r.Integrity != "ok" {
			t.Errorf("the demo's data should be sound: integrity %q, %d stored problems", r.Integrity, len(r.Problems))
		}
		for _, want := range []string{"Legal", "Chatbot hand-over to agents"} {
			if !strings.Contains(text, want) {
				t.Errorf("check reasons do not mention %q:\n%s", want, text)
			}
		}
	})
}
