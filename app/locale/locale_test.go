package locale

import "testing"

func TestIsPOSIX(t *testing.T) {
	tests := map[string]bool{"C": true, "C.UTF-8": true, "POSIX": true, "": false, "en_GB.UTF-8": false, "de_DE": false, "Ca_ES": false}
	for v, want := range tests {
		if got := isPOSIX(v); got != want {
			t.Errorf("isPOSIX(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestDecimalMark(t *testing.T) {
	tests := map[string]rune{"de": ',', "de-DE": ',', "fr_CA": ',', "pt-BR": ',', "en": '.', "en-GB": '.', "ja": '.', "": '.'}
	for lang, want := range tests {
		if got := DecimalMark(lang); got != want {
			t.Errorf("DecimalMark(%q) = %q, want %q", lang, got, want)
		}
	}
}
