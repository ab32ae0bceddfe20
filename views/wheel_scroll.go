package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newWheelScroll is a vertical scroll over content that the mouse wheel
// moves wherever the pointer is. Entries scroll their own text and would
// take the wheel while the pointer is over them; a see-through layer on
// top takes every wheel event instead and hands it to the scroll. Clicks,
// typing and hovering still reach the fields: the layer only scrolls.
func newWheelScroll(content fyne.CanvasObject) fyne.CanvasObject {
	scroll := container.NewVScroll(content)
	return container.NewStack(scroll, newWheelLayer(scroll))
}

// wheelLayer passes the wheel to its scroll and nothing else.
type wheelLayer struct {
	widget.BaseWidget
	scroll *container.Scroll
}

func newWheelLayer(scroll *container.Scroll) *wheelLayer {
	w := &wheelLayer{scroll: scroll}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled moves the scroll underneath.
func (w *wheelLayer) Scrolled(ev *fyne.ScrollEvent) { w.scroll.Scrolled(ev) }

// CreateRenderer draws nothing.
func (w *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
