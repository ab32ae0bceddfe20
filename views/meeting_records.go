package views

import (
	"cxcommittee/app"
	"cxcommittee/models"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// recordsTab lists the decisions taken here and the actions taken here or
// carried here for review.
func (v *meetingView) recordsTab() fyne.CanvasObject {
	taken := "Decisions taken at this meeting"
	if v.meeting.Status == models.MeetingPlanned {
		taken = "Decisions recorded for this meeting"
	}
	rows := []fyne.CanvasObject{heading(taken + " (" + models.Whole(len(v.decisions)) + ")")}
	rows = append(rows, firstRows(len(v.decisions), v.decisionRow, func() {
		v.s.env.router.openNamed(models.RecordDecision, idsOf(v.decisions, func(x app.DecisionRow) uint { return x.ID }), "taken at "+v.meeting.Title)
	}, "")...)
	rows = append(rows, heading("Actions taken or reviewed here ("+models.Whole(len(v.actions))+")"))
	rows = append(rows, firstRows(len(v.actions), v.actionRow, func() {
		v.s.env.router.openNamed(models.RecordAction, idsOf(v.actions, func(x app.ActionRow) uint { return x.ID }), "taken or reviewed at "+v.meeting.Title)
	}, "")...)
	list := container.NewVScroll(container.NewVBox(rows...))
	if v.locked() {
		return list
	}
	// The buttons stay in sight above the lists, however long they are.
	record := container.NewHBox(
		widget.NewButtonWithIcon("Record decision", theme.ConfirmIcon(), func() { v.recordDecision(nil) }),
		widget.NewButtonWithIcon("Record action", theme.ContentAddIcon(), func() { v.recordAction(nil) }))
	return container.NewBorder(record, nil, nil, nil, list)
}

// idsOf lists the records' IDs.
func idsOf[T any](rows []T, id func(T) uint) []uint {
	out := make([]uint, len(rows))
	for i, r := range rows {
		out[i] = id(r)
	}
	return out
}

// decisionRow is the line of the meeting's i-th decision, with its buttons.
func (v *meetingView) decisionRow(i int) fyne.CanvasObject {
	row := v.decisions[i]
	why := fmt.Sprintf("%s · %s", row.Status, models.OwnerOrNone(row.Owner))
	if row.NoQuorum {
		why += " · taken without quorum"
	}
	if row.Ask() {
		why = "asked of the executives, answer needed by " + row.NeededBy.String() + " · " + why
	}
	line := container.NewBorder(nil, nil, nil, nil, link(row.Statement, why, func() { decisionForms{v.s.env}.decision(*row.Decision, nil) }))
	if !v.locked() || row.Status != models.DecisionSuperseded {
		sup := widget.NewButton("Supersede", func() { v.supersede(*row.Decision) })
		if row.Status == models.DecisionSuperseded || row.Status == models.DecisionRejected {
			sup.Disable()
		}
		buttons := container.NewVBox(sup)
		if row.Status == models.DecisionProposed && !row.Escalated && !v.locked() {
			buttons.Add(widget.NewButton("Escalate", func() { v.escalate(*row.Decision) }))
		}
		line = container.NewBorder(nil, nil, nil, buttons, line)
	}
	return line
}

// actionRow is the line of the i-th action taken or reviewed at the meeting.
func (v *meetingView) actionRow(i int) fyne.CanvasObject {
	row := v.actions[i]
	why := fmt.Sprintf("%s · %s · due %s", models.OwnerOrNone(row.Owner), row.Status, row.DueDate())
	if row.OriginalDueDate != row.DueDate() {
		why += " (originally " + row.OriginalDueDate.String() + ")"
	}
	if row.TimesCarriedOver > 0 {
		why += fmt.Sprintf(" · carried over %s", models.Count(row.TimesCarriedOver, "time", "times"))
	}
	return link(row.Description, why, func() { decisionForms{v.s.env}.action(*row.ActionItem) })
}

// escalate opens a proposed decision's form as an ask of the executives,
// answer needed two weeks after the meeting unless already set.
func (v *meetingView) escalate(d models.Decision) {
	d.Escalated = true
	if d.NeededBy.IsZero() {
		d.NeededBy = v.meeting.Date.AddDays(14)
	}
	decisionForms{v.s.env}.decision(d, nil)
}

// supersede records a new decision at this meeting that replaces d.
func (v *meetingView) supersede(d models.Decision) {
	repl := models.Decision{MeetingID: &v.id, DecidedOn: v.meeting.Date, Status: models.DecisionApproved,
		Statement: d.Statement, OwnerID: d.OwnerID, InitiativeID: d.InitiativeID, TargetID: d.TargetID}
	decisionForms{v.s.env}.decision(repl, func(rec *models.Decision) error { return v.s.env.store.SupersedeDecision(d.ID, rec) })
}
