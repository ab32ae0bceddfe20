package papers

import (
	"fmt"
	"strings"

	"cxcommittee/app"
	"cxcommittee/models"
)

// dueText is an action's due date, with the first one beside a revised one.
func dueText(a models.ActionItem) string {
	if a.RevisedDueDate.IsZero() {
		return a.OriginalDueDate.String()
	}
	return fmt.Sprintf("%s (first due %s)", a.RevisedDueDate, a.OriginalDueDate)
}

// carriedText says how often an action was carried over.
func carriedText(n int) string {
	switch n {
	case 0:
		return "no"
	case 1:
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// attendanceText says how a member took part, naming a proxy.
func attendanceText(a app.AttendanceLine) string {
	if a.Status == models.AttendanceProxy {
		return "by proxy: " + models.OrDash(a.Proxy) + " stood in"
	}
	return string(a.Status)
}

// votesText writes a decision's votes, or that none were counted.
func votesText(d models.Decision) string {
	var parts []string
	for _, v := range []struct {
		n    *int
		what string
	}{{d.VotesFor, "for"}, {d.VotesAgainst, "against"}, {d.VotesAbstain, "abstained"}} {
		if v.n != nil {
			parts = append(parts, fmt.Sprintf("%d %s", *v.n, v.what))
		}
	}
	if len(parts) == 0 {
		return "no vote counted"
	}
	return strings.Join(parts, ", ")
}

// healthRGB is the colour of a health rating; the rating is always in
// words beside it.
func healthRGB(h models.Health) [3]uint8 {
	switch h {
	case models.HealthGreen:
		return [3]uint8{46, 139, 87}
	case models.HealthAmber:
		return [3]uint8{230, 160, 20}
	case models.HealthRed:
		return [3]uint8{200, 40, 40}
	}
	return [3]uint8{150, 150, 150}
}

// firstText is text, or otherwise when text is blank.
func firstText(text, otherwise string) string {
	if strings.TrimSpace(text) == "" {
		return otherwise
	}
	return text
}
