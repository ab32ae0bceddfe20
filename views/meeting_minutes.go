package views

import (
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/app/papers"
	"cxcommittee/models"
)

// minutesTab holds what the minutes carry beyond the agenda: the
// discussion summary, and reminders to owners of overdue work.
func (v *meetingView) minutesTab() fyne.CanvasObject {
	summary := widget.NewMultiLineEntry()
	summary.Wrapping = fyne.TextWrapWord
	summary.SetPlaceHolder("What was discussed, what was agreed, what happens next")
	summary.SetText(v.meeting.Summary)
	summary.SetMinRowsVisible(6)
	save := widget.NewButtonWithIcon("Save summary", theme.DocumentSaveIcon(), func() { v.saveSummary(summary.Text) })
	if v.locked() {
		summary.Disable()
		save.Disable()
	}
	box := container.NewVBox(heading("Discussion summary"), summary, container.NewHBox(save))
	box.Add(widget.NewSeparator())
	box.Add(heading("Papers"))
	box.Add(v.paperButtons())
	box.Add(widget.NewSeparator())
	box.Add(heading("Remind owners"))
	box.Add(wrapped("Opens your mail program with a message to each owner listing their overdue actions and stale initiatives."))
	remind := container.NewVBox()
	box.Add(remind)
	v.listReminders(remind)
	return container.NewVScroll(box)
}

// paperButtons save the meeting's papers as files people circulate: the
// agenda pack before the meeting or the minutes after it, and the
// calendar invitation.
func (v *meetingView) paperButtons() fyne.CanvasObject {
	kind, name := "agenda pack", "agenda-pack"
	if v.meeting.Happened() {
		kind, name = "minutes", "minutes"
	}
	base := "cx-committee-" + v.meeting.Date.String() + "-"
	env := v.s.env
	pdf := widget.NewButtonWithIcon("Save the "+kind+" (PDF)…", theme.DocumentSaveIcon(), func() {
		env.saveFile("Save the "+kind, "Save", base+name+".pdf", func(path string) {
			env.writeThenSay(func() error {
				_, err := papers.Export(env.store, v.id, env.today(), path)
				return err
			}, "The "+kind+" of "+v.meeting.Title+" was saved to\n"+path)
		})
	})
	ics := widget.NewButtonWithIcon("Save the invitation (.ics)…", theme.MailComposeIcon(), func() {
		env.saveFile("Save the invitation", "Save", base+"invitation.ics", func(path string) {
			env.writeThenSay(func() error { return env.store.ExportInvite(v.id, path) },
				"The invitation to "+v.meeting.Title+" was saved to\n"+path+"\nAttach it to an e-mail to the members, or open it in your calendar.")
		})
	})
	return container.NewHBox(pdf, ics)
}

// saveSummary saves the meeting's discussion summary.
func (v *meetingView) saveSummary(text string) {
	m := v.meeting
	m.Summary = text
	if err := app.Update(v.s.env.store, &m); err != nil {
		v.s.env.showError(err)
		return
	}
	v.meeting = m
	v.s.env.info("Discussion summary", "Saved. It is printed in the minutes.")
}

// listReminders fills box with one line per owner to remind, read off the
// UI goroutine.
func (v *meetingView) listReminders(box *fyne.Container) {
	var rs []models.Reminder
	v.s.env.load(func() (err error) {
		rs, err = v.s.env.store.Reminders(v.s.env.today())
		return err
	}, func() {
		if len(rs) == 0 {
			box.Add(widget.NewLabel("No one owns an overdue action or a stale initiative."))
			return
		}
		for _, r := range rs {
			box.Add(v.reminderRow(r))
		}
	})
}

// reminderRow is one owner's reminder: what they would be told, and a
// button that opens the message.
func (v *meetingView) reminderRow(r models.Reminder) fyne.CanvasObject {
	what := fmt.Sprintf("%s · %s", r.Owner, r.Summary())
	btn := widget.NewButtonWithIcon("E-mail", theme.MailSendIcon(), func() {
		u, err := url.Parse(r.Mailto())
		if err != nil {
			v.s.env.showError(err)
			return
		}
		if err := fyne.CurrentApp().OpenURL(u); err != nil {
			v.s.env.showError(fmt.Errorf("could not open your mail program: %w", err))
		}
	})
	if r.Email == "" {
		btn.Disable()
		what += " · no e-mail address"
	}
	return container.NewBorder(nil, nil, nil, btn, wrapped(what))
}
