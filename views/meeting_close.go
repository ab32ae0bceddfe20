package views

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// closeMeeting asks before closing the meeting, naming every reason not to
// yet (in the future, no quorum, attendance missing, open agenda items),
// and lets the leader choose the next meeting's day when none is planned.
func (v *meetingView) closeMeeting() {
	v.s.env.saveTyped()
	var check models.CloseCheck
	var proposed models.Date
	v.s.env.load(func() (err error) {
		check, proposed, err = v.s.env.store.CloseCheck(v.id, v.s.env.today())
		return err
	}, func() { v.askToClose(check, proposed) })
}

// askToClose shows the close dialog for what CloseCheck found.
func (v *meetingView) askToClose(check models.CloseCheck, proposed models.Date) {
	box := container.NewVBox(wrapped("Mark " + v.meeting.Title + " (" + v.meeting.Date.String() + ") as held?"))
	warnings := models.CloseWarnings(check)
	if len(warnings) > 0 {
		box.Add(heading("Before you close it"))
		for _, w := range warnings {
			box.Add(wrapped("• " + capitalised(w) + "."))
		}
	}
	var d *dialog.CustomDialog
	var day *dateField
	// Escape closes the dialog, after asking when the day proposed was
	// changed.
	escape := func() {
		if check.NextExisting == nil && strings.TrimSpace(day.Text) != proposed.String() {
			askDiscard(v.s.env.win, "Leave the meeting open and lose the next meeting's day you typed?", d.Hide)
			return
		}
		d.Hide()
	}
	day = newDateField(escape, nil) // YYYY-MM-DD, as every date in the app
	day.SetPlaceHolder("YYYY-MM-DD")
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	if next := check.NextExisting; next != nil {
		box.Add(wrapped(fmt.Sprintf("Its open actions are carried over to %s on %s.", next.Title, next.Date)))
	} else {
		day.SetText(proposed.String())
		box.Add(wrapped("Its open actions are carried over to the next meeting, planned on this day (a cadence later, on a weekday):"))
		box.Add(day)
		box.Add(problem)
	}
	d = dialog.NewCustomWithoutButtons("Close meeting", newEscapeBody(box, escape), v.s.env.win)
	var chosen models.Date
	// choose checks the next meeting's day, saying in words what is wrong.
	choose := func() bool {
		if check.NextExisting != nil {
			return true
		}
		var err error
		if chosen, err = models.ParseDate(day.Text); err == nil && chosen.IsZero() {
			err = errors.New("type the next meeting's day as YYYY-MM-DD, or pick it from the calendar")
		}
		if err == nil {
			err = models.CheckNextMeetingDay(v.meeting.Date, chosen)
		}
		if err != nil {
			problem.SetText(capitalised(err.Error()) + ".")
			return false
		}
		problem.SetText("")
		return true
	}
	label := "Close meeting"
	if len(warnings) > 0 {
		label = "Close it anyway"
	}
	ok := widget.NewButtonWithIcon(label, theme.ConfirmIcon(), func() {
		if choose() {
			d.Hide()
			v.close(chosen)
		}
	})
	ok.Importance = widget.HighImportance
	if len(warnings) > 0 {
		ok.Importance = widget.WarningImportance
	}
	day.onText = func(string) { choose() }
	day.OnSubmitted = func(string) { ok.OnTapped() }
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.Hide), ok})
	d.Resize(fyne.NewSize(min(520, v.s.env.win.Canvas().Size().Width-40), box.MinSize().Height+100))
	d.Show()
}

// capitalised returns text with its first letter in upper case.
func capitalised(text string) string {
	if text == "" {
		return text
	}
	r := []rune(text)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// close closes the meeting, the next one planned on day when none is.
func (v *meetingView) close(day models.Date) {
	n, next, err := v.s.env.store.CloseMeeting(v.id, day)
	if err != nil {
		v.s.env.showError(err)
		return
	}
	v.reload()
	v.s.env.info("Meeting closed", fmt.Sprintf("%s carried over to %s (%s).", models.Count(n, "open action", "open actions"), next.Title, next.Date))
}
