package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// widthSource is the layout of a screen's outermost container: it notes
// the width it is given before anything inside is measured or laid out, so
// the columns inside decide side-by-side or stacked on the width they will
// get, and the scroll around them sizes itself on the right height.
type widthSource struct{ width float32 }

// Layout records the width and gives all of size to every object.
func (s *widthSource) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	s.width = size.Width
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the largest minimum of the objects.
func (s *widthSource) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// columns lays its objects out row by row in as many equal columns as
// the width noted by its source allows, each column at least as wide as
// its widest object and never narrower than atLeast; with room for one
// only, it stacks them. Its minimum width is that of its widest object, so
// a window holding it can shrink to a single column.
type columns struct {
	src     *widthSource
	atLeast float32 // the narrowest a column may be
	margin  float32 // what the containers between src and here take off the width
}

// newColumns returns a container showing objs in columns at least atLeast
// wide, as many side by side as there is room for.
func newColumns(src *widthSource, atLeast float32, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &columns{src: src, atLeast: atLeast, margin: 2 * theme.Padding()}, Objects: objs}
}

// perRow returns how many of the visible objects fit side by side.
func (c *columns) perRow(visible []fyne.CanvasObject) int {
	widest := float32(0)
	for _, o := range visible {
		widest = max(widest, o.MinSize().Width)
	}
	col, pad := max(widest, c.atLeast), theme.Padding()
	n := int((c.src.width - c.margin + pad) / (col + pad))
	return max(1, min(n, len(visible)))
}

// rows splits the visible objects into rows of perRow.
func (c *columns) rows(objs []fyne.CanvasObject) (rows [][]fyne.CanvasObject, perRow int) {
	var visible []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			visible = append(visible, o)
		}
	}
	if len(visible) == 0 {
		return nil, 1
	}
	perRow = c.perRow(visible)
	for i := 0; i < len(visible); i += perRow {
		rows = append(rows, visible[i:min(i+perRow, len(visible))])
	}
	return rows, perRow
}

// rowHeight is the tallest minimum height in a row.
func rowHeight(row []fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range row {
		h = max(h, o.MinSize().Height)
	}
	return h
}

// Layout places the objects row by row in equal columns.
func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rows, perRow := c.rows(objs)
	pad := theme.Padding()
	w := (size.Width - float32(perRow-1)*pad) / float32(perRow)
	y := float32(0)
	for _, row := range rows {
		h := rowHeight(row)
		if len(rows) == 1 {
			h = max(h, size.Height)
		}
		for i, o := range row {
			o.Move(fyne.NewPos(float32(i)*(w+pad), y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

// MinSize is the widest object's minimum width and the rows' heights.
func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	rows, _ := c.rows(objs)
	var m fyne.Size
	for i, row := range rows {
		for _, o := range row {
			m.Width = max(m.Width, o.MinSize().Width)
		}
		m.Height += rowHeight(row)
		if i > 0 {
			m.Height += theme.Padding()
		}
	}
	return m
}
