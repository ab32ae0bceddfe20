package models

import "testing"

func TestNameList(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B"}, "A and B"},
		{[]string{"A", "B", "C"}, "A, B and C"},
		{[]string{"A", "B", "C", "D", "E", "F", "G"}, "A, B, C, D, E and 2 more"},
	}
	for _, tt := range tests {
		if got := NameList(tt.in); got != tt.want {
			t.Errorf("NameList(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountPhrasesAgree(t *testing.T) {
	tests := map[string]string{
		OfTotal(1, 16, "record", "records"):                                               "1 of 16 records",
		OfTotal(1, 1, "record", "records"):                                                "1 of 1 record",
		EveryOne(1, "department", "departments"):                                          "the one department",
		EveryOne(3, "department", "departments"):                                          "all 3 departments",
		AttendanceApologies.Count(1):                                                      "1 apology",
		AttendanceApologies.Count(2):                                                      "2 apologies",
		AttendanceProxy.Count(2):                                                          "2 proxies",
		AttendancePresent.Count(1):                                                        "1 present",
		Count(1, "update", "updates"):                                                     "1 update",
		Count(3335, "initiative", "initiatives"):                                          "3,335 initiatives",
		OfTotal(1000, 50000, "record", "records"):                                         "1,000 of 50,000 records",
		NameList([]string{"a", "b", "c", "d", "e", "f", "g"}[:6]) + "|" + Whole(-1234567): "a, b, c, d, e and 1 more|-1,234,567",
		Whole(999): "999",
	}
	for got, want := range tests {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestWithoutUnit(t *testing.T) {
	cases := []struct{ text, unit, want string }{
		{"81.2%", "%", "81.2"},
		{" 81.2 % ", "%", "81.2"},
		{"81.2", "%", "81.2"},
		{"€37.03", "€", "37.03"},
		{"-€5", "€", "-5"},
		{"8.25 minutes", "minutes", "8.25"},
		{"%", "%", "%"},
		{"81.2%", "", "81.2%"},
		{"81.2 points", "minutes", "81.2 points"},
	}
	for _, tc := range cases {
		if got := WithoutUnit(tc.text, tc.unit); got != tc.want {
			t.Errorf("WithoutUnit(%q, %q) = %q, want %q", tc.text, tc.unit, got, tc.want)
		}
	}
}

// History entries garbled by an earlier version read as the number they
// hold; others read as stored.
func TestHistoryReadsGarbledNumbers(t *testing.T) {
	cases := []struct{ old, new, want string }{
		{"{0x5b9851d3a00 <nil> {} <*models.Initiative Value> context.Background <nil> 99000}",
			"{0x5b9851d3a00 <nil> {} <*models.Initiative Value> context.Background <nil> 100000}", "budget: 99000 → 100000"},
		{"{0x36a18d8b400 <nil> {} <*models.Target Value> context.Background <nil> <nil>}",
			"{0x36a18d8b400 <nil> {} <*models.Target Value> context.Background <nil> 0xc000123456}", "budget: (none) → (not recorded)"},
		{"99000", "100000", "budget: 99000 → 100000"},
		{"{a set of braces}", "", "budget: {a set of braces} → (none)"},
	}
	for _, tc := range cases {
		h := HistoryEntry{Field: "budget", Old: tc.old, New: tc.new}
		if got := h.What(); got != tc.want {
			t.Errorf("What() = %q, want %q", got, tc.want)
		}
	}
}

// Values shown together line up: as many decimals as the most precise
// needs, two at most.
func TestDecimalsAndFormatValueTo(t *testing.T) {
	for _, c := range []struct {
		values []float64
		want   int
	}{
		{[]float64{35, 37.93, 36.93}, 2}, {[]float64{5, 6.8}, 1}, {[]float64{42, 18, 0}, 0},
		{[]float64{8.254}, 2}, {[]float64{-0.1, 3}, 1}, {nil, 0}, {[]float64{1e9 + 0.5}, 1},
	} {
		if got := Decimals(c.values...); got != c.want {
			t.Errorf("Decimals(%v) = %d, want %d", c.values, got, c.want)
		}
	}
	for _, c := range []struct {
		v        float64
		unit     string
		decimals int
		want     string
	}{
		{5, "%", 2, "5.00%"}, {35, "€", 2, "€35.00"}, {-5, "€", 1, "-€5.0"}, {8.2, "minutes", 2, "8.20 minutes"},
		{27.5, "", 0, "28"}, {-0.001, "%", 2, "0.00%"},
	} {
		if got := FormatValueTo(c.v, c.unit, c.decimals); got != c.want {
			t.Errorf("FormatValueTo(%v, %q, %d) = %q, want %q", c.v, c.unit, c.decimals, got, c.want)
		}
	}
}
