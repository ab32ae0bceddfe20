package models

import (
	"strings"
	"testing"
)

func TestProgrammeHealth(t *testing.T) {
	pass, failing := Check{Passed: true}, Check{}
	tests := []struct {
		name     string
		byHealth map[Health]int
		targets  []TargetStatus
		checks   []Check
		want     Health
	}{
		{"all well", map[Health]int{HealthGreen: 8, HealthAmber: 2}, []TargetStatus{TargetOnTrack, TargetAchieved}, []Check{pass, pass, pass, pass}, HealthGreen},
		{"one red initiative", map[Health]int{HealthGreen: 8, HealthRed: 1}, []TargetStatus{TargetOnTrack}, []Check{pass}, HealthAmber},
		{"a quarter red", map[Health]int{HealthGreen: 6, HealthRed: 2}, nil, nil, HealthRed},
		{"one target off track", map[Health]int{HealthGreen: 4}, []TargetStatus{TargetOffTrack, TargetOnTrack, TargetOnTrack}, nil, HealthAmber},
		{"half the measured targets off track", map[Health]int{HealthGreen: 4}, []TargetStatus{TargetOffTrack, TargetOnTrack, TargetNoData}, nil, HealthRed},
		{"governance failing", map[Health]int{HealthGreen: 4}, nil, []Check{failing, failing, pass, pass, pass}, HealthAmber},
		{"nothing at all", map[Health]int{}, nil, nil, HealthGreen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reason := ProgrammeHealth(tt.byHealth, tt.targets, tt.checks)
			if got != tt.want {
				t.Errorf("health %s, want %s (%s)", got, tt.want, reason)
			}
			if !strings.Contains(reason, "open initiative") || !strings.Contains(reason, " red") || !strings.Contains(reason, "failing") {
				t.Errorf("reason %q", reason)
			}
		})
	}
}

func TestTrendOf(t *testing.T) {
	asOf := MustDate("2026-11-23")
	tests := []struct {
		dir  Direction
		ms   []Measurement
		want Trend
	}{
		{DirectionIncrease, []Measurement{reading("2026-10-01", 30), reading("2026-11-01", 32)}, TrendBetter},
		{DirectionIncrease, []Measurement{reading("2026-11-01", 28), reading("2026-10-01", 30)}, TrendWorse},
		{DirectionDecrease, []Measurement{reading("2026-10-01", 8), reading("2026-11-01", 7.5)}, TrendBetter},
		{DirectionDecrease, []Measurement{reading("2026-10-01", 8), reading("2026-11-01", 8)}, TrendSame},
		{DirectionIncrease, []Measurement{reading("2026-11-01", 30)}, TrendNone},
		{DirectionIncrease, []Measurement{reading("2026-10-01", 30), reading("2026-12-01", 10)}, TrendNone},
	}
	for i, tt := range tests {
		if got := TrendOf(tt.dir, tt.ms, asOf); got != tt.want {
			t.Errorf("case %d: %q, want %q", i, got, tt.want)
		}
	}
}

func TestWinsAreDoneInitiativesWhoseTargetsImproved(t *testing.T) {
	csat := Target{Record: Record{ID: 1}, Name: "CSAT", Unit: "%", Direction: DirectionIncrease, BaselineValue: Ptr(70.0)}
	churn := Target{Record: Record{ID: 2}, Name: "Churn", Unit: "%", Direction: DirectionDecrease, BaselineValue: Ptr(8.0)}
	targets := map[uint]Target{1: csat, 2: churn}
	ms := map[uint][]Measurement{
		1: {reading("2026-01-01", 72), reading("2026-11-01", 80)},
		2: {reading("2026-01-01", 7), reading("2026-11-01", 7.5)},
	}
	inis := []Initiative{
		{Record: Record{ID: 1}, Title: "Plain bills", Status: InitiativeDone, StartDate: MustDate("2026-02-01"), Targets: []Target{{Record: Record{ID: 1}}, {Record: Record{ID: 2}}}},
		{Record: Record{ID: 2}, Title: "Still running", Status: InitiativeActive, Targets: []Target{{Record: Record{ID: 1}}}},
	}
	wins := Wins(inis, map[uint]Date{1: MustDate("2026-10-14")}, targets, ms, MustDate("2026-11-23"))
	if len(wins) != 1 {
		t.Fatalf("wins %+v, want only CSAT for Plain bills (churn got worse)", wins)
	}
	if got := wins[0].String(); got != "Plain bills (done 2026-10-14): CSAT 72% → 80%" {
		t.Errorf("win reads %q", got)
	}
}

func TestProgrammeHealthReasonCountsAgree(t *testing.T) {
	_, reason := ProgrammeHealth(map[Health]int{HealthRed: 1, HealthGreen: 8}, []TargetStatus{TargetOnTrack}, []Check{{Passed: true}})
	want := "1 of 9 open initiatives red; 0 of 1 measured target off track; 0 of 1 governance check failing"
	if reason != want {
		t.Errorf("reason %q, want %q", reason, want)
	}
}
