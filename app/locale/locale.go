// Package locale reads what the user's locale means for the app: the mark
// decimals are written with (DecimalMark). It also replaces the C (POSIX)
// locale with English before the user-interface toolkit reads it. Fyne
// cannot parse "C" as a language and logs three error lines at start-up,
// which would break the command line's promise of one line on stderr.
// Blank-import it first thing in main: Go initializes it before any
// fyne.io package (it needs nothing but the standard library).
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if isPOSIX(os.Getenv(name)) {
			os.Setenv(name, "en_US.UTF-8")
		}
	}
}

// isPOSIX reports whether a locale value names the C or POSIX locale.
func isPOSIX(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}

// commaLanguages write decimals with a comma ("3,55"): most of continental
// Europe, Latin America, Russia, Turkey, Indonesia, Vietnam, South Africa.
var commaLanguages = map[string]bool{
	"af": true, "bg": true, "ca": true, "cs": true, "da": true, "de": true, "el": true, "es": true,
	"et": true, "eu": true, "fi": true, "fr": true, "gl": true, "hr": true, "hu": true, "id": true,
	"is": true, "it": true, "lt": true, "lv": true, "nb": true, "nl": true, "nn": true, "no": true,
	"pl": true, "pt": true, "ro": true, "ru": true, "sk": true, "sl": true, "sr": true, "sv": true,
	"tr": true, "uk": true, "vi": true,
}

// DecimalMark is the mark a language writes decimals with: ',' for
// "de", "fr-CA" or "pt_BR", '.' otherwise (English, Chinese, Japanese…).
func DecimalMark(language string) rune {
	base, _, _ := strings.Cut(strings.ReplaceAll(language, "_", "-"), "-")
	if commaLanguages[strings.ToLower(base)] {
		return ','
	}
	return '.'
}
