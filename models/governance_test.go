package models

import (
	"fmt"
	"strings"
	"testing"
)

// healthyCommittee passes every governance check as of 2026-11-23.
func healthyCommittee() Committee {
	asOf := MustDate("2026-11-23")
	p := NewSettings("Acme")
	p.VisionStatement = "Effortless service"
	p.VisionReviewedOn = MustDate("2026-03-01")
	dept := func(id uint, name string) Department { return Department{Record: Record{ID: id}, Name: name} }
	return Committee{
		AsOf:        asOf,
		Settings:    p,
		Departments: []Department{dept(1, "Customer Service"), dept(2, "IT")},
		Members: []Member{
			{Record: Record{ID: 1}, Name: "Chair", Role: RoleChair, DepartmentID: Ptr(uint(1)), DecisionAuthority: true},
			{Record: Record{ID: 2}, Name: "Sponsor", Role: RoleSponsor},
			{Record: Record{ID: 3}, Name: "CIO", Role: RoleRepresentative, DepartmentID: Ptr(uint(2)), DecisionAuthority: true},
		},
		Journeys: []Journey{{Record: Record{ID: 1}, Name: "Onboarding", Priority: 1}},
		Initiatives: []Initiative{{Record: Record{ID: 1}, Title: "Welcome pack", Status: InitiativeActive, OwnerID: Ptr(uint(1)),
			JourneyID: Ptr(uint(1)), Pillar: "Effortless", BusinessGoal: "Retention", Targets: []Target{{Record: Record{ID: 2}}}}},
		LastUpdate: map[uint]Date{1: MustDate("2026-11-10")},
		Targets: []Target{
			{Record: Record{ID: 1}, Name: "Churn", Kind: KindFinancial, BaselineValue: Ptr(8.0), BaselineDate: MustDate("2026-01-01")},
			{Record: Record{ID: 2}, Name: "NPS", Kind: KindPerception, ParentID: Ptr(uint(1)), BaselineValue: Ptr(20.0), BaselineDate: MustDate("2026-01-01")},
		},
		Meetings:  []Meeting{{Title: "October", Date: MustDate("2026-11-01"), Status: MeetingHeld}},
		Decisions: []Decision{{Statement: "Fund it", Status: DecisionApproved, OwnerID: Ptr(uint(2))}},
	}
}

func TestGovernanceHealthyCommitteePassesEveryCheck(t *testing.T) {
	for _, c := range GovernanceChecks(healthyCommittee()) {
		if !c.Passed {
			t.Errorf("%s failed: %s", c.Name, c.Reason)
		}
		if c.Reason == "" {
			t.Errorf("%s has no reason", c.Name)
		}
	}
}

func TestGovernanceChecksFailWithNamedRecords(t *testing.T) {
	tests := []struct {
		name      string
		breakIt   func(*Committee)
		check     string
		reasonHas string
	}{
		{"no vision", func(c *Committee) { c.Settings.VisionStatement = "" }, "Vision", "no CX vision statement"},
		{"vision review too old", func(c *Committee) { c.Settings.VisionReviewedOn = MustDate("2025-10-01") }, "Vision", "2025-10-01"},
		{"no sponsor", func(c *Committee) { c.Members[1].Role = RoleMember }, "executive sponsor", "no active member"},
		{"sponsor left", func(c *Committee) { c.Members[1].ActiveTo = MustDate("2026-01-01") }, "executive sponsor", "no active member"},
		{"IT without authority", func(c *Committee) { c.Members[2].DecisionAuthority = false }, "represented", "IT"},
		{"HR unrepresented", func(c *Committee) {
			c.Departments = append(c.Departments, Department{Record: Record{ID: 9}, Name: "HR"})
		}, "represented", "HR"},
		{"journey without active initiative", func(c *Committee) { c.Initiatives[0].Status = InitiativeOnHold }, "journeys", "Onboarding"},
		{"no journeys", func(c *Committee) { c.Journeys = nil }, "journeys", "no key customer journeys"},
		{"initiative without owner", func(c *Committee) { c.Initiatives[0].OwnerID = nil }, "owner", "Welcome pack"},
		{"initiative without target", func(c *Committee) { c.Initiatives[0].Targets = nil }, "linked target", "Welcome pack"},
		{"stale initiative", func(c *Committee) { c.LastUpdate[1] = MustDate("2026-09-01") }, "fresh status update", "Welcome pack"},
		{"initiative without pillar", func(c *Committee) { c.Initiatives[0].Pillar = "" }, "pillar", "Welcome pack"},
		{"target without baseline", func(c *Committee) { c.Targets[1].BaselineValue = nil }, "baseline", "NPS"},
		{"target not leading to financial", func(c *Committee) { c.Targets[1].ParentID = nil }, "financial", "NPS"},
		{"no meeting within cadence", func(c *Committee) { c.Meetings[0].Date = MustDate("2026-09-01") }, "cadence", "2026-09-01"},
		{"planned meeting does not count", func(c *Committee) { c.Meetings[0].Status = MeetingPlanned }, "cadence", "no meeting has been held"},
		{"approved decision without owner", func(c *Committee) { c.Decisions[0].OwnerID = nil }, "decision", "Fund it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := healthyCommittee()
			tt.breakIt(&c)
			failed := 0
			for _, ch := range GovernanceChecks(c) {
				if ch.Passed {
					continue
				}
				failed++
				if !strings.Contains(ch.Name, tt.check) {
					t.Errorf("unexpected failure %q: %s", ch.Name, ch.Reason)
				}
				if !strings.Contains(ch.Reason, tt.reasonHas) {
					t.Errorf("%s: reason %q does not name %q", ch.Name, ch.Reason, tt.reasonHas)
				}
			}
			if failed == 0 {
				t.Errorf("no check failed; want %q to fail", tt.check)
			}
		})
	}
}

func TestGovernanceChecksNameTheirRecords(t *testing.T) {
	tests := []struct {
		name    string
		breakIt func(*Committee)
		kind    RecordKind
		ids     []uint
	}{
		{"no vision", func(c *Committee) { c.Settings.VisionStatement = "" }, RecordSettings, nil},
		{"no sponsor", func(c *Committee) { c.Members[1].Role = RoleMember }, RecordMember, nil},
		{"HR unrepresented", func(c *Committee) {
			c.Departments = append(c.Departments, Department{Record: Record{ID: 9}, Name: "HR"})
		}, RecordDepartment, []uint{9}},
		{"journey without active initiative", func(c *Committee) { c.Initiatives[0].Status = InitiativeOnHold }, RecordJourney, []uint{1}},
		{"initiative without target", func(c *Committee) { c.Initiatives[0].Targets = nil }, RecordInitiative, []uint{1}},
		{"targets not leading to financial", func(c *Committee) { c.Targets[1].ParentID = nil }, RecordTarget, []uint{2}},
		{"no meeting held", func(c *Committee) { c.Meetings[0].Status = MeetingPlanned }, RecordMeeting, nil},
		{"approved decision without owner", func(c *Committee) { c.Decisions[0].OwnerID = nil; c.Decisions[0].ID = 4 }, RecordDecision, []uint{4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := healthyCommittee()
			tt.breakIt(&c)
			for _, ch := range GovernanceChecks(c) {
				if ch.Passed {
					continue
				}
				if ch.Kind != tt.kind || fmt.Sprint(ch.IDs) != fmt.Sprint(tt.ids) {
					t.Errorf("%s names %s %v, want %s %v", ch.Name, ch.Kind, ch.IDs, tt.kind, tt.ids)
				}
			}
		})
	}
}

func TestJourneyCoveredByAnActiveInitiativeOnly(t *testing.T) {
	c := healthyCommittee()
	if !c.JourneyCovered(1) {
		t.Error("the onboarding journey has an active initiative but is not covered")
	}
	c.Initiatives[0].Status = InitiativeProposed
	if c.JourneyCovered(1) {
		t.Error("a proposed initiative covers the journey")
	}
}
