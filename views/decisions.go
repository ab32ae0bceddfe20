package views

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// decisionsScreen holds the decisions register and the actions register.
type decisionsScreen struct {
	env       *env
	tabs      *registerTabs
	decisions *register[app.DecisionRow]
	actions   *register[app.ActionRow]
	names     app.Names
	decided   map[uint]string // decision ID -> short statement
}

func newDecisionsScreen(e *env) *decisionsScreen {
	s := &decisionsScreen{env: e}
	s.decisions = &register[app.DecisionRow]{
		readOnly: s.env.store.ReadOnly() != "",
		kind:     models.RecordDecision,
		sticky:   2, // the date and the statement
		cols: []column[app.DecisionRow]{
			{title: "Decided", width: 100, text: func(r app.DecisionRow) string { return r.DecidedOn.String() },
				less: func(a, b app.DecisionRow) bool { return dateLess(a.DecidedOn, b.DecidedOn) }},
			{title: "Statement", width: 360, text: func(r app.DecisionRow) string { return r.Statement }},
			{title: "Status", width: 110, text: func(r app.DecisionRow) string { return string(r.Status) }},
			{title: "Owner", width: 140, text: func(r app.DecisionRow) string { return r.Owner }},
			{title: "Review", width: 110, text: reviewText,
				colour: func(r app.DecisionRow) color.Color { return flagColour(r.DueForReview) },
				less:   func(a, b app.DecisionRow) bool { return dateLess(a.ReviewDate, b.ReviewDate) }},
			{title: "Linked to", width: 240, text: func(r app.DecisionRow) string { return r.Link }},
			{title: "Meeting", width: 260, text: func(r app.DecisionRow) string { return r.Meeting }},
			{title: "Quorum", width: 120, text: func(r app.DecisionRow) string { return map[bool]string{true: "no quorum"}[r.NoQuorum] },
				colour: func(r app.DecisionRow) color.Color { return flagColour(r.NoQuorum) }},
		},
		statusName: "Status",
		statuses:   append(models.Words(models.DecisionStatuses), "due for review"),
		inStatus: func(r app.DecisionRow, choice string) bool {
			return string(r.Status) == choice || (choice == "due for review" && r.DueForReview)
		},
		sortDesc: true,
	}
	s.decisions.onOpen = func(r app.DecisionRow) { s.editDecision(*r.Decision) }
	s.decisions.onNew = func() { s.editDecision(models.Decision{Status: models.DecisionProposed, DecidedOn: s.env.today()}) }
	s.decisions.onDelete = func(r app.DecisionRow) {
		s.env.deleteRecord(models.RecordDecision, "the decision “"+models.Shorten(r.Statement, 80)+"”", r.ID, func() error { return app.Delete[models.Decision](s.env.store, r.ID) })
	}
	s.actions = &register[app.ActionRow]{
		readOnly: s.env.store.ReadOnly() != "",
		kind:     models.RecordAction,
		cols: []column[app.ActionRow]{
			{title: "Action", width: 340, text: func(r app.ActionRow) string { return r.Description }},
			{title: "Owner", width: 140, text: func(r app.ActionRow) string { return r.Owner }},
			{title: "Status", width: 100, text: func(r app.ActionRow) string { return string(r.Status) }},
			{title: "Due", width: 110, text: func(r app.ActionRow) string { return r.DueDate().String() },
				colour: func(r app.ActionRow) color.Color { return flagColour(r.DaysOverdue > 0) },
				less:   func(a, b app.ActionRow) bool { return dateLess(a.DueDate(), b.DueDate()) }},
			{title: "Originally due", width: 120, text: func(r app.ActionRow) string { return r.OriginalDueDate.String() }},
			{title: "Days overdue", width: 110, text: func(r app.ActionRow) string { return nonZero(r.DaysOverdue) },
				less: func(a, b app.ActionRow) bool { return a.DaysOverdue < b.DaysOverdue }},
			{title: "Carried over", width: 110, text: func(r app.ActionRow) string { return nonZero(r.TimesCarriedOver) },
				less: func(a, b app.ActionRow) bool { return a.TimesCarriedOver < b.TimesCarriedOver }},
			{title: "Source", width: 360, text: func(r app.ActionRow) string { return r.Source }},
		},
		statusName: "Status",
		statuses:   append(models.Words(models.ActionStatuses), "overdue"),
		inStatus: func(r app.ActionRow, choice string) bool {
			return string(r.Status) == choice || (choice == "overdue" && r.DaysOverdue > 0)
		},
		sortCol: 3,
	}
	s.actions.onOpen = func(r app.ActionRow) { s.editAction(*r.ActionItem) }
	e.router.handle(models.RecordDecision, verbOpen, s.openDecision)
	e.router.handle(models.RecordAction, verbOpen, s.openAction)
	s.actions.onNew = func() {
		s.editAction(models.ActionItem{Status: models.ActionOpen, OpenedOn: s.env.today(), OriginalDueDate: s.env.today().AddDays(14)})
	}
	s.actions.onDelete = func(r app.ActionRow) {
		s.env.confirmDelete("the action “"+models.Shorten(r.Description, 80)+"”", "", func() error { return app.Delete[models.ActionItem](s.env.store, r.ID) })
	}
	return s
}

func reviewText(r app.DecisionRow) string {
	if r.ReviewDate.IsZero() {
		return ""
	}
	if r.DueForReview {
		return r.ReviewDate.String() + " due"
	}
	return r.ReviewDate.String()
}

// flagColour marks a late date red; otherwise no dot is shown.
func flagColour(late bool) color.Color {
	if late {
		return colourRed
	}
	return nil
}

func nonZero(n int) string {
	if n == 0 {
		return ""
	}
	return itoa(n)
}

func (s *decisionsScreen) content() fyne.CanvasObject {
	s.tabs = newRegisterTabs(
		registerTab{"Decisions", s.decisions.build(), func() *widget.Entry { return s.decisions.filter }, func() { s.decisions.onNew() }},
		registerTab{"Actions", s.actions.build(), func() *widget.Entry { return s.actions.filter }, func() { s.actions.onNew() }},
	)
	return s.tabs.tabs
}

func (s *decisionsScreen) reload() {
	var ds []app.DecisionRow
	var as []app.ActionRow
	var names app.Names
	s.env.load(func() (err error) {
		if ds, err = s.env.store.DecisionRows(s.env.today()); err != nil {
			return err
		}
		if as, err = s.env.store.ActionRows(s.env.today()); err != nil {
			return err
		}
		names, err = s.env.store.Names()
		return err
	}, func() {
		s.names = names
		s.decided = map[uint]string{}
		for _, d := range ds {
			s.decided[d.ID] = fmt.Sprintf("#%d %s", d.ID, models.Shorten(d.Statement, 60))
		}
		s.decisions.setRows(ds)
		s.actions.setRows(as)
		s.decisions.showSaved(s.env)
		s.actions.showSaved(s.env)
	})
}

func (s *decisionsScreen) focusFilter() { s.tabs.focusFilter(s.env.win.Canvas()) }

func (s *decisionsScreen) newRecord() { s.tabs.newRecord() }

// openDecision shows decision id in its form.
func (s *decisionsScreen) openDecision(id uint) {
	openRecord(s.env, s, func() *registerTabs { return s.tabs }, 0, id, s.editDecision)
}

// openAction shows action id in its form.
func (s *decisionsScreen) openAction(id uint) {
	openRecord(s.env, s, func() *registerTabs { return s.tabs }, 1, id, s.editAction)
}

func (s *decisionsScreen) editDecision(d models.Decision) { decisionForms{s.env}.decision(d, nil) }

func (s *decisionsScreen) editAction(a models.ActionItem) { decisionForms{s.env}.action(a) }
