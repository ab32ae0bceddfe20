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

// RAG colours, chosen to read on both light and dark backgrounds. Colour is
// never shown alone: a badge always carries its word.
var (
	colourGreen = color.NRGBA{R: 0x2e, G: 0x9d, B: 0x5b, A: 0xff}
	colourAmber = color.NRGBA{R: 0xe0, G: 0xa5, B: 0x26, A: 0xff}
	colourRed   = color.NRGBA{R: 0xd9, G: 0x53, B: 0x4f, A: 0xff}
	colourGrey  = color.NRGBA{R: 0x8a, G: 0x8f, B: 0x98, A: 0xff}
)

func healthColour(h models.Health) color.Color {
	switch h {
	case models.HealthGreen:
		return colourGreen
	case models.HealthAmber:
		return colourAmber
	case models.HealthRed:
		return colourRed
	}
	return colourGrey
}

func targetColour(s models.TargetStatus) color.Color {
	switch s {
	case models.TargetAchieved, models.TargetOnTrack:
		return colourGreen
	case models.TargetAtRisk:
		return colourAmber
	case models.TargetOffTrack:
		return colourRed
	}
	return colourGrey
}

// badge is a coloured dot followed by its word, e.g. "● red". It serves as
// a table cell too: without a colour it is a plain label.
type badge struct {
	widget.BaseWidget
	dot   *canvas.Circle
	label *widget.Label
	back  *canvas.Rectangle // hidden unless the cell must cover what scrolls under it
}

func newBadge() *badge {
	b := &badge{dot: canvas.NewCircle(colourGrey), label: widget.NewLabel(""), back: canvas.NewRectangle(color.Transparent)}
	b.back.Hide()
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer lays the dot and the word out in a row.
func (b *badge) CreateRenderer() fyne.WidgetRenderer {
	dot := container.New(layout.NewGridWrapLayout(fyne.NewSize(12, 12)), b.dot)
	return widget.NewSimpleRenderer(container.NewStack(b.back, container.NewBorder(nil, nil, container.NewCenter(dot), nil, b.label)))
}

// cover fills the badge with c, so that a table cell kept in view hides
// the cells scrolling under it.
func (b *badge) cover(c color.Color) {
	b.back.FillColor = c
	b.back.Show()
	b.back.Refresh()
}

// set shows word in colour c; a nil colour hides the dot.
func (b *badge) set(word string, c color.Color) {
	b.label.SetText(word)
	if c == nil {
		b.dot.Hide()
		return
	}
	b.dot.FillColor = c
	b.dot.Show()
	b.dot.Refresh()
}

// healthBadge returns a badge showing a health rating.
func healthBadge(h models.Health) fyne.CanvasObject {
	b := newBadge()
	b.set(string(h), healthColour(h))
	b.label.Truncation = fyne.TextTruncateOff
	return b
}

// targetBadge returns a badge showing a target status.
func targetBadge(s models.TargetStatus) fyne.CanvasObject {
	b := newBadge()
	b.set(string(s), targetColour(s))
	b.label.Truncation = fyne.TextTruncateOff
	return b
}

// heading is a bold label for a section.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrapped is a label that wraps long text.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
