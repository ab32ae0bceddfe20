package views

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// openMeeting opens the meeting screen of the newest meeting with status.
func openMeeting(t *testing.T, status models.MeetingStatus) (*mainWindow, *app.Store, *meetingView) {
	t.Helper()
	return openMeetingOf(t, 1, status)
}

// openMeetingOf is openMeeting on the sample committee scale times over.
func openMeetingOf(t *testing.T, scale int, status models.MeetingStatus) (*mainWindow, *app.Store, *meetingView) {
	t.Helper()
	m, s := openScaled(t, scale)
	m.showSection(m.meetings)
	r := m.meetings.reg
	r.statusSel.SetSelected(string(status))
	if len(r.shown) == 0 {
		t.Fatalf("no %s meeting", status)
	}
	r.table.Select(widget.TableCellID{Row: 0})
	test.Tap(r.edit)
	if m.meetings.live == nil {
		t.Fatal("Open did not show the meeting screen")
	}
	return m, s, m.meetings.live
}

// attendanceSelect finds the status drop-down and the proxy picker of a
// member on the screen.
func attendanceSelect(t *testing.T, v *meetingView, name string) (*widget.Select, *recordPicker) {
	t.Helper()
	var status *widget.Select
	var proxy *recordPicker
	walk(v.tabs.Items[0].Content, func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return true
		}
		if l, ok := c.Objects[0].(*widget.Label); ok && strings.HasPrefix(l.Text, name+" ") || ok && l.Text == name {
			walk(c.Objects[1], func(x fyne.CanvasObject) bool {
				switch w := x.(type) {
				case *widget.Select:
					status = w
				case *recordPicker:
					proxy = w
				}
				return true
			})
			return false
		}
		return true
	})
	if status == nil || proxy == nil {
		t.Fatalf("no attendance row for %s", name)
	}
	return status, proxy
}

func TestMeetingScreenTakesAttendanceAndQuorum(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	if v.quorum.Met {
		t.Fatal("a meeting with no attendance has quorum")
	}
	present := []string{"Claire Donovan", "Priya Shah", "Tom Becker", "Aisha Mensah", "Lukas Novak"}
	for _, name := range present {
		st, _ := attendanceSelect(t, m.meetings.live, name)
		st.SetSelected("present")
	}
	if m.meetings.live.quorum.Met {
		t.Error("5 of 11 departments is not a quorum")
	}
	st, proxy := attendanceSelect(t, m.meetings.live, "Mei Lin")
	st.SetSelected("proxy")
	if proxy.Hidden {
		t.Fatal("the proxy member is not asked for")
	}
	if !proxy.choose("Daniel Okafor") {
		t.Fatal("Daniel Okafor is not offered as a proxy")
	}
	if !m.meetings.live.quorum.Met {
		t.Errorf("6 of 11 with a proxy should make quorum: %s", m.meetings.live.quorum.Reason)
	}
	if !strings.Contains(texts(m.meetings.live.body), "quorum met") {
		t.Error("the screen does not say quorum is met")
	}
	atts, _ := s.Attendance(v.id)
	if len(atts) != 6 {
		t.Errorf("%d attendance records saved, want 6 (saved as entered)", len(atts))
	}
}

func TestMeetingScreenRecordsDecisionAndActionFromAgenda(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	// The agenda item about Bill shock alerts: record a decision and an action about it.
	var item *models.AgendaItem
	for i := range v.agenda {
		if strings.HasPrefix(v.agenda[i].Topic, "Bill shock alerts") {
			item = &v.agenda[i]
		}
	}
	if item == nil {
		t.Fatal("no agenda item about Bill shock alerts")
	}
	v.recordDecision(item)
	f := topForm(t, m)
	set(t, f, "Statement", "Switch the alerts to e-mail until the SMS gateway passes review")
	choose(t, f, "Owner", "Lukas Novak")
	save(t, m)
	v = m.meetings.live
	v.recordAction(item)
	f = topForm(t, m)
	set(t, f, "Action (start with a verb)", "Send the e-mail alert design to Finance")
	choose(t, f, "Owner", "Lukas Novak")
	save(t, m)
	v = m.meetings.live
	recorded := false
	for _, d := range v.decisions {
		recorded = recorded || d.Statement == "Switch the alerts to e-mail until the SMS gateway passes review" && d.InitiativeID != nil && *d.InitiativeID == *item.LinkID
	}
	if !recorded {
		t.Errorf("the decision is not listed at this meeting, linked to the initiative: %+v", v.decisions)
	}
	shown := texts(v.tabs.Items[2].Content)
	for _, want := range []string{"Switch the alerts to e-mail", "Send the e-mail alert design to Finance"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the meeting screen does not list %q", want)
		}
	}
	acts, _ := s.ActionRows(testDay)
	found := false
	for _, a := range acts {
		found = found || (a.Description == "Send the e-mail alert design to Finance" && a.MeetingID != nil && *a.MeetingID == v.id)
	}
	if !found {
		t.Error("the action was not stored against the meeting")
	}
}

func TestMeetingScreenDraftsAndReordersAgenda(t *testing.T) {
	_, _, v := openMeeting(t, models.MeetingPlanned)
	before := len(v.agenda)
	v.draftAgenda()
	v = v.s.live
	if len(v.agenda) <= before {
		t.Fatalf("drafting added nothing: %d items", len(v.agenda))
	}
	last := v.agenda[len(v.agenda)-1].ID
	v.current = len(v.agenda) - 1
	v.moveItem(last, -1)
	v = v.s.live
	if v.agenda[len(v.agenda)-2].ID != last {
		t.Error("Move up did not move the item")
	}
	v.tabs.SelectIndex(1)
	var topic *widget.Entry
	walk(v.tabs.Items[1].Content, func(x fyne.CanvasObject) bool {
		if e, ok := x.(*widget.Entry); ok && e.PlaceHolder == "New agenda item" {
			topic = e
		}
		return true
	})
	test.Type(topic, "Any other business")
	topic.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter adds it
	v = v.s.live
	if v.agenda[len(v.agenda)-1].Topic != "Any other business" {
		t.Error("added item not last")
	}
}

func TestMeetingScreenCloseCarriesActionsOver(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	reviewed := len(v.actions)
	test.Tap(button(t, v.body, "Close meeting"))
	asked := texts(top(t, m))
	for _, want := range []string{"It is dated 2026-12-02, which is in the future.", "Attendance has not been taken.", "agenda items are still open."} {
		if !strings.Contains(asked, want) {
			t.Errorf("the close dialog does not say %q:\n%s", want, asked)
		}
	}
	day := dateEntry(t, top(t, m))
	if d, err := models.ParseDate(day.Text); err != nil || d.IsZero() || models.Weekday(d) != d {
		t.Errorf("proposed next meeting day %q is not a weekday written YYYY-MM-DD (%v)", day.Text, err)
	}
	test.Tap(button(t, top(t, m), "Close it anyway"))
	msg := texts(top(t, m))
	if !strings.Contains(msg, "8 open actions carried over to CX Committee – January 2027") {
		t.Errorf("close message: %s", msg)
	}
	mt, _ := app.Get[models.Meeting](s, v.id)
	if mt.Status != models.MeetingHeld {
		t.Errorf("meeting is %s after closing", mt.Status)
	}
	v = m.meetings.live
	if !hasButton(v.body, "Approve minutes") || !hasButton(v.tabs.Items[2].Content, "Record decision") {
		t.Error("no Approve minutes once held")
	}
	if len(v.actions) != reviewed || !strings.Contains(v.tabs.Items[2].Text, fmt.Sprintf(", %d)", reviewed)) {
		t.Errorf("the minutes list %d actions after closing (tab %q), %d before: carrying over rewrote them", len(v.actions), v.tabs.Items[2].Text, reviewed)
	}
}

// dateEntry finds the date field inside o.
func dateEntry(t *testing.T, o fyne.CanvasObject) *dateField {
	t.Helper()
	var found *dateField
	walk(o, func(x fyne.CanvasObject) bool {
		if d, ok := x.(*dateField); ok {
			found = d
			return false
		}
		return true
	})
	if found == nil {
		t.Fatal("no date entry")
	}
	return found
}

func TestClosingOnAWeekendDayIsRefusedInWords(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	test.Tap(button(t, v.body, "Close meeting"))
	day := dateEntry(t, top(t, m))
	day.SetText("2027-02-29")
	test.Tap(button(t, top(t, m), "Close it anyway"))
	if got := texts(top(t, m)); !strings.Contains(got, "February 2027 has days 01 to 28") {
		t.Errorf("a day the calendar does not have was not refused in words:\n%s", got)
	}
	saturday := time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)
	day.SetDate(&saturday) // picked from the calendar
	if day.Text != "2027-01-02" {
		t.Errorf("the day picked reads %q", day.Text)
	}
	test.Tap(button(t, top(t, m), "Close it anyway"))
	if got := texts(top(t, m)); !strings.Contains(got, "2027-01-02 is a Saturday; choose a weekday.") {
		t.Errorf("a Saturday was not refused in words:\n%s", got)
	}
	if mt, _ := app.Get[models.Meeting](s, v.id); mt.Status != models.MeetingPlanned {
		t.Errorf("the meeting was closed (%s) with the next one on a Saturday", mt.Status)
	}
	monday := saturday.AddDate(0, 0, 2)
	day.SetDate(&monday)
	test.Tap(button(t, top(t, m), "Close it anyway"))
	if next, err := s.NextMeeting(models.MustDate("2027-01-01")); err != nil || next == nil || next.Date != models.MustDate("2027-01-04") {
		t.Errorf("the next meeting is %+v (%v), want one planned on the Monday chosen", next, err)
	}
}

func TestMeetingScreenMarksAllPresentAndOffersOnlyPossibleProxies(t *testing.T) {
	_, s, v := openMeeting(t, models.MeetingPlanned)
	claire, _ := attendanceSelect(t, v, "Claire Donovan")
	claire.SetSelected(string(models.AttendanceAbsent))
	v = v.s.live
	test.Tap(button(t, v.tabs.Items[0].Content, "Mark all present"))
	v = v.s.live
	atts, _ := s.Attendance(v.id)
	present := 0
	for _, a := range atts {
		if a.Status == models.AttendancePresent {
			present++
		}
	}
	if present == 0 || present != len(atts)-1 {
		t.Errorf("%d of %d members present after Mark all present, want all but the one recorded absent", present, len(atts))
	}
	if !v.quorum.Met {
		t.Errorf("no quorum with everyone present: %s", v.quorum.Reason)
	}
	_, proxy := attendanceSelect(t, v, "Mei Lin")
	for _, o := range proxy.options {
		if o.name == "Mei Lin" || o.name == "Claire Donovan" {
			t.Errorf("proxy list offers %s: a member cannot hold their own proxy, nor can an absent one", o.name)
		}
	}
}

func TestAgendaItemNotesAndSummaryAreKeptForTheMinutes(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	panel := v.tabs.Items[1].Content
	var notes *widget.Entry
	walk(panel, func(x fyne.CanvasObject) bool {
		if e, ok := x.(*widget.Entry); ok && e.PlaceHolder == "Notes for the minutes" {
			notes = e
		}
		return true
	})
	if notes == nil {
		t.Fatal("no notes field on the agenda item")
	}
	test.Type(notes, "Finance agreed to fund the pilot.")
	walk(panel, func(x fyne.CanvasObject) bool {
		if r, ok := x.(*widget.RadioGroup); ok {
			r.SetSelected(string(models.AgendaCovered))
		}
		return true
	})
	test.Tap(button(t, panel, "Save notes"))
	items, _ := s.AgendaItems(v.id)
	if items[0].Notes != "Finance agreed to fund the pilot." || items[0].Status != models.AgendaCovered {
		t.Errorf("first agenda item saved as %q (%s)", items[0].Notes, items[0].Status)
	}
	v = m.meetings.live
	minutes := v.tabs.Items[4].Content
	for _, tc := range []struct {
		hint, text string
		stored     func(models.Meeting) string
	}{
		{"What was discussed", "Churn is the worry; the pilot goes ahead.", func(m models.Meeting) string { return m.Summary }},
		{"What changed this period", "Two initiatives turned red; we ask you to fund a new gateway.", func(m models.Meeting) string { return m.Commentary }},
	} {
		box := textBoxWith(t, minutes, tc.hint)
		box.Objects[1].(*widget.Entry).SetText("")
		test.Type(box.Objects[1].(*widget.Entry), tc.text)
		test.Tap(button(t, box, "Save"))
		if mt, _ := app.Get[models.Meeting](s, v.id); tc.stored(mt) != tc.text {
			t.Errorf("%q saved as %q", tc.hint, tc.stored(mt))
		}
	}
	test.Tap(button(t, minutes, "Find owners to remind"))
	if !strings.Contains(texts(minutes), "overdue action") {
		t.Errorf("no owner to remind in the demo committee:\n%s", texts(minutes))
	}
}

func TestMinutesApprovedScreenIsReadOnly(t *testing.T) {
	m, _, v := openMeeting(t, models.MeetingHeld)
	test.Tap(button(t, v.body, "Approve minutes"))
	test.Tap(button(t, top(t, m), "Yes"))
	v = m.meetings.live
	if !strings.Contains(texts(v.body), "Minutes approved: this record is read-only.") {
		t.Error("no read-only notice")
	}
	st, _ := attendanceSelect(t, v, "Claire Donovan")
	if !st.Disabled() {
		t.Error("attendance can still be changed")
	}
	if hasButton(v.tabs.Items[2].Content, "Record decision") || hasButton(v.tabs.Items[1].Content, "Record action") {
		t.Error("decisions or actions can still be recorded at an approved meeting")
	}
}

func TestMeetingScreenSavesTheMinutesAndTheInvitation(t *testing.T) {
	tests := []struct {
		status        models.MeetingStatus
		button, name  string
		startsWith    string
		wantInMessage string
	}{
		{models.MeetingHeld, "Save the minutes (PDF)…", "minutes.pdf", "%PDF-", "The minutes of"},
		{models.MeetingPlanned, "Save the agenda pack (PDF)…", "pack.pdf", "%PDF-", "The agenda pack of"},
		{models.MeetingPlanned, "Save the invitation (.ics)…", "invite.ics", "BEGIN:VCALENDAR", "Attach it to an e-mail"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, _, v := openMeeting(t, tc.status)
			test.Tap(button(t, v.tabs.Items[4].Content, tc.button))
			f := topForm(t, m)
			dir := t.TempDir()
			set(t, f, "Folder", dir)
			set(t, f, "File name", tc.name)
			test.Tap(button(t, top(t, m), "Save"))
			if msg := texts(top(t, m)); !strings.Contains(msg, tc.wantInMessage) {
				t.Errorf("when saved: %s", msg)
			}
			got, err := os.ReadFile(filepath.Join(dir, tc.name))
			if err != nil || !strings.HasPrefix(string(got), tc.startsWith) {
				t.Errorf("%s holds %.20q (%v), want it to start with %s", tc.name, got, err, tc.startsWith)
			}
		})
	}
}

func TestMeetingScreenEscalatesAProposedDecisionToTheExecutives(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	v.recordDecision(nil)
	f := topForm(t, m)
	set(t, f, "Statement", "Fund a second call-centre site for the winter peak")
	choose(t, f, "Status", string(models.DecisionProposed))
	save(t, m)
	v = m.meetings.live
	records := v.tabs.Items[2].Content
	test.Tap(button(t, records, "Escalate"))
	f = topForm(t, m)
	escalated := false
	walk(top(t, m), func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "Escalate to the sponsor") {
			escalated = c.Checked
		}
		return true
	})
	if !escalated {
		t.Fatal("the decision form does not open escalated")
	}
	set(t, f, "Committee's recommendation", "Open the site in Leeds")
	set(t, f, "What is at stake", "Wait times above 20 minutes in January")
	save(t, m)
	snap, err := s.Snapshot(testDay)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range snap.Asks {
		if a.Statement == "Fund a second call-centre site for the winter peak" {
			found = a.Recommendation == "Open the site in Leeds" && a.NeededBy == v.meeting.Date.AddDays(14)
		}
	}
	if !found {
		t.Errorf("the escalated decision is not an ask with its recommendation and needed-by date: %+v", snap.Asks)
	}
}

// textBoxWith finds the box (heading, entry, Save) whose entry's hint
// starts with hint.
func textBoxWith(t *testing.T, o fyne.CanvasObject, hint string) *fyne.Container {
	t.Helper()
	var found *fyne.Container
	walk(o, func(x fyne.CanvasObject) bool {
		c, ok := x.(*fyne.Container)
		if !ok || len(c.Objects) != 3 || found != nil {
			return true
		}
		if e, ok := c.Objects[1].(*widget.Entry); ok && strings.HasPrefix(e.PlaceHolder, hint) {
			found = c
			return false
		}
		return true
	})
	if found == nil {
		t.Fatalf("no text box for %q", hint)
	}
	return found
}

// A meeting of a large committee lists its first decisions and actions,
// and "… and N more" opens the register with all of them.
func TestMeetingScreenListsTheFirstRecordsAndOpensTheRest(t *testing.T) {
	m, _, v := openMeetingOf(t, 30, models.MeetingHeld)
	if len(v.actions) <= screenListCap {
		t.Fatalf("the held meeting has %d actions; the test needs more than %d", len(v.actions), screenListCap)
	}
	v.tabs.SelectIndex(recordsTabIndex(t, v))
	more := fmt.Sprintf("… and %d more", len(v.actions)-screenListCap)
	links := 0
	walk(v.tabs.Selected().Content, func(o fyne.CanvasObject) bool {
		if _, ok := o.(*widget.Hyperlink); ok {
			links++
		}
		return true
	})
	if !strings.Contains(texts(v.tabs.Selected().Content), more) || links > 2*screenListCap+2 {
		t.Fatalf("the records tab draws %d links and does not end its actions with %q", links, more)
	}
	click(linkTo(t, v.tabs.Selected().Content, more))
	acts := m.decisions.actions
	if m.current != 4 || len(acts.shown) != len(v.actions) {
		t.Errorf("section %d shows %d actions, want the meeting's %d", m.current, len(acts.shown), len(v.actions))
	}
	if !strings.Contains(acts.filter.PlaceHolder, "taken or reviewed at") {
		t.Errorf("the filter says %q", acts.filter.PlaceHolder)
	}
}

// recordsTabIndex finds the meeting screen's tab of decisions and actions.
func recordsTabIndex(t *testing.T, v *meetingView) int {
	t.Helper()
	for i, it := range v.tabs.Items {
		if strings.Contains(it.Text, "ecisions") {
			return i
		}
	}
	t.Fatal("no decisions tab")
	return 0
}

// A new action has a due date; only a saved one speaks of when it was
// originally due.
func TestNewActionHasADueDate(t *testing.T) {
	m, _, v := openMeeting(t, models.MeetingPlanned)
	test.Tap(button(t, v.tabs.Items[2].Content, "Record action"))
	f := topForm(t, m)
	if field(t, f, "Due date") == nil {
		t.Error("a new action's form has no Due date")
	}
	for _, it := range f.Items {
		if it.Text == "Originally due" {
			t.Error("a new action's form asks when it was originally due")
		}
	}
}

// A decision recorded at a meeting still to come is proposed until the
// meeting decides; approving one dated in the future is refused in words.
func TestADecisionIsNotApprovedBeforeItsDay(t *testing.T) {
	m, _, v := openMeeting(t, models.MeetingPlanned)
	if !v.meeting.Date.After(m.today()) {
		t.Fatalf("the sample's planned meeting (%s) is not after today (%s)", v.meeting.Date, m.today())
	}
	v.recordDecision(nil)
	f := topForm(t, m)
	if got := field(t, f, "Status").(*widget.Select).Selected; got != string(models.DecisionProposed) {
		t.Errorf("a decision recorded ahead of its meeting starts %q", got)
	}
	set(t, f, "Statement", "Fund the gateway")
	choose(t, f, "Status", string(models.DecisionApproved))
	pressSave(t, m)
	if got := texts(top(t, m)); !strings.Contains(got, "cannot be approved on a day still to come") {
		t.Errorf("approving a decision dated %s was not refused in words:\n%s", v.meeting.Date, got)
	}
}

// TestEscapeAsksBeforeLosingTheNextMeetingsDay: Escape in the close
// dialog's day closes it at once while the day is the one proposed, but
// asks first once the leader typed another; Keep editing keeps the day.
func TestEscapeAsksBeforeLosingTheNextMeetingsDay(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	test.Tap(button(t, v.body, "Close meeting"))
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}
	dateEntry(t, top(t, m)).TypedKey(escape)
	noDialog(t, m)

	test.Tap(button(t, v.body, "Close meeting"))
	day := dateEntry(t, top(t, m))
	day.SetText("2027-01-11")
	const asked = "Leave the meeting open and lose the next meeting's day you typed?"
	day.TypedKey(escape)
	if !strings.Contains(texts(top(t, m)), asked) {
		t.Fatalf("Escape after typing a day did not ask:\n%s", texts(top(t, m)))
	}
	test.Tap(button(t, top(t, m), "Keep editing"))
	if got := dateEntry(t, top(t, m)).Text; got != "2027-01-11" {
		t.Errorf("Keep editing left the day %q, want the one typed", got)
	}
	m.win.Canvas().Unfocus()
	m.closeTopDialog() // Escape with no field focused, as after a click on the dialog
	if !strings.Contains(texts(top(t, m)), asked) {
		t.Fatalf("Escape outside the day field did not ask:\n%s", texts(top(t, m)))
	}
	test.Tap(button(t, top(t, m), "Discard"))
	noDialog(t, m)
	if mt, _ := app.Get[models.Meeting](s, v.id); mt.Status != models.MeetingPlanned {
		t.Errorf("discarding closed the meeting: it is %s", mt.Status)
	}
}

// TestEachVoteCountIsCheckedUnderItsOwnField: a negative or unreadable
// count of votes against is named as votes against, not votes for.
func TestEachVoteCountIsCheckedUnderItsOwnField(t *testing.T) {
	m, _, v := openMeeting(t, models.MeetingPlanned)
	v.recordDecision(nil)
	f := topForm(t, m)
	set(t, f, "Statement", "Open a second call-centre site")
	set(t, f, "Votes against", "-3")
	set(t, f, "Abstentions", "two")
	pressSave(t, m)
	under := hints(f)
	for _, want := range []string{"votes against cannot be negative", `abstentions "two" is not a whole number`} {
		if !strings.Contains(under, want) {
			t.Errorf("no %q under its field:\n%s", want, under)
		}
	}
	if strings.Contains(under, "votes for") {
		t.Errorf("the votes for, left blank, are blamed:\n%s", under)
	}
}
