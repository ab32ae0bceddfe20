package app

import (
	"sort"

	"cxcommittee/models"
)

// Executive is what the report's first page tells the sponsor beyond the
// programme's state: what is asked of them, the chair's word, how overall
// health moved, the money, the risks and the next 30 days.
type Executive struct {
	Asks           []DecisionRow // escalated and still proposed, soonest needed first
	Commentary     string
	CommentaryFrom string          // the meeting it was written for
	Previous       *models.Meeting // the last meeting held before the report's day
	PreviousHealth models.Health   // overall health as of that meeting
	Money          models.Money
	Risks          []RiskRow
	Next30         Outlook
}

// Outlook is what falls due in the next 30 days.
type Outlook struct {
	Milestones  []InitiativeRow // open initiatives due
	Reviews     []DecisionRow   // decisions due for review
	Actions     []ActionRow     // open actions due
	NextMeeting *models.Meeting
}

// outlookDays is how far ahead the outlook looks.
const outlookDays = 30

// executive fills the executive part of a snapshot already read.
func (s *Store) executive(snap *Snapshot, meetings []models.Meeting, inis []models.Initiative) error {
	asOf := snap.AsOf
	e := Executive{Money: models.MoneyOf(inis)}
	for _, d := range snap.Decisions {
		if d.Ask() {
			e.Asks = append(e.Asks, d)
		}
	}
	sort.SliceStable(e.Asks, func(i, j int) bool { return e.Asks[i].NeededBy.Before(e.Asks[j].NeededBy) })
	for i := range meetings { // by date
		m := meetings[i]
		// The commentary is the latest one written for a meeting up to the
		// report's day or, with none, the one for the coming meeting.
		if m.Commentary != "" && !m.Date.After(asOf.AddDays(outlookDays)) && (e.CommentaryFrom == "" || !m.Date.After(asOf)) {
			e.Commentary, e.CommentaryFrom = m.Commentary, m.Title
		}
		if m.Happened() && m.Date.Before(asOf) {
			e.Previous = &meetings[i]
		}
		if m.Status == models.MeetingPlanned && !m.Date.Before(asOf) && e.NextMeeting() == nil {
			e.Next30.NextMeeting = &meetings[i]
		}
	}
	var err error
	since := models.Date{}
	if e.Previous != nil {
		since = e.Previous.Date
		if e.PreviousHealth, err = s.healthOn(e.Previous.Date, snap.Checks); err != nil {
			return err
		}
	}
	if e.Risks, err = s.RiskRows(since); err != nil {
		return err
	}
	e.Next30 = outlook(snap, asOf, e.Next30.NextMeeting)
	snap.Executive = e
	return nil
}

// NextMeeting is the next planned meeting, or nil.
func (e Executive) NextMeeting() *models.Meeting { return e.Next30.NextMeeting }

// outlook lists what falls due after asOf and within outlookDays.
func outlook(snap *Snapshot, asOf models.Date, next *models.Meeting) Outlook {
	o := Outlook{NextMeeting: next}
	end := asOf.AddDays(outlookDays)
	within := func(d models.Date) bool { return !d.IsZero() && !d.Before(asOf) && !d.After(end) }
	for _, i := range snap.Initiatives {
		if !i.Status.Closed() && within(i.DueDate) {
			o.Milestones = append(o.Milestones, i)
		}
	}
	for _, d := range snap.Decisions {
		if within(d.ReviewDate) && d.Status != models.DecisionSuperseded {
			o.Reviews = append(o.Reviews, d)
		}
	}
	for _, a := range snap.Actions {
		if !a.Status.Closed() && within(a.DueDate()) {
			o.Actions = append(o.Actions, a)
		}
	}
	sort.SliceStable(o.Milestones, func(i, j int) bool { return o.Milestones[i].DueDate.Before(o.Milestones[j].DueDate) })
	sort.SliceStable(o.Reviews, func(i, j int) bool { return o.Reviews[i].ReviewDate.Before(o.Reviews[j].ReviewDate) })
	return o
}

// healthOn rebuilds overall programme health as it stood at the end of a
// day: each initiative's status and health from its status changes and
// updates up to then, the targets scored on the readings up to then. The
// governance checks are taken as they stand (checks carries them).
func (s *Store) healthOn(day models.Date, checks []models.Check) (models.Health, error) {
	byHealth, err := s.healthCountsOn(day)
	if err != nil {
		return "", err
	}
	targets, err := List[models.Target](s, "id")
	if err != nil {
		return "", err
	}
	card, err := s.scorecard(targets, day)
	if err != nil {
		return "", err
	}
	var statuses []models.TargetStatus
	for _, r := range card {
		statuses = append(statuses, r.Reading.Status)
	}
	h, _ := models.ProgrammeHealth(byHealth, statuses, checks)
	return h, nil
}

// healthCountsOn counts the initiatives open at the end of day by the
// health they had then. An initiative's status then is the last status
// change up to that day (or, with none, what its first later change moved
// it from); its health is its last status update up to that day, or its
// present health when it had none yet.
func (s *Store) healthCountsOn(day models.Date) (map[models.Health]int, error) {
	d := dialectOf(s.db)
	var rows []struct {
		Health models.Health
		N      int
	}
	err := s.db.Raw(`SELECT COALESCE(
			(SELECT su.health FROM status_updates su WHERE su.initiative_id = i.id AND su.date <= ? AND `+d.isoDate("su.date")+` ORDER BY su.date DESC, su.id DESC LIMIT 1),
			i.health) AS health, COUNT(*) AS n
		FROM initiatives i
		WHERE i.created_at < ? AND COALESCE(
			(SELECT sc."to" FROM status_changes sc WHERE sc.initiative_id = i.id AND sc.date <= ? AND `+d.isoDate("sc.date")+` ORDER BY sc.date DESC, sc.id DESC LIMIT 1),
			(SELECT sc."from" FROM status_changes sc WHERE sc.initiative_id = i.id AND sc.date > ? AND `+d.isoDate("sc.date")+` ORDER BY sc.date, sc.id LIMIT 1),
			i.status) NOT IN ?
		GROUP BY 1`, day, day.AddDays(1).Time(), day, day, []models.InitiativeStatus{models.InitiativeDone, models.InitiativeCancelled}).Scan(&rows).Error
	out := map[models.Health]int{}
	for _, r := range rows {
		out[r.Health] += r.N
	}
	return out, translate(err, nil)
}
