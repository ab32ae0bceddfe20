package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

// risksScreen is the risk register: each threat to the programme with its
// likelihood, impact, score, owner, mitigation and review date.
type risksScreen struct {
	env   *env
	reg   *register[app.RiskRow]
	names app.Names
}

func newRisksScreen(e *env) *risksScreen {
	s := &risksScreen{env: e}
	s.reg = &register[app.RiskRow]{
		readOnly: s.env.store.ReadOnly() != "", kind: models.RecordRisk, sticky: 2, // score and title stay in view
		key: func(r app.RiskRow) uint { return r.ID },
		cols: []column[app.RiskRow]{
			{title: "Score", width: 110, text: func(r app.RiskRow) string { return itoa(r.Score()) + " " + models.Level(r.Score()) },
				colour: func(r app.RiskRow) color.Color { return levelColour(r) },
				less:   func(a, b app.RiskRow) bool { return a.Score() < b.Score() }},
			{title: "Risk", width: 300, text: func(r app.RiskRow) string { return r.Title }},
			{title: "Owner", width: 150, text: func(r app.RiskRow) string { return models.OwnerOrNone(r.Owner) }},
			{title: "Linked to", width: 200, text: func(r app.RiskRow) string { return r.Link }},
			{title: "Status", width: 110, text: func(r app.RiskRow) string { return string(r.Status) }},
			{title: "Review", width: 110, text: func(r app.RiskRow) string { return r.ReviewDate.String() }},
			{title: "Since last meeting", width: 150, text: func(r app.RiskRow) string { return r.Trend }},
			{title: "Mitigation", width: 360, text: func(r app.RiskRow) string { return r.Mitigation }},
		},
		statusName: "Status",
		statuses:   append([]string{openRisks}, models.Words(models.RiskStatuses)...),
		inStatus: func(r app.RiskRow, choice string) bool {
			return choice == openRisks && r.Open() || string(r.Status) == choice
		},
	}
	s.reg.sortCol, s.reg.sortDesc = 0, true
	s.reg.onOpen = func(r app.RiskRow) { s.edit(r.Risk) }
	e.router.handle(models.RecordRisk, verbOpen, func(id uint) {
		if r, err := app.Get[models.Risk](s.env.store, id); err == nil {
			s.edit(r)
		} else {
			s.env.showError(err)
		}
	})
	s.reg.onNew = s.newRecord
	s.reg.onDelete = func(r app.RiskRow) {
		s.env.deleteRecord(models.RecordRisk, "the risk “"+r.Title+"”", r.ID, func() error { return app.Delete[models.Risk](s.env.store, r.ID) })
	}
	return s
}

// openRisks is the status filter's choice of every risk not closed.
const openRisks = "open, mitigating or accepted"

// levelColour colours a risk by its level; a closed one is grey.
func levelColour(r app.RiskRow) color.Color {
	if !r.Open() {
		return colourGrey
	}
	switch models.Level(r.Score()) {
	case "high":
		return colourRed
	case "medium":
		return colourAmber
	}
	return colourGreen
}

func (s *risksScreen) content() fyne.CanvasObject { return s.reg.build() }

func (s *risksScreen) reload() {
	loadRegister(s.env, s.reg, &s.names, func() ([]app.RiskRow, error) {
		since := models.Date{}
		if prev, err := s.env.store.PreviousMeeting(s.env.today()); err != nil {
			return nil, err
		} else if prev != nil {
			since = prev.Date
		}
		return s.env.store.RiskRows(since)
	})
}

func (s *risksScreen) focusFilter() { s.env.win.Canvas().Focus(s.reg.filter) }

func (s *risksScreen) newRecord() {
	s.edit(models.Risk{Status: models.RiskOpen, Likelihood: 3, Impact: 3, ReviewDate: s.env.today().AddDays(30), OwnerID: s.env.me})
}

func (s *risksScreen) edit(r models.Risk) {
	s.env.withNames(func(names app.Names) { s.riskForm(r, names) })
}

// riskForm shows the form once the names its pickers offer are read.
func (s *risksScreen) riskForm(r models.Risk, names app.Names) {
	title := "New risk"
	if r.ID != 0 {
		title = "Edit risk"
	}
	f := newRecordForm(s.env.win, title)
	name := f.entry("Title", "Risk", r.Title)
	desc := f.multiline("Description", "Description", r.Description)
	scale := []string{"1", "2", "3", "4", "5"}
	likelihood := f.choice("Likelihood (1 rare … 5 almost certain)", scale, itoa(r.Likelihood))
	impact := f.choice("Impact (1 minor … 5 severe)", scale, itoa(r.Impact))
	owner := f.ref("Owner", names.Members, r.OwnerID, true)
	ini := f.ref("Initiative", names.Initiatives, r.InitiativeID, true)
	journey := f.ref("Journey", names.Journeys, r.JourneyID, true)
	mitigation := f.multiline("Mitigation", "Mitigation", r.Mitigation)
	status := f.choice("Status", models.Words(models.RiskStatuses), string(r.Status))
	review := f.date("ReviewDate", "Review date", r.ReviewDate)
	gather := func() (*models.Risk, error) {
		rec := r
		rec.Title, rec.Description, rec.Mitigation = strings.TrimSpace(name.Text), strings.TrimSpace(desc.Text), strings.TrimSpace(mitigation.Text)
		rec.OwnerID, rec.InitiativeID, rec.JourneyID = owner.id(), ini.id(), journey.id()
		rec.Status = models.RiskStatus(status.Selected)
		var read problems
		rec.Likelihood = read.whole(parseInt("Likelihood", "likelihood", likelihood.Selected))
		rec.Impact = read.whole(parseInt("Impact", "impact", impact.Selected))
		rec.ReviewDate = read.day(f.parseDate("ReviewDate", "review date", review.Text))
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(f, s.env, gather, func(rec *models.Risk) error { return saveRecord(s.env.store, rec) }, func() {
		if fresh, err := app.Get[models.Risk](s.env.store, r.ID); err == nil {
			s.edit(fresh)
		}
	})
}
