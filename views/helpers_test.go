package views

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// asOf is the fixed day of the view tests.
var testDay = models.MustDate("2026-11-23")

// openApp opens a headless main window on a fresh database file; with demo
// it holds the sample committee.
func openApp(t *testing.T, demo bool) (*mainWindow, *app.Store) {
	t.Helper()
	scale := 0
	if demo {
		scale = 1
	}
	return openScaled(t, scale)
}

// openScaled opens a headless main window on a fresh database file holding
// the sample committee's programme scale times over (none at 0).
func openScaled(t *testing.T, scale int) (*mainWindow, *app.Store) {
	t.Helper()
	test.NewTempApp(t)
	s, err := app.Open(filepath.Join(t.TempDir(), "committee.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	switch {
	case scale == 1:
		err = s.LoadDemo(testDay)
	case scale > 1:
		err = s.LoadScaledDemo(testDay, scale)
	}
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	m := newMainWindow(w, s, func() models.Date { return testDay }, inPlace{})
	m.start()
	return m, s
}

// walk visits o and everything drawn inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) bool {
	if !fn(o) {
		return false
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if !walk(c, fn) {
				return false
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if !walk(c, fn) {
				return false
			}
		}
	}
	return true
}

// top returns the top-most dialog, failing the test when none is open.
func top(t *testing.T, m *mainWindow) fyne.CanvasObject {
	t.Helper()
	o := m.win.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog is open")
	}
	return o
}

// noDialog fails when a dialog is still open.
func noDialog(t *testing.T, m *mainWindow) {
	t.Helper()
	if o := m.win.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("a dialog is still open: %s", texts(o))
	}
}

// topForm returns the form of the top-most dialog.
func topForm(t *testing.T, m *mainWindow) *widget.Form {
	t.Helper()
	return walkForm(t, top(t, m))
}

// field returns the widget of the form item labelled label.
func field(t *testing.T, f *widget.Form, label string) fyne.CanvasObject {
	t.Helper()
	for _, it := range f.Items {
		if it.Text == label {
			return it.Widget
		}
	}
	t.Fatalf("no form field %q", label)
	return nil
}

// textField is a form's text or date field.
type textField interface {
	fyne.Focusable
	SetText(string)
}

// set types text into the entry labelled label, then leaves the field.
func set(t *testing.T, f *widget.Form, label, text string) {
	t.Helper()
	var e textField
	walk(field(t, f, label), func(o fyne.CanvasObject) bool {
		if x, ok := o.(textField); ok {
			e = x
		}
		return e == nil
	})
	if e == nil {
		t.Fatalf("field %q has no text entry", label)
	}
	e.SetText("")
	test.Type(e, text)
	e.FocusLost()
}

// choose picks an option of the drop-down labelled label.
func choose(t *testing.T, f *widget.Form, label, option string) {
	t.Helper()
	switch w := field(t, f, label).(type) {
	case *widget.Select:
		w.SetSelected(option)
	case *recordPicker:
		if !w.choose(option) {
			t.Fatalf("%s offers no %q", label, option)
		}
	default:
		t.Fatalf("field %q is not a choice", label)
	}
}

// hasButton reports whether o shows a button with the given text.
func hasButton(o fyne.CanvasObject, text string) bool {
	found := false
	walk(o, func(x fyne.CanvasObject) bool {
		if btn, ok := x.(*widget.Button); ok && btn.Text == text && btn.Visible() {
			found = true
		}
		return !found
	})
	return found
}

// button finds a button by its text inside o.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var b *widget.Button
	walk(o, func(x fyne.CanvasObject) bool {
		if btn, ok := x.(*widget.Button); ok && btn.Text == text {
			b = btn
			return false
		}
		return true
	})
	if b == nil {
		t.Fatalf("no button %q in %s", text, texts(o))
	}
	return b
}

// save taps the form's Save button.
func save(t *testing.T, m *mainWindow) {
	t.Helper()
	b := button(t, top(t, m), "Save")
	if b.Disabled() {
		t.Fatalf("Save is disabled: %s", texts(top(t, m)))
	}
	test.Tap(b)
}

// pressSave taps the form's Save button as a user would, even on a form
// that still has problems: they show from then on.
func pressSave(t *testing.T, m *mainWindow) {
	t.Helper()
	test.Tap(button(t, top(t, m), "Save"))
}

// texts joins every label, hyperlink and entry text inside o, for asserts.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(x fyne.CanvasObject) bool {
		switch w := x.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Hyperlink:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
		return true
	})
	return b.String()
}

// selectRow selects a row of a register by the text of its first column.
func selectRow[T any](t *testing.T, r *register[T], first string) {
	t.Helper()
	for i, row := range r.shown {
		if r.cols[0].text(row) == first {
			r.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
	t.Fatalf("no row %q", first)
}

// hasRow reports whether a register shows a row whose column col reads text.
func hasRow[T any](r *register[T], col int, text string) bool {
	for _, row := range r.shown {
		if r.cols[col].text(row) == text {
			return true
		}
	}
	return false
}

// click taps a hyperlink on its text, as a mouse would.
func click(h *widget.Hyperlink) {
	test.TapAt(h, fyne.NewPos(theme.InnerPadding()+4, h.Size().Height/2))
}

// linkTo finds the hyperlink with the given text inside o.
func linkTo(t *testing.T, o fyne.CanvasObject, text string) *widget.Hyperlink {
	t.Helper()
	var h *widget.Hyperlink
	walk(o, func(x fyne.CanvasObject) bool {
		if l, ok := x.(*widget.Hyperlink); ok && l.Text == text {
			h = l
			return false
		}
		return true
	})
	if h == nil {
		t.Fatalf("no link %q", text)
	}
	return h
}

// walkForm finds the first form inside o.
func walkForm(t *testing.T, o fyne.CanvasObject) *widget.Form {
	t.Helper()
	var f *widget.Form
	walk(o, func(x fyne.CanvasObject) bool {
		if w, ok := x.(*widget.Form); ok {
			f = w
			return false
		}
		return true
	})
	if f == nil {
		t.Fatal("no form found")
	}
	return f
}
