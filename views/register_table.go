package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// registerTable is a register's table that also opens a row: a double
// click on it, or Enter on the selected (or focused) row.
type registerTable struct {
	widget.Table
	onOpen func() // opens the selected row, if any
}

func newRegisterTable(onOpen func()) *registerTable {
	t := &registerTable{onOpen: onOpen}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped selects the cell under the pointer and takes the keyboard focus,
// so that Enter and the arrows work next. (The embedded table cannot focus
// itself: the canvas knows this widget, not the table inside it.)
func (t *registerTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

// DoubleTapped selects the row under the pointer and opens it.
func (t *registerTable) DoubleTapped(e *fyne.PointEvent) {
	t.Tapped(e)
	t.onOpen()
}

// TypedKey opens the row on Enter (selecting the focused row first, as
// Space would) and otherwise moves and selects as a table does.
func (t *registerTable) TypedKey(e *fyne.KeyEvent) {
	if e.Name != fyne.KeyReturn && e.Name != fyne.KeyEnter {
		t.Table.TypedKey(e)
		return
	}
	t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	t.onOpen()
}
