package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"cxcommittee/models"
)

// detailDialog shows a record's detail in a dialog that redraws in place
// after a change (a posted update, a new measurement).
type detailDialog struct {
	dlg  *dialog.CustomDialog
	body *fyne.Container
}

// open draws the detail with render and shows it, no larger than the
// window and with a title short enough to fit.
func (d *detailDialog) open(win fyne.Window, title string, size fyne.Size, render func()) {
	d.body = container.NewStack()
	render()
	d.dlg = dialog.NewCustomWithoutButtons(shortTitle(title), d.body, win)
	d.dlg.Resize(fitWindow(win, size))
	d.dlg.Show()
}

// titleLength is the most characters a dialog's title shows: a dialog is
// at least as wide as its title, so a long name would widen it past the
// window.
const titleLength = 60

// shortTitle is a dialog title cut to titleLength, ending with "…" when cut.
func shortTitle(title string) string { return models.Shorten(title, titleLength) }

// set replaces what the dialog shows.
func (d *detailDialog) set(o fyne.CanvasObject) {
	d.body.Objects = []fyne.CanvasObject{o}
	d.body.Refresh()
}

// shown reports whether the dialog is open (not just its data loaded).
func (d *detailDialog) shown() bool { return d.dlg != nil }

func (d *detailDialog) close() {
	if d.dlg != nil {
		d.dlg.Hide()
	}
}
