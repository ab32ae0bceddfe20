package views

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// decisionsScreen holds the decisions register and the actions register.
type decisionsScreen struct {
	m         *mainWindow
	tabs      *registerTabs
	decisions *register[app.DecisionRow]
	actions   *register[app.ActionRow]
	names     app.Names
	decided   map[uint]string // decision ID -> short statement
}

func newDecisionsScreen(m *mainWindow) *decisionsScreen {
	s := &decisionsScreen{m: m}
	s.decisions = &register[app.DecisionRow]{
		readOnly: s.m.store.ReadOnly() != "",
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
	s.decisions.onOpen = func(r app.DecisionRow) { s.editDecision(r.Decision) }
	s.decisions.onNew = func() { s.editDecision(models.Decision{Status: models.DecisionProposed, DecidedOn: s.m.today()}) }
	s.decisions.onDelete = func(r app.DecisionRow) {
		s.m.deleteRecord("decision", "the decision “"+models.Shorten(r.Statement, 80)+"”", r.ID, func() error { return app.Delete[models.Decision](s.m.store, r.ID) })
	}
	s.actions = &register[app.ActionRow]{
		readOnly: s.m.store.ReadOnly() != "",
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
	s.actions.onOpen = func(r app.ActionRow) { s.editAction(r.ActionItem) }
	s.actions.onNew = func() {
		s.editAction(models.ActionItem{Status: models.ActionOpen, OpenedOn: s.m.today(), OriginalDueDate: s.m.today().AddDays(14)})
	}
	s.actions.onDelete = func(r app.ActionRow) {
		s.m.confirmDelete("the action “"+models.Shorten(r.Description, 80)+"”", "", func() error { return app.Delete[models.ActionItem](s.m.store, r.ID) })
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
	s.m.load(func() (err error) {
		if ds, err = s.m.store.DecisionRows(s.m.today()); err != nil {
			return err
		}
		if as, err = s.m.store.ActionRows(s.m.today()); err != nil {
			return err
		}
		names, err = s.m.store.Names()
		return err
	}, func() {
		s.names = names
		s.decided = map[uint]string{}
		for _, d := range ds {
			s.decided[d.ID] = fmt.Sprintf("#%d %s", d.ID, models.Shorten(d.Statement, 60))
		}
		s.decisions.setRows(ds)
		s.actions.setRows(as)
	})
}

func (s *decisionsScreen) focusFilter() { s.tabs.focusFilter(s.m.win.Canvas()) }

func (s *decisionsScreen) newRecord() { s.tabs.newRecord() }

// openDecision shows decision id in its form.
func (s *decisionsScreen) openDecision(id uint) {
	openRecord(s.m, s, func() *registerTabs { return s.tabs }, 0, id, s.editDecision)
}

// openAction shows action id in its form.
func (s *decisionsScreen) openAction(id uint) {
	openRecord(s.m, s, func() *registerTabs { return s.tabs }, 1, id, s.editAction)
}

func (s *decisionsScreen) ensureNames() bool {
	if s.decided != nil {
		return true
	}
	names, err := s.m.store.Names()
	if err != nil {
		s.m.showError(err)
		return false
	}
	s.names, s.decided = names, map[uint]string{}
	return true
}

func (s *decisionsScreen) editDecision(d models.Decision) {
	s.editDecisionWith(d, func(rec *models.Decision) error { return saveRecord(s.m.store, rec) })
}

// editDecisionWith opens the decision form; save stores what it gathers.
func (s *decisionsScreen) editDecisionWith(d models.Decision, save func(*models.Decision) error) {
	if !s.ensureNames() {
		return
	}
	title := "New decision"
	if d.ID != 0 {
		title = "Edit decision"
	}
	others := map[uint]string{}
	for id, text := range s.decided {
		if id != d.ID {
			others[id] = text
		}
	}
	f := newRecordForm(s.m.win, title)
	statement := f.multiline("Statement", "Statement", d.Statement)
	rationale := f.multiline("Rationale", "Rationale", d.Rationale)
	status := f.choice("Status", models.Words(models.DecisionStatuses), string(d.Status))
	decided := f.date("DecidedOn", "Decided on", d.DecidedOn)
	owner := f.ref("Owner", s.names.Members, d.OwnerID, true)
	meeting := f.ref("Meeting", s.names.Meetings, d.MeetingID, true)
	ini := f.ref("Initiative", s.names.Initiatives, d.InitiativeID, true)
	tgt := f.ref("Target", s.names.Targets, d.TargetID, true)
	review := f.date("ReviewDate", "Review date", d.ReviewDate)
	superseded := f.ref("Superseded by", others, d.SupersededByID, true)
	vote := func(p *int) string {
		if p == nil {
			return ""
		}
		return itoa(*p)
	}
	votes := []*escEntry{f.entry("VotesFor", "Votes for", vote(d.VotesFor)), f.entry("VotesAgainst", "Votes against", vote(d.VotesAgainst)), f.entry("VotesAbstain", "Abstentions", vote(d.VotesAbstain))}
	gather := func() (*models.Decision, error) {
		rec := d
		rec.Statement, rec.Rationale = strings.TrimSpace(statement.Text), strings.TrimSpace(rationale.Text)
		rec.Status = models.DecisionStatus(status.Selected)
		rec.OwnerID, rec.MeetingID, rec.InitiativeID, rec.TargetID, rec.SupersededByID = owner.id(), meeting.id(), ini.id(), tgt.id(), superseded.id()
		var err error
		if rec.DecidedOn, err = f.parseDate("DecidedOn", "decision date", decided.Text); err != nil {
			return nil, err
		}
		if rec.ReviewDate, err = f.parseDate("ReviewDate", "review date", review.Text); err != nil {
			return nil, err
		}
		dst := []**int{&rec.VotesFor, &rec.VotesAgainst, &rec.VotesAbstain}
		for i, e := range votes {
			*dst[i] = nil
			if strings.TrimSpace(e.Text) == "" {
				continue
			}
			n, err := parseInt("VotesFor", "votes", e.Text)
			if err != nil {
				return nil, err
			}
			*dst[i] = &n
		}
		return &rec, rec.Validate()
	}
	showRecordForm(f, s.m, gather, save, func() { s.openDecision(d.ID) })
}

func (s *decisionsScreen) editAction(a models.ActionItem) {
	if !s.ensureNames() {
		return
	}
	title := "New action"
	if a.ID != 0 {
		title = "Edit action"
	}
	f := newRecordForm(s.m.win, title)
	desc := f.entry("Description", "Action (start with a verb)", a.Description)
	owner := f.ref("Owner", s.names.Members, a.OwnerID, false)
	status := f.choice("Status", models.Words(models.ActionStatuses), string(a.Status))
	due := f.date("OriginalDueDate", "Originally due", a.OriginalDueDate)
	revised := f.date("RevisedDueDate", "Revised due date", a.RevisedDueDate)
	meeting := f.ref("Meeting", s.names.Meetings, a.MeetingID, true)
	decision := f.ref("Decision", s.decided, a.DecisionID, true)
	ini := f.ref("Initiative", s.names.Initiatives, a.InitiativeID, true)
	gather := func() (*models.ActionItem, error) {
		rec := a
		rec.Description, rec.Status = strings.TrimSpace(desc.Text), models.ActionStatus(status.Selected)
		rec.OwnerID, rec.MeetingID, rec.DecisionID, rec.InitiativeID = owner.id(), meeting.id(), decision.id(), ini.id()
		var err error
		if rec.OriginalDueDate, err = f.parseDate("OriginalDueDate", "due date", due.Text); err != nil {
			return nil, err
		}
		if rec.RevisedDueDate, err = f.parseDate("RevisedDueDate", "revised due date", revised.Text); err != nil {
			return nil, err
		}
		switch {
		case rec.Status.Closed() && rec.ClosedOn.IsZero():
			rec.ClosedOn = s.m.today()
		case !rec.Status.Closed():
			rec.ClosedOn = models.Date{}
		}
		return &rec, rec.Validate()
	}
	showRecordForm(f, s.m, gather, func(rec *models.ActionItem) error { return saveRecord(s.m.store, rec) }, func() { s.openAction(a.ID) })
}
