package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cxcommittee/app"
	"cxcommittee/models"
)

func TestMemberCreateAndDuplicateEmail(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.committee)
	m.committee.newRecord()
	f := topForm(t, m)
	set(t, f, "Name", "Grace Adeyemi")
	set(t, f, "Email", "grace.adeyemi")
	if !strings.Contains(texts(top(t, m)), `member email "grace.adeyemi" is not an email address`) {
		t.Error("bad email not explained")
	}
	set(t, f, "Email", "mei.lin@northwind.example") // already Mei Lin's
	choose(t, f, "Department", "HR")
	save(t, m)
	if msg := texts(top(t, m)); !strings.Contains(msg, "a member with email mei.lin@northwind.example already exists") {
		t.Fatalf("duplicate not reported in the form:\n%s", msg)
	}
	set(t, f, "Email", "grace.adeyemi@northwind.example")
	field(t, f, "Decision authority").(interface{ SetChecked(bool) }).SetChecked(true)
	save(t, m)
	noDialog(t, m)
	if !hasRow(m.committee.members, 0, "Grace Adeyemi") {
		t.Error("new member not listed")
	}
	// HR is now represented by someone who can commit it.
	for _, d := range m.committee.depts.all {
		if d.Name == "HR" && len(d.Representatives) == 0 {
			t.Error("HR still shows a gap")
		}
	}
}

func TestMemberFilterByRoleAndDelete(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.committee)
	r := m.committee.members
	r.statusSel.SetSelected(string(models.RoleGuest))
	if len(r.shown) != 1 || !hasRow(r, 0, "Nina Petrova") {
		t.Fatalf("guest filter shows %d rows", len(r.shown))
	}
	selectRow(t, r, "Nina Petrova")
	test.Tap(r.del)
	test.Tap(button(t, top(t, m), "Delete"))
	members, _ := app.List[models.Member](s, "id")
	if len(members) != 13 {
		t.Errorf("%d members left, want 13", len(members))
	}
}

func TestDepartmentCreateInvalidAndDeleteImpact(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.committee)
	m.committee.tabs.tabs.SelectIndex(1)
	m.committee.newRecord()
	f := topForm(t, m)
	if strings.Contains(texts(top(t, m)), "department name is required") {
		t.Error("blank name complained of before anything is typed")
	}
	pressSave(t, m)
	if !strings.Contains(texts(top(t, m)), "department name is required") {
		t.Error("blank name not explained")
	}
	set(t, f, "Name", "Procurement")
	save(t, m)
	r := m.committee.depts
	if !hasRow(r, 0, "Procurement") || !hasRow(r, 2, "gap: nobody who can commit it") {
		t.Error("new department not listed as a gap")
	}
	selectRow(t, r, "IT")
	test.Tap(r.del)
	if msg := texts(top(t, m)); !strings.Contains(msg, "1 member") || !strings.Contains(msg, "2 initiatives led") {
		t.Errorf("impact not stated:\n%s", msg)
	}
	test.Tap(button(t, top(t, m), "Cancel"))
	if !hasRow(r, 0, "IT") {
		t.Error("cancel deleted the department")
	}
}

func TestJourneyCreateInvalidAndDelete(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.journeys)
	m.journeys.newRecord()
	f := topForm(t, m)
	set(t, f, "Journey", "Leaving us")
	set(t, f, "Priority (1 = highest)", "0")
	if !strings.Contains(texts(top(t, m)), "journey priority must be between 1 and 99, not 0") {
		t.Error("bad priority not explained")
	}
	set(t, f, "Priority (1 = highest)", "5")
	save(t, m)
	r := m.journeys.reg
	if !hasRow(r, 1, "Leaving us") {
		t.Fatal("new journey not listed")
	}
	selectRow(t, r, "5")
	test.Tap(r.del)
	test.Tap(button(t, top(t, m), "Delete"))
	if hasRow(r, 1, "Leaving us") {
		t.Error("journey still listed")
	}
}

func TestMeetingCreateInvalidAndFilter(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.meetings)
	m.meetings.newRecord()
	f := topForm(t, m)
	// The sample's next meeting is on 2026-12-02: the new one comes a
	// cadence (30 days) after it, not in the same month.
	if got := field(t, f, "Date").(*dateField).Text; got != "2027-01-01" {
		t.Errorf("default date %q, want one cadence after the last meeting planned", got)
	}
	if got := field(t, f, "Title").(*escEntry).Text; got != "CX Committee – January 2027" {
		t.Errorf("default title %q", got)
	}
	set(t, f, "Date", "")
	if !strings.Contains(texts(top(t, m)), "meeting date is required") {
		t.Error("missing date not explained")
	}
	set(t, f, "Date", "2027-01-06")
	set(t, f, "Title", "CX Committee – January 2027")
	save(t, m)
	r := m.meetings.reg
	r.statusSel.SetSelected(string(models.MeetingPlanned))
	if len(r.shown) != 2 {
		t.Errorf("planned meetings: %d, want 2", len(r.shown))
	}
	if !hasRow(r, 3, "not taken") {
		t.Error("attendance of a planned meeting should read 'not taken'")
	}
}

func TestDecisionCreateAndSupersededNeedsSuccessor(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.decisions)
	m.decisions.newRecord()
	f := topForm(t, m)
	set(t, f, "Statement", "Publish NPS verbatims monthly")
	choose(t, f, "Status", "superseded")
	pressSave(t, m)
	if !strings.Contains(texts(top(t, m)), "a superseded decision must name the decision that replaces it") {
		t.Error("superseded without successor not explained")
	}
	choose(t, f, "Status", "approved")
	choose(t, f, "Owner", "Oliver Grant")
	set(t, f, "Votes for", "7")
	save(t, m)
	if !hasRow(m.decisions.decisions, 1, "Publish NPS verbatims monthly") {
		t.Error("decision not listed")
	}
	r := m.decisions.decisions
	r.statusSel.SetSelected("due for review")
	if len(r.shown) != 2 {
		t.Errorf("due for review shows %d, want 2", len(r.shown))
	}
}

func TestActionDoneIsClosedAndLeavesOverdue(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.decisions)
	m.decisions.tabs.tabs.SelectIndex(1)
	r := m.decisions.actions
	r.statusSel.SetSelected("overdue")
	if len(r.shown) != 4 {
		t.Fatalf("overdue actions: %d, want 4", len(r.shown))
	}
	selectRow(t, r, "Draft the payment-plan policy with Legal")
	test.Tap(r.edit)
	choose(t, topForm(t, m), "Status", "done")
	save(t, m)
	if len(r.shown) != 3 {
		t.Errorf("overdue actions after closing one: %d, want 3", len(r.shown))
	}
	rows, _ := s.ActionRows(testDay)
	for _, a := range rows {
		if a.Description == "Draft the payment-plan policy with Legal" && (a.Status != models.ActionDone || a.ClosedOn != testDay) {
			t.Errorf("closed action stored as %s closed %s", a.Status, a.ClosedOn)
		}
	}
}

func TestActionCreateNeedsAnOwner(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.decisions)
	m.decisions.tabs.tabs.SelectIndex(1)
	m.decisions.newRecord()
	f := topForm(t, m)
	set(t, f, "Action (start with a verb)", "Call ten detractors")
	pressSave(t, m)
	if !strings.Contains(texts(top(t, m)), "action owner is required") {
		t.Error("missing owner not explained")
	}
	choose(t, f, "Owner", "Priya Shah")
	save(t, m)
	if !hasRow(m.decisions.actions, 0, "Call ten detractors") {
		t.Error("action not listed")
	}
}

func TestSettingsSaveAndRefuseBadWindow(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.settings)
	f := walkForm(t, m.body)
	set(t, f, "Committee meets every (days)", "0")
	if !strings.Contains(texts(m.body), "meeting cadence in days must be between 1 and 3650, not 0") {
		t.Error("bad cadence not explained")
	}
	set(t, f, "Committee meets every (days)", "42")
	test.Tap(button(t, m.body, "Save settings"))
	p, _, _ := s.Settings()
	if p.CadenceDays != 42 {
		t.Errorf("cadence stored %d, want 42", p.CadenceDays)
	}
}

// Columns are fitted to their longest texts, each measured once, however
// many rows share them.
func TestLongestTextsAreTheOnesMeasured(t *testing.T) {
	rows := []string{"ab", "a much longer title", "abc", "ab", "é—é", "the longest title of them all", "abc"}
	for _, tc := range []struct {
		n    int
		want []string
	}{
		{1, []string{"the longest title of them all"}},
		{2, []string{"the longest title of them all", "a much longer title"}},
		{10, []string{"the longest title of them all", "a much longer title", "abc", "é—é", "ab"}},
	} {
		got := longestTexts(rows, func(s string) string { return s }, tc.n)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%d longest: %q, want %q", tc.n, got, tc.want)
		}
	}
}
