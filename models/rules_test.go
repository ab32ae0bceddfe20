package models

import (
	"strings"
	"testing"
)

func TestInitiativeStaleAndOverdue(t *testing.T) {
	asOf := MustDate("2026-11-23")
	tests := []struct {
		name        string
		ini         Initiative
		lastUpdate  Date
		wantStale   bool
		wantOverdue bool
	}{
		{"fresh update", Initiative{Status: InitiativeActive}, MustDate("2026-11-01"), false, false},
		{"exactly at the window", Initiative{Status: InitiativeActive}, MustDate("2026-10-24"), false, false},
		{"one day past the window", Initiative{Status: InitiativeActive}, MustDate("2026-10-23"), true, false},
		{"never updated, recent start", Initiative{Status: InitiativeActive, StartDate: MustDate("2026-11-10")}, Date{}, false, false},
		{"never updated, no start", Initiative{Status: InitiativeActive}, Date{}, true, false},
		{"on hold is never stale", Initiative{Status: InitiativeOnHold}, MustDate("2025-01-01"), false, false},
		{"past due and active", Initiative{Status: InitiativeActive, DueDate: MustDate("2026-11-22")}, MustDate("2026-11-20"), false, true},
		{"due today is not overdue", Initiative{Status: InitiativeActive, DueDate: asOf}, MustDate("2026-11-20"), false, false},
		{"past due but done", Initiative{Status: InitiativeDone, DueDate: MustDate("2026-01-01")}, Date{}, false, false},
		{"past due but cancelled", Initiative{Status: InitiativeCancelled, DueDate: MustDate("2026-01-01")}, Date{}, false, false},
		{"past due and proposed", Initiative{Status: InitiativeProposed, DueDate: MustDate("2026-01-01")}, Date{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsStale(tt.ini, tt.lastUpdate, 30, asOf); got != tt.wantStale {
				t.Errorf("IsStale = %v, want %v", got, tt.wantStale)
			}
			if got := IsOverdue(tt.ini, asOf); got != tt.wantOverdue {
				t.Errorf("IsOverdue = %v, want %v", got, tt.wantOverdue)
			}
		})
	}
}

func TestActionOverdue(t *testing.T) {
	asOf := MustDate("2026-11-23")
	tests := []struct {
		name     string
		action   ActionItem
		overdue  bool
		daysLate int
	}{
		{"open past due", ActionItem{Status: ActionOpen, OriginalDueDate: MustDate("2026-11-13")}, true, 10},
		{"in progress past due", ActionItem{Status: ActionInProgress, OriginalDueDate: MustDate("2026-11-22")}, true, 1},
		{"due today", ActionItem{Status: ActionOpen, OriginalDueDate: asOf}, false, 0},
		{"revised date in the future wins", ActionItem{Status: ActionOpen, OriginalDueDate: MustDate("2026-10-01"), RevisedDueDate: MustDate("2026-12-01")}, false, 0},
		{"revised date past due", ActionItem{Status: ActionOpen, OriginalDueDate: MustDate("2026-10-01"), RevisedDueDate: MustDate("2026-11-20")}, true, 3},
		{"done past due", ActionItem{Status: ActionDone, OriginalDueDate: MustDate("2026-01-01")}, false, 0},
		{"cancelled past due", ActionItem{Status: ActionCancelled, OriginalDueDate: MustDate("2026-01-01")}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ActionOverdue(tt.action, asOf); got != tt.overdue {
				t.Errorf("ActionOverdue = %v, want %v", got, tt.overdue)
			}
			if got := DaysOverdue(tt.action, asOf); got != tt.daysLate {
				t.Errorf("DaysOverdue = %d, want %d", got, tt.daysLate)
			}
		})
	}
}

func TestDecisionDueForReview(t *testing.T) {
	asOf := MustDate("2026-11-23")
	tests := []struct {
		status DecisionStatus
		review string
		want   bool
	}{
		{DecisionApproved, "2026-11-23", true},
		{DecisionApproved, "2026-11-01", true},
		{DecisionApproved, "2026-12-01", false},
		{DecisionApproved, "", false},
		{DecisionDeferred, "2026-11-01", true},
		{DecisionProposed, "2026-11-01", true},
		{DecisionImplemented, "2026-11-01", true},
		{DecisionRejected, "2026-11-01", false},
		{DecisionSuperseded, "2026-11-01", false},
	}
	for _, tt := range tests {
		d := Decision{Status: tt.status, ReviewDate: MustDate(tt.review)}
		if got := DecisionDueForReview(d, asOf); got != tt.want {
			t.Errorf("%s review %q: due = %v, want %v", tt.status, tt.review, got, tt.want)
		}
	}
}

func TestUncoveredDepartments(t *testing.T) {
	asOf := MustDate("2026-11-23")
	depts := []Department{{Record: Record{ID: 1}, Name: "IT"}, {Record: Record{ID: 2}, Name: "HR"}, {Record: Record{ID: 3}, Name: "Supply Chain"}, {Record: Record{ID: 4}, Name: "Sales"}}
	members := []Member{
		{Name: "with authority", DepartmentID: Ptr(uint(1)), Role: RoleRepresentative, DecisionAuthority: true},
		{Name: "no authority", DepartmentID: Ptr(uint(2)), Role: RoleRepresentative},
		{Name: "left", DepartmentID: Ptr(uint(3)), Role: RoleRepresentative, DecisionAuthority: true, ActiveTo: MustDate("2026-06-30")},
		{Name: "not yet", DepartmentID: Ptr(uint(4)), Role: RoleRepresentative, DecisionAuthority: true, ActiveFrom: MustDate("2027-01-01")},
		{Name: "guest", DepartmentID: Ptr(uint(4)), Role: RoleGuest, DecisionAuthority: true},
		{Name: "no department", Role: RoleSponsor, DecisionAuthority: true},
	}
	got := UncoveredDepartments(depts, members, asOf)
	var names []string
	for _, d := range got {
		names = append(names, d.Name)
	}
	if strings.Join(names, ",") != "HR,Supply Chain,Sales" {
		t.Errorf("uncovered = %v, want HR, Supply Chain, Sales", names)
	}
}

func TestLeadsToFinancial(t *testing.T) {
	byID := map[uint]Target{
		1: {Record: Record{ID: 1}, Kind: KindFinancial},
		2: {Record: Record{ID: 2}, Kind: KindPerception, ParentID: Ptr(uint(1))},
		3: {Record: Record{ID: 3}, Kind: KindOperational, ParentID: Ptr(uint(2))},
		4: {Record: Record{ID: 4}, Kind: KindOperational},
		5: {Record: Record{ID: 5}, Kind: KindOperational, ParentID: Ptr(uint(6))},
		6: {Record: Record{ID: 6}, Kind: KindPerception, ParentID: Ptr(uint(5))},
		7: {Record: Record{ID: 7}, Kind: KindPerception, ParentID: Ptr(uint(99))},
	}
	tests := []struct {
		id   uint
		want bool
	}{{1, true}, {2, true}, {3, true}, {4, false}, {5, false}, {7, false}}
	for _, tt := range tests {
		if got := LeadsToFinancial(tt.id, byID); got != tt.want {
			t.Errorf("LeadsToFinancial(%d) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestNameList(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B"}, "A and B"},
		{[]string{"A", "B", "C"}, "A, B and C"},
		{[]string{"A", "B", "C", "D", "E", "F", "G"}, "A, B, C, D, E and 2 more"},
	}
	for _, tt := range tests {
		if got := NameList(tt.in); got != tt.want {
			t.Errorf("NameList(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
