package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"cxcommittee/app"
	"cxcommittee/models"
)

// meetingsScreen is the register of committee meetings.
type meetingsScreen struct {
	env   *env
	reg   *register[app.MeetingRow]
	stack *fyne.Container // the register, or one meeting being run
	list  fyne.CanvasObject
	live  *meetingView // the meeting shown, if any
}

func newMeetingsScreen(e *env) *meetingsScreen {
	s := &meetingsScreen{env: e}
	s.reg = &register[app.MeetingRow]{
		readOnly: s.env.store.ReadOnly() != "", kind: models.RecordMeeting, sticky: 2, // date and title stay in view
		cols: []column[app.MeetingRow]{
			{title: "Date", width: 110, text: func(r app.MeetingRow) string { return r.Date.String() }},
			{title: "Title", width: 300, text: func(r app.MeetingRow) string { return r.Title }},
			{title: "Status", width: 140, text: func(r app.MeetingRow) string { return string(r.Status) }},
			{title: "Attendance", width: 320, text: attendanceText},
			{title: "Decisions", width: 90, text: func(r app.MeetingRow) string { return itoa(r.Decisions) },
				less: func(a, b app.MeetingRow) bool { return a.Decisions < b.Decisions }},
			{title: "Actions", width: 90, text: func(r app.MeetingRow) string { return itoa(r.Actions) },
				less: func(a, b app.MeetingRow) bool { return a.Actions < b.Actions }},
		},
		statusName: "Status",
		statuses:   models.Words(models.MeetingStatuses),
		inStatus:   statusIs(func(r app.MeetingRow) string { return string(r.Status) }),
		sortDesc:   true,
	}
	s.reg.onOpen = func(r app.MeetingRow) { s.open(r.ID) }
	e.router.handle(models.RecordMeeting, verbOpen, s.open)
	s.reg.onNew = s.newRecord
	s.reg.onDelete = func(r app.MeetingRow) {
		s.env.deleteRecord(models.RecordMeeting, "the meeting “"+r.Title+"” of "+r.Date.String(), r.ID, func() error { return app.Delete[models.Meeting](s.env.store, r.ID) })
	}
	return s
}

func attendanceText(r app.MeetingRow) string {
	var parts []string
	for _, st := range models.AttendanceStatuses {
		if n := r.Attendance[st]; n > 0 {
			parts = append(parts, st.Count(n))
		}
	}
	if len(parts) == 0 {
		return "not taken"
	}
	return strings.Join(parts, ", ")
}

func (s *meetingsScreen) content() fyne.CanvasObject {
	s.list = s.reg.build()
	s.stack = container.NewStack(s.list)
	return s.stack
}

func (s *meetingsScreen) reload() {
	if s.live != nil {
		s.live.reload()
		return
	}
	var rows []app.MeetingRow
	s.env.load(func() (err error) {
		rows, err = s.env.store.MeetingRows()
		return err
	}, func() { s.reg.setRows(rows); s.reg.showSaved(s.env) })
}

func (s *meetingsScreen) focusFilter() {
	if s.live == nil {
		s.env.win.Canvas().Focus(s.reg.filter)
	}
}

// newRecord proposes the meeting a cadence after the last one on the
// calendar (or after today, with none to come), so it is not a second
// meeting in a month that already has one.
func (s *meetingsScreen) newRecord() {
	p, _, _ := s.env.store.Settings()
	from := s.env.today()
	for _, r := range s.reg.all {
		if r.Date.After(from) {
			from = r.Date
		}
	}
	s.edit(models.PlannedMeeting(models.NextMeetingDay(from, p)))
}

// open shows the meeting screen of meeting id, where it is run.
func (s *meetingsScreen) open(id uint) {
	s.env.router.show(s)
	v := newMeetingView(s, id)
	v.load(func() {
		s.live = v
		s.stack.Objects = []fyne.CanvasObject{v.build()}
		s.stack.Refresh()
	})
}

// back returns from a meeting to the register.
func (s *meetingsScreen) back() {
	s.env.saveTyped()
	s.live = nil
	s.stack.Objects = []fyne.CanvasObject{s.list}
	s.stack.Refresh()
	s.reload()
}

// editByID opens the form of meeting id.
func (s *meetingsScreen) editByID(id uint) {
	s.env.saveTyped() // before the form can change the meeting
	mt, err := app.Get[models.Meeting](s.env.store, id)
	if err != nil {
		s.env.showError(err)
		return
	}
	s.edit(mt)
}

func (s *meetingsScreen) edit(mt models.Meeting) {
	title := "New meeting"
	if mt.ID != 0 {
		title = "Edit meeting"
	}
	f := newRecordForm(s.env.win, title)
	name := f.entry("Title", "Title", mt.Title)
	date := f.date("Date", "Date", mt.Date)
	status := f.choice("Status", models.Words(models.MeetingStatuses), string(mt.Status))
	gather := func() (*models.Meeting, error) {
		rec := mt
		rec.Title, rec.Status = strings.TrimSpace(name.Text), models.MeetingStatus(status.Selected)
		var read problems
		rec.Date = read.day(f.parseDate("Date", "meeting date", date.Text))
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(f, s.env, gather, func(rec *models.Meeting) error { return saveRecord(s.env.store, rec) }, func() { s.editByID(mt.ID) })
}
