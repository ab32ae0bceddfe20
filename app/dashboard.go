package app

import (
	"sync"

	"cxcommittee/models"
)

// Dashboard is what the chair looks at before a meeting.
type Dashboard struct {
	AsOf     models.Date
	Settings models.Settings
	ByHealth map[models.Health]int           // open initiatives (not done or cancelled)
	ByStatus map[models.InitiativeStatus]int // every initiative
	// Scorecard lists the targets in hierarchy order: all of them for the
	// report, the key ones (KeyTargetRows) on the dashboard.
	Scorecard      []TargetRow
	TargetStatuses []models.TargetStatus // every target's status
	NeedsAttention []InitiativeRow       // red, stale or overdue
	OverdueActions []ActionRow
	DecisionsDue   []DecisionRow
	// Counts of the lists in full, however many of their records are kept.
	Attention, Overdue, DueForReview int
	Uncovered                        []models.Department
	NextMeeting                      *models.Meeting
	Checks                           []models.Check
}

// DashboardListCap is how many records each list of the dashboard shows;
// the rest are counted ("… and 3,640 more").
const DashboardListCap = 10

// KeyTargets is how many targets the dashboard's and the report's
// scorecards show (KeyTargetRows).
const KeyTargets = 12

// ConcernRank orders target statuses as they need a reader's eye: off
// track (0), at risk, without data, then the rest (3).
func ConcernRank(s models.TargetStatus) int {
	switch s {
	case models.TargetOffTrack:
		return 0
	case models.TargetAtRisk:
		return 1
	case models.TargetNoData:
		return 2
	}
	return 3
}

// KeyTargetRows is what a scorecard shows of rows (in hierarchy order):
// the KeyTargets that most need the reader's eye (MostConcerning), so a
// long register of targets on track cannot hide the ones off track.
func KeyTargetRows(rows []TargetRow) []TargetRow { return MostConcerning(rows, KeyTargets) }

// MostConcerning is rows when there are at most n; past that, the n that
// most need the reader's eye (ConcernRank, the order given within a
// rank), still in the order given. It copies only the rows it keeps.
func MostConcerning(rows []TargetRow, n int) []TargetRow {
	if len(rows) <= n {
		return rows
	}
	var count [4]int
	for _, r := range rows {
		count[ConcernRank(r.Reading.Status)]++
	}
	// Ranks below cut are kept whole; of rank cut, the first left.
	cut, left := 0, n
	for cut < len(count) && count[cut] <= left {
		left -= count[cut]
		cut++
	}
	out := make([]TargetRow, 0, n)
	for _, r := range rows {
		switch rank := ConcernRank(r.Reading.Status); {
		case rank < cut:
			out = append(out, r)
		case rank == cut && left > 0:
			out = append(out, r)
			left--
		}
	}
	return out
}

// Dashboard gathers the dashboard as of a day: every count, and the first
// few records of each list. It reads only the columns the dashboard uses,
// the tables side by side.
func (s *Store) Dashboard(asOf models.Date) (Dashboard, error) {
	b, err := s.readLeanBase(asOf)
	if err != nil {
		return Dashboard{AsOf: asOf}, err
	}
	d, _ := dashboardOf(b, asOf)
	d.Scorecard = KeyTargetRows(d.Scorecard)
	d.NeedsAttention = d.NeedsAttention[:min(len(d.NeedsAttention), DashboardListCap)]
	d.OverdueActions = d.OverdueActions[:min(len(d.OverdueActions), DashboardListCap)]
	d.DecisionsDue = d.DecisionsDue[:min(len(d.DecisionsDue), DashboardListCap)]
	return d, err
}

// registers are the full lists the dashboard is drawn from.
type registers struct {
	base
	initiatives []InitiativeRow
	actions     []ActionRow
	decisions   []DecisionRow
}

// dashboard gathers the dashboard with every list whole, and returns the
// registers it read, so the report can reuse them instead of reading them
// again.
func (s *Store) dashboard(asOf models.Date) (Dashboard, registers, error) {
	b, err := s.readBase(asOf)
	r := registers{base: b}
	if err != nil {
		return Dashboard{AsOf: asOf}, r, err
	}
	var d Dashboard
	d, r.initiatives = dashboardOf(b, asOf)
	r.actions = actionRowsOf(b.actions, b.names, asOf)
	r.decisions = decisionRowsOf(b.Decisions, b.names, b.quorums, asOf)
	return d, r, nil
}

// dashboardOf builds the dashboard from the tables already read, and
// returns the initiatives' rows it judged. Only the overdue actions and
// the decisions due for review are made rows.
func dashboardOf(b base, asOf models.Date) (Dashboard, []InitiativeRow) {
	d := Dashboard{AsOf: asOf, ByHealth: map[models.Health]int{}, ByStatus: map[models.InitiativeStatus]int{}}
	c, names := b.Committee, b.names
	d.Settings = c.Settings
	// The checks, the overdue actions and decisions due, and the
	// initiatives are judged side by side, each into fields of its own.
	var wg sync.WaitGroup
	wg.Go(func() { d.Checks = models.GovernanceChecks(c) })
	wg.Go(func() {
		d.OverdueActions = actionRowsOf(keep(b.actions, func(a models.ActionItem) bool { return models.ActionOverdue(a, asOf) }), names, asOf)
		d.DecisionsDue = decisionRowsOf(keep(c.Decisions, func(x models.Decision) bool { return models.DecisionDueForReview(x, asOf) }),
			names, b.quorums, asOf)
	})
	d.Uncovered = models.UncoveredDepartments(c.Departments, c.Members, asOf)
	inis := initiativeRows(c.Initiatives, c.LastUpdate, c.PrevPercent, c.Settings, names, asOf)
	for _, i := range inis {
		d.ByStatus[i.Status]++
		if i.Status.UnderWay() {
			d.ByHealth[i.Health]++
		}
		if len(i.Concerns) > 0 {
			d.NeedsAttention = append(d.NeedsAttention, i)
		}
	}
	d.Scorecard = b.scorecard
	for _, t := range d.Scorecard {
		d.TargetStatuses = append(d.TargetStatuses, t.Reading.Status)
	}
	wg.Wait()
	d.Attention, d.Overdue, d.DueForReview = len(d.NeedsAttention), len(d.OverdueActions), len(d.DecisionsDue)
	for _, m := range c.Meetings { // ordered by date
		if m.Status == models.MeetingPlanned && !m.Date.Before(asOf) {
			d.NextMeeting = &m
			break
		}
	}
	return d, inis
}

// keep returns the records ok accepts, in order.
func keep[T any](list []T, ok func(T) bool) []T {
	var out []T
	for _, x := range list {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// Health rates the whole programme from the dashboard, with its reason in
// words (models.ProgrammeHealth).
func (d Dashboard) Health() (models.Health, string) {
	return models.ProgrammeHealth(d.ByHealth, d.TargetStatuses, d.Checks)
}
