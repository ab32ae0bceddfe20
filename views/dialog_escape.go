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
	switch x := o.(type) {
	case escapable:
		return x
	case *widget.PopUp:
		return escapableIn(x.Content)
	case *fyne.Container:
		for _, c := range x.Objects {
			if e := escapableIn(c); e != nil {
				return e
			}
		}
	}
	return nil
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
