package models

import "testing"

func TestMovementSinceIsBetterOrWorseWhicheverWayTheTargetRuns(t *testing.T) {
	ms := []Measurement{
		{Record: Record{ID: 1}, Date: MustDate("2026-09-30"), Value: 7.0},
		{Record: Record{ID: 2}, Date: MustDate("2026-10-31"), Value: 6.5},
		{Record: Record{ID: 3}, Date: MustDate("2026-11-20"), Value: 6.1},
	}
	tests := []struct {
		name      string
		dir       Direction
		since     Date
		wantTrend Trend
		wantThen  float64
	}{
		{"churn falling is better", DirectionDecrease, MustDate("2026-10-31"), TrendBetter, 6.5},
		{"a score falling is worse", DirectionIncrease, MustDate("2026-10-31"), TrendWorse, 6.5},
		{"no reading at the previous meeting", DirectionDecrease, MustDate("2026-01-01"), TrendNone, 0},
		{"no previous meeting", DirectionDecrease, Date{}, TrendNone, 0},
		{"nothing since", DirectionDecrease, MustDate("2026-11-21"), TrendSame, 6.1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mv := MovementSince(tc.dir, ms, tc.since, MustDate("2026-11-23"))
			if mv.Trend != tc.wantTrend || mv.Then != tc.wantThen || !mv.HasNow || mv.Now != 6.1 {
				t.Errorf("%+v, want trend %q from %v", mv, tc.wantTrend, tc.wantThen)
			}
		})
	}
	if got := Recent(ms, MustDate("2026-11-01"), 12); len(got) != 2 || got[0] != 7.0 || got[1] != 6.5 {
		t.Errorf("recent readings up to 2026-11-01: %v", got)
	}
	if got := Recent(ms, MustDate("2026-11-23"), 2); len(got) != 2 || got[0] != 6.5 {
		t.Errorf("the last 2 readings: %v", got)
	}
}
