package models

import (
	"fmt"
	"strings"
)

// IsStale reports whether an active initiative has had no status update
// within the window. Without any update the start date stands in; an active
// initiative with neither is stale.
func IsStale(i Initiative, lastUpdate Date, windowDays int, asOf Date) bool {
	if i.Status != InitiativeActive {
		return false
	}
	ref := lastUpdate
	if ref.IsZero() {
		ref = i.StartDate
	}
	if ref.IsZero() {
		return true
	}
	return ref.DaysUntil(asOf) > windowDays
}

// IsOverdue reports whether an initiative is past its due date and not closed.
func IsOverdue(i Initiative, asOf Date) bool {
	return !i.DueDate.IsZero() && i.DueDate.Before(asOf) && !i.Status.Closed()
}

// ActionOverdue reports whether an open action is past its (revised) due date.
func ActionOverdue(a ActionItem, asOf Date) bool {
	return !a.Status.Closed() && a.DueDate().Before(asOf)
}

// DaysOverdue returns how many days an open action is past due, or 0.
func DaysOverdue(a ActionItem, asOf Date) int {
	if !ActionOverdue(a, asOf) {
		return 0
	}
	return a.DueDate().DaysUntil(asOf)
}

// DecisionDueForReview reports whether a live decision's review date has come.
func DecisionDueForReview(d Decision, asOf Date) bool {
	switch d.Status {
	case DecisionRejected, DecisionSuperseded:
		return false
	}
	return !d.ReviewDate.IsZero() && !d.ReviewDate.After(asOf)
}

// CanCommit reports whether a member can commit their department on day d:
// active, with decision authority, and not a guest.
func CanCommit(m Member, d Date) bool {
	return m.DecisionAuthority && m.Role != RoleGuest && m.DepartmentID != nil && m.ActiveOn(d)
}

// UncoveredDepartments returns the departments with no active member who
// holds decision authority, in the order given.
func UncoveredDepartments(depts []Department, members []Member, asOf Date) []Department {
	covered := map[uint]bool{}
	for _, m := range members {
		if CanCommit(m, asOf) {
			covered[*m.DepartmentID] = true
		}
	}
	var out []Department
	for _, d := range depts {
		if !covered[d.ID] {
			out = append(out, d)
		}
	}
	return out
}

// LeadsToFinancial reports whether a target, following parents, reaches a
// financial target. A loop in the hierarchy never does.
func LeadsToFinancial(id uint, byID map[uint]Target) bool {
	seen := map[uint]bool{}
	for {
		t, ok := byID[id]
		if !ok || seen[id] {
			return false
		}
		if t.Kind == KindFinancial {
			return true
		}
		seen[id] = true
		if t.ParentID == nil {
			return false
		}
		id = *t.ParentID
	}
}

// InitiativeConcerns lists, in words, why an initiative needs attention:
// red health, no fresh update, past its due date. None for a healthy one.
func InitiativeConcerns(i Initiative, lastUpdate Date, windowDays int, asOf Date) []string {
	var out []string
	if i.Health == HealthRed && !i.Status.Closed() {
		out = append(out, "red: "+strings.TrimRight(orDash(i.HealthReason), ". "))
	}
	if IsStale(i, lastUpdate, windowDays, asOf) {
		if lastUpdate.IsZero() {
			out = append(out, "stale: never updated")
		} else {
			out = append(out, fmt.Sprintf("stale: last update %s, %d days ago", lastUpdate, lastUpdate.DaysUntil(asOf)))
		}
	}
	if IsOverdue(i, asOf) {
		out = append(out, fmt.Sprintf("overdue: due %s, %d days ago", i.DueDate, i.DueDate.DaysUntil(asOf)))
	}
	return out
}

func orDash(s string) string {
	if isBlank(s) {
		return "no reason given"
	}
	return s
}
