package models

import (
	"math"
	"strings"
	"testing"
)

func TestProgressIsDirectionAware(t *testing.T) {
	tests := []struct {
		name                      string
		baseline, target, current float64
		dir                       Direction
		want                      float64
	}{
		{"increase half way", 20, 45, 32.5, DirectionIncrease, 0.5},
		{"decrease from 200 to 0 now at 150", 200, 0, 150, DirectionDecrease, 0.25},
		{"churn 8% to 5% now at 6.5%", 8, 5, 6.5, DirectionDecrease, 0.5},
		{"at baseline", 20, 45, 20, DirectionIncrease, 0},
		{"at target", 20, 45, 45, DirectionIncrease, 1},
		{"past the target (increase)", 20, 45, 50, DirectionIncrease, 1.2},
		{"past the target (decrease)", 200, 0, -20, DirectionDecrease, 1.1},
		{"worse than baseline (increase)", 20, 45, 15, DirectionIncrease, -0.2},
		{"worse than baseline (decrease)", 200, 100, 250, DirectionDecrease, -0.5},
		{"negative NPS scale", -10, 10, 0, DirectionIncrease, 0.5},
		{"baseline equals target, held", 90, 90, 90, DirectionIncrease, 1},
		{"baseline equals target, better", 90, 90, 95, DirectionIncrease, 1},
		{"baseline equals target, slipped", 90, 90, 85, DirectionIncrease, 0},
		{"baseline equals target, decrease slipped", 5, 5, 6, DirectionDecrease, 0},
		{"baseline equals target, decrease better", 5, 5, 4, DirectionDecrease, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Progress(tt.baseline, tt.target, tt.current, tt.dir)
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Progress(%v, %v, %v, %s) = %v, want %v", tt.baseline, tt.target, tt.current, tt.dir, got, tt.want)
			}
		})
	}
}

func TestElapsedShare(t *testing.T) {
	start, end := MustDate("2026-01-01"), MustDate("2026-12-31")
	tests := []struct {
		name string
		day  Date
		want float64
	}{
		{"before start", MustDate("2025-06-01"), 0},
		{"at start", start, 0},
		{"half way", MustDate("2026-07-02"), 0.5},
		{"at end", end, 1},
		{"after end", MustDate("2027-05-01"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ElapsedShare(start, end, tt.day); math.Abs(got-tt.want) > 0.002 {
				t.Errorf("ElapsedShare = %v, want %v", got, tt.want)
			}
		})
	}
	if got := ElapsedShare(Date{}, end, start); got != 0 {
		t.Errorf("no start, before end: got %v, want 0", got)
	}
	if got := ElapsedShare(Date{}, end, end); got != 1 {
		t.Errorf("no start, at end: got %v, want 1", got)
	}
}

func nps() Target {
	return Target{Name: "NPS", Kind: KindPerception, Direction: DirectionIncrease,
		BaselineValue: Ptr(20.0), BaselineDate: MustDate("2026-01-01"),
		TargetValue: 45, TargetDate: MustDate("2027-03-31"), AmberTolerance: 3}
}

func churn() Target {
	return Target{Name: "Churn", Kind: KindFinancial, Unit: "%", Direction: DirectionDecrease,
		BaselineValue: Ptr(8.0), BaselineDate: MustDate("2026-01-01"),
		TargetValue: 5, TargetDate: MustDate("2026-12-31"), AmberTolerance: 0.3}
}

func reading(date string, v float64) Measurement { return Measurement{Date: MustDate(date), Value: v} }

func TestEvaluateTargetStatus(t *testing.T) {
	// Expected NPS on 2026-11-01: 20 + 304/454 * 25 = 36.74.
	asOf := MustDate("2026-11-01")
	tests := []struct {
		name       string
		target     Target
		ms         []Measurement
		asOf       Date
		want       TargetStatus
		reasonHas  string
		wantNoData bool
	}{
		{"no measurement is no data", nps(), nil, asOf, TargetNoData, "no measurement yet", true},
		{"only future measurements is no data", nps(), []Measurement{reading("2026-12-01", 40)}, asOf, TargetNoData, "no measurement yet", true},
		{"no baseline is no data", func() Target { x := nps(); x.BaselineValue = nil; return x }(), []Measurement{reading("2026-10-01", 40)}, asOf, TargetNoData, "no baseline", false},
		{"ahead of path is on track", nps(), []Measurement{reading("2026-11-01", 38)}, asOf, TargetOnTrack, "NPS 38 on 2026-11-01; the plan is 36.74 by 2026-11-01, on the way from 20 to 45 by 2027-03-31", false},
		{"within tolerance is at risk", nps(), []Measurement{reading("2026-11-01", 35)}, asOf, TargetAtRisk, "the plan is 36.74 by 2026-11-01", false},
		{"beyond tolerance is off track", nps(), []Measurement{reading("2026-11-01", 30)}, asOf, TargetOffTrack, "NPS 30 on 2026-11-01", false},
		{"latest measurement counts", nps(), []Measurement{reading("2026-11-01", 38), reading("2026-09-01", 10)}, asOf, TargetOnTrack, "NPS 38", false},
		{"at target is achieved", nps(), []Measurement{reading("2026-10-15", 45)}, asOf, TargetAchieved, "has reached the target 45", false},
		{"past target is achieved", nps(), []Measurement{reading("2026-10-15", 52)}, asOf, TargetAchieved, "NPS 52", false},
		{"worse than baseline is off track", nps(), []Measurement{reading("2026-10-15", 12)}, asOf, TargetOffTrack, "NPS 12", false},
		{"decrease on track", churn(), []Measurement{reading("2026-07-01", 6.4)}, MustDate("2026-07-01"), TargetOnTrack, "Churn 6.4% on 2026-07-01", false},
		{"decrease off track", churn(), []Measurement{reading("2026-07-01", 7.9)}, MustDate("2026-07-01"), TargetOffTrack, "on the way from 8% to 5%", false},
		{"decrease achieved below target", churn(), []Measurement{reading("2026-07-01", 4.8)}, MustDate("2026-07-01"), TargetAchieved, "reached the target 5%", false},
		{"past due and short is off track", churn(), []Measurement{reading("2027-01-10", 6)}, MustDate("2027-02-01"), TargetOffTrack, "was due 2026-12-31", false},
		{"maintain target held", func() Target { x := churn(); x.BaselineValue = Ptr(5.0); return x }(), []Measurement{reading("2026-07-01", 5)}, MustDate("2026-07-01"), TargetAchieved, "reached", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.target, tt.ms, tt.asOf)
			if got.Status != tt.want {
				t.Errorf("status = %q, want %q (reason %q)", got.Status, tt.want, got.Reason)
			}
			if !strings.Contains(got.Reason, tt.reasonHas) {
				t.Errorf("reason %q does not contain %q", got.Reason, tt.reasonHas)
			}
			if tt.wantNoData && (got.HasData || got.Progress != 0) {
				t.Errorf("no data must carry no progress, got %+v", got)
			}
		})
	}
}

func TestEvaluateNoDataIsNotZeroProgress(t *testing.T) {
	r := Evaluate(nps(), nil, MustDate("2026-11-01"))
	if r.HasData {
		t.Fatal("a target with no measurement must report no data")
	}
	if r.Status != TargetNoData {
		t.Fatalf("status = %q, want no data", r.Status)
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{32, "", "32"}, {8.25, "%", "8.25%"}, {42, "£", "£42"}, {-3, "£", "-£3"},
		{9.5, "minutes", "9.5 minutes"}, {1.0 / 3, "", "0.33"}, {-0.001, "", "0"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v, tt.unit); got != tt.want {
			t.Errorf("FormatValue(%v, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}
