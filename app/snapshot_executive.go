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
	CommentaryFrom string          // the meeting it was written for and its day: "CX Committee – December 2026 on 2026-12-02"
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

// executive works out the executive part of a snapshot whose dashboard
// and registers are read; h is the status history up to the snapshot's day.
func (s *Store) executive(snap *Snapshot, meetings []models.Meeting, inis []models.Initiative, names Names, h statusHistory) (Executive, error) {
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
			e.Commentary, e.CommentaryFrom = m.Commentary, m.Title+" on "+m.Date.String()
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
		e.PreviousHealth = healthOn(e.Previous.Date, snap, inis, h)
	}
	if e.Risks, err = s.riskRows(since, names); err != nil {
		return e, err
	}
	e.Next30 = outlook(snap, asOf, e.Next30.NextMeeting)
	return e, nil
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
// updates up to then, the targets scored on the readings up to then (from
// the snapshot's readings). The governance checks are taken as they stand.
func healthOn(day models.Date, snap *Snapshot, inis []models.Initiative, h statusHistory) models.Health {
	var statuses []models.TargetStatus
	for _, r := range snap.Scorecard {
		latest, ok := models.LatestMeasurement(snap.Measurements[r.Target.ID], day)
		switch {
		case r.LeftOut:
			statuses = append(statuses, models.TargetNoData)
		case ok:
			statuses = append(statuses, models.Evaluate(r.Target, []models.Measurement{latest}, day).Status)
		default:
			statuses = append(statuses, models.Evaluate(r.Target, nil, day).Status)
		}
	}
	health, _ := models.ProgrammeHealth(h.healthCountsOn(day, inis), statuses, snap.Checks)
	return health
}

// healthCountsOn counts the initiatives open at the end of day by the
// health they had then. An initiative's status then is its last status
// change up to that day (or, with none, what its first later change moved
// it from); its health is its last status update up to that day, or its
// present health when it had none yet. An initiative recorded since is
// left out unless a status update, a status change or its start date puts
// it on or before that day (data loaded later, such as the sample
// committee or an onboarding import, keeps its own dates).
func (h statusHistory) healthCountsOn(day models.Date, inis []models.Initiative) map[models.Health]int {
	// The latest update of each initiative up to the day: the latest day,
	// and of one day the last recorded.
	type update struct {
		day    models.Date
		id     uint
		health models.Health
	}
	latest := make(map[uint]update, len(inis))
	for i := range h.updates {
		u := &h.updates[i]
		if u.Date.After(day) {
			continue
		}
		if l, ok := latest[u.InitiativeID]; !ok || u.Date.After(l.day) || (u.Date.Equal(l.day) && u.ID > l.id) {
			latest[u.InitiativeID] = update{u.Date, u.ID, u.Health}
		}
	}
	status := map[uint]models.InitiativeStatus{}
	existed := make(map[uint]bool, len(latest)) // a status update or change dated up to the day
	for id := range latest {
		existed[id] = true
	}
	for _, c := range h.changes { // by date: the last one up to day, else the first one after it
		if c.Date.IsZero() { // not set, or not a date: no part in the rules
			continue
		}
		_, known := status[c.InitiativeID]
		switch {
		case !c.Date.After(day):
			status[c.InitiativeID], existed[c.InitiativeID] = c.To, true
		case !known:
			status[c.InitiativeID] = c.From
		}
	}
	end := day.AddDays(1).Time()
	out := map[models.Health]int{}
	for _, i := range inis {
		started := !i.StartDate.IsZero() && !i.StartDate.After(day)
		if !i.CreatedAt.Before(end) && !existed[i.ID] && !started {
			continue // recorded since, and nothing dates it earlier
		}
		st, ok := status[i.ID]
		if !ok {
			st = i.Status
		}
		h := i.Health
		if u, ok := latest[i.ID]; ok {
			h = u.health
		}
		if st.UnderWay() {
			out[h]++
		}
	}
	return out
}
