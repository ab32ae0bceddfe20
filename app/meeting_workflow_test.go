package app

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"cxcommittee/models"
)

func meetingByTitle(t *testing.T, s *Store, status models.MeetingStatus) models.Meeting {
	t.Helper()
	var m models.Meeting
	if err := s.db.Where("status = ?", status).Order("date DESC").First(&m).Error; err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMeetingCloseCarriesOpenActionsOver(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		planned := meetingByTitle(t, s, models.MeetingPlanned)
		// An action taken at the planned meeting, and the state of those carried there.
		owner := uint(1)
		fresh := models.ActionItem{Description: "Publish the December scorecard", OwnerID: &owner, OriginalDueDate: models.MustDate("2026-12-20"),
			Status: models.ActionOpen, MeetingID: &planned.ID}
		if err := Create(s, &fresh); err != nil {
			t.Fatal(err)
		}
		before, err := List[models.ActionItem](s, "id")
		if err != nil {
			t.Fatal(err)
		}
		var totalBefore int64
		if err := s.db.Model(&models.ActionItem{}).Count(&totalBefore).Error; err != nil || totalBefore == 0 {
			t.Fatalf("%d actions before closing: %v", totalBefore, err)
		}

		reviewedBefore, err := s.ReviewedActions(planned.ID)
		if err != nil || len(reviewedBefore) == 0 {
			t.Fatalf("the planned meeting reviews %d actions before closing (%v)", len(reviewedBefore), err)
		}
		check, proposed, err := s.CloseCheck(planned.ID, models.MustDate("2026-11-23"))
		if err != nil || check.NextExisting != nil {
			t.Fatalf("close check: %v, next %+v", err, check.NextExisting)
		}
		if models.Weekday(proposed) != proposed || !proposed.After(planned.Date) {
			t.Errorf("proposed next meeting day %s (%s)", proposed, proposed.Time().Weekday())
		}
		saturday := planned.Date.AddDays(7)
		for saturday.Time().Weekday() != time.Saturday {
			saturday = saturday.AddDays(1)
		}
		if _, _, err := s.CloseMeeting(planned.ID, saturday); err == nil || !strings.Contains(err.Error(), "weekday") {
			t.Errorf("closing with the next meeting on %s (%s): %v", saturday, saturday.Time().Weekday(), err)
		}
		if m, _ := Get[models.Meeting](s, planned.ID); m.Status != models.MeetingPlanned {
			t.Fatalf("a refused close left the meeting %s", m.Status)
		}
		chosen := models.Weekday(proposed.AddDays(3))
		carried, next, err := s.CloseMeeting(planned.ID, chosen)
		if err != nil {
			t.Fatal(err)
		}
		if next.ID == planned.ID || next.Date != chosen || next.Status != models.MeetingPlanned {
			t.Fatalf("next meeting %+v, want one planned on %s", next, chosen)
		}
		reviewedAfter, _ := s.ReviewedActions(planned.ID)
		if !reflect.DeepEqual(reviewedAfter, reviewedBefore) {
			t.Errorf("closing changed the actions the meeting reviewed: %v, was %v", reviewedAfter, reviewedBefore)
		}
		reviewedNext, _ := s.ReviewedActions(next.ID)
		if len(reviewedNext) != 9 {
			t.Errorf("the next meeting reviews %d actions, want 9", len(reviewedNext))
		}
		after, err := List[models.ActionItem](s, "id")
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(after)) != totalBefore {
			t.Fatalf("%d actions after closing, %d before: actions were lost or duplicated", len(after), totalBefore)
		}
		moved := 0
		for i, a := range after {
			b := before[i]
			if a.OriginalDueDate != b.OriginalDueDate {
				t.Errorf("%s: original due date %s changed to %s", a.Description, b.OriginalDueDate, a.OriginalDueDate)
			}
			if a.CarriedToMeetingID != nil && *a.CarriedToMeetingID == next.ID {
				moved++
				wantCount := b.TimesCarriedOver + 1
				if a.ID == fresh.ID {
					wantCount = 0
				}
				if a.TimesCarriedOver != wantCount {
					t.Errorf("%s carried %d times, want %d", a.Description, a.TimesCarriedOver, wantCount)
				}
			}
		}
		if moved != carried || carried != 9 {
			t.Errorf("carried %d, moved %d; want the 8 open sample actions and the new one", carried, moved)
		}
		// Closing again is refused and changes nothing.
		if _, _, err := s.CloseMeeting(planned.ID, chosen); err == nil {
			t.Error("a held meeting was closed twice")
		}
	})
}

func TestMinutesApprovedMakesTheMeetingReadOnly(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		held := meetingByTitle(t, s, models.MeetingHeld)
		if err := s.ApproveMinutes(held.ID); err != nil {
			t.Fatal(err)
		}
		err := s.SetAttendance(held.ID, 3, models.AttendanceAbsent, nil)
		var fe *models.FieldError
		if !errors.As(err, &fe) || !strings.Contains(fe.Message, "minutes are approved") {
			t.Errorf("attendance changed after approval: %v", err)
		}
		var d models.Decision
		s.db.Where("meeting_id = ?", held.ID).First(&d)
		d.Statement = "rewritten history"
		if err := Update(s, &d); err == nil {
			t.Error("a decision of an approved meeting was rewritten")
		}
		if err := Delete[models.Decision](s, d.ID); err == nil {
			t.Error("a decision of an approved meeting was deleted")
		}
		m, _ := Get[models.Meeting](s, held.ID)
		m.Status = models.MeetingHeld
		if err := Update(s, &m); err == nil {
			t.Error("approved minutes were reopened")
		}
		// An action taken there can still be completed.
		var a models.ActionItem
		s.db.Where("meeting_id = ? AND status = ?", held.ID, models.ActionOpen).First(&a)
		a.Status, a.ClosedOn = models.ActionDone, models.MustDate("2026-11-23")
		if err := Update(s, &a); err != nil {
			t.Errorf("completing an action of an approved meeting: %v", err)
		}
		a.Description = "something else"
		if err := Update(s, &a); err == nil {
			t.Error("an approved action's description was rewritten")
		}
	})
}

func TestDecisionSupersedeLinksBothWays(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var old models.Decision
		s.db.Where("statement LIKE ?", "Pause complaint root-cause%").First(&old) // taken at an approved meeting
		repl := models.Decision{Statement: "Restart complaint reviews with manual codes", Status: models.DecisionApproved, DecidedOn: models.MustDate("2026-11-23"), OwnerID: old.OwnerID}
		if err := s.SupersedeDecision(old.ID, &repl); err != nil {
			t.Fatal(err)
		}
		got, _ := Get[models.Decision](s, old.ID)
		if got.Status != models.DecisionSuperseded || got.SupersededByID == nil || *got.SupersededByID != repl.ID {
			t.Errorf("old decision: %s superseded by %s", got.Status, models.IDString(got.SupersededByID))
		}
		if got.Statement != old.Statement || got.Rationale != old.Rationale {
			t.Error("superseding rewrote the earlier decision")
		}
		if repl.SupersedesID == nil || *repl.SupersedesID != old.ID {
			t.Error("the new decision does not link back")
		}
		if err := s.SupersedeDecision(old.ID, &models.Decision{Statement: "again", Status: models.DecisionApproved}); err == nil {
			t.Error("a superseded decision was superseded again")
		}
	})
}

func TestAgendaReadsLiveData(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		onAgenda := func() string {
			entries, err := s.MattersArising(models.MustDate("2026-11-23"))
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, e := range entries {
				lines = append(lines, e.Section+": "+e.Title+" ("+e.Owner+"): "+e.Why)
			}
			return strings.Join(lines, "\n")
		}
		text := onAgenda()
		if !strings.Contains(text, "Overdue actions: Draft the payment-plan policy with Legal (James Carter): due") {
			t.Fatalf("overdue action missing:\n%s", text)
		}
		var a models.ActionItem
		s.db.Where("description = ?", "Draft the payment-plan policy with Legal").First(&a)
		a.Status, a.ClosedOn = models.ActionDone, models.MustDate("2026-11-23")
		if err := Update(s, &a); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(onAgenda(), "Draft the payment-plan policy") {
			t.Error("a done action is still on the agenda")
		}
	})
}

func TestAgendaDraftIsStoredOnceAndReorders(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		planned := meetingByTitle(t, s, models.MeetingPlanned)
		before, _ := s.AgendaItems(planned.ID)
		added, err := s.DraftAgenda(planned.ID)
		if err != nil || added == 0 {
			t.Fatalf("draft added %d: %v", added, err)
		}
		again, _ := s.DraftAgenda(planned.ID)
		if again != 0 {
			t.Errorf("a second draft added %d duplicates", again)
		}
		items, _ := s.AgendaItems(planned.ID)
		if len(items) != len(before)+added {
			t.Errorf("%d items, want %d", len(items), len(before)+added)
		}
		last := items[len(items)-1]
		if err := s.MoveAgendaItem(last.ID, -1); err != nil {
			t.Fatal(err)
		}
		items, _ = s.AgendaItems(planned.ID)
		if items[len(items)-2].ID != last.ID {
			t.Error("moving up did not reorder")
		}
		for i, it := range items {
			if it.Position != i+1 {
				t.Errorf("positions not contiguous: %d at %d", it.Position, i)
			}
		}
	})
}

func TestQuorumOfStoredMeetings(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		held := meetingByTitle(t, s, models.MeetingHeld)
		q, err := s.Quorum(held.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !q.Met || q.Total != 11 {
			t.Errorf("held meeting quorum %+v", q)
		}
		planned := meetingByTitle(t, s, models.MeetingPlanned)
		if q, _ := s.Quorum(planned.ID); q.Met {
			t.Error("a meeting with no attendance has quorum")
		}
	})
}

func TestMeetingSinceLastMeetingOnDemo(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		changes, from, err := s.SinceLastMeeting(models.MustDate("2026-11-23"))
		if err != nil {
			t.Fatal(err)
		}
		if from != models.MustDate("2026-10-28") {
			t.Errorf("from %s, want the last held meeting 2026-10-28", from)
		}
		groups := map[string]int{}
		for _, c := range changes {
			groups[c.Group]++
		}
		if groups[models.ChangeHealth] == 0 || groups[models.ChangeClosed] == 0 {
			t.Errorf("since last meeting: %v", groups)
		}
	})
}

// Reminders name each owner's overdue actions and stale initiatives, and
// no one else.
func TestRemindersListEachOwnersOverdueActionsAndStaleInitiatives(t *testing.T) {
	s := engines()[0].demo(t, "2026-11-23")
	asOf := models.MustDate("2026-11-23")
	rs, err := s.Reminders(asOf)
	if err != nil || len(rs) == 0 {
		t.Fatalf("%d reminders: %v", len(rs), err)
	}
	actions, _ := s.ActionRows(asOf)
	inis, _ := s.InitiativeRows(asOf)
	want := 0
	for _, a := range actions {
		if a.DaysOverdue > 0 && a.OwnerID != nil {
			want++
		}
	}
	for _, i := range inis {
		if i.Stale && i.OwnerID != nil {
			want++
		}
	}
	got := 0
	for _, r := range rs {
		if len(r.Overdue)+len(r.Stale) == 0 {
			t.Errorf("%s is reminded of nothing", r.Owner)
		}
		got += len(r.Overdue) + len(r.Stale)
	}
	if got != want {
		t.Errorf("reminders list %d items, want the %d overdue actions and stale initiatives that have an owner", got, want)
	}
}
