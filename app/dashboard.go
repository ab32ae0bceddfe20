package app

import (
	"cxcommittee/models"
)

// Dashboard is what the chair looks at before a meeting.
type Dashboard struct {
	AsOf           models.Date
	Settings       models.Settings
	ByHealth       map[models.Health]int           // open initiatives (not done or cancelled)
	ByStatus       map[models.InitiativeStatus]int // every initiative
	Scorecard      []TargetRow
	NeedsAttention []InitiativeRow // red, stale or overdue
	OverdueActions []ActionRow
	DecisionsDue   []DecisionRow
	Uncovered      []models.Department
	NextMeeting    *models.Meeting
	Checks         []models.Check
}

// Dashboard gathers the dashboard as of a day.
func (s *Store) Dashboard(asOf models.Date) (Dashboard, error) {
	d, _, err := s.dashboard(asOf)
	return d, err
}

// registers are the full lists the dashboard is drawn from.
type registers struct {
	base
	initiatives []InitiativeRow
	actions     []ActionRow
	decisions   []DecisionRow
}

// dashboard gathers the dashboard and returns the lists it read, so the
// report can reuse them instead of reading them again.
func (s *Store) dashboard(asOf models.Date) (Dashboard, registers, error) {
	d := Dashboard{AsOf: asOf, ByHealth: map[models.Health]int{}, ByStatus: map[models.InitiativeStatus]int{}}
	var r registers
	b, err := s.readBase(asOf)
	if err != nil {
		return d, r, err
	}
	r.base = b
	c, names := b.Committee, b.names
	d.Settings = c.Settings
	d.Checks = models.GovernanceChecks(c)
	d.Uncovered = models.UncoveredDepartments(c.Departments, c.Members, asOf)
	inis := initiativeRows(c.Initiatives, c.LastUpdate, c.PrevPercent, c.Settings, names, asOf)
	r.initiatives = inis
	for _, i := range inis {
		d.ByStatus[i.Status]++
		if i.Status.UnderWay() {
			d.ByHealth[i.Health]++
		}
		if len(i.Concerns) > 0 {
			d.NeedsAttention = append(d.NeedsAttention, i)
		}
	}
	if d.Scorecard, err = s.scorecard(c.Targets, asOf); err != nil {
		return d, r, err
	}
	actions := actionRowsOf(b.actions, names, asOf)
	r.actions = actions
	for _, a := range actions {
		if a.DaysOverdue > 0 {
			d.OverdueActions = append(d.OverdueActions, a)
		}
	}
	decisions := decisionRowsOf(c.Decisions, names, b.quorums, asOf)
	r.decisions = decisions
	for _, x := range decisions {
		if x.DueForReview {
			d.DecisionsDue = append(d.DecisionsDue, x)
		}
	}
	for _, m := range c.Meetings { // ordered by date
		if m.Status == models.MeetingPlanned && !m.Date.Before(asOf) {
			d.NextMeeting = &m
			break
		}
	}
	return d, r, nil
}

// Health rates the whole programme from the dashboard, with its reason in
// words (models.ProgrammeHealth).
func (d Dashboard) Health() (models.Health, string) {
	statuses := make([]models.TargetStatus, 0, len(d.Scorecard))
	for _, r := range d.Scorecard {
		statuses = append(statuses, r.Reading.Status)
	}
	return models.ProgrammeHealth(d.ByHealth, statuses, d.Checks)
}
