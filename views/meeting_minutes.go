package views

import (
	"fmt"
	"net/url"
	"strings"

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
	summary := v.textBox("Discussion summary", "What was discussed, what was agreed, what happens next", v.meeting.Summary,
		"It is printed in the minutes.", func(m *models.Meeting, text string) { m.Summary = text }, v.locked())
	commentary := v.textBox("The chair's commentary for the executives", "What changed this period, why, and what comes next",
		v.meeting.Commentary, "It is printed at the top of the status report.", func(m *models.Meeting, text string) { m.Commentary = text }, v.locked())
	box := container.NewVBox(summary, widget.NewSeparator(), commentary, widget.NewSeparator())
	box.Add(heading("Papers"))
	box.Add(v.paperButtons())
	box.Add(widget.NewSeparator())
	box.Add(heading("Remind owners"))
	box.Add(wrapped("Opens your mail program with a message to each owner listing their overdue actions and stale initiatives."))
	remind := container.NewVBox()
	// The owners are found on request: it reads every action and
	// initiative, too much to do each time the meeting redraws.
	var find *widget.Button
	find = widget.NewButtonWithIcon("Find owners to remind", theme.SearchIcon(), func() {
		find.Hide()
		v.listReminders(remind)
	})
	box.Add(container.NewHBox(find))
	box.Add(remind)
	return container.NewVScroll(box)
}

// textBox edits one of the meeting's texts, saved with its button, or
// when the user moves on without it; set puts the text into the meeting;
// where says where the text is printed.
func (v *meetingView) textBox(title, hint, text, where string, set func(*models.Meeting, string), locked bool) fyne.CanvasObject {
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetPlaceHolder(hint)
	entry.SetText(text)
	entry.SetMinRowsVisible(5)
	typed := &v.s.env.typed
	key := fmt.Sprintf("the %s of %s", strings.ToLower(title[:1])+title[1:], v.meeting.Title+" ("+v.meeting.Date.String()+")")
	store := func() error {
		m := v.meeting
		set(&m, entry.Text)
		if err := app.Update(v.s.env.store, &m); err != nil {
			return err
		}
		v.meeting, text = m, entry.Text
		return nil
	}
	entry.OnChanged = func(now string) {
		if now == text {
			typed.drop(key)
			return
		}
		typed.keep(key, store, func() string { return entry.Text })
	}
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		if err := store(); err != nil {
			v.s.env.showError(err)
			return
		}
		typed.drop(key)
		v.s.env.info(title, "Saved. "+where)
	})
	if locked {
		entry.Disable()
		save.Disable()
	}
	return container.NewVBox(heading(title), entry, container.NewHBox(save))
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
