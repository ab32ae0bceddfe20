package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// env is what a screen is given: the store, the window, the router that
// opens records on other screens, the day to judge things on, and the one
// way to load. Screens never reach the main window or each other.
type env struct {
	store   *app.Store
	win     fyne.Window
	router  *router
	today   func() models.Date
	version string // from FyneApp.toml, shown in Settings
	run     runner
	me      *uint // the member at this desk, when known
	// editing is the open form of a saved record, which is told when
	// another desk saves that record; nil when none is open.
	editing *recordForm
	busy    *busyIndicator
	// changed reloads the screen on show after a save in a dialog.
	changed func()
	// saved is the record a form saved last, until its register shows it.
	saved savedRecord
	// typed is what was typed on a screen and not saved yet.
	typed typedText
}

// runner says how work that reads the store runs: off the UI goroutine in
// the app, in place in tests (so they need no waiting).
type runner interface {
	// background runs work off the UI goroutine, then done on it.
	background(work, done func())
	// onUI runs fn on the UI goroutine; work uses it to report progress.
	onUI(fn func())
}

// goroutines is the app's runner: a goroutine per load, fyne.Do on return.
type goroutines struct{}

func (goroutines) background(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}

func (goroutines) onUI(fn func()) { fyne.Do(fn) }

// inPlace is the tests' runner: everything at once, on the caller's goroutine.
type inPlace struct{}

func (inPlace) background(work, done func()) { work(); done() }

func (inPlace) onUI(fn func()) { fn() }

// load runs work (which reads the store) through the runner while the
// busy indicator spins, then done on the UI goroutine; an error is shown in
// a dialog instead.
func (e *env) load(work func() error, done func()) {
	e.busy.start()
	var err error
	e.run.background(func() { err = work() }, func() {
		e.busy.stop()
		if err != nil {
			e.showError(err)
			return
		}
		done()
	})
}

// withNames reads the names drop-downs offer off the UI goroutine, then
// calls show with them.
func (e *env) withNames(show func(app.Names)) {
	var names app.Names
	e.load(func() (err error) {
		names, err = e.store.Names()
		return err
	}, func() { show(names) })
}

// showError tells the user what went wrong, in words.
func (e *env) showError(err error) { dialog.ShowError(err, e.win) }

// info shows a short message.
func (e *env) info(title, msg string) { dialog.ShowInformation(title, msg, e.win) }

// writeThenSay runs write off the UI goroutine and then says done, or
// shows the error.
func (e *env) writeThenSay(write func() error, done string) {
	var err error
	e.load(func() error {
		err = write()
		return nil
	}, func() {
		if err != nil {
			e.showError(err)
			return
		}
		e.info("Saved", done)
	})
}

// open shows a record on the screen that owns its kind.
func (e *env) open(kind models.RecordKind, id uint) { e.router.open(route{kind: kind, id: id}) }

// confirmDelete asks before deleting, saying what else is affected.
func (e *env) confirmDelete(what, impact string, del func() error) {
	if why := e.store.ReadOnly(); why != "" {
		e.info("Read-only", "Nothing can be deleted: "+why+".")
		return
	}
	msg := "Delete " + what + "?"
	if impact != "" {
		msg += "\n\n" + impact
	}
	msg += "\n\nThis cannot be undone."
	d := dialog.NewConfirm("Delete", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := del(); err != nil {
			e.showError(err)
			return
		}
		e.changed()
	}, e.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// deleteRecord asks before deleting a record, naming what else it touches
// (read off the UI goroutine).
func (e *env) deleteRecord(kind models.RecordKind, what string, id uint, del func() error) {
	var impact string
	e.load(func() (err error) {
		impact, err = e.store.DeleteImpact(kind, id)
		return err
	}, func() { e.confirmDelete(what, impact, del) })
}

// busyIndicator is the spinner in the sidebar: it turns while any load runs.
type busyIndicator struct {
	spinner *widget.Activity
	running int
}

func newBusyIndicator() *busyIndicator {
	b := &busyIndicator{spinner: widget.NewActivity()}
	b.spinner.Hide()
	return b
}

func (b *busyIndicator) start() {
	b.running++
	if b.running == 1 {
		b.spinner.Show()
		b.spinner.Start()
	}
}

func (b *busyIndicator) stop() {
	b.running--
	if b.running == 0 {
		b.spinner.Stop()
		b.spinner.Hide()
	}
}
