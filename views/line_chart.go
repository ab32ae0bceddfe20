package views

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// targetChart draws a target's measurements over time as a line, with the
// baseline (grey), the target (green) and the expected path from one to
// the other (dashed, purple). The legend has its own line under the dates.
type targetChart struct {
	widget.BaseWidget
	t  models.Target
	ms []models.Measurement // oldest first
}

func newTargetChart(t models.Target, ms []models.Measurement) *targetChart {
	c := &targetChart{t: t, ms: ms}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer builds the chart's lines and labels; Layout places them.
func (c *targetChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build()
	return r
}

type chartRenderer struct {
	c        *targetChart
	frame    *canvas.Rectangle
	baseLine *canvas.Line
	goalLine *canvas.Line
	path     []*canvas.Line // the dashes of the expected path
	segments []*canvas.Line
	dots     []*canvas.Circle
	labels   []*canvas.Text // min value, max value, first date, last date, legend
	objects  []fyne.CanvasObject
}

var (
	colourPath   = color.NRGBA{R: 0x8e, G: 0x5c, B: 0xc8, A: 0xff}
	colourValues = color.NRGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}
)

// pathDashes is how many dashes draw the expected path.
const pathDashes = 24

func (r *chartRenderer) build() {
	fg := theme.Color(theme.ColorNameForeground)
	r.frame = canvas.NewRectangle(color.Transparent)
	r.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.frame.StrokeWidth = 1
	r.baseLine = levelLine(colourGrey)
	r.goalLine = levelLine(colourGreen)
	r.objects = []fyne.CanvasObject{r.frame, r.baseLine, r.goalLine}
	for range pathDashes {
		dash := canvas.NewLine(colourPath)
		dash.StrokeWidth = 2
		r.path = append(r.path, dash)
		r.objects = append(r.objects, dash)
	}
	for i := range r.c.ms {
		if i > 0 {
			l := canvas.NewLine(colourValues)
			l.StrokeWidth = 2.5
			r.segments = append(r.segments, l)
			r.objects = append(r.objects, l)
		}
		d := canvas.NewCircle(colourValues)
		r.dots = append(r.dots, d)
		r.objects = append(r.objects, d)
	}
	lo, hi, first, last := r.bounds()
	texts := []struct {
		s string
		c color.Color
	}{
		{models.FormatNumber(lo), fg}, {models.FormatNumber(hi), fg}, {first.String(), fg}, {last.String(), fg},
		{"● measured", colourValues}, {"- - plan", colourPath}, {"— baseline", colourGrey}, {"— target", colourGreen},
	}
	for _, x := range texts {
		t := canvas.NewText(x.s, x.c)
		t.TextSize = theme.TextSize() * 0.85
		r.labels = append(r.labels, t)
		r.objects = append(r.objects, t)
	}
}

func levelLine(c color.Color) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = 1.5
	return l
}

// bounds returns the value range (padded) and the date range to plot.
func (r *chartRenderer) bounds() (lo, hi float64, first, last models.Date) {
	t := r.c.t
	lo, hi = t.TargetValue, t.TargetValue
	if t.BaselineValue != nil {
		lo, hi = math.Min(lo, *t.BaselineValue), math.Max(hi, *t.BaselineValue)
	}
	first, last = t.BaselineDate, t.TargetDate
	for _, m := range r.c.ms {
		lo, hi = math.Min(lo, m.Value), math.Max(hi, m.Value)
		if first.IsZero() || m.Date.Before(first) {
			first = m.Date
		}
		if m.Date.After(last) {
			last = m.Date
		}
	}
	pad := (hi - lo) * 0.08
	if pad == 0 {
		pad = 1
	}
	if first.IsZero() {
		first = last.AddDays(-30)
	}
	return lo - pad, hi + pad, first, last
}

// Layout maps dates to x and values to y inside the frame.
func (r *chartRenderer) Layout(size fyne.Size) {
	const left, top, right = 56, 8, 12
	line := r.labels[2].MinSize().Height + 2 // a line of the chart's small text
	bottom := 2*line + 4                     // the dates, then the legend
	plotW, plotH := size.Width-left-right, size.Height-top-bottom
	r.frame.Move(fyne.NewPos(left, top))
	r.frame.Resize(fyne.NewSize(plotW, plotH))
	lo, hi, first, last := r.bounds()
	span := float32(max(1, first.DaysUntil(last)))
	x := func(d models.Date) float32 { return left + plotW*float32(first.DaysUntil(d))/span }
	y := func(v float64) float32 { return top + plotH*float32((hi-v)/(hi-lo)) }
	t := r.c.t
	horizontal := func(l *canvas.Line, v float64) {
		l.Position1, l.Position2 = fyne.NewPos(left, y(v)), fyne.NewPos(left+plotW, y(v))
	}
	horizontal(r.goalLine, t.TargetValue)
	if t.BaselineValue != nil {
		horizontal(r.baseLine, *t.BaselineValue)
		r.dash(fyne.NewPos(x(t.BaselineDate), y(*t.BaselineValue)), fyne.NewPos(x(t.TargetDate), y(t.TargetValue)))
	} else {
		r.baseLine.Hide()
		for _, d := range r.path {
			d.Hide()
		}
	}
	for i, m := range r.c.ms {
		p := fyne.NewPos(x(m.Date), y(m.Value))
		r.dots[i].Move(p.SubtractXY(3.5, 3.5))
		r.dots[i].Resize(fyne.NewSize(7, 7))
		if i > 0 {
			r.segments[i-1].Position2 = p
		}
		if i < len(r.segments) {
			r.segments[i].Position1 = p
		}
	}
	lab := r.labels
	lab[0].Move(fyne.NewPos(2, top+plotH-lab[0].MinSize().Height))
	lab[1].Move(fyne.NewPos(2, top))
	lab[2].Move(fyne.NewPos(left, top+plotH+2))
	lab[3].Move(fyne.NewPos(left+plotW-lab[3].MinSize().Width, top+plotH+2))
	legendX := float32(left)
	for _, l := range lab[4:] {
		l.Move(fyne.NewPos(legendX, top+plotH+2+line))
		legendX += l.MinSize().Width + 16
	}
}

// dash draws the expected path from a to b as dashes, each half a step.
func (r *chartRenderer) dash(a, b fyne.Position) {
	step := b.Subtract(a)
	at := func(f float32) fyne.Position { return a.Add(fyne.NewPos(step.X*f, step.Y*f)) }
	for i, d := range r.path {
		f := float32(i) / pathDashes
		d.Position1, d.Position2 = at(f), at(f+0.5/pathDashes)
	}
}

func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(420, 260) }
func (r *chartRenderer) Refresh()                     { r.Layout(r.c.Size()); canvas.Refresh(r.c) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}
