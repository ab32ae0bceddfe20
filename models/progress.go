package models

import (
	"fmt"
	"math"
)

// TargetStatus is how a target stands against its expected path.
type TargetStatus string

// Target statuses.
const (
	TargetAchieved TargetStatus = "achieved"
	TargetOnTrack  TargetStatus = "on track"
	TargetAtRisk   TargetStatus = "at risk"
	TargetOffTrack TargetStatus = "off track"
	TargetNoData   TargetStatus = "no data"
)

// TargetStatuses lists the statuses from best to worst, no data last.
var TargetStatuses = []TargetStatus{TargetAchieved, TargetOnTrack, TargetAtRisk, TargetOffTrack, TargetNoData}

// Concerning reports whether the status needs the committee's attention.
func (s TargetStatus) Concerning() bool { return s == TargetAtRisk || s == TargetOffTrack }

// Severity orders the statuses a target can be judged by how far it is
// behind: 0 on track or achieved, 1 at risk, 2 off track. No data is 0:
// it is not judged, so it cannot get worse.
func (s TargetStatus) Severity() int {
	switch s {
	case TargetAtRisk:
		return 1
	case TargetOffTrack:
		return 2
	}
	return 0
}

// Progress returns how far the current value has come from the baseline to
// the target, as a share: 0 at the baseline, 1 at the target, above 1 past
// it and below 0 when worse than the baseline. It works the same way for a
// target that should decrease. When the baseline equals the target, progress
// is 1 if the value is at or better than the target and 0 otherwise.
func Progress(baseline, target, current float64, dir Direction) float64 {
	if target == baseline {
		if better(current, target, dir) || current == target {
			return 1
		}
		return 0
	}
	return (current - baseline) / (target - baseline)
}

// better reports whether a is strictly better than b in the given direction.
func better(a, b float64, dir Direction) bool {
	if dir == DirectionDecrease {
		return a < b
	}
	return a > b
}

// ElapsedShare returns the share of time gone from start to end on day d,
// clamped to 0..1. With no span (end not after start) it is 1 once d reaches end.
func ElapsedShare(start, end, d Date) float64 {
	if start.IsZero() || !end.After(start) {
		if d.Before(end) {
			return 0
		}
		return 1
	}
	share := float64(start.DaysUntil(d)) / float64(start.DaysUntil(end))
	return math.Max(0, math.Min(1, share))
}

// TargetReading is a target's position on a day: its latest measurement,
// progress, status and the reason in words.
type TargetReading struct {
	Status    TargetStatus
	Reason    string
	HasData   bool
	Current   float64
	CurrentOn Date
	Progress  float64 // share; meaningful only when HasData
	Expected  float64 // the value expected on the as-of day
	Short     string  // the reason without the value and date, for tight layouts
}

// Evaluate reads a target on day asOf from its measurements (any order;
// measurements after asOf are ignored). No measurement is "no data", never 0%.
func Evaluate(t Target, ms []Measurement, asOf Date) TargetReading {
	latest, ok := LatestMeasurement(ms, asOf)
	unit := func(v float64) string { return FormatValue(v, t.Unit) }
	if t.BaselineValue == nil {
		r := TargetReading{Status: TargetNoData, Reason: fmt.Sprintf("%s has no baseline, so progress cannot be judged", t.Name), Short: "no baseline recorded"}
		if ok {
			r.HasData, r.Current, r.CurrentOn = true, latest.Value, latest.Date
			r.Reason = fmt.Sprintf("%s %s on %s, but no baseline is recorded to judge progress", t.Name, unit(latest.Value), latest.Date)
			r.Short = "no baseline recorded"
		}
		return r
	}
	base := *t.BaselineValue
	if !ok {
		return TargetReading{Status: TargetNoData, Reason: fmt.Sprintf("%s has no measurement yet; baseline %s on the way to %s by %s", t.Name, unit(base), unit(t.TargetValue), t.TargetDate),
			Short: "no measurement yet"}
	}
	r := TargetReading{HasData: true, Current: latest.Value, CurrentOn: latest.Date}
	r.Progress = Progress(base, t.TargetValue, latest.Value, t.Direction)
	r.Expected = base + ElapsedShare(t.BaselineDate, t.TargetDate, asOf)*(t.TargetValue-base)
	// shortfall is how far the value lags the expected path, in the target's unit.
	shortfall := r.Expected - latest.Value
	if t.Direction == DirectionDecrease {
		shortfall = -shortfall
	}
	now := fmt.Sprintf("%s %s on %s", t.Name, unit(latest.Value), latest.Date)
	switch {
	case r.Progress >= 1:
		r.Status = TargetAchieved
		r.Reason = fmt.Sprintf("%s has reached the target %s (due %s)", now, unit(t.TargetValue), t.TargetDate)
		r.Short = fmt.Sprintf("target %s reached on %s", unit(t.TargetValue), latest.Date)
		return r
	case shortfall <= 1e-9:
		r.Status = TargetOnTrack
	case shortfall <= t.AmberTolerance+1e-9:
		r.Status = TargetAtRisk
	default:
		r.Status = TargetOffTrack
	}
	if !asOf.Before(t.TargetDate) {
		r.Reason = fmt.Sprintf("%s; the target %s was due %s", now, unit(t.TargetValue), t.TargetDate)
		r.Short = fmt.Sprintf("target %s was due %s", unit(t.TargetValue), t.TargetDate)
		return r
	}
	// The day judged is named: the agenda of a coming meeting judges as of
	// the meeting, the dashboard as of today.
	plan, goal, due := unit(roundTo(r.Expected, 2))+" by "+asOf.String(), unit(t.TargetValue), t.TargetDate.String()
	r.Reason = now + "; the plan is " + plan + ", on the way from " + unit(base) + " to " + goal + " by " + due
	r.Short = "plan " + plan + "; target " + goal + " by " + due
	return r
}

// LatestMeasurement returns the most recent measurement on or before asOf.
func LatestMeasurement(ms []Measurement, asOf Date) (Measurement, bool) {
	return latestWhere(ms, func(m *Measurement) bool { return !m.Date.After(asOf) })
}

// latestWhere returns the most recent of the measurements that keep holds
// for: the latest day, and of one day the last recorded.
func latestWhere(ms []Measurement, keep func(*Measurement) bool) (Measurement, bool) {
	best := -1
	for i := range ms {
		m := &ms[i]
		if !keep(m) {
			continue
		}
		if best < 0 || m.Date.After(ms[best].Date) || (m.Date == ms[best].Date && m.ID > ms[best].ID) {
			best = i
		}
	}
	if best < 0 {
		return Measurement{}, false
	}
	return ms[best], true
}

func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}
