package app

import (
	"slices"

	"golang.org/x/sync/errgroup"

	"cxcommittee/models"
)

// Snapshot is everything the executive report shows, read once as of a day.
type Snapshot struct {
	Dashboard
	Health       models.Health // the programme overall
	HealthReason string
	Initiatives  []InitiativeRow
	Actions      []ActionRow
	Decisions    []DecisionRow
	Meetings     []MeetingRow
	Quorums      map[uint]models.QuorumResult
	Members      []MemberRow
	Departments  []DepartmentRow
	Trends       map[uint]models.Trend // target ID -> latest change
	Measurements map[uint][]models.Measurement
	Changes      []models.Change // since the last meeting
	Since        models.Date
	Wins         []models.Win
	Superseded   map[uint]uint // decision ID -> the decision that replaced it
	Executive
	Author string // who the store acts as: the report's author, "" when unknown
}

// Snapshot reads the whole programme as of a day for the report.
func (s *Store) Snapshot(asOf models.Date) (Snapshot, error) {
	// The readings and the initiatives' status history are read beside the
	// registers.
	var ms map[uint][]models.Measurement
	var h statusHistory
	var g errgroup.Group
	g.Go(func() (err error) { ms, err = s.measurementsUpTo(asOf); return })
	g.Go(func() (err error) { h, err = s.readStatusHistory(asOf); return })
	d, regs, err := s.dashboard(asOf)
	if werr := g.Wait(); err == nil {
		err = werr
	}
	snap := Snapshot{Dashboard: d, Initiatives: regs.initiatives, Actions: regs.actions, Decisions: regs.decisions, Measurements: ms}
	if a := s.Actor(); a != nil {
		snap.Author = a.Name
	}
	if err != nil {
		return snap, err
	}
	snap.Health, snap.HealthReason = d.Health()
	c := regs.Committee
	snap.Meetings = meetingRowsOf(c.Meetings, regs.attendance, c.Decisions, regs.base.actions)
	snap.Quorums = regs.quorums
	snap.Members = memberRowsOf(c.Members, regs.names)
	snap.Departments = departmentRowsOf(c.Departments, c.Members, asOf)
	snap.Trends = map[uint]models.Trend{}
	targets := map[uint]models.Target{}
	for _, r := range d.Scorecard {
		snap.Trends[r.Target.ID] = models.TrendOf(r.Target.Direction, snap.Measurements[r.Target.ID], asOf)
		targets[r.Target.ID] = r.Target
	}
	snap.Superseded = map[uint]uint{}
	for _, x := range snap.Decisions {
		if x.SupersededByID != nil {
			snap.Superseded[x.ID] = *x.SupersededByID
		}
	}
	snap.Changes, snap.Since = sinceLastMeeting(asOf, snap.Measurements, &regs.base, h)
	snap.Wins = models.Wins(c.Initiatives, h.finishedOn(), targets, snap.Measurements, asOf)
	snap.Executive, err = s.executive(&snap, c.Meetings, c.Initiatives, regs.names, h)
	return snap, err
}

// statusHistory is how initiatives moved: every status change, by date,
// and the status updates up to a day, in the columns the rules use.
type statusHistory struct {
	changes []models.StatusChange
	updates []models.StatusUpdate
}

// readStatusHistory reads the status changes and the status updates up to
// asOf (not their timestamps, which the driver parses slowly).
func (s *Store) readStatusHistory(asOf models.Date) (statusHistory, error) {
	var h statusHistory
	var err error
	if h.changes, err = scanList[models.StatusChange](s.db, `SELECT id, initiative_id, CAST(date AS TEXT) AS date, "from", "to"
		FROM status_changes ORDER BY date, id`); err != nil {
		return h, err
	}
	h.updates, err = scanList[models.StatusUpdate](s.db, "SELECT id, initiative_id, CAST(date AS TEXT) AS date, health FROM status_updates WHERE date <= ? AND "+
		dialectOf(s.db).isoDate("date"), asOf)
	return h, err
}

// finishedOn maps each initiative to the day it last became done.
func (h statusHistory) finishedOn() map[uint]models.Date {
	out := map[uint]models.Date{}
	for _, c := range h.changes {
		if c.To == models.InitiativeDone && !c.Date.IsZero() && c.Date.After(out[c.InitiativeID]) {
			out[c.InitiativeID] = c.Date
		}
	}
	return out
}

// measurementsUpTo loads every measurement on or before asOf, by target,
// oldest first. It scans the rows itself: a report may read a hundred
// thousand of them.
func (s *Store) measurementsUpTo(asOf models.Date) (map[uint][]models.Measurement, error) {
	// The scale is checked here; a real date and a number, the rest of
	// what makes a reading scorable, below, as each row is read: SQLite's
	// date() would read every date a second time.
	d := dialectOf(s.db)
	rows, err := s.db.Raw(`SELECT m.id, m.target_id, CAST(m.date AS TEXT), m.value,
		CASE WHEN `+d.isInteger("m.sample_size")+` THEN m.sample_size ELSE 0 END, m.note
		FROM measurements m JOIN targets t ON t.id = m.target_id
		WHERE m.date <= ? AND (`+outOfScale("m", "t")+`) IS NOT TRUE ORDER BY m.target_id, m.date, m.id`, asOf).Rows()
	if err != nil {
		return nil, translate(err, nil)
	}
	defer rows.Close()
	out := map[uint][]models.Measurement{}
	// The rows come target by target: each target's readings gather in run
	// and are kept in a slice of just their size, as the report holds them
	// all while it writes.
	var run []models.Measurement
	keep := func() {
		if len(run) > 0 {
			out[run[0].TargetID] = slices.Clone(run)
			run = run[:0]
		}
	}
	// Each value is taken as the driver gives it and converted here:
	// database/sql converts an integer into a uint field by printing and
	// parsing it.
	var id, target, day, value, sample, note any
	for rows.Next() {
		if err := rows.Scan(&id, &target, &day, &value, &sample, &note); err != nil {
			return nil, translate(err, nil)
		}
		m := models.Measurement{Record: models.Record{ID: uint(storedInt(id))}, TargetID: uint(storedInt(target)),
			SampleSize: storedInt(sample), Note: asText(note)}
		switch v := value.(type) { // a number stored as one, not a text that reads as one
		case int64:
			m.Value = float64(v)
		case float64:
			m.Value = v
		default:
			// A server's numeric column comes as its digits; on a file,
			// text in a number column is not a reading to score.
			n := storedFloat(v)
			if n == nil || !d.server() {
				continue
			}
			m.Value = *n
		}
		if err := m.Date.Scan(day); err != nil {
			return nil, err
		}
		if m.Date.IsZero() { // not set, or not a date
			continue
		}
		if len(run) > 0 && run[0].TargetID != m.TargetID {
			keep()
		}
		run = append(run, m)
	}
	keep()
	return out, translate(rows.Err(), nil)
}

// asText is a text as a driver gives it, "" for NULL.
func asText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}
