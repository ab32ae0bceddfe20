package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

func TestInviteIsAnAllDayEventWithTheCommittee(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	cal, err := s.Invite(demoPlanned)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := cal.SerializeTo(&buf); err != nil {
		t.Fatal(err)
	}
	parsed, err := ics.ParseCalendar(&buf)
	if err != nil {
		t.Fatalf("the invitation does not parse: %v", err)
	}
	events := parsed.Events()
	if len(events) != 1 {
		t.Fatalf("%d events, want 1", len(events))
	}
	ev := events[0]
	start, err := ev.GetAllDayStartAt()
	if err != nil || start.Format("2006-01-02") != "2026-12-02" {
		t.Errorf("start %v %v, want the meeting day", start, err)
	}
	if p := ev.GetProperty(ics.ComponentPropertyDtStart); p == nil || p.ICalParameters["VALUE"][0] != "DATE" {
		t.Error("no time is set, so the event is all-day")
	}
	if org := ev.GetProperty(ics.ComponentPropertyOrganizer); org == nil || !strings.Contains(org.Value, "claire.donovan@") {
		t.Errorf("organizer %v, want the chair", org)
	}
	emails := map[string]bool{}
	for _, a := range ev.Attendees() {
		emails[a.Email()] = true
	}
	if !emails["mei.lin@northwind.example"] || len(emails) < 10 {
		t.Errorf("attendees %v", emails)
	}
	desc := ev.GetProperty(ics.ComponentPropertyDescription)
	if desc == nil || !strings.Contains(desc.Value, "Customer churn rate is off track") {
		t.Errorf("description %v, want the agenda", desc)
	}
	again, _ := s.Invite(demoPlanned)
	if again.Events()[0].Id() != ev.Id() || again.Serialize() != cal.Serialize() {
		t.Error("the same meeting gave another invitation")
	}
	other := demoStore(t, "2026-11-23")
	if o, _ := other.Invite(demoPlanned); o.Events()[0].Id() == ev.Id() {
		t.Error("two databases' meetings share a UID")
	}
	if _, err := s.Invite(99); err == nil {
		t.Error("an invitation to a meeting that does not exist")
	}
	path := filepath.Join(t.TempDir(), "meeting.ics")
	if err := WriteInvite(path, s.Path(), cal); err != nil {
		t.Fatal(err)
	}
}
