package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// bar is one bar of a bar chart: its word, count and colour.
type bar struct {
	label  string
	count  int
	colour color.Color
}

// barWidth is the length of the longest bar.
const barWidth = 200

// barChart draws horizontal bars, each with its word and count, so the
// chart reads without colour too.
func barChart(title string, bars []bar) fyne.CanvasObject {
	most := 1
	for _, b := range bars {
		most = max(most, b.count)
	}
	rows := container.New(layout.NewFormLayout())
	for _, b := range bars {
		rect := canvas.NewRectangle(b.colour)
		rect.CornerRadius = 3
		w := float32(barWidth) * float32(b.count) / float32(most)
		rect.SetMinSize(fyne.NewSize(max(w, 2), 18))
		count := widget.NewLabel(models.Whole(b.count))
		rows.Add(widget.NewLabel(b.label))
		rows.Add(container.NewHBox(container.NewCenter(rect), count))
	}
	return container.NewVBox(heading(title), rows)
}
