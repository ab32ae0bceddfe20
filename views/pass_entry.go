package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// passEntry is a one-line entry that passes the window's shortcuts
// (Ctrl+N, Ctrl+E, Ctrl+1 …) on to the window: a plain entry keeps every
// shortcut to itself, so Ctrl+N did nothing while typing in a register's
// filter. Its own shortcuts (copy, paste, select all, undo) stay its own.
type passEntry struct {
	widget.Entry
}

func newPassEntry() *passEntry {
	e := &passEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut hands the window's shortcuts to the window.
func (e *passEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*desktop.CustomShortcut); ok {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}
