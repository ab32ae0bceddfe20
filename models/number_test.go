package models

import (
	"strings"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		text    string
		decimal rune
		want    float64
		problem string // "" when it reads
	}{
		{"3.55", '.', 3.55, ""},
		{"1,234.5", '.', 1234.5, ""},
		{"1,234,567", '.', 1234567, ""},
		{"-12", '.', -12, ""},
		{"1 234.5", '.', 1234.5, ""},
		{"3,55", '.', 0, "ambiguous: write decimals with a point (3.55)"},
		{"1,23,4", '.', 0, "ambiguous"},
		{"3,55", ',', 3.55, ""},
		{"1.234,5", ',', 1234.5, ""},
		{"1 234,5", ',', 1234.5, ""},
		{"3.55", ',', 0, "ambiguous: write decimals with a comma (3,55)"},
		{"abc", '.', 0, "is not a number"},
		{"NaN", '.', 0, "is not a number"},
	}
	for _, tc := range tests {
		got, err := ParseDecimal(tc.text, tc.decimal)
		switch {
		case tc.problem == "" && (err != nil || got != tc.want):
			t.Errorf("ParseDecimal(%q, %q) = %v, %v; want %v", tc.text, tc.decimal, got, err, tc.want)
		case tc.problem != "" && (err == nil || !strings.Contains(err.Error(), tc.problem)):
			t.Errorf("ParseDecimal(%q, %q) error %v; want one saying %q", tc.text, tc.decimal, err, tc.problem)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	if got := FormatDecimal(3.5, ','); got != "3,5" {
		t.Errorf("FormatDecimal(3.5, ',') = %q", got)
	}
	if got := FormatDecimal(1234.25, '.'); got != "1234.25" {
		t.Errorf("FormatDecimal(1234.25, '.') = %q", got)
	}
}

func TestFormatGrouped(t *testing.T) {
	tests := []struct {
		v       float64
		decimal rune
		want    string
	}{
		{1250000, '.', "1,250,000"}, {1250000.5, ',', "1.250.000,5"}, {999, '.', "999"}, {-12345.25, '.', "-12,345.25"}, {0, '.', "0"},
	}
	for _, tc := range tests {
		if got := FormatGrouped(tc.v, tc.decimal); got != tc.want {
			t.Errorf("FormatGrouped(%v, %q) = %q, want %q", tc.v, tc.decimal, got, tc.want)
		}
	}
}
