package models

import "testing"

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
