package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

// demoCommittee loads the sample committee as of 2026-11-23 into a new
// database: meetings 1 and 2 approved, 3 held on 2026-10-28, 4 planned on
// 2026-12-02.
func demoCommittee(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "committee.db")
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	return dir, db
}

// pdfText writes a meeting's papers and returns their text in drawing
// order with runs of white space as one space, read by pdftotext (from
// poppler-utils, which make test installs).
func pdfText(t *testing.T, db, meeting, out string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CXCOMMITTEE_REQUIRE_SOFFICE") != "" {
			t.Fatal("pdftotext is not installed; make test installs poppler-utils")
		}
		t.Skip("pdftotext is not installed")
	}
	stdout, stderr, code := cli(t, "papers", "--db", db, "--meeting", meeting, "-o", out, "--as-of", "2026-11-23")
	if code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("papers: exit %d %q %q", code, stdout, stderr)
	}
	text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(text)), " ")
}

func wantAll(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("the papers lack %q:\n%s", w, text)
		}
	}
}

func TestPapersOfTheHeldMeetingAreItsMinutes(t *testing.T) {
	dir, db := demoCommittee(t)
	text := pdfText(t, db, "2026-10-28", filepath.Join(dir, "minutes.pdf"))
	wantAll(t, text,
		"Minutes: CX Committee – October 2026", "Draft minutes — not yet approved",
		// attendance, the proxy named, and the quorum with its reason
		"Claire Donovan Customer Experience present", "Tom Becker Sales by proxy: Oliver Grant stood in",
		"Aisha Mensah Marketing apologies", "Hannah Weber HR absent",
		"Quorum: quorum met: 8 of 11 departments represented",
		// agenda items with their status, decisions with rationale and votes
		"Payment plans: regulator guidance changed open",
		"Launch payment plans only once the new regulator guidance is met The changed guidance makes the earlier plan non-compliant. approved James Carter",
		"Fund a second chatbot hand-over sprint",
		// actions taken there, and carried there for review, with owners
		"Draft the payment-plan policy with Legal James Carter 2026-11-14 open taken at this meeting",
		"Add complaint codes to the CRM Mei Lin 2026-11-21 (first due 2026-10-04) open carried here for review",
		"Page 1 of 2")
	approved := pdfText(t, db, "1", filepath.Join(dir, "approved.pdf"))
	wantAll(t, approved, "Minutes approved", "Fund the bill shock alerts pilot for 10,000 customers", "8 for, 1 against, 1 abstained")
}

func TestPapersOfThePlannedMeetingAreItsAgendaPack(t *testing.T) {
	dir, db := demoCommittee(t)
	text := pdfText(t, db, "4", filepath.Join(dir, "pack.pdf"))
	wantAll(t, text,
		"Agenda pack: CX Committee – December 2026",
		"1 Welcome, apologies and minutes of the last meeting",
		"2 Bill shock alerts is red: recovery plan Lukas Novak red:",
		"4 Legal has no representative on the committee Martin Frost no active representative with decision authority",
		"Matters arising not yet on the agenda",
		"Programme summary as of 2026-11-23", "Overall health: red",
		"Overdue actions (4)",
		"Book customer-first training for every team manager Hannah Weber 2026-11-18 (first due 2026-10-14) 5 days once")
	if strings.Contains(text, "Attendance") {
		t.Error("an agenda pack carries no attendance")
	}
}

func TestPapersAndInviteErrors(t *testing.T) {
	dir, db := demoCommittee(t)
	pdf := filepath.Join(dir, "p.pdf")
	notes := filepath.Join(dir, "notes.pdf")
	os.WriteFile(notes, []byte("my notes"), 0o644)
	oddDB := filepath.Join(dir, "committee.pdf")
	if _, e, code := cli(t, "demo", "--db", oddDB); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions string
	}{
		{"unknown meeting id", []string{"papers", "--db", db, "--meeting", "99", "-o", pdf}, 1, "there is no meeting with id 99"},
		{"no meeting that day", []string{"papers", "--db", db, "--meeting", "2026-01-01", "-o", pdf}, 1, "there is no meeting on 2026-01-01"},
		{"not an id or date", []string{"papers", "--db", db, "--meeting", "next", "-o", pdf}, 1, "give its id or its date"},
		{"no meeting named", []string{"papers", "--db", db, "-o", pdf}, 2, "papers needs --meeting ID-OR-DATE"},
		{"no output", []string{"papers", "--db", db, "--meeting", "3"}, 2, "papers needs -o FILE.pdf"},
		{"unknown flag", []string{"papers", "--db", db, "--meeting", "3", "-o", pdf, "--colour"}, 2, "colour"},
		{"bad as-of", []string{"papers", "--db", db, "--meeting", "3", "-o", pdf, "--as-of", "28/10/2026"}, 2, "YYYY-MM-DD"},
		{"over the database", []string{"papers", "--db", db, "--meeting", "3", "-o", db}, 1, "must end in .pdf"},
		{"over a database named .pdf", []string{"papers", "--db", oddDB, "--meeting", "3", "-o", oddDB}, 1, "the committee database itself"},
		{"over another file", []string{"papers", "--db", db, "--meeting", "3", "-o", notes}, 1, "is not a PDF"},
		{"missing folder", []string{"papers", "--db", db, "--meeting", "3", "-o", filepath.Join(dir, "no", "p.pdf")}, 1, "does not exist"},
		{"missing database", []string{"papers", "--db", filepath.Join(dir, "typo.db"), "--meeting", "3", "-o", pdf}, 1, "there is no database at"},
		{"invite: unknown meeting", []string{"invite", "--db", db, "--meeting", "2030-01-01", "-o", filepath.Join(dir, "m.ics")}, 1, "there is no meeting on 2030-01-01"},
		{"invite: no output", []string{"invite", "--db", db, "--meeting", "4"}, 2, "invite needs -o FILE.ics"},
		{"invite: no as-of", []string{"invite", "--db", db, "--meeting", "4", "-o", filepath.Join(dir, "m.ics"), "--as-of", "2026-11-23"}, 2, "as-of"},
		{"invite: over the database", []string{"invite", "--db", db, "--meeting", "4", "-o", db}, 1, "must end in .ics"},
		{"invite: over a pdf", []string{"invite", "--db", db, "--meeting", "4", "-o", notes}, 1, "must end in .ics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := cli(t, tt.args...)
			wantOneLineError(t, errOut, code, tt.code, tt.mentions)
		})
	}
	if got, _ := os.ReadFile(notes); string(got) != "my notes" {
		t.Error("the papers replaced a file of another kind")
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("a failed command left papers behind")
	}
	if _, e, code := cli(t, "check", "--db", oddDB); code != 0 {
		t.Errorf("the database named .pdf no longer checks: %s", e)
	}
}

func TestInviteCommandWritesTheCommitteeInvitation(t *testing.T) {
	dir, db := demoCommittee(t)
	tests := []struct {
		meeting, day string
	}{
		{"4", "20261202"},
		{"2026-10-28", "20261028"},
	}
	for _, tt := range tests {
		t.Run(tt.meeting, func(t *testing.T) {
			out := filepath.Join(dir, "meeting-"+tt.meeting+".ics")
			for range 2 { // the second run replaces the first with the same file
				if stdout, e, code := cli(t, "invite", "--db", db, "--meeting", tt.meeting, "-o", out); code != 0 || !strings.Contains(stdout, out) {
					t.Fatalf("invite: exit %d %q %q", code, stdout, e)
				}
			}
			f, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cal, err := ics.ParseCalendar(f)
			if err != nil {
				t.Fatalf("the invitation does not parse: %v", err)
			}
			ev := cal.Events()
			if len(ev) != 1 {
				t.Fatalf("%d events", len(ev))
			}
			if start := ev[0].GetProperty(ics.ComponentPropertyDtStart); start == nil || start.Value != tt.day {
				t.Errorf("DTSTART %v, want %s", start, tt.day)
			}
			emails := map[string]bool{}
			for _, a := range ev[0].Attendees() {
				emails[a.Email()] = true
			}
			for _, want := range []string{"claire.donovan@northwind.example", "tom.becker@northwind.example"} {
				if !emails[want] {
					t.Errorf("no attendee %s in %v", want, emails)
				}
			}
			if !strings.HasPrefix(ev[0].Id(), "meeting-") {
				t.Errorf("UID %q", ev[0].Id())
			}
		})
	}
}
