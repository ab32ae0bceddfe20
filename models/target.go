package models

import "math"

// Target is a KPI with a baseline, a goal and measurements over time.
type Target struct {
	Record
	Name           string     `gorm:"not null;uniqueIndex"`
	Kind           TargetKind `gorm:"not null"`
	Unit           string
	ScaleMin       *float64  `gorm:"serializer:lenient"`
	ScaleMax       *float64  `gorm:"serializer:lenient"`
	Direction      Direction `gorm:"not null"`
	BaselineValue  *float64  `gorm:"serializer:lenient"`
	BaselineDate   Date
	TargetValue    float64 `gorm:"not null;serializer:lenient"`
	TargetDate     Date
	AmberTolerance float64 `gorm:"not null;serializer:lenient"` // how far behind the expected path, in the target's unit, still counts as at risk
	ParentID       *uint
	Parent         *Target `gorm:"constraint:OnDelete:SET NULL"`
	OwnerID        *uint
	Owner          *Member `gorm:"constraint:OnDelete:SET NULL"`
}

// Validate checks the target.
func (t *Target) Validate() error {
	return JoinProblems(
		required("Name", "target name", t.Name),
		maxLen("Name", "target name", t.Name, 120),
		oneOf("Kind", "target kind", t.Kind, TargetKinds),
		oneOf("Direction", "target direction", t.Direction, Directions),
		t.validScale(),
		t.inScale("BaselineValue", "baseline value", t.BaselineValue),
		t.inScale("TargetValue", "target value", &t.TargetValue),
		t.validDirection(),
		requiredDate("TargetDate", "target due date", t.TargetDate),
		dateOrder("TargetDate", "baseline date", t.BaselineDate, "target due date", t.TargetDate),
		t.validTolerance(),
		t.validParent(),
	)
}

// DuplicateMessage explains a unique-key clash.
func (t *Target) DuplicateMessage() string {
	return "a target named " + t.Name + " already exists"
}

func (t *Target) validScale() error {
	for _, end := range []*float64{t.ScaleMin, t.ScaleMax} {
		if end != nil && (math.IsNaN(*end) || math.IsInf(*end, 0)) {
			return fieldErr("ScaleMax", "the scale ends must be numbers")
		}
	}
	if t.ScaleMin != nil && t.ScaleMax != nil && *t.ScaleMin >= *t.ScaleMax {
		return fieldErr("ScaleMax", "scale maximum %s must be above scale minimum %s", FormatNumber(*t.ScaleMax), FormatNumber(*t.ScaleMin))
	}
	return nil
}

// InScale checks a value against the target's scale, naming it as what.
func (t *Target) InScale(what string, v float64) error {
	return t.inScale("Value", what, &v)
}

func (t *Target) inScale(field, what string, v *float64) error {
	switch {
	case v == nil:
		return nil
	case math.IsNaN(*v) || math.IsInf(*v, 0):
		return fieldErr(field, "%s must be a number", what)
	case t.ScaleMin != nil && *v < *t.ScaleMin:
		return fieldErr(field, "%s %s is below the scale minimum %s", what, FormatNumber(*v), FormatNumber(*t.ScaleMin))
	case t.ScaleMax != nil && *v > *t.ScaleMax:
		return fieldErr(field, "%s %s is above the scale maximum %s", what, FormatNumber(*v), FormatNumber(*t.ScaleMax))
	}
	return nil
}

func (t *Target) validDirection() error {
	if t.BaselineValue == nil {
		return nil
	}
	b := *t.BaselineValue
	if t.Direction == DirectionIncrease && t.TargetValue < b {
		return fieldErr("TargetValue", "target value %s is below the baseline %s, but the target should increase", FormatNumber(t.TargetValue), FormatNumber(b))
	}
	if t.Direction == DirectionDecrease && t.TargetValue > b {
		return fieldErr("TargetValue", "target value %s is above the baseline %s, but the target should decrease", FormatNumber(t.TargetValue), FormatNumber(b))
	}
	return nil
}

func (t *Target) validTolerance() error {
	if t.AmberTolerance < 0 || math.IsNaN(t.AmberTolerance) || math.IsInf(t.AmberTolerance, 0) {
		return fieldErr("AmberTolerance", "amber tolerance cannot be negative")
	}
	return nil
}

func (t *Target) validParent() error {
	if t.ParentID != nil && t.ID != 0 && *t.ParentID == t.ID {
		return fieldErr("ParentID", "a target cannot be its own parent")
	}
	return nil
}

// Measurement is one reading of a target.
type Measurement struct {
	Record
	TargetID   uint    `gorm:"not null;index:idx_measurements_target_date,priority:1"`
	Target     *Target `gorm:"constraint:OnDelete:CASCADE"`
	Date       Date    `gorm:"not null;index:idx_measurements_target_date,priority:2"`
	Value      float64 `gorm:"not null;serializer:lenient"`
	SampleSize int     `gorm:"not null;serializer:lenient"`
	Note       string
}

// Validate checks the measurement on its own; the app checks the value
// against the target's scale.
func (m *Measurement) Validate() error {
	var tgt, val, sample error
	if m.TargetID == 0 {
		tgt = fieldErr("TargetID", "the target of a measurement is required")
	}
	if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
		val = fieldErr("Value", "measured value must be a number")
	}
	if m.SampleSize < 0 {
		sample = fieldErr("SampleSize", "sample size cannot be negative")
	}
	return JoinProblems(tgt, requiredDate("Date", "measurement date", m.Date), val, sample)
}

// DuplicateMessage explains a unique-key clash.
func (m *Measurement) DuplicateMessage() string { return "this measurement already exists" }

// LeadsToFinancial reports whether a target, following parents, reaches a
// financial target. A loop in the hierarchy never does: a walk longer than
// there are targets has gone round one.
func LeadsToFinancial(id uint, byID map[uint]*Target) bool {
	for range len(byID) {
		t, ok := byID[id]
		switch {
		case !ok:
			return false
		case t.Kind == KindFinancial:
			return true
		case t.ParentID == nil:
			return false
		}
		id = *t.ParentID
	}
	return false
}
