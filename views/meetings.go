package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// meetingsScreen is the register of committee meetings.
type meetingsScreen struct {
	m   *mainWindow
	reg *register[app.MeetingRow]
}

func newMeetingsScreen(m *mainWindow) *meetingsScreen {
	s := &meetingsScreen{m: m}
	s.reg = &register[app.MeetingRow]{
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
		statuses:   words(models.MeetingStatuses),
		status:     func(r app.MeetingRow) string { return string(r.Status) },
		sortDesc:   true,
	}
	s.reg.onOpen = func(r app.MeetingRow) { s.open(r.ID) }
	s.reg.onNew = s.newRecord
	s.reg.onDelete = func(r app.MeetingRow) {
		s.m.deleteRecord("meeting", "the meeting “"+r.Title+"”", r.ID, func() error { return app.Delete[models.Meeting](s.m.store, r.ID) })
	}
	return s
}

func attendanceText(r app.MeetingRow) string {
	var parts []string
	for _, st := range models.AttendanceStatuses {
		if n := r.Attendance[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st))
		}
	}
	if len(parts) == 0 {
		return "not taken"
	}
	return strings.Join(parts, ", ")
}

func (s *meetingsScreen) content() fyne.CanvasObject { return s.reg.build() }

func (s *meetingsScreen) reload() {
	var rows []app.MeetingRow
	s.m.load(func() (err error) {
		rows, err = s.m.store.MeetingRows()
		return err
	}, func() { s.reg.setRows(rows) })
}

func (s *meetingsScreen) focusFilter() { s.m.win.Canvas().Focus(s.reg.filter) }

func (s *meetingsScreen) newRecord() {
	p, _, _ := s.m.store.Program()
	day := s.m.today().AddDays(max(p.CadenceDays, 1))
	s.edit(models.Meeting{Title: fmt.Sprintf("CX Committee – %s %d", day.Time().Month(), day.Time().Year()), Date: day, Status: models.MeetingPlanned})
}

// open shows a meeting (its edit form for now).
func (s *meetingsScreen) open(id uint) {
	mt, err := app.Get[models.Meeting](s.m.store, id)
	if err != nil {
		s.m.showError(err)
		return
	}
	s.edit(mt)
}

func (s *meetingsScreen) edit(mt models.Meeting) {
	title := "New meeting"
	if mt.ID != 0 {
		title = "Edit meeting"
	}
	f := newRecordForm(s.m.win, title)
	name := f.entry("Title", "Title", mt.Title)
	date := f.date("Date", "Date", mt.Date)
	status := f.choice("Status", words(models.MeetingStatuses), string(mt.Status))
	gather := func() (*models.Meeting, error) {
		rec := mt
		rec.Title, rec.Status = strings.TrimSpace(name.Text), models.MeetingStatus(status.Selected)
		var err error
		if rec.Date, err = parseDate("Date", "meeting date", date.Text); err != nil {
			return nil, err
		}
		return &rec, rec.Validate()
	}
	showRecordForm(f, s.m, gather, func(rec *models.Meeting) error { return saveRecord(s.m.store, rec) }, func() { s.open(mt.ID) })
}
