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
