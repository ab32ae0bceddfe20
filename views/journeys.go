package views

import (
	"strings"

	"fyne.io/fyne/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// journeysScreen is the register of key customer journeys.
type journeysScreen struct {
	env   *env
	reg   *register[models.Journey]
	names app.Names
}

func newJourneysScreen(e *env) *journeysScreen {
	s := &journeysScreen{env: e}
	s.reg = &register[models.Journey]{
		readOnly: s.env.store.ReadOnly() != "", kind: models.RecordJourney, sticky: 2, // priority and name stay in view
		cols: []column[models.Journey]{
			{title: "Priority", width: 90, text: func(j models.Journey) string { return itoa(j.Priority) },
				less: func(a, b models.Journey) bool { return a.Priority < b.Priority }},
			{title: "Journey", width: 220, text: func(j models.Journey) string { return j.Name }},
			{title: "Owner", width: 180, text: func(j models.Journey) string { return app.Of(s.names.Members, j.OwnerID) }},
			{title: "Description", width: 520, text: func(j models.Journey) string { return j.Description }},
		},
	}
	s.reg.onOpen = func(j models.Journey) { s.openPage(j.ID) }
	e.router.handle(models.RecordJourney, verbOpen, s.openPage)
	s.reg.onNew = s.newRecord
	s.reg.onDelete = func(j models.Journey) {
		s.env.deleteRecord(models.RecordJourney, "the journey “"+j.Name+"”", j.ID, func() error { return app.Delete[models.Journey](s.env.store, j.ID) })
	}
	return s
}

func (s *journeysScreen) content() fyne.CanvasObject { return s.reg.build() }

func (s *journeysScreen) reload() {
	loadRegister(s.env, s.reg, &s.names, func() ([]models.Journey, error) { return app.List[models.Journey](s.env.store, "priority, name") })
}

func (s *journeysScreen) focusFilter() { s.env.win.Canvas().Focus(s.reg.filter) }

func (s *journeysScreen) newRecord() { s.edit(models.Journey{Priority: len(s.reg.all) + 1}) }

func (s *journeysScreen) edit(j models.Journey) {
	s.env.withNames(func(names app.Names) { s.journeyForm(j, names) })
}

// journeyForm shows the form once the names its drop-downs offer are read.
func (s *journeysScreen) journeyForm(j models.Journey, names app.Names) {
	title := "New journey"
	if j.ID != 0 {
		title = "Edit journey"
	}
	f := newRecordForm(s.env.win, title)
	name := f.entry("Name", "Journey", j.Name)
	prio := f.entry("Priority", "Priority (1 = highest)", itoa(j.Priority))
	owner := f.ref("Owner", names.Members, j.OwnerID, true)
	desc := f.multiline("Description", "Description", j.Description)
	gather := func() (*models.Journey, error) {
		rec := j
		rec.Name, rec.Description, rec.OwnerID = strings.TrimSpace(name.Text), strings.TrimSpace(desc.Text), owner.id()
		var read problems
		rec.Priority = read.whole(parseInt("Priority", "journey priority", prio.Text))
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(f, s.env, gather, func(r *models.Journey) error { return saveRecord(s.env.store, r) }, func() {
		if fresh, err := app.Get[models.Journey](s.env.store, j.ID); err == nil {
			s.edit(fresh)
		}
	})
}
