// Package views holds the Fyne screens of CX Committee. It talks to the
// application core in package app and never to the database directly.
package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
)

// AppID identifies the application to Fyne (preferences, settings).
const AppID = "org.cxcommittee.app"

// Run opens the main window on the store and blocks until it is closed.
func Run(a fyne.App, s *app.Store) {
	w := a.NewWindow("CX Committee")
	w.SetContent(container.NewCenter(widget.NewLabel("CX Committee — " + s.Path())))
	w.Resize(fyne.NewSize(1200, 800))
	w.ShowAndRun()
}
