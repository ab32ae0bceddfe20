package views

import (
	"strconv"

	"cxcommittee/models"
)

func itoa(n int) string { return strconv.Itoa(n) }

// yesOrBlank writes a set flag as "yes" and leaves an unset one blank.
func yesOrBlank(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// dateLess orders dates with unset ones last.
func dateLess(a, b models.Date) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	return a.Before(b)
}
