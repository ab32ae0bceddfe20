package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// historyList shows a record's history, newest first: when, who, what
// changed from what to what, and why. It reads off the UI goroutine.
func historyList(e *env, kind models.RecordKind, id uint) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabel("Reading the history…"))
	var entries []models.HistoryEntry
	e.load(func() (err error) {
		entries, err = e.store.History(app.HistoryFilter{Kind: kind, ID: id})
		return err
	}, func() {
		rows := make([]fyne.CanvasObject, 0, len(entries)+1) // built in one go: a shown box lays out again on each Add
		if len(entries) == 0 {
			rows = append(rows, widget.NewLabel("No changes recorded yet."))
		}
		for i := len(entries) - 1; i >= 0; i-- {
			h := entries[i]
			who := models.OrDash(h.Author)
			head := widget.NewLabelWithStyle(fmt.Sprintf("%s · %s · %s", h.At.Local().Format("2006-01-02 15:04"), who, h.Why),
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			rows = append(rows, container.NewVBox(head, wrapped(h.What())))
		}
		box.Objects = rows
		box.Refresh()
	})
	return container.NewVScroll(box)
}

// showHistory opens a record's history in a dialog.
func showHistory(e *env, kind models.RecordKind, id uint, name string) {
	var d detailDialog
	d.open(e.win, "History: "+name, fyne.NewSize(720, 560), func() { d.set(historyList(e, kind, id)) })
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.close)})
}
