package app

import (
	"errors"
	"fmt"
	"slices"
	"sort"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// SaveTarget creates or updates a target, refusing a parent that would make
// the hierarchy loop back on itself.
func (s *Store) SaveTarget(t *models.Target) error {
	return s.write(func(tx *gorm.DB) error {
		if err := checkParentLoop(tx, t); err != nil {
			return err
		}
		if t.ID == 0 {
			return createIn(tx, t)
		}
		return updateIn(tx, t)
	})
}

func checkParentLoop(tx *gorm.DB, t *models.Target) error {
	if t.ParentID == nil || t.ID == 0 {
		return nil
	}
	id := *t.ParentID
	for steps := 0; steps < 1000; steps++ {
		if id == t.ID {
			return &models.FieldError{Field: "ParentID", Message: "this parent would make the target hierarchy loop back on itself"}
		}
		var p models.Target
		if err := tx.Select("id, parent_id").First(&p, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return &models.FieldError{Field: "ParentID", Message: "the parent target no longer exists"}
		} else if err != nil {
			return translate(err, nil)
		}
		if p.ParentID == nil {
			return nil
		}
		id = *p.ParentID
	}
	return nil
}

// RecordMeasurement checks a reading against its target's scale and saves
// it, in three statements: the target's scale, the reading, its history.
func (s *Store) RecordMeasurement(m *models.Measurement) error {
	return s.write(func(tx *gorm.DB) error {
		if err := m.Validate(); err != nil {
			return err
		}
		if m.ID != 0 {
			return errors.New("this reading is already saved")
		}
		var low, high any
		if err := rowIn(tx, "SELECT scale_min, scale_max FROM targets WHERE id = ?", m.TargetID).Scan(&low, &high); err != nil {
			return missing(err, "the target of this measurement")
		}
		t := models.Target{ScaleMin: storedFloat(low), ScaleMax: storedFloat(high)}
		if err := t.InScale("measured value", m.Value); err != nil {
			return err
		}
		h, err := insertCreated(tx, m, "measurements", []string{"target_id", "date", "value", "sample_size", "note"},
			[]any{m.TargetID, m.Date, m.Value, m.SampleSize, m.Note})
		if err != nil {
			return err
		}
		return insertHistory(tx, []models.HistoryEntry{h})
	})
}

// Measurements returns a target's measurements, oldest first.
func (s *Store) Measurements(targetID uint) ([]models.Measurement, error) {
	var list []models.Measurement
	err := s.db.Where("target_id = ?", targetID).Order("date, id").Find(&list).Error
	return list, translate(err, nil)
}

// TargetRow is a target with its reading on a day.
type TargetRow struct {
	Target  models.Target
	Reading models.TargetReading
	LeftOut bool // a stored value of the target cannot be used: not scored
}

// Scorecard evaluates every target as of a day, in hierarchy order
// (financial first, then perception, then operational), then by name.
func (s *Store) Scorecard(asOf models.Date) ([]TargetRow, error) {
	targets, err := List[models.Target](s, "name")
	if err != nil {
		return nil, err
	}
	return s.scorecard(targets, asOf)
}

// scorecard evaluates targets already read (by name) as of a day.
func (s *Store) scorecard(targets []models.Target, asOf models.Date) ([]TargetRow, error) {
	in, err := s.readScoring(asOf)
	if err != nil {
		return nil, err
	}
	return scorecardRows(targets, in, asOf), nil
}

// scoring is what evaluating targets reads besides them: each target's
// latest reading, and the targets whose stored values cannot be used.
type scoring struct {
	latest   map[uint]models.Measurement
	unusable []StoredProblem
}

// readScoring reads what the scorecard needs besides the targets.
func (s *Store) readScoring(asOf models.Date) (in scoring, err error) {
	if in.latest, err = s.latestMeasurements(asOf); err != nil {
		return in, err
	}
	in.unusable, err = storedProblemsIn(s.db, "targets", 0)
	return in, err
}

// scorecardRows evaluates each target from its latest reading, in
// hierarchy order; a target with an unusable stored value is left out.
func scorecardRows(targets []models.Target, in scoring, asOf models.Date) []TargetRow {
	targets = slices.Clone(targets)
	sort.SliceStable(targets, func(i, j int) bool { return hierarchyLevel(targets[i].Kind) < hierarchyLevel(targets[j].Kind) })
	leftOut := map[uint]StoredProblem{}
	for _, p := range in.unusable {
		leftOut[p.ID] = p
	}
	rows := make([]TargetRow, len(targets))
	for i, t := range targets {
		if p, bad := leftOut[t.ID]; bad {
			rows[i] = TargetRow{Target: t, Reading: models.TargetReading{Status: models.TargetNoData,
				Reason: fmt.Sprintf("left out of scoring: %s holds %q; expected %s", p.Column, p.Raw, p.Expected),
				Short:  "left out: a stored value cannot be used"}, LeftOut: true}
			continue
		}
		var ms []models.Measurement
		if m, ok := in.latest[t.ID]; ok {
			ms = []models.Measurement{m}
		}
		rows[i] = TargetRow{Target: t, Reading: models.Evaluate(t, ms, asOf)}
	}
	return rows
}

// latestMeasurements returns each target's latest measurement on or before
// asOf, chosen in SQL so no full history is loaded.
func (s *Store) latestMeasurements(asOf models.Date) (map[uint]models.Measurement, error) {
	// One subquery per target, not per measurement: at 5,000 targets and
	// 64,000 readings that is 10 times faster.
	ms, err := scanList[models.Measurement](s.db, `SELECT m.id, m.target_id, CAST(m.date AS TEXT) AS date, m.value,
		m.sample_size, m.note FROM targets t JOIN measurements m
		ON m.id = (SELECT m2.id FROM measurements m2
			WHERE m2.target_id = t.id AND m2.date <= ? AND `+dialectOf(s.db).scorableOf("m2", "t")+`
			ORDER BY m2.date DESC, m2.id DESC LIMIT 1)`, asOf)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]models.Measurement, len(ms))
	for _, m := range ms {
		out[m.TargetID] = m
	}
	return out, nil
}

// ChildTargets returns the targets whose parent is id, by name.
func (s *Store) ChildTargets(id uint) ([]models.Target, error) {
	var list []models.Target
	err := s.db.Where("parent_id = ?", id).Order("name").Find(&list).Error
	return list, translate(err, nil)
}

// hierarchyLevel orders targets as the scorecard shows them: financial
// outcomes first, then perception, then operational metrics.
func hierarchyLevel(k models.TargetKind) int {
	switch k {
	case models.KindFinancial:
		return 0
	case models.KindPerception:
		return 1
	}
	return 2
}
