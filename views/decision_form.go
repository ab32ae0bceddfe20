package views

import (
	"fmt"
	"strings"

	"cxcommittee/app"
	"cxcommittee/models"

	"fyne.io/fyne/v2/widget"
)

// decisionForms opens the decision and action forms from any screen: the
// Decisions & actions register and the meeting screen share them.
type decisionForms struct{ env *env }

// picks are the records the forms' drop-downs offer.
type picks struct {
	names   app.Names
	decided map[uint]string // decisions by id, as "#12 statement"
}

// withPicks reads the drop-downs' records off the UI goroutine, then calls show.
func (f decisionForms) withPicks(show func(picks)) {
	var p picks
	f.env.load(func() (err error) {
		if p.names, err = f.env.store.Names(); err != nil {
			return err
		}
		decisions, err := app.List[models.Decision](f.env.store, "id")
		p.decided = make(map[uint]string, len(decisions))
		for _, d := range decisions {
			p.decided[d.ID] = fmt.Sprintf("#%d %s", d.ID, models.Shorten(d.Statement, 60))
		}
		return err
	}, func() { show(p) })
}

// decision opens the decision form; save stores what it gathers (nil: a
// plain create or update).
func (f decisionForms) decision(d models.Decision, save func(*models.Decision) error) {
	if save == nil {
		save = func(rec *models.Decision) error { return saveRecord(f.env.store, rec) }
	}
	f.withPicks(func(p picks) { f.showDecision(d, save, p) })
}

func (f decisionForms) showDecision(d models.Decision, save func(*models.Decision) error, p picks) {
	if d.ID == 0 && d.OwnerID == nil {
		d.OwnerID = f.env.me // a new decision defaults to the member at this desk
	}
	title := "New decision"
	if d.ID != 0 {
		title = "Edit decision"
	}
	others := map[uint]string{}
	for id, text := range p.decided {
		if id != d.ID {
			others[id] = text
		}
	}
	form := newRecordForm(f.env.win, title)
	statement := form.multiline("Statement", "Statement", d.Statement)
	rationale := form.multiline("Rationale", "Rationale", d.Rationale)
	status := form.choice("Status", models.Words(models.DecisionStatuses), string(d.Status))
	decided := form.date("DecidedOn", "Decided on", d.DecidedOn)
	owner := form.ref("Owner", p.names.Members, d.OwnerID, true)
	meeting := form.refNewest("Meeting", p.names.Meetings, d.MeetingID, true)
	ini := form.ref("Initiative", p.names.Initiatives, d.InitiativeID, true)
	tgt := form.ref("Target", p.names.Targets, d.TargetID, true)
	review := form.date("ReviewDate", "Review date", d.ReviewDate)
	superseded := form.refNewest("Superseded by", others, d.SupersededByID, true)
	vote := func(p *int) string {
		if p == nil {
			return ""
		}
		return itoa(*p)
	}
	counts := []voteCount{{"VotesFor", "votes for", "Votes for"}, {"VotesAgainst", "votes against", "Votes against"},
		{"VotesAbstain", "abstentions", "Abstentions"}}
	votes := make([]*escEntry, len(counts))
	for i, n := range []*int{d.VotesFor, d.VotesAgainst, d.VotesAbstain} {
		votes[i] = form.entry(counts[i].field, counts[i].label, vote(n))
	}
	ask := escalation{
		escalated:      form.flag("Executives", "Escalate to the sponsor and executives (listed first in the report)", d.Escalated),
		options:        form.multiline("Options", "Options put to them (one per line)", d.Options),
		recommendation: form.multiline("Recommendation", "Committee's recommendation", d.Recommendation),
		neededBy:       form.date("NeededBy", "Answer needed by", d.NeededBy),
		atStake:        form.multiline("AtStake", "What is at stake", d.AtStake),
	}
	gather := func() (*models.Decision, error) {
		rec := d
		rec.Statement, rec.Rationale = strings.TrimSpace(statement.Text), strings.TrimSpace(rationale.Text)
		rec.Status = models.DecisionStatus(status.Selected)
		rec.OwnerID, rec.MeetingID, rec.InitiativeID, rec.TargetID, rec.SupersededByID = owner.id(), meeting.id(), ini.id(), tgt.id(), superseded.id()
		var read problems
		rec.DecidedOn = read.day(form.parseDate("DecidedOn", "decision date", decided.Text))
		if today := f.env.today(); rec.Status == models.DecisionApproved && rec.DecidedOn.After(today) {
			read.add(fieldError("DecidedOn", fmt.Sprintf("a decision cannot be approved on a day still to come (%s): keep it proposed until the meeting decides, or date it %s", rec.DecidedOn, today)))
		}
		rec.ReviewDate = read.day(form.parseDate("ReviewDate", "review date", review.Text))
		read.add(ask.gather(form, &rec))
		dst := []**int{&rec.VotesFor, &rec.VotesAgainst, &rec.VotesAbstain}
		for i, e := range votes {
			*dst[i] = nil
			if strings.TrimSpace(e.Text) == "" {
				continue
			}
			n := read.whole(parseInt(counts[i].field, counts[i].what, e.Text))
			*dst[i] = &n
		}
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(form, f.env, gather, save, func() { f.env.open(models.RecordDecision, d.ID) })
}

// escalation holds the fields of an ask of the executives.
type escalation struct {
	escalated                        *widget.Check
	options, recommendation, atStake *escEntry
	neededBy                         *dateField
}

// gather copies the ask's fields into rec.
func (e escalation) gather(form *recordForm, rec *models.Decision) error {
	rec.Escalated = e.escalated.Checked
	rec.Options, rec.Recommendation, rec.AtStake = strings.TrimSpace(e.options.Text), strings.TrimSpace(e.recommendation.Text), strings.TrimSpace(e.atStake.Text)
	var err error
	rec.NeededBy, err = form.parseDate("NeededBy", "date the answer is needed by", e.neededBy.Text)
	return err
}

// action opens the action form.
func (f decisionForms) action(a models.ActionItem) {
	f.withPicks(func(p picks) { f.showAction(a, p) })
}

func (f decisionForms) showAction(a models.ActionItem, p picks) {
	title := "New action"
	if a.ID != 0 {
		title = "Edit action"
	}
	form := newRecordForm(f.env.win, title)
	desc := form.entry("Description", "Action (start with a verb)", a.Description)
	owner := form.ref("Owner", p.names.Members, a.OwnerID, false)
	status := form.choice("Status", models.Words(models.ActionStatuses), string(a.Status))
	dueLabel := "Due date" // a new action has one due date; it is kept as the original when revised
	if a.ID != 0 {
		dueLabel = "Originally due"
	}
	due := form.date("OriginalDueDate", dueLabel, a.OriginalDueDate)
	revised := form.date("RevisedDueDate", "Revised due date (if moved)", a.RevisedDueDate)
	meeting := form.refNewest("Meeting", p.names.Meetings, a.MeetingID, true)
	decision := form.refNewest("Decision", p.decided, a.DecisionID, true)
	ini := form.ref("Initiative", p.names.Initiatives, a.InitiativeID, true)
	gather := func() (*models.ActionItem, error) {
		rec := a
		rec.Description, rec.Status = strings.TrimSpace(desc.Text), models.ActionStatus(status.Selected)
		rec.OwnerID, rec.MeetingID, rec.DecisionID, rec.InitiativeID = owner.id(), meeting.id(), decision.id(), ini.id()
		var read problems
		rec.OriginalDueDate = read.day(form.parseDate("OriginalDueDate", "due date", due.Text))
		rec.RevisedDueDate = read.day(form.parseDate("RevisedDueDate", "revised due date", revised.Text))
		switch {
		case rec.Status.Closed() && rec.ClosedOn.IsZero():
			rec.ClosedOn = f.env.today()
		case !rec.Status.Closed():
			rec.ClosedOn = models.Date{}
		}
		return &rec, read.and(rec.Validate())
	}
	showRecordForm(form, f.env, gather, func(rec *models.ActionItem) error { return saveRecord(f.env.store, rec) }, func() { f.env.open(models.RecordAction, a.ID) })
}

// voteCount is one of a decision's vote counts on its form: the field,
// what a message calls it, and its label.
type voteCount struct{ field, what, label string }
