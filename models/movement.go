package models

import "sort"

// TargetMovement is how a target's reading moved since an earlier day
// (the previous meeting): the reading then and now, and whether that is
// better or worse in the target's direction.
type TargetMovement struct {
	Then, Now       float64
	HasThen, HasNow bool
	Trend           Trend // TrendNone when either reading is missing
}

// MovementSince compares the latest reading on or before since with the
// latest on or before asOf.
func MovementSince(dir Direction, ms []Measurement, since, asOf Date) TargetMovement {
	var mv TargetMovement
	if then, ok := LatestMeasurement(ms, since); ok && !since.IsZero() {
		mv.Then, mv.HasThen = then.Value, true
	}
	if now, ok := LatestMeasurement(ms, asOf); ok {
		mv.Now, mv.HasNow = now.Value, true
	}
	if mv.HasThen && mv.HasNow {
		mv.Trend = Compare(dir, mv.Then, mv.Now)
	}
	return mv
}

// Compare says whether now is better, worse or the same as then, for a
// target running in direction dir.
func Compare(dir Direction, then, now float64) Trend {
	switch {
	case better(now, then, dir):
		return TrendBetter
	case better(then, now, dir):
		return TrendWorse
	}
	return TrendSame
}

// Recent returns the values of the last n readings on or before asOf,
// oldest first.
func Recent(ms []Measurement, asOf Date, n int) []float64 {
	var upTo []Measurement
	for _, m := range ms {
		if !m.Date.After(asOf) {
			upTo = append(upTo, m)
		}
	}
	sort.SliceStable(upTo, func(i, j int) bool {
		return upTo[i].Date.Before(upTo[j].Date) || (upTo[i].Date == upTo[j].Date && upTo[i].ID < upTo[j].ID)
	})
	if len(upTo) > n {
		upTo = upTo[len(upTo)-n:]
	}
	out := make([]float64, len(upTo))
	for i, m := range upTo {
		out[i] = m.Value
	}
	return out
}
