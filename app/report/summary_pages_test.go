package report

import (
	"slices"
	"testing"
)

// TestPageBreaksKeepBlocksWhole: a page breaks where it is full, except
// inside a block kept together, which then starts the next page whole.
func TestPageBreaksKeepBlocksWhole(t *testing.T) {
	rows := func(n int) []float64 { // n rows of 10 points
		h := make([]float64, n)
		for i := range h {
			h[i] = 10
		}
		return h
	}
	tests := []struct {
		name     string
		heights  []float64
		room     float64
		together [][2]int
		want     []int
	}{
		{"fits on one page", rows(5), 50, nil, nil},
		{"full pages break where they are full", rows(12), 50, nil, []int{6, 11}},
		{"a block cut by the page starts the next one", rows(12), 50, [][2]int{{4, 7}}, []int{4, 9}},
		{"a block that fits is left alone", rows(12), 50, [][2]int{{2, 5}}, []int{6, 11}},
		{"a block at the top of its page cannot move", rows(12), 30, [][2]int{{1, 5}}, []int{4, 7, 10}},
		{"after a moved block, pages count from it", rows(20), 50, [][2]int{{4, 7}, {12, 14}}, []int{4, 9, 12, 17}},
		{"of two blocks cut, the one starting first moves", rows(12), 80, [][2]int{{6, 9}, {5, 10}}, []int{5}},
		{"a block taller than a page is cut where it must be", rows(12), 50, [][2]int{{3, 9}}, []int{3, 8}},
		{"a break that would cut the block beside moves above it too", rows(12), 80, [][2]int{{3, 6}, {5, 9}}, []int{3, 11}},
		{"a block that cannot share a page with the row stays", []float64{10, 10, 10, 40}, 40, [][2]int{{2, 4}}, []int{4}},
		{"a tall row", []float64{10, 10, 40, 10}, 50, [][2]int{{2, 3}}, []int{2, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageBreaks(tt.heights, tt.room, tt.together); !slices.Equal(got, tt.want) {
				t.Errorf("breaks before rows %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSummaryScaleFitsTheWidth: the Summary's columns fit a landscape A4
// page at about two thirds of their size: readable, and not so small that
// the page breaks come far too late.
func TestSummaryScaleFitsTheWidth(t *testing.T) {
	if scale := summaryScale(); scale < 0.6 || scale > 0.75 {
		t.Errorf("the Summary prints at %.0f%%: too small to read, or too large for its columns", scale*100)
	}
}
