package models

import "fmt"

// Since-last-meeting groups, in order.
const (
	ChangeStarted   = "Initiatives started"
	ChangeFinished  = "Initiatives finished"
	ChangeHealth    = "Initiatives that changed health"
	ChangeTargets   = "Targets that changed status"
	ChangeDecisions = "Decisions made"
	ChangeClosed    = "Actions closed"
	ChangeOpened    = "Actions opened"
)

// ChangeGroups lists the groups in order.
var ChangeGroups = []string{ChangeStarted, ChangeFinished, ChangeHealth, ChangeTargets, ChangeDecisions, ChangeClosed, ChangeOpened}

// Change is one thing that changed between two meetings. Worse marks bad
// news: an initiative's health or a target's status got worse, or an
// initiative's first report is amber or red.
type Change struct {
	Group string
	Kind  RecordKind
	ID    uint
	Title string
	What  string
	Worse bool
}

// SinceInput is the history the changes are computed from.
type SinceInput struct {
	From, To     Date // the previous meeting and this one; changes in (From, To] count
	Initiatives  []Initiative
	Changes      []StatusChange
	Updates      []StatusUpdate // any order
	Targets      []Target
	Measurements map[uint][]Measurement
	Decisions    []Decision
	Actions      []ActionItem
}

func (in SinceInput) within(d Date) bool {
	return !d.IsZero() && d.After(in.From) && !d.After(in.To)
}

// SinceLastMeeting lists what changed between two meetings, from history:
// status changes, status updates, measurements, decisions and actions.
func SinceLastMeeting(in SinceInput) []Change {
	var out []Change
	titles := map[uint]string{}
	for _, i := range in.Initiatives {
		titles[i.ID] = i.Title
	}
	for _, c := range in.Changes {
		if !in.within(c.Date) {
			continue
		}
		switch c.To {
		case InitiativeActive:
			out = append(out, Change{ChangeStarted, RecordInitiative, c.InitiativeID, titles[c.InitiativeID], fmt.Sprintf("%s → active on %s", c.From, c.Date), false})
		case InitiativeDone:
			out = append(out, Change{ChangeFinished, RecordInitiative, c.InitiativeID, titles[c.InitiativeID], fmt.Sprintf("done on %s", c.Date), false})
		}
	}
	out = append(out, in.healthChanges(titles)...)
	for _, t := range in.Targets {
		before := Evaluate(t, in.Measurements[t.ID], in.From).Status
		after := Evaluate(t, in.Measurements[t.ID], in.To)
		if before != after.Status {
			out = append(out, Change{ChangeTargets, RecordTarget, t.ID, t.Name, fmt.Sprintf("%s → %s", before, after.Status),
				after.Status.Severity() > before.Severity()})
		}
	}
	for _, d := range in.Decisions {
		if in.within(d.DecidedOn) {
			out = append(out, Change{ChangeDecisions, RecordDecision, d.ID, d.Statement, fmt.Sprintf("%s on %s", d.Status, d.DecidedOn), false})
		}
	}
	for _, a := range in.Actions {
		if a.Status.Closed() && in.within(a.ClosedOn) {
			out = append(out, Change{ChangeClosed, RecordAction, a.ID, a.Description, fmt.Sprintf("%s on %s", a.Status, a.ClosedOn), false})
		}
		if in.within(a.OpenedOn) {
			out = append(out, Change{ChangeOpened, RecordAction, a.ID, a.Description, fmt.Sprintf("opened %s, due %s", a.OpenedOn, a.DueDate()), false})
		}
	}
	return out
}

// healthChanges compares each initiative's health at From and at To, read
// from its status updates.
func (in SinceInput) healthChanges(titles map[uint]string) []Change {
	type state struct {
		date   Date
		id     uint
		health Health
	}
	at := func(limit Date) map[uint]state {
		m := map[uint]state{}
		for _, u := range in.Updates {
			if u.Date.After(limit) {
				continue
			}
			cur, ok := m[u.InitiativeID]
			if !ok || u.Date.After(cur.date) || (u.Date == cur.date && u.ID > cur.id) {
				m[u.InitiativeID] = state{u.Date, u.ID, u.Health}
			}
		}
		return m
	}
	before, after := at(in.From), at(in.To)
	var out []Change
	for _, i := range in.Initiatives {
		b, hadBefore := before[i.ID]
		a, ok := after[i.ID]
		if !ok || !in.within(a.date) {
			continue
		}
		switch {
		case !hadBefore:
			out = append(out, Change{ChangeHealth, RecordInitiative, i.ID, i.Title, fmt.Sprintf("first reported %s on %s", a.health, a.date),
				a.health.Severity() > 0})
		case b.health != a.health:
			out = append(out, Change{ChangeHealth, RecordInitiative, i.ID, i.Title, fmt.Sprintf("%s → %s on %s", b.health, a.health, a.date),
				a.health.Severity() > b.health.Severity()})
		}
	}
	return out
}
