package models

import (
	"strings"
	"testing"
)

// A date that is not one says what is wrong with it in words: a day or
// month the calendar does not have, or the form expected.
func TestParseDateSaysWhatIsWrong(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2026-02-30", `"2026-02-30" is not a date: February 2026 has days 01 to 28 (YYYY-MM-DD)`},
		{"2026- 2-30", "is not a date in the form YYYY-MM-DD"},
		{"2028-02-30", "February 2028 has days 01 to 29"},
		{"2026-11-31", "November 2026 has days 01 to 30"},
		{"2026-12-00", "December 2026 has days 01 to 31"},
		{"2026-13-01", "a year has months 01 to 12"},
		{"2026-00-10", "a year has months 01 to 12"},
		{"01/01/2027", "is not a date in the form YYYY-MM-DD"},
		{"2026-1-5", "is not a date in the form YYYY-MM-DD"},
		{"2026-02-3x", "is not a date in the form YYYY-MM-DD"},
		{"0999-01-01", "with a year from 1000 on"},
	}
	for _, tc := range cases {
		_, err := ParseDate(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseDate(%q) = %v, want an error saying %q", tc.in, err, tc.want)
		}
	}
	if d, err := ParseDate("2028-02-29"); err != nil || d.String() != "2028-02-29" {
		t.Errorf("a leap day reads as %v, %v", d, err)
	}
}

// TestDaysUntil counts calendar days, across months, years and 1970, and
// counts none to or from a date that is not set or not a date (an action
// whose due date cannot be read is not "739,942 days overdue").
func TestDaysUntil(t *testing.T) {
	tests := []struct {
		from, to Date
		want     int
	}{
		{MustDate("2026-11-23"), MustDate("2026-12-03"), 10},
		{MustDate("2026-12-03"), MustDate("2026-11-23"), -10},
		{MustDate("2024-02-28"), MustDate("2024-03-01"), 2},
		{MustDate("1969-12-31"), MustDate("1970-01-02"), 2},
		{MustDate("2025-12-31"), MustDate("2026-12-31"), 365},
		{Date{}, MustDate("2026-11-23"), 0},
		{InvalidDate("23/11/2026"), MustDate("2026-11-23"), 0},
		{MustDate("2026-11-23"), Date{}, 0},
	}
	for _, tt := range tests {
		if got := tt.from.DaysUntil(tt.to); got != tt.want {
			t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}
