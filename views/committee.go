package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// committeeScreen holds the members register and the departments register.
type committeeScreen struct {
	env     *env
	tabs    *registerTabs
	members *register[app.MemberRow]
	depts   *register[app.DepartmentRow]
	names   app.Names
}

func newCommitteeScreen(e *env) *committeeScreen {
	s := &committeeScreen{env: e}
	s.members = &register[app.MemberRow]{
		readOnly: s.env.store.ReadOnly() != "",
		kind:     models.RecordMember,
		cols: []column[app.MemberRow]{
			{title: "Name", width: 180, text: func(r app.MemberRow) string { return r.Name }},
			{title: "Role", width: 150, text: func(r app.MemberRow) string { return string(r.Role) }},
			{title: "Department", width: 170, text: func(r app.MemberRow) string { return r.Department }},
			{title: "Job title", width: 220, text: func(r app.MemberRow) string { return r.JobTitle }},
			{title: "Can commit", width: 110, text: func(r app.MemberRow) string { return yesOrBlank(r.DecisionAuthority) }},
			{title: "Email", width: 260, text: func(r app.MemberRow) string { return r.Email }},
			{title: "Active", width: 200, text: activeText},
		},
		statusName: "Role",
		statuses:   models.Words(models.Roles),
		inStatus:   statusIs(func(r app.MemberRow) string { return string(r.Role) }),
	}
	s.members.onOpen = func(r app.MemberRow) { s.editMember(r.Member) }
	s.members.onNew = func() { s.editMember(models.Member{Role: models.RoleRepresentative, ActiveFrom: s.env.today()}) }
	s.members.onDelete = func(r app.MemberRow) {
		s.env.deleteRecord(models.RecordMember, r.Name, r.ID, func() error { return app.Delete[models.Member](s.env.store, r.ID) })
	}
	s.depts = &register[app.DepartmentRow]{
		readOnly: s.env.store.ReadOnly() != "",
		kind:     models.RecordDepartment,
		cols: []column[app.DepartmentRow]{
			{title: "Department", width: 220, text: func(r app.DepartmentRow) string { return r.Name }},
			{title: "Head", width: 180, text: func(r app.DepartmentRow) string { return r.Head }},
			{title: "Represented by", width: 320, text: representedText,
				colour: func(r app.DepartmentRow) color.Color { return flagColour(len(r.Representatives) == 0) }},
			{title: "Members", width: 90, text: func(r app.DepartmentRow) string { return itoa(r.Members) },
				less: func(a, b app.DepartmentRow) bool { return a.Members < b.Members }},
		},
		statusName: "Show",
		statuses:   []string{"represented", "gap"},
		inStatus: func(r app.DepartmentRow, choice string) bool {
			return (choice == "gap") == (len(r.Representatives) == 0)
		},
	}
	s.depts.onOpen = func(r app.DepartmentRow) { s.editDepartment(r.Department) }
	e.router.handle(models.RecordDepartment, verbOpen, s.openDepartment)
	e.router.handle(models.RecordMember, verbOpen, s.openMember)
	s.depts.onNew = func() { s.editDepartment(models.Department{}) }
	s.depts.onDelete = func(r app.DepartmentRow) {
		s.env.deleteRecord(models.RecordDepartment, "the department "+r.Name, r.ID, func() error { return app.Delete[models.Department](s.env.store, r.ID) })
	}
	return s
}

func activeText(r app.MemberRow) string {
	switch {
	case r.ActiveFrom.IsZero() && r.ActiveTo.IsZero():
		return "always"
	case r.ActiveTo.IsZero():
		return "since " + r.ActiveFrom.String()
	}
	return models.OrDash(r.ActiveFrom.String()) + " to " + r.ActiveTo.String()
}

func representedText(r app.DepartmentRow) string {
	if len(r.Representatives) == 0 {
		return "gap: nobody who can commit it"
	}
	return strings.Join(r.Representatives, ", ")
}

func (s *committeeScreen) content() fyne.CanvasObject {
	s.tabs = newRegisterTabs(
		registerTab{"Members", s.members.build(), func() *widget.Entry { return s.members.filter }, func() { s.members.onNew() }},
		registerTab{"Departments", s.depts.build(), func() *widget.Entry { return s.depts.filter }, func() { s.depts.onNew() }},
	)
	return s.tabs.tabs
}

func (s *committeeScreen) reload() {
	var ms []app.MemberRow
	var ds []app.DepartmentRow
	var names app.Names
	s.env.load(func() (err error) {
		if ms, err = s.env.store.MemberRows(); err != nil {
			return err
		}
		if ds, err = s.env.store.DepartmentRows(s.env.today()); err != nil {
			return err
		}
		names, err = s.env.store.Names()
		return err
	}, func() {
		s.names = names
		s.members.setRows(ms)
		s.depts.setRows(ds)
		s.members.showSaved(s.env)
		s.depts.showSaved(s.env)
	})
}

func (s *committeeScreen) focusFilter() { s.tabs.focusFilter(s.env.win.Canvas()) }

func (s *committeeScreen) newRecord() { s.tabs.newRecord() }

// openDepartment shows department id in its form.
func (s *committeeScreen) openDepartment(id uint) {
	openRecord(s.env, s, func() *registerTabs { return s.tabs }, 1, id, s.editDepartment)
}

// openMember shows member id in its form.
func (s *committeeScreen) openMember(id uint) {
	openRecord(s.env, s, func() *registerTabs { return s.tabs }, 0, id, s.editMember)
}

func (s *committeeScreen) editMember(mb models.Member) {
	s.env.withNames(func(names app.Names) { s.memberForm(mb, names) })
}

// memberForm shows the form once the names its drop-downs offer are read.
func (s *committeeScreen) memberForm(mb models.Member, names app.Names) {
	title := "New member"
	if mb.ID != 0 {
		title = "Edit member"
	}
	f := newRecordForm(s.env.win, title)
	name := f.entry("Name", "Name", mb.Name)
	email := f.entry("Email", "Email", mb.Email)
	job := f.entry("JobTitle", "Job title", mb.JobTitle)
	dept := f.ref("Department", names.Departments, mb.DepartmentID, true)
	role := f.choice("Committee role", models.Words(models.Roles), string(mb.Role))
	authority := f.flag("Decision authority", "May commit the department", mb.DecisionAuthority)
	from := f.date("ActiveFrom", "Active from", mb.ActiveFrom)
	to := f.date("ActiveTo", "Active to", mb.ActiveTo)
	login := f.entry("Login", "Server login", mb.Login)
	login.SetPlaceHolder("their login on a shared database, so the app knows them")
	gather := func() (*models.Member, error) {
		rec := mb
		rec.Login = strings.TrimSpace(login.Text)
		rec.Name, rec.Email, rec.JobTitle = strings.TrimSpace(name.Text), strings.TrimSpace(email.Text), strings.TrimSpace(job.Text)
		rec.DepartmentID, rec.Role, rec.DecisionAuthority = dept.id(), models.Role(role.Selected), authority.Checked
		var read problems
		rec.ActiveFrom = read.day(f.parseDate("ActiveFrom", "active from", from.Text))
		rec.ActiveTo = read.day(f.parseDate("ActiveTo", "active to", to.Text))
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(f, s.env, gather, func(rec *models.Member) error { return saveRecord(s.env.store, rec) }, func() {
		if fresh, err := app.Get[models.Member](s.env.store, mb.ID); err == nil {
			s.editMember(fresh)
		}
	})
}

func (s *committeeScreen) editDepartment(d models.Department) {
	title := "New department"
	if d.ID != 0 {
		title = "Edit department"
	}
	f := newRecordForm(s.env.win, title)
	name := f.entry("Name", "Name", d.Name)
	head := f.entry("Head", "Head of department", d.Head)
	gather := func() (*models.Department, error) {
		rec := d
		rec.Name, rec.Head = strings.TrimSpace(name.Text), strings.TrimSpace(head.Text)
		return &rec, rec.Validate()
	}
	showRecordForm(f, s.env, gather, func(rec *models.Department) error { return saveRecord(s.env.store, rec) }, func() { s.openDepartment(d.ID) })
}
