package views

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// meetingView runs one meeting live: attendance with quorum, the agenda
// item by item, decisions and actions recorded in place, what changed since
// the last meeting, and closing. Everything is saved as it is entered.
type meetingView struct {
	s  *meetingsScreen
	id uint
	meetingData
	current int    // the agenda item being discussed
	typing  string // the new agenda item being typed

	body *fyne.Container
	tabs *container.AppTabs
}

// meetingData is everything the meeting screen shows, read in one go off
// the UI goroutine.
type meetingData struct {
	meeting   models.Meeting
	names     app.Names
	members   []app.MemberRow
	atts      map[uint]models.Attendance // by member
	quorum    models.QuorumResult
	agenda    []models.AgendaItem
	decisions []app.DecisionRow
	actions   []app.ActionRow
	reviewed  map[uint]bool // actions this meeting reviewed, carried on since or not
	changes   []models.Change
	since     models.Date
}

func newMeetingView(s *meetingsScreen, id uint) *meetingView {
	return &meetingView{s: s, id: id, body: container.NewStack()}
}

// read reads everything the screen shows; it runs off the UI goroutine.
func (v *meetingView) read() (meetingData, error) {
	st := v.s.env.store
	var d meetingData
	var err error
	if d.meeting, err = app.Get[models.Meeting](st, v.id); err != nil {
		return d, err
	}
	if d.names, err = st.Names(); err != nil {
		return d, err
	}
	if d.members, err = st.MemberRows(); err != nil {
		return d, err
	}
	if d.atts, err = v.attendance(); err != nil {
		return d, err
	}
	if d.quorum, err = st.Quorum(v.id); err != nil {
		return d, err
	}
	if d.agenda, err = st.AgendaItems(v.id); err != nil {
		return d, err
	}
	if d.reviewed, err = st.ReviewedActions(v.id); err != nil {
		return d, err
	}
	if d.decisions, d.actions, err = v.records(d.reviewed); err != nil {
		return d, err
	}
	d.changes, d.since, err = st.SinceLastMeeting(d.meeting.Date)
	return d, err
}

// attendance reads the meeting's attendance by member.
func (v *meetingView) attendance() (map[uint]models.Attendance, error) {
	atts, err := v.s.env.store.Attendance(v.id)
	byMember := make(map[uint]models.Attendance, len(atts))
	for _, a := range atts {
		byMember[a.MemberID] = a
	}
	return byMember, err
}

// load reads the meeting off the UI goroutine, then calls done with it shown.
func (v *meetingView) load(done func()) {
	var d meetingData
	v.s.env.load(func() (err error) {
		d, err = v.read()
		return err
	}, func() {
		v.meetingData = d
		done()
	})
}

// records returns the decisions taken at this meeting and the actions taken
// at it or carried to it for review (reviewed), whether or not they were
// carried on since: the minutes stay as they were.
func (v *meetingView) records(reviewed map[uint]bool) ([]app.DecisionRow, []app.ActionRow, error) {
	st := v.s.env.store
	ds, err := st.DecisionRows(v.s.env.today())
	if err != nil {
		return nil, nil, err
	}
	as, err := st.ActionRows(v.s.env.today())
	if err != nil {
		return nil, nil, err
	}
	var mine []app.DecisionRow
	for _, d := range ds {
		if d.MeetingID != nil && *d.MeetingID == v.id {
			mine = append(mine, d)
		}
	}
	var acts []app.ActionRow
	for _, a := range as {
		if (a.MeetingID != nil && *a.MeetingID == v.id) || (a.CarriedToMeetingID != nil && *a.CarriedToMeetingID == v.id) || reviewed[a.ID] {
			acts = append(acts, a)
		}
	}
	return mine, acts, nil
}

// reload re-reads and redraws, keeping the selected tab.
func (v *meetingView) reload() {
	v.s.env.saveTyped()
	tab := 0
	if v.tabs != nil {
		tab = v.tabs.SelectedIndex()
	}
	v.load(func() {
		v.render()
		v.tabs.SelectIndex(tab)
	})
}

func (v *meetingView) build() fyne.CanvasObject {
	v.render()
	return v.body
}

func (v *meetingView) locked() bool { return v.meeting.Locked() }

func (v *meetingView) render() {
	mt := v.meeting
	back := widget.NewButtonWithIcon("All meetings", theme.NavigateBackIcon(), v.s.back)
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s — %s — %s", mt.Title, mt.Date, mt.Status), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q := newBadge()
	word, col := "no quorum", colourRed
	if v.quorum.Met {
		word, col = "quorum met", colourGreen
	}
	q.set(word, col)
	q.label.Truncation = fyne.TextTruncateOff
	quorum := container.NewBorder(nil, nil, fixedWidth(q, 130), nil, widget.NewLabel(strings.TrimPrefix(strings.TrimPrefix(v.quorum.Reason, "quorum met: "), "no quorum: ")))

	actions := []fyne.CanvasObject{back}
	edit := widget.NewButtonWithIcon("Details", theme.DocumentCreateIcon(), func() { v.s.editByID(v.id) })
	actions = append(actions, edit)
	switch mt.Status {
	case models.MeetingPlanned:
		closeBtn := widget.NewButtonWithIcon("Close meeting", theme.ConfirmIcon(), v.closeMeeting)
		closeBtn.Importance = widget.HighImportance
		actions = append(actions, closeBtn)
	case models.MeetingHeld:
		approve := widget.NewButtonWithIcon("Approve minutes", theme.ConfirmIcon(), v.approveMinutes)
		approve.Importance = widget.HighImportance
		actions = append(actions, approve)
	}
	if v.locked() {
		edit.Disable()
		actions = append(actions, widget.NewLabel("Minutes approved: this record is read-only."))
	}
	header := container.NewVBox(title, container.NewHBox(actions...), quorum, widget.NewSeparator())
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Attendance ("+models.Whole(len(v.atts))+")", v.attendanceTab()),
		container.NewTabItem("Agenda ("+models.Whole(len(v.agenda))+")", v.agendaTab()),
		container.NewTabItem("Decisions & actions ("+models.Whole(len(v.decisions))+", "+models.Whole(len(v.actions))+")", v.recordsTab()),
		container.NewTabItem("Since last meeting", v.sinceTab()),
		container.NewTabItem("Minutes & papers", v.minutesTab()),
	)
	v.body.Objects = []fyne.CanvasObject{container.NewBorder(header, nil, nil, nil, v.tabs)}
	v.body.Refresh()
}

// sinceTab lists what changed since the previous meeting, by group.
func (v *meetingView) sinceTab() fyne.CanvasObject {
	rows := []fyne.CanvasObject{widget.NewLabel(fmt.Sprintf("Changes from %s to %s", v.since, v.meeting.Date))}
	groups := map[string][]models.Change{}
	for _, c := range v.changes {
		groups[c.Group] = append(groups[c.Group], c)
	}
	for _, g := range models.ChangeGroups {
		list := groups[g]
		rows = append(rows, heading(g+" ("+models.Whole(len(list))+")"))
		sort.SliceStable(list, func(i, j int) bool { return list[i].Title < list[j].Title })
		rows = append(rows, firstRows(len(list), func(i int) fyne.CanvasObject {
			return wrapped("• " + list[i].Title + ": " + list[i].What)
		}, nil, ": the report's Changes sheet lists them all")...)
	}
	return container.NewVScroll(container.NewVBox(rows...))
}

func (v *meetingView) approveMinutes() {
	v.s.env.saveTyped() // into the minutes, before they are locked
	dialog.ShowConfirm("Approve minutes",
		"Approve the minutes of "+v.meeting.Title+"?\n\nIts attendance, decisions and the actions agreed there become read-only. A later decision can still supersede one taken here.",
		func(ok bool) {
			if !ok {
				return
			}
			if err := v.s.env.store.ApproveMinutes(v.id); err != nil {
				v.s.env.showError(err)
				return
			}
			v.reload()
		}, v.s.env.win)
}
