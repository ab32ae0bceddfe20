package report

import (
	"testing"

	"cxcommittee/models"
)

// TestTrendArrowsFollowTheValue: on the Targets sheet, as on the Summary,
// the arrow says where the value went and the word whether that is good.
func TestTrendArrowsFollowTheValue(t *testing.T) {
	tests := []struct {
		trend models.Trend
		dir   models.Direction
		want  string
	}{
		{models.TrendBetter, models.DirectionIncrease, "↑ better"},
		{models.TrendBetter, models.DirectionDecrease, "↓ better"},
		{models.TrendWorse, models.DirectionIncrease, "↓ worse"},
		{models.TrendWorse, models.DirectionDecrease, "↑ worse"},
		{models.TrendSame, models.DirectionDecrease, "→ same"},
		{models.TrendNone, models.DirectionIncrease, ""},
	}
	for _, tt := range tests {
		if got := trendText(tt.trend, tt.dir); got != tt.want {
			t.Errorf("%q on a target to %s: %q, want %q", tt.trend, tt.dir, got, tt.want)
		}
	}
}
