package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shortestLimit is the least a column's limit can be: short values (dates,
// statuses, counts) always fit whole.
const shortestLimit = 200

// fitColumns sizes each column to its widest cell or its header, whichever
// is wider, up to the column's limit; longer text ends in "…". Every row is
// measured, not only the shown ones, so filtering does not make the
// columns jump.
func (r *register[T]) fitColumns() {
	textSize := theme.TextSize()
	cellPad := newBadge().MinSize().Width // the dot and the label's padding
	for i, c := range r.cols {
		header := widget.NewButton(c.title+" ▼", nil).MinSize().Width
		widest := float32(0)
		for _, row := range r.all {
			widest = max(widest, fyne.MeasureText(c.text(row), textSize, fyne.TextStyle{}).Width)
		}
		limit := max(c.width, shortestLimit)
		r.table.SetColumnWidth(i, max(header, min(widest+cellPad+1, limit)))
	}
}
