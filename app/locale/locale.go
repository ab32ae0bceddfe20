// Package locale replaces the C (POSIX) locale with English before the
// user-interface toolkit reads it. Fyne cannot parse "C" as a language and
// logs three error lines at start-up, which would break the command line's
// promise of one line on stderr. Blank-import it first thing in main: Go
// initializes it before any fyne.io package (it needs nothing but os).
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
