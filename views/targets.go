package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// targetsScreen is the register of targets (KPIs) with their scorecard.
type targetsScreen struct {
	env   *env
	reg   *register[app.TargetRow]
	names app.Names
}

func newTargetsScreen(e *env) *targetsScreen {
	s := &targetsScreen{env: e}
	text := func(f func(app.TargetRow) string) func(app.TargetRow) string { return f }
	s.reg = &register[app.TargetRow]{
		readOnly: s.env.store.ReadOnly() != "",
		kind:     models.RecordTarget,
		key:      func(r app.TargetRow) uint { return r.Target.ID },
		cols: []column[app.TargetRow]{
			{title: "Target", width: 220, text: text(func(r app.TargetRow) string { return r.Target.Name })},
			{title: "Kind", width: 115, text: text(func(r app.TargetRow) string { return string(r.Target.Kind) })},
			{title: "Current", width: 135, text: currentText},
			{title: "Target value", width: 130, text: text(func(r app.TargetRow) string {
				return models.FormatValue(r.Target.TargetValue, r.Target.Unit)
			})},
			{title: "Due", width: 110, text: text(func(r app.TargetRow) string { return r.Target.TargetDate.String() }),
				less: func(a, b app.TargetRow) bool { return dateLess(a.Target.TargetDate, b.Target.TargetDate) }},
			{title: "Progress", width: 90, text: progressText, less: func(a, b app.TargetRow) bool { return progressKey(a) < progressKey(b) }},
			{title: "Status", width: 110, text: text(func(r app.TargetRow) string { return string(r.Reading.Status) }),
				colour: func(r app.TargetRow) color.Color { return targetColour(r.Reading.Status) }},
			{title: "Reason", width: 420, text: text(func(r app.TargetRow) string { return r.Reading.Reason })},
			{title: "Parent", width: 180, text: func(r app.TargetRow) string { return app.Of(s.names.Targets, r.Target.ParentID) }},
		},
		statusName: "Status",
		statuses:   models.Words(models.TargetStatuses),
		inStatus:   statusIs(func(r app.TargetRow) string { return string(r.Reading.Status) }),
	}
	s.reg.onOpen = func(r app.TargetRow) { s.openDetail(r.Target.ID) }
	e.router.handle(models.RecordTarget, verbOpen, s.openDetail)
	s.reg.onNew = s.newRecord
	s.reg.onDelete = func(r app.TargetRow) {
		s.env.deleteRecord(models.RecordTarget, "the target “"+r.Target.Name+"”", r.Target.ID, func() error { return app.Delete[models.Target](s.env.store, r.Target.ID) })
	}
	return s
}

func currentText(r app.TargetRow) string {
	if !r.Reading.HasData {
		return "no data"
	}
	return models.FormatValue(r.Reading.Current, r.Target.Unit)
}

func progressText(r app.TargetRow) string {
	if !r.Reading.HasData || r.Target.BaselineValue == nil {
		return "no data"
	}
	return models.FormatPercent(r.Reading.Progress)
}

// progressKey sorts "no data" below every real progress.
func progressKey(r app.TargetRow) float64 {
	if !r.Reading.HasData {
		return -1e18
	}
	return r.Reading.Progress
}

func (s *targetsScreen) content() fyne.CanvasObject { return s.reg.build() }

func (s *targetsScreen) reload() {
	loadRegister(s.env, s.reg, &s.names, func() ([]app.TargetRow, error) { return s.env.store.Scorecard(s.env.today()) })
}

func (s *targetsScreen) focusFilter() { s.env.win.Canvas().Focus(s.reg.filter) }

func (s *targetsScreen) newRecord() {
	today := s.env.today()
	s.edit(models.Target{Kind: models.KindPerception, Direction: models.DirectionIncrease, BaselineDate: today, TargetDate: today.AddMonths(12)})
}

// edit opens the add/edit form of a target.
func (s *targetsScreen) edit(t models.Target) {
	s.env.withNames(func(names app.Names) { s.targetForm(t, names) })
}

// targetForm shows the form once the names its drop-downs offer are read.
func (s *targetsScreen) targetForm(t models.Target, names app.Names) {
	delete(names.Targets, t.ID) // not its own parent
	title := "New target"
	if t.ID != 0 {
		title = "Edit target"
	}
	f := newRecordForm(s.env.win, title)
	fields := newTargetFields(f, t, names)
	gather := func() (*models.Target, error) { return fields.gather(t) }
	showRecordForm(f, s.env, gather, func(rec *models.Target) error { return s.env.store.SaveTarget(rec) }, func() {
		if fresh, err := app.Get[models.Target](s.env.store, t.ID); err == nil {
			s.edit(fresh)
		}
	})
}

// targetFields are the target form's fields.
type targetFields struct {
	f                       *recordForm
	name, unit              *escEntry
	kind, dir               *widget.Select
	lo, hi, base, goal, tol numberField
	baseDate, goalDate      *dateField
	parent, owner           *recordPicker
}

func newTargetFields(f *recordForm, t models.Target, names app.Names) targetFields {
	x := targetFields{f: f}
	x.name = f.entry("Name", "Name", t.Name)
	x.kind = f.choice("Kind", models.Words(models.TargetKinds), string(t.Kind))
	x.unit = f.entry("Unit", "Unit", t.Unit)
	x.unit.SetPlaceHolder("%, £, minutes… (blank for a score)")
	x.dir = f.choice("Better when it", models.Words(models.Directions), string(t.Direction))
	x.lo = f.number("ScaleMin", "Scale minimum", "scale minimum", t.ScaleMin)
	x.hi = f.number("ScaleMax", "Scale maximum", "scale maximum", t.ScaleMax)
	x.base = f.number("BaselineValue", "Baseline value", "baseline value", t.BaselineValue)
	x.baseDate = f.date("BaselineDate", "Baseline date", t.BaselineDate)
	x.goal = f.number("TargetValue", "Target value", "target value", &t.TargetValue)
	x.goalDate = f.date("TargetDate", "Target due date", t.TargetDate)
	x.tol = f.number("AmberTolerance", "Amber tolerance", "amber tolerance", &t.AmberTolerance)
	x.tol.SetPlaceHolder("how far behind the plan still counts as at risk")
	x.parent = f.ref("Parent target", names.Targets, t.ParentID, true)
	x.owner = f.ref("Owner", names.Members, t.OwnerID, true)
	return x
}

// gather reads the fields into a copy of t and validates it.
func (x targetFields) gather(t models.Target) (*models.Target, error) {
	rec := t
	rec.Name, rec.Unit = strings.TrimSpace(x.name.Text), strings.TrimSpace(x.unit.Text)
	rec.Kind, rec.Direction = models.TargetKind(x.kind.Selected), models.Direction(x.dir.Selected)
	rec.ParentID, rec.OwnerID = x.parent.id(), x.owner.id()
	var read problems
	rec.ScaleMin, rec.ScaleMax = read.optional(x.lo.optional()), read.optional(x.hi.optional())
	rec.BaselineValue = read.optional(x.base.optional())
	rec.TargetValue = read.amount(x.goal.required())
	rec.AmberTolerance = read.amount(x.tol.orZero())
	rec.BaselineDate = read.day(x.f.parseDate("BaselineDate", "baseline date", x.baseDate.Text))
	rec.TargetDate = read.day(x.f.parseDate("TargetDate", "target due date", x.goalDate.Text))
	return &rec, read.and(rec.Validate())
}
