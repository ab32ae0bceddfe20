package models

import "testing"

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
