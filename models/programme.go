package models

import (
	"fmt"
	"strings"
)

// ProgrammeHealthRule is the rule ProgrammeHealth applies, in words, as
// the report prints it beneath the overall health.
const ProgrammeHealthRule = "Red when a quarter or more of the open initiatives are red, or half or more of the measured targets are off track. " +
	"Amber when any initiative is red, any target is off track, or more than a quarter of the governance checks fail. Green otherwise. " +
	"Readings outside a target's scale are left out."

// Movement says how overall health moved from then to now, with an arrow
// that reads in print: "↑ better", "↓ worse" or "→ unchanged".
func Movement(then, now Health) string {
	rank := map[Health]int{HealthRed: 0, HealthAmber: 1, HealthGreen: 2}
	switch {
	case rank[now] > rank[then]:
		return "↑ better"
	case rank[now] < rank[then]:
		return "↓ worse"
	}
	return "→ unchanged"
}

// ProgrammeHealth rates the whole programme for executives with a one-line
// reason: red when a quarter or more of the open initiatives are red or half
// or more of the measured targets are off track; amber when any initiative is
// red, any target is off track or more than a quarter of the governance
// checks fail; green otherwise.
func ProgrammeHealth(byHealth map[Health]int, targets []TargetStatus, checks []Check) (Health, string) {
	open := byHealth[HealthGreen] + byHealth[HealthAmber] + byHealth[HealthRed]
	red := byHealth[HealthRed]
	measured, off := 0, 0
	for _, s := range targets {
		if s != TargetNoData {
			measured++
		}
		if s == TargetOffTrack {
			off++
		}
	}
	failed := 0
	for _, c := range checks {
		if !c.Passed {
			failed++
		}
	}
	parts := []string{
		OfTotal(red, open, "open initiative", "open initiatives") + " red",
		OfTotal(off, measured, "measured target", "measured targets") + " off track",
		OfTotal(failed, len(checks), "governance check", "governance checks") + " failing",
	}
	reason := strings.Join(parts, "; ")
	switch {
	case (open > 0 && red*4 >= open) || (measured > 0 && off*2 >= measured):
		return HealthRed, reason
	case red > 0 || off > 0 || failed*4 > len(checks):
		return HealthAmber, reason
	}
	return HealthGreen, reason
}

// Trend says whether a target's latest measurement is better, worse or the
// same as the one before, in the target's direction.
type Trend string

// Trends, with an arrow and a word so they read in print.
const (
	TrendBetter Trend = "↑ better"
	TrendWorse  Trend = "↓ worse"
	TrendSame   Trend = "→ same"
	TrendNone   Trend = ""
)

// TrendOf compares the latest two measurements on or before asOf.
func TrendOf(dir Direction, ms []Measurement, asOf Date) Trend {
	latest, ok := LatestMeasurement(ms, asOf)
	if !ok {
		return TrendNone
	}
	prev, ok := latestWhere(ms, func(m *Measurement) bool {
		return m.Date.Before(latest.Date) || (m.Date == latest.Date && m.ID < latest.ID)
	})
	switch {
	case !ok:
		return TrendNone
	case better(latest.Value, prev.Value, dir):
		return TrendBetter
	case better(prev.Value, latest.Value, dir):
		return TrendWorse
	}
	return TrendSame
}

// Win is a finished initiative whose linked target improved while it ran.
type Win struct {
	Initiative string
	Target     string
	From, To   float64
	Unit       string
	FinishedOn Date
}

// String describes the win in words.
func (w Win) String() string {
	return fmt.Sprintf("%s (done %s): %s %s → %s", w.Initiative, w.FinishedOn, w.Target, FormatValue(w.From, w.Unit), FormatValue(w.To, w.Unit))
}

// Wins lists the done initiatives whose linked targets are better now than
// when the initiative started (the baseline when nothing was measured then).
func Wins(inis []Initiative, finished map[uint]Date, targets map[uint]Target, ms map[uint][]Measurement, asOf Date) []Win {
	var out []Win
	for _, i := range inis {
		if i.Status != InitiativeDone {
			continue
		}
		for _, link := range i.Targets {
			t, ok := targets[link.ID]
			if !ok {
				continue
			}
			now, ok := LatestMeasurement(ms[t.ID], asOf)
			if !ok {
				continue
			}
			var from float64
			if then, ok := LatestMeasurement(ms[t.ID], i.StartDate); ok && !i.StartDate.IsZero() {
				from = then.Value
			} else if t.BaselineValue != nil {
				from = *t.BaselineValue
			} else {
				continue
			}
			if better(now.Value, from, t.Direction) {
				out = append(out, Win{Initiative: i.Title, Target: t.Name, From: from, To: now.Value, Unit: t.Unit, FinishedOn: finished[i.ID]})
			}
		}
	}
	return out
}
