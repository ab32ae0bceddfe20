package app

import (
	"strings"
	"testing"

	"cxcommittee/models"
)

// The demo's meetings, by id: two with approved minutes, one held, one planned.
const (
	demoApproved = 1
	demoHeld     = 3
	demoPlanned  = 4
)

func actionNames(list []PapersAction) map[string]bool {
	out := map[string]bool{}
	for _, a := range list {
		out[a.Description] = a.Taken
	}
	return out
}

func TestMinutesKeepActionsCarriedOnAfterTheMeeting(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		asOf := models.MustDate("2026-11-23")
		before, err := s.Papers(demoHeld, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if !before.Minutes || before.Approved {
			t.Fatalf("held meeting: minutes %v, approved %v", before.Minutes, before.Approved)
		}
		got := actionNames(before.Actions)
		for desc, taken := range map[string]bool{
			"Draft the payment-plan policy with Legal": true,  // taken there
			"Add complaint codes to the CRM":           false, // carried there from the first meeting
		} {
			if was, ok := got[desc]; !ok || was != taken {
				t.Errorf("%q on the minutes: %v (taken %v), want taken %v", desc, ok, was, taken)
			}
		}
		if _, ok := got["Publish the CX vision on the intranet"]; ok {
			t.Error("an action of another meeting is on these minutes")
		}
		// Closing the planned meeting carries the open actions on again.
		if _, _, err := s.CloseMeeting(demoPlanned, models.MustDate("2027-01-06")); err != nil {
			t.Fatal(err)
		}
		after, err := s.Papers(demoHeld, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Actions) != len(before.Actions) {
			t.Errorf("the minutes lost actions carried on after the meeting: %d, were %d", len(after.Actions), len(before.Actions))
		}
		next, err := s.Papers(demoPlanned, asOf)
		if err != nil {
			t.Fatal(err)
		}
		taken, reviewed := actionNames(next.Actions)["Draft the payment-plan policy with Legal"]
		if !next.Minutes || !reviewed || taken {
			t.Errorf("the closed meeting's minutes: minutes %v, actions %v; want the carried action as reviewed", next.Minutes, actionNames(next.Actions))
		}
	})
}

func TestMinutesHoldAttendanceQuorumAndDecisions(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	p, err := s.Papers(demoHeld, models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	var proxy AttendanceLine
	statuses := map[models.AttendanceStatus]int{}
	for _, a := range p.Attendance {
		statuses[a.Status]++
		if a.Status == models.AttendanceProxy {
			proxy = a
		}
	}
	if proxy.Member != "Tom Becker" || proxy.Proxy != "Oliver Grant" {
		t.Errorf("proxy line %+v, want Tom Becker by Oliver Grant", proxy)
	}
	if statuses[models.AttendanceApologies] != 1 || statuses[models.AttendanceAbsent] != 1 {
		t.Errorf("attendance %v", statuses)
	}
	if p.Attendance[0].Status != models.AttendancePresent {
		t.Errorf("present members come first, got %+v", p.Attendance[0])
	}
	if !p.Quorum.Met || !strings.Contains(p.Quorum.Reason, "departments represented") {
		t.Errorf("quorum %+v", p.Quorum)
	}
	if len(p.Decisions) != 3 {
		t.Errorf("%d decisions, want the 3 taken at the meeting", len(p.Decisions))
	}
	if len(p.Agenda) != 3 || p.Agenda[0].Status != models.AgendaOpen {
		t.Errorf("agenda %+v", p.Agenda)
	}
	approved, err := s.Papers(demoApproved, models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if !approved.Approved {
		t.Error("the first meeting's minutes are approved")
	}
}

func TestAgendaPackGivesOwnersReasonsAndTheSummary(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	p, err := s.Papers(demoPlanned, models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Minutes {
		t.Fatal("a planned meeting's papers are its agenda pack")
	}
	byTopic := map[string]PapersItem{}
	for _, it := range p.Agenda {
		byTopic[it.Topic] = it
	}
	churn := byTopic["Customer churn rate is off track"]
	if churn.Owner == "" || !strings.HasPrefix(churn.Why, "off track") {
		t.Errorf("churn item %+v: want its owner and the matter arising's reason", churn)
	}
	if legal := byTopic["Legal has no representative on the committee"]; legal.Owner != "Martin Frost" {
		t.Errorf("Legal item owner %q, want the department head", legal.Owner)
	}
	for _, e := range p.Arising {
		if e.Kind == models.RecordTarget && e.Title == "Customer churn rate" {
			t.Error("a matter already on the agenda is listed again as arising")
		}
	}
	if len(p.Arising) == 0 || p.Health == "" || p.HealthReason == "" || len(p.Scorecard) == 0 {
		t.Errorf("pack lacks arising matters or the summary: %d arising, health %q", len(p.Arising), p.Health)
	}
	d, err := s.Dashboard(models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Overdue) != len(d.OverdueActions) {
		t.Errorf("%d overdue actions, the dashboard has %d", len(p.Overdue), len(d.OverdueActions))
	}
}

func TestFindMeetingByIDOrDate(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	if err := Create(s, &models.Meeting{Title: "Extra", Date: models.MustDate("2026-12-02"), Status: models.MeetingPlanned}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		ref, want, err string
	}{
		{"3", "2026-10-28", ""},
		{" 2026-10-28 ", "2026-10-28", ""},
		{"99", "", "there is no meeting with id 99"},
		{"2030-01-01", "", "there is no meeting on 2030-01-01"},
		{"next week", "", "give its id or its date"},
		{"2026-12-02", "", "2 meetings are on 2026-12-02"},
	}
	for _, tt := range tests {
		m, err := s.FindMeeting(tt.ref)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("FindMeeting(%q): %v, want %q", tt.ref, err, tt.err)
		case tt.err == "" && (err != nil || m.Date.String() != tt.want):
			t.Errorf("FindMeeting(%q): %v %v, want the meeting of %s", tt.ref, m.Date, err, tt.want)
		}
	}
}
