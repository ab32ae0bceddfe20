package app

import (
	"fmt"
	"slices"
	"testing"

	"cxcommittee/models"
)

// rowsOf builds scorecard rows in hierarchy order, one per status given.
func rowsOf(statuses ...models.TargetStatus) []TargetRow {
	rows := make([]TargetRow, len(statuses))
	for i, st := range statuses {
		rows[i] = TargetRow{Target: models.Target{Record: models.Record{ID: uint(i + 1)}, Name: fmt.Sprint("T", i+1)},
			Reading: models.TargetReading{Status: st}}
	}
	return rows
}

// A scorecard shows every target up to KeyTargets; past that, the ones off
// track or at risk come in before those on track, and all stay in
// hierarchy order.
func TestKeyTargetsShowWhatNeedsTheReadersEye(t *testing.T) {
	on, off, risk, none := models.TargetOnTrack, models.TargetOffTrack, models.TargetAtRisk, models.TargetNoData
	many := func(n int, st models.TargetStatus) []models.TargetStatus {
		return slices.Repeat([]models.TargetStatus{st}, n)
	}
	cases := []struct {
		name     string
		statuses []models.TargetStatus
		want     []uint
	}{
		{"a few, all shown as they are", []models.TargetStatus{off, on, risk}, []uint{1, 2, 3}},
		{"exactly twelve", many(12, on), []uint{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{"off track ones after twelve on track", append(many(12, on), off, risk),
			[]uint{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14}},
		{"off track before at risk before no data", append(append(many(10, on), none, risk), many(12, off)...),
			[]uint{13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}},
		{"at risk and no data fill what off track leaves", append(append(many(11, on), none, none), risk, off),
			[]uint{1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(KeyTargetRows(rowsOf(tc.statuses...)), func(r TargetRow) uint { return r.Target.ID }); !slices.Equal(got, tc.want) {
				t.Errorf("key targets %v, want %v", got, tc.want)
			}
		})
	}
}
