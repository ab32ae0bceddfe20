package views

import (
	"crypto/sha256"
	"encoding/hex"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// whoYouAre knows which member is at this desk, per database: it asks on
// the first open of a database, remembers the answer in the app's
// preferences, records every write under that member, and shows the name
// in the sidebar, where it can be changed.
type whoYouAre struct {
	env    *env
	prefs  fyne.Preferences
	button *widget.Button
}

func newWhoYouAre(e *env, prefs fyne.Preferences) *whoYouAre {
	w := &whoYouAre{env: e, prefs: prefs}
	w.button = widget.NewButtonWithIcon("Who are you?", theme.AccountIcon(), w.ask)
	w.button.Importance = widget.LowImportance
	return w
}

// key is the preference that remembers the member for this database (the
// path or URL, hashed: no password is ever stored).
func (w *whoYouAre) key() string {
	sum := sha256.Sum256([]byte(w.env.store.Path()))
	return "member." + hex.EncodeToString(sum[:8])
}

// start records writes as the remembered member, or asks when there is none.
func (w *whoYouAre) start() {
	if a := w.env.store.Actor(); a != nil && a.ID != nil { // known by their server login
		w.env.me = a.ID
		w.button.SetText(a.Name)
		return
	}
	id := w.prefs.IntWithFallback(w.key(), 0)
	if id == 0 {
		w.ask()
		return
	}
	mb, err := app.Get[models.Member](w.env.store, uint(id))
	if err != nil {
		w.ask()
		return
	}
	w.set(mb)
}

// set makes mb the member at this desk.
func (w *whoYouAre) set(mb models.Member) {
	id := mb.ID
	w.env.store.ActAs(&app.Actor{ID: &id, Name: mb.Name})
	w.env.me = &id
	w.prefs.SetInt(w.key(), int(mb.ID))
	w.button.SetText(mb.Name)
}

// ask lets the user pick their member record.
func (w *whoYouAre) ask() {
	w.env.withNames(func(names app.Names) {
		if len(names.Members) == 0 {
			return
		}
		f := newRecordForm(w.env.win, "Who are you?")
		pick := f.ref("You are", names.Members, w.env.me, false)
		f.submit = "That's me"
		f.show(func() error {
			if pick.id() == nil {
				return fieldError("You are", "choose your name; your changes are recorded under it")
			}
			return nil
		}, func() error {
			mb, err := app.Get[models.Member](w.env.store, *pick.id())
			if err != nil {
				return err
			}
			w.set(mb)
			return nil
		}, func() {})
	})
}
