package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// What Escape does in a dialog: a form, or a dialog with something typed
// in it, asks before anything typed is lost.

// escapable is a dialog's content that decides what Escape does there,
// wherever the focus is (closeTopDialog).
type escapable interface{ escape() }

// escapeBody is a dialog's content whose Escape runs onEscape.
type escapeBody struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onEscape func()
}

func newEscapeBody(content fyne.CanvasObject, onEscape func()) *escapeBody {
	b := &escapeBody{content: content, onEscape: onEscape}
	b.ExtendBaseWidget(b)
	return b
}

func (b *escapeBody) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.content) }

func (b *escapeBody) escape() { b.onEscape() }

// escapableIn finds the content of a dialog that decides what Escape
// does, or nil.
func escapableIn(o fyne.CanvasObject) escapable {
	e, _ := inDialog[escapable](o)
	return e
}

// inDialog finds the first object of type T in a dialog: in a pop-up's
// content, or among a container's objects.
func inDialog[T any](o fyne.CanvasObject) (T, bool) {
	switch x := o.(type) {
	case T:
		return x, true
	case *widget.PopUp:
		return inDialog[T](x.Content)
	case *fyne.Container:
		for _, c := range x.Objects {
			if found, ok := inDialog[T](c); ok {
				return found, true
			}
		}
	}
	var none T
	return none, false
}

// askDiscard asks question before closing a dialog without saving what
// was typed in it; discard closes it.
func askDiscard(win fyne.Window, question string, discard func()) {
	d := dialog.NewConfirm("Discard what you typed?", question,
		func(ok bool) {
			if ok {
				discard()
			}
		}, win)
	d.SetConfirmText("Discard")
	d.SetDismissText("Keep editing")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
