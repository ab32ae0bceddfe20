package views

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// initiativesScreen is the register of CX initiatives.
type initiativesScreen struct {
	env   *env
	reg   *register[app.InitiativeRow]
	names app.Names
}

func newInitiativesScreen(e *env) *initiativesScreen {
	s := &initiativesScreen{env: e}
	s.reg = &register[app.InitiativeRow]{
		readOnly: s.env.store.ReadOnly() != "",
		kind:     models.RecordInitiative,
		cols: []column[app.InitiativeRow]{
			{title: "Title", width: 280, text: func(r app.InitiativeRow) string { return r.Title }},
			{title: "Status", width: 100, text: func(r app.InitiativeRow) string { return string(r.Status) }},
			{title: "Health", width: 100, text: func(r app.InitiativeRow) string { return string(r.Health) },
				colour: func(r app.InitiativeRow) color.Color { return healthColour(r.Health) },
				less:   func(a, b app.InitiativeRow) bool { return a.Health.Severity() < b.Health.Severity() }},
			{title: "Done", width: 70, text: func(r app.InitiativeRow) string { return strconv.Itoa(r.PercentComplete) + "%" },
				less: func(a, b app.InitiativeRow) bool { return a.PercentComplete < b.PercentComplete }},
			{title: "Owner", width: 140, text: func(r app.InitiativeRow) string { return r.Owner }},
			{title: "Department", width: 150, text: func(r app.InitiativeRow) string { return r.Department }},
			{title: "Journey", width: 150, text: func(r app.InitiativeRow) string { return r.Journey }},
			{title: "Due", width: 100, text: func(r app.InitiativeRow) string { return r.DueDate.String() },
				less: func(a, b app.InitiativeRow) bool { return dateLess(a.DueDate, b.DueDate) }},
			{title: "Last update", width: 110, text: func(r app.InitiativeRow) string { return r.LastUpdate.String() },
				less: func(a, b app.InitiativeRow) bool { return dateLess(a.LastUpdate, b.LastUpdate) }},
			{title: "Attention", width: 140, text: flagsText},
		},
		statusName: "Status",
		statuses:   models.Words(models.InitiativeStatuses),
		inStatus:   statusIs(func(r app.InitiativeRow) string { return string(r.Status) }),
	}
	s.reg.onOpen = func(r app.InitiativeRow) { s.openDetail(r.ID) }
	e.router.handle(models.RecordInitiative, verbOpen, s.openDetail)
	e.router.handle(models.RecordInitiative, verbPostUpdate, s.postUpdateFor)
	s.reg.onNew = s.newRecord
	s.reg.onDelete = func(r app.InitiativeRow) {
		s.env.deleteRecord(models.RecordInitiative, "the initiative “"+r.Title+"”", r.ID, func() error { return app.Delete[models.Initiative](s.env.store, r.ID) })
	}
	return s
}

func flagsText(r app.InitiativeRow) string {
	var f []string
	if r.Health == models.HealthRed && !r.Status.Closed() {
		f = append(f, "red")
	}
	if r.Stale {
		f = append(f, "stale")
	}
	if r.Overdue {
		f = append(f, "overdue")
	}
	return strings.Join(f, ", ")
}

func (s *initiativesScreen) content() fyne.CanvasObject { return s.reg.build() }

func (s *initiativesScreen) reload() {
	loadRegister(s.env, s.reg, &s.names, func() ([]app.InitiativeRow, error) { return s.env.store.InitiativeRows(s.env.today()) })
}

func (s *initiativesScreen) focusFilter() { s.env.win.Canvas().Focus(s.reg.filter) }

func (s *initiativesScreen) newRecord() {
	s.edit(models.Initiative{Status: models.InitiativeProposed, Health: models.HealthGreen, StartDate: s.env.today()}, nil)
}

// edit opens the add/edit form for an initiative and its linked targets.
func (s *initiativesScreen) edit(i models.Initiative, targetIDs []uint) {
	var names app.Names
	var prog models.Settings
	s.env.load(func() (err error) {
		if names, err = s.env.store.Names(); err != nil {
			return err
		}
		prog, _, err = s.env.store.Settings()
		return err
	}, func() { s.initiativeForm(i, targetIDs, names, prog) })
}

// initiativeForm shows the form once its drop-downs' records are read.
func (s *initiativesScreen) initiativeForm(i models.Initiative, targetIDs []uint, names app.Names, prog models.Settings) {
	title := "New initiative"
	if i.ID != 0 {
		title = "Edit initiative"
	}
	f := newRecordForm(s.env.win, title)
	titleE := f.entry("Title", "Title", i.Title)
	desc := f.multiline("Description", "Customer problem", i.Description)
	status := f.choice("Status", models.Words(models.InitiativeStatuses), string(i.Status))
	health := f.choice("Health", models.Words(models.Healths), string(i.Health))
	reason := f.entry("HealthReason", "Health reason", i.HealthReason)
	pct := f.entry("PercentComplete", "Percent complete", strconv.Itoa(i.PercentComplete))
	owner := f.ref("Owner", names.Members, i.OwnerID, true)
	dept := f.ref("Lead department", names.Departments, i.LeadDepartmentID, true)
	journey := f.ref("Journey", names.Journeys, i.JourneyID, true)
	pillar := f.choice("Vision pillar", append([]string{noneChoice}, prog.Pillars()...), orChoice(i.Pillar))
	goal := f.choice("Business goal", append([]string{noneChoice}, prog.Goals()...), orChoice(i.BusinessGoal))
	start := f.date("StartDate", "Start date", i.StartDate)
	due := f.date("DueDate", "Due date", i.DueDate)
	benefit := f.number("ExpectedBenefit", "Expected annual benefit", "expected annual benefit", &i.ExpectedBenefit)
	budget := f.number("Budget", "Budget", "budget", &i.Budget)
	spend := f.number("SpendToDate", "Spend to date", "spend to date", &i.SpendToDate)
	realised := f.number("RealisedBenefit", "Benefit realised so far", "realised benefit", &i.RealisedBenefit)
	targets := f.refs("Linked targets", names.Targets, targetIDs)

	gather := func() (*models.Initiative, error) {
		rec := i
		rec.Title, rec.Description = strings.TrimSpace(titleE.Text), desc.Text
		rec.Status, rec.Health = models.InitiativeStatus(status.Selected), models.Health(health.Selected)
		rec.HealthReason = strings.TrimSpace(reason.Text)
		rec.OwnerID, rec.LeadDepartmentID, rec.JourneyID = owner.id(), dept.id(), journey.id()
		rec.Pillar, rec.BusinessGoal = fromChoice(pillar.Selected), fromChoice(goal.Selected)
		var read problems
		rec.PercentComplete = read.whole(parseInt("PercentComplete", "percent complete", pct.Text))
		rec.StartDate = read.day(f.parseDate("StartDate", "start date", start.Text))
		rec.DueDate = read.day(f.parseDate("DueDate", "due date", due.Text))
		rec.ExpectedBenefit, rec.Budget = read.amount(benefit.orZero()), read.amount(budget.orZero())
		rec.SpendToDate, rec.RealisedBenefit = read.amount(spend.orZero()), read.amount(realised.orZero())
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(f, s.env, gather, func(rec *models.Initiative) error { return s.env.store.SaveInitiative(rec, targets.ids()) }, func() { s.openEditor(i.ID) })
}

// openEditor reloads an initiative and opens its form.
func (s *initiativesScreen) openEditor(id uint) {
	i, err := s.env.store.Initiative(id)
	if err != nil {
		s.env.showError(err)
		return
	}
	s.edit(i, targetIDsOf(i))
}

func targetIDsOf(i models.Initiative) []uint {
	ids := make([]uint, len(i.Targets))
	for n, t := range i.Targets {
		ids[n] = t.ID
	}
	return ids
}

func orChoice(s string) string {
	if s == "" {
		return noneChoice
	}
	return s
}

func fromChoice(s string) string {
	if s == noneChoice {
		return ""
	}
	return s
}
