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
	// The readings and the days initiatives finished are read beside the
	// registers.
	var ms map[uint][]models.Measurement
	var finished map[uint]models.Date
	var g errgroup.Group
	g.Go(func() (err error) { ms, err = s.measurementsUpTo(asOf); return })
	g.Go(func() (err error) { finished, err = s.finishedOn(); return })
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
	if snap.Changes, snap.Since, err = s.sinceLastMeeting(asOf, snap.Measurements, &regs.base); err != nil {
		return snap, err
	}
	snap.Wins = models.Wins(c.Initiatives, finished, targets, snap.Measurements, asOf)
	snap.Superseded = map[uint]uint{}
	for _, x := range snap.Decisions {
		if x.SupersededByID != nil {
			snap.Superseded[x.ID] = *x.SupersededByID
		}
	}
	return snap, s.executive(&snap, c.Meetings, c.Initiatives, regs.names)
}

// statusChanges reads the status changes where cond holds, by date, in
// the columns the rules use (not the timestamps, which the driver parses
// slowly).
func (s *Store) statusChanges(cond string) ([]models.StatusChange, error) {
	return scanList[models.StatusChange](s.db, `SELECT id, initiative_id, CAST(date AS TEXT) AS date, "from", "to"
		FROM status_changes WHERE `+cond+` ORDER BY date, id`)
}

// measurementsUpTo loads every measurement on or before asOf, by target,
// oldest first. It scans the rows itself: a report may read a hundred
// thousand of them.
func (s *Store) measurementsUpTo(asOf models.Date) (map[uint][]models.Measurement, error) {
	d := dialectOf(s.db)
	rows, err := s.db.Raw(`SELECT m.id, m.target_id, CAST(m.date AS TEXT), m.value,
		CASE WHEN `+d.isInteger("m.sample_size")+` THEN m.sample_size ELSE 0 END, m.note
		FROM measurements m JOIN targets t ON t.id = m.target_id
		WHERE m.date <= ? AND `+d.scorableOf("m", "t")+` ORDER BY m.target_id, m.date, m.id`, asOf).Rows()
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
		if v := storedFloat(value); v != nil { // always, as the query keeps only numbers
			m.Value = *v
		}
		if err := m.Date.Scan(day); err != nil {
			return nil, err
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

// finishedOn maps each initiative to the day it last became done.
func (s *Store) finishedOn() (map[uint]models.Date, error) {
	var rows []struct {
		InitiativeID uint
		Day          models.Date
	}
	err := s.db.Model(&models.StatusChange{}).Select("initiative_id, MAX(date) AS day").
		Where("\"to\" = ? AND "+dialectOf(s.db).isoDate("date"), models.InitiativeDone).Group("initiative_id").Scan(&rows).Error
	out := map[uint]models.Date{}
	for _, r := range rows {
		out[r.InitiativeID] = r.Day
	}
	return out, translate(err, nil)
}
