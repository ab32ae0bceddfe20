package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"cxcommittee/models"
)

// settingsScreen edits the program settings: organisation, vision, pillars,
// goals and the staleness and meeting windows.
type settingsScreen struct {
	m    *mainWindow
	body *fyne.Container
}

func newSettingsScreen(m *mainWindow) *settingsScreen { return &settingsScreen{m: m} }

func (s *settingsScreen) content() fyne.CanvasObject {
	s.body = container.NewVBox()
	return container.NewVScroll(container.NewPadded(s.body))
}

func (s *settingsScreen) reload() {
	p, _, err := s.m.store.Program()
	if err != nil {
		s.m.showError(err)
		return
	}
	s.render(p)
}

// render lays out the settings form for p; Save keeps the version check.
func (s *settingsScreen) render(p models.Program) {
	f := newRecordForm(s.m.win, "Settings")
	org := f.entry("OrganisationName", "Organisation", p.OrganisationName)
	vision := f.multiline("VisionStatement", "CX vision statement", p.VisionStatement)
	reviewed := f.date("VisionReviewedOn", "Vision last reviewed", p.VisionReviewedOn)
	pillars := f.multiline("VisionPillars", "Vision pillars (one per line)", p.VisionPillars)
	goals := f.multiline("BusinessGoals", "Business goals (one per line)", p.BusinessGoals)
	stale := f.entry("StaleDays", "Initiative goes stale after (days)", itoa(p.StaleDays))
	cadence := f.entry("CadenceDays", "Committee meets every (days)", itoa(p.CadenceDays))
	quorum := f.entry("QuorumPercent", "Quorum: more than this % of departments", itoa(p.QuorumPercent))
	gather := func() (*models.Program, error) {
		rec := p
		rec.OrganisationName, rec.VisionStatement = strings.TrimSpace(org.Text), strings.TrimSpace(vision.Text)
		rec.VisionPillars, rec.BusinessGoals = strings.TrimSpace(pillars.Text), strings.TrimSpace(goals.Text)
		var err error
		if rec.VisionReviewedOn, err = parseDate("VisionReviewedOn", "vision review date", reviewed.Text); err != nil {
			return nil, err
		}
		if rec.StaleDays, err = parseInt("StaleDays", "staleness window in days", stale.Text); err != nil {
			return nil, err
		}
		if rec.CadenceDays, err = parseInt("CadenceDays", "meeting cadence in days", cadence.Text); err != nil {
			return nil, err
		}
		if rec.QuorumPercent, err = parseInt("QuorumPercent", "quorum", quorum.Text); err != nil {
			return nil, err
		}
		return &rec, rec.Validate()
	}
	f.check = func() error { _, err := gather(); return err }
	f.form.SubmitText = "Save settings"
	f.form.OnSubmit = func() {
		rec, err := gather()
		if err == nil {
			err = s.m.store.SaveProgram(rec)
		}
		if err != nil {
			f.showError(err, s.reload)
			return
		}
		s.render(*rec)
		s.m.changed()
	}
	s.body.Objects = []fyne.CanvasObject{heading("Program settings"), f.form, f.problem}
	s.body.Refresh()
	f.revalidate()
}
