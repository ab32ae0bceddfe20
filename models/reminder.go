package models

import (
	"net/url"
	"strings"
)

// Reminder is what one owner is reminded of: their overdue actions and the
// initiatives they own whose status is stale.
type Reminder struct {
	Owner, Email string
	Overdue      []string // one line per overdue action
	Stale        []string // one line per stale initiative
}

// Subject is the reminder e-mail's subject line.
func (r Reminder) Subject() string { return "CX committee: " + r.Summary() }

// Summary says in a few words what the owner is reminded of.
func (r Reminder) Summary() string {
	var parts []string
	if len(r.Overdue) > 0 {
		parts = append(parts, Count(len(r.Overdue), "overdue action", "overdue actions"))
	}
	if len(r.Stale) > 0 {
		parts = append(parts, Count(len(r.Stale), "initiative needs", "initiatives need")+" an update")
	}
	return strings.Join(parts, " and ")
}

// Body is the reminder e-mail's text: the owner's lists and what to do.
func (r Reminder) Body() string {
	var b strings.Builder
	b.WriteString("Hello " + firstName(r.Owner) + ",\n\n")
	if len(r.Overdue) > 0 {
		b.WriteString("These actions you own are past their due date:\n")
		for _, l := range r.Overdue {
			b.WriteString("- " + l + "\n")
		}
		b.WriteString("\n")
	}
	if len(r.Stale) > 0 {
		b.WriteString("These initiatives you own have had no status update for a while:\n")
		for _, l := range r.Stale {
			b.WriteString("- " + l + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("Please send an update, or a revised date, before the next committee meeting.\n")
	return b.String()
}

// Mailto is the mailto: link that opens the reminder in the user's mail
// program, addressed to the owner (RFC 6068: spaces as %20, not +).
func (r Reminder) Mailto() string {
	q := "subject=" + escape(r.Subject()) + "&body=" + escape(r.Body())
	return "mailto:" + url.PathEscape(r.Email) + "?" + q
}

func escape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return "there"
}
