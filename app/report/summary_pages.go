package report

import "fmt"

// The Summary prints landscape on A4, fitted to the page's width, with
// every page break chosen here: left to itself, a spreadsheet breaks the
// page wherever it is full, and would cut the chart of initiatives by health in
// two. A spreadsheet fitted to a width only keeps the breaks it is given.

// Page geometry, in points: A4 landscape less the margins printSetup sets.
const (
	pageWidth    = 842.0 - 2*0.4*72
	pageHeight   = 595.0 - 2*0.6*72
	defaultRow   = 15.0 // a row of one line of text, as Excel draws it
	columnPixels = 7.0  // a column's width unit in Excel's default font
	columnPoint  = columnPixels * 0.75
)

// summaryScale is the print scale at which the Summary's columns fill the
// page's width in Excel (LibreOffice draws them wider, so at a smaller
// scale its pages have more room).
func summaryScale() float64 {
	total := 0.0
	for _, w := range summaryWidths {
		total += w * columnPoint
	}
	return pageWidth / total
}

// keepTogether asks that rows first..last print on one page.
func (s *summary) keepTogether(first, last int) {
	s.together = append(s.together, [2]int{first, last})
}

// paginate breaks the Summary's pages so that no block kept together is
// cut. Every break is set, not only those that move a block: a page with
// more room than Excel's (LibreOffice's) would otherwise break elsewhere.
func (s *summary) paginate(lastRow int) error {
	heights := make([]float64, lastRow)
	for i := range heights {
		heights[i] = s.rowHeight(i + 1)
	}
	room := pageHeight / summaryScale() * 0.96 // a little to spare: spreadsheets differ in how they draw a row
	for _, row := range pageBreaks(heights, room, s.together) {
		if err := s.w.f.InsertPageBreak(sheetSummary, fmt.Sprintf("A%d", row)); err != nil {
			return err
		}
	}
	return nil
}

// setHeight gives a row a height of its own, in points.
func (s *summary) setHeight(row int, points float64) error {
	s.fixed[row] = points
	return s.w.f.SetRowHeight(sheetSummary, row, points)
}

// rowHeight is how tall a row prints: its own height, the lines its text
// wraps to, or one line.
func (s *summary) rowHeight(row int) float64 {
	if h, ok := s.fixed[row]; ok {
		return h
	}
	if lines := s.lines[row]; lines > 1 {
		return linesHeight(lines)
	}
	return defaultRow
}

// linesHeight is the height, in points, of a row of lines of wrapped text.
func linesHeight(lines int) float64 { return float64(lines)*14 + 2 }

// pageBreaks returns the rows before which each page after the first
// starts, so that no block of rows kept together straddles two pages.
// heights are the rows' heights (row 1 first), room a page's height,
// together each block's first and last row. A block taller than a page is
// cut where it must be.
func pageBreaks(heights []float64, room float64, together [][2]int) []int {
	var breaks []int
	used, top := 0.0, 1 // the height used on this page, and its first row
	for row := 1; row <= len(heights); row++ {
		h := heights[row-1]
		if used+h <= room || row == top {
			used += h
			continue
		}
		// The page is full before row. Start the next page at the block
		// row is in instead, if the block began on this page below its
		// top; and so on, since a break cuts every block beside it too
		// (the Summary's two blocks share their rows).
		start := row
		for moved := true; moved; {
			moved = false
			for _, b := range together {
				if b[0] < start && start <= b[1] && b[0] > top {
					start, moved = b[0], true
				}
			}
		}
		used = 0
		for r := start; r <= row; r++ {
			used += heights[r-1]
		}
		if used > room { // the block and this row are more than a page: cut where it is full
			start, used = row, h
		}
		breaks = append(breaks, start)
		top = start
	}
	return breaks
}
