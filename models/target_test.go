package models

import "testing"

func TestLeadsToFinancial(t *testing.T) {
	byID := map[uint]*Target{
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
	// A chain through every target still reaches the financial one at its end.
	chain := map[uint]*Target{1: {Record: Record{ID: 1}, Kind: KindFinancial}, 2: {Record: Record{ID: 2}, ParentID: Ptr(uint(1))}}
	if !LeadsToFinancial(2, chain) {
		t.Error("a two-target chain does not reach its financial target")
	}
}
