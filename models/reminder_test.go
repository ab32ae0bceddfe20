package models

import (
	"net/url"
	"strings"
	"testing"
)

func TestReminderMailtoOpensAWholeMessage(t *testing.T) {
	tests := []struct {
		name        string
		r           Reminder
		wantSubject string
		wantInBody  []string
	}{
		{"one overdue action", Reminder{Owner: "Mei Lin", Email: "mei.lin@example.org", Overdue: []string{"Add complaint codes to the CRM (due 2026-10-01, 53 days overdue)"}},
			"CX committee: 1 overdue action", []string{"Hello Mei,", "- Add complaint codes to the CRM (due 2026-10-01, 53 days overdue)"}},
		{"actions and stale initiatives", Reminder{Owner: "Oliver Grant", Email: "o.grant+cx@example.org", Overdue: []string{"a", "b"}, Stale: []string{"Bill shock alerts & SMS"}},
			"CX committee: 2 overdue actions and 1 initiative needs an update", []string{"past their due date", "- Bill shock alerts & SMS", "no status update"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(tc.r.Mailto())
			if err != nil {
				t.Fatal(err)
			}
			if u.Scheme != "mailto" || u.Opaque != url.QueryEscape(tc.r.Email) && u.Opaque != tc.r.Email {
				t.Errorf("addressed to %q (scheme %q), want %s", u.Opaque, u.Scheme, tc.r.Email)
			}
			if strings.Contains(u.RawQuery, "+") {
				t.Errorf("spaces written as + in %q: mail programs show them as plus signs", u.RawQuery)
			}
			q := u.Query()
			if q.Get("subject") != tc.wantSubject {
				t.Errorf("subject %q, want %q", q.Get("subject"), tc.wantSubject)
			}
			for _, w := range tc.wantInBody {
				if !strings.Contains(q.Get("body"), w) {
					t.Errorf("body lacks %q:\n%s", w, q.Get("body"))
				}
			}
		})
	}
}
