package papers

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The page: A4 portrait, in points.
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 50.0
	marginTop    = 64.0
	marginBottom = 58.0
	bodyW        = pageW - 2*marginX
	cellPad      = 3.0
)

// Font families: the Go fonts, which cover Latin, Greek, Cyrillic, the
// dashes and the arrows the app prints ("–", "→", "é").
const (
	regular = "go"
	bold    = "go-bold"
)

// style is a font and size with the line height it takes.
type style struct {
	family string
	size   float64
	ink    uint8 // grey level of the text: 0 black
}

func (s style) lineH() float64 { return s.size * 1.35 }

var (
	body     = style{regular, 10, 0}
	small    = style{regular, 8.5, 90}
	strong   = style{bold, 10, 0}
	cellText = style{regular, 9, 0}
	cellHead = style{bold, 9, 0}
	heading  = style{bold, 13, 0}
	title    = style{bold, 18, 0}
)

// column is one column of a table: its heading and its share of the width.
type column struct {
	head  string
	width float64 // a share of the body width; the shares add up to 1
}

// doc is a document laid out top to bottom: it breaks pages itself,
// repeats a table's header on each page a table runs onto, and writes the
// running header and the page numbers once every page exists. The first
// error stops all drawing and is returned by finish.
type doc struct {
	pdf     *gopdf.GoPdf
	y       float64
	running string // the running header's right-hand text
	org     string
	footer  string
	err     error
}

// newDoc starts a document with its fonts and first page.
func newDoc(org, running, footer string) *doc {
	d := &doc{pdf: &gopdf.GoPdf{}, org: org, running: running, footer: footer}
	d.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	d.pdf.SetInfo(gopdf.PdfInfo{Title: running, Creator: "CX Committee", Producer: "CX Committee"})
	if err := d.pdf.AddTTFFontData(regular, goregular.TTF); err != nil {
		d.err = fmt.Errorf("cannot load the papers' font: %w", err)
	}
	if err := d.pdf.AddTTFFontData(bold, gobold.TTF); err != nil && d.err == nil {
		d.err = fmt.Errorf("cannot load the papers' font: %w", err)
	}
	d.newPage()
	return d
}

// newPage starts a page and puts the cursor at the top of its body.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.y = marginTop
}

// bottom is the lowest y the body may reach.
func (*doc) bottom() float64 { return pageH - marginBottom }

// room makes sure h points fit below the cursor, starting a page if not.
func (d *doc) room(h float64) {
	if d.y+h > d.bottom() && d.y > marginTop {
		d.newPage()
	}
}

// use sets the font.
func (d *doc) use(s style) {
	if d.err == nil {
		if err := d.pdf.SetFont(s.family, "", s.size); err != nil {
			d.err = fmt.Errorf("cannot set the papers' font: %w", err)
		}
	}
}

// text draws one line with its top-left corner at x, y.
func (d *doc) text(x, y float64, s style, line string) {
	if d.err != nil {
		return
	}
	d.use(s)
	// Text is painted with the fill colour, which boxes change.
	d.pdf.SetFillColor(s.ink, s.ink, s.ink)
	d.pdf.SetTextColor(s.ink, s.ink, s.ink)
	d.pdf.SetXY(x, y+(s.lineH()-s.size)/2)
	if err := d.pdf.Cell(&gopdf.Rect{W: bodyW, H: s.size}, line); err != nil {
		d.err = fmt.Errorf("cannot write %q in the papers: %w", line, err)
	}
}

// width measures a line in style s.
func (d *doc) width(s style, text string) float64 {
	d.use(s)
	if d.err != nil {
		return 0
	}
	w, err := d.pdf.MeasureTextWidth(text)
	if err != nil {
		d.err = fmt.Errorf("cannot measure %q in the papers: %w", text, err)
	}
	return w
}

// wrap breaks text into lines no wider than w in style s: at spaces, at
// the text's own line breaks, and inside a word only when the word alone
// is wider than w.
func (d *doc) wrap(s style, text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := ""
		for _, word := range strings.FieldsFunc(para, unicode.IsSpace) {
			try := strings.TrimPrefix(line+" "+word, " ")
			if d.width(s, try) <= w {
				line = try
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			line = word
			for d.width(s, line) > w && len([]rune(line)) > 1 {
				r := []rune(line)
				n := len(r) - 1
				for n > 1 && d.width(s, string(r[:n])) > w {
					n--
				}
				out = append(out, string(r[:n]))
				line = string(r[n:])
			}
		}
		out = append(out, line)
	}
	return out
}

// title writes the document's title and the lines under it.
func (d *doc) title(text string, lines ...string) {
	d.paragraph(title, text)
	for _, l := range lines {
		d.paragraph(body, l)
	}
	d.y += 6
}

// heading starts a section, kept with at least three lines after it.
func (d *doc) heading(text string) {
	d.y += 8
	d.room(heading.lineH() + 4*body.lineH())
	d.paragraph(heading, text)
	d.pdf.SetStrokeColor(150, 150, 150)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Line(marginX, d.y, marginX+bodyW, d.y)
	d.y += 4
}

// paragraph writes wrapped text, breaking pages between lines.
func (d *doc) paragraph(s style, text string) {
	for _, line := range d.wrap(s, text, bodyW) {
		d.room(s.lineH())
		d.text(marginX, d.y, s, line)
		d.y += s.lineH()
	}
	d.y += 2
}

// swatch draws a small box of a colour before a line of words; the words
// always say what the colour does (a printed page may be grey).
func (d *doc) swatch(rgb [3]uint8, s style, text string) {
	d.room(s.lineH())
	d.pdf.SetFillColor(rgb[0], rgb[1], rgb[2])
	d.pdf.RectFromUpperLeftWithStyle(marginX, d.y+2, 9, 9, "F")
	lines := d.wrap(s, text, bodyW-14)
	for i, line := range lines {
		if i > 0 {
			d.room(s.lineH())
		}
		d.text(marginX+14, d.y, s, line)
		d.y += s.lineH()
	}
	d.y += 2
}

// table writes rows under a header. A row goes whole onto the next page
// when it does not fit; a row taller than a page is split between lines.
// The header is repeated on every page the table runs onto.
func (d *doc) table(cols []column, rows [][]string) {
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.width * bodyW
	}
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.head
	}
	headLines := d.cellLines(cellHead, widths, head)
	headH := rowHeight(headLines, cellHead)
	drawHead := func() {
		d.pdf.SetFillColor(228, 232, 238)
		d.pdf.RectFromUpperLeftWithStyle(marginX, d.y, bodyW, headH, "F")
		d.drawCells(cellHead, widths, headLines, 0, maxLines(headLines))
		d.y += headH
	}
	d.room(headH + cellText.lineH() + 2*cellPad)
	drawHead()
	for _, row := range rows {
		lines := d.cellLines(cellText, widths, row)
		total := maxLines(lines)
		if d.y+rowHeight(lines, cellText) > d.bottom() && rowHeight(lines, cellText) <= d.bottom()-marginTop-headH {
			d.newPage()
			drawHead()
		}
		for from := 0; from < total; {
			fit := int((d.bottom() - d.y - 2*cellPad) / cellText.lineH())
			if fit < 1 {
				d.newPage()
				drawHead()
				continue
			}
			to := min(total, from+fit)
			d.drawCells(cellText, widths, lines, from, to)
			d.y += float64(to-from)*cellText.lineH() + 2*cellPad
			from = to
		}
		d.pdf.SetStrokeColor(200, 200, 200)
		d.pdf.SetLineWidth(0.4)
		d.pdf.Line(marginX, d.y, marginX+bodyW, d.y)
	}
	d.y += 8
}

// cellLines wraps each cell of a row to its column.
func (d *doc) cellLines(s style, widths []float64, row []string) [][]string {
	out := make([][]string, len(widths))
	for i := range widths {
		if i < len(row) {
			out[i] = d.wrap(s, row[i], widths[i]-2*cellPad)
		}
	}
	return out
}

// drawCells writes lines from..to of each cell at the cursor.
func (d *doc) drawCells(s style, widths []float64, lines [][]string, from, to int) {
	x := marginX
	for i, cell := range lines {
		for n := from; n < to && n < len(cell); n++ {
			d.text(x+cellPad, d.y+cellPad+float64(n-from)*s.lineH(), s, cell[n])
		}
		x += widths[i]
	}
}

func maxLines(lines [][]string) int {
	n := 1
	for _, c := range lines {
		n = max(n, len(c))
	}
	return n
}

func rowHeight(lines [][]string, s style) float64 {
	return float64(maxLines(lines))*s.lineH() + 2*cellPad
}

// finish writes the running header and "Page N of M" on every page, then
// the document to w.
func (d *doc) finish(w io.Writer) error {
	n := d.pdf.GetNumberOfPages()
	for p := 1; p <= n && d.err == nil; p++ {
		if err := d.pdf.SetPage(p); err != nil {
			return fmt.Errorf("cannot number the papers' pages: %w", err)
		}
		d.text(marginX, 30, small, d.org)
		d.text(pageW-marginX-d.width(small, d.running), 30, small, d.running)
		d.pdf.SetStrokeColor(150, 150, 150)
		d.pdf.SetLineWidth(0.5)
		d.pdf.Line(marginX, 44, pageW-marginX, 44)
		y := pageH - marginBottom + 22
		d.text(marginX, y, small, d.footer)
		num := fmt.Sprintf("Page %d of %d", p, n)
		d.text(pageW-marginX-d.width(small, num), y, small, num)
	}
	if d.err != nil {
		return d.err
	}
	if _, err := d.pdf.WriteTo(w); err != nil {
		return fmt.Errorf("cannot write the papers: %w", err)
	}
	return nil
}
