package views

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"

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
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return models.FormatNumber(*p)
	}
	f := newRecordForm(s.env.win, title)
	name := f.entry("Name", "Name", t.Name)
	kind := f.choice("Kind", models.Words(models.TargetKinds), string(t.Kind))
	unit := f.entry("Unit", "Unit", t.Unit)
	unit.SetPlaceHolder("%, £, minutes… (blank for a score)")
	dir := f.choice("Better when it", models.Words(models.Directions), string(t.Direction))
	lo := f.entry("ScaleMin", "Scale minimum", num(t.ScaleMin))
	hi := f.entry("ScaleMax", "Scale maximum", num(t.ScaleMax))
	base := f.entry("BaselineValue", "Baseline value", num(t.BaselineValue))
	baseDate := f.date("BaselineDate", "Baseline date", t.BaselineDate)
	goal := f.entry("TargetValue", "Target value", models.FormatNumber(t.TargetValue))
	goalDate := f.date("TargetDate", "Target due date", t.TargetDate)
	tol := f.entry("AmberTolerance", "Amber tolerance", models.FormatNumber(t.AmberTolerance))
	tol.SetPlaceHolder("how far behind the expected path still counts as at risk")
	parent := f.ref("Parent target", names.Targets, t.ParentID, true)
	owner := f.ref("Owner", names.Members, t.OwnerID, true)
	gather := func() (*models.Target, error) {
		rec := t
		rec.Name, rec.Unit = strings.TrimSpace(name.Text), strings.TrimSpace(unit.Text)
		rec.Kind, rec.Direction = models.TargetKind(kind.Selected), models.Direction(dir.Selected)
		rec.ParentID, rec.OwnerID = parent.id(), owner.id()
		var err error
		for _, n := range []struct {
			dst         **float64
			field, what string
			e           *escEntry
		}{{&rec.ScaleMin, "ScaleMin", "scale minimum", lo}, {&rec.ScaleMax, "ScaleMax", "scale maximum", hi}, {&rec.BaselineValue, "BaselineValue", "baseline value", base}} {
			if *n.dst, err = parseNumber(n.field, n.what, n.e.Text); err != nil {
				return nil, err
			}
		}
		g, err := parseNumber("TargetValue", "target value", goal.Text)
		if err != nil {
			return nil, err
		}
		if g == nil {
			return nil, &models.FieldError{Field: "TargetValue", Message: "target value is required"}
		}
		rec.TargetValue = *g
		tv, err := parseNumber("AmberTolerance", "amber tolerance", tol.Text)
		if err != nil {
			return nil, err
		}
		rec.AmberTolerance = 0
		if tv != nil {
			rec.AmberTolerance = *tv
		}
		if rec.BaselineDate, err = f.parseDate("BaselineDate", "baseline date", baseDate.Text); err != nil {
			return nil, err
		}
		if rec.TargetDate, err = f.parseDate("TargetDate", "target due date", goalDate.Text); err != nil {
			return nil, err
		}
		return &rec, rec.Validate()
	}
	showRecordForm(f, s.env, gather, func(rec *models.Target) error { return s.env.store.SaveTarget(rec) }, func() {
		if fresh, err := app.Get[models.Target](s.env.store, t.ID); err == nil {
			s.edit(fresh)
		}
	})
}
