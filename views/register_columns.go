package views

import (
	"slices"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shortestLimit is the least a column's limit can be: short values (dates,
// statuses, counts) always fit whole.
const shortestLimit = 200

// fitColumns sizes each column to its widest cell or its header, whichever
// is wider, up to the column's limit; longer text ends in "…". Every row
// counts, not only the shown ones, so filtering does not make the columns
// jump; of 10,000 rows only the longest texts are measured in pixels.
func (r *register[T]) fitColumns() {
	textSize := theme.TextSize()
	cellPad := newBadge().MinSize().Width // the dot and the label's padding
	for i, c := range r.cols {
		header := widget.NewButton(c.title+" ▼", nil).MinSize().Width
		widest := float32(0)
		for _, text := range longestTexts(r.all, c.text, measuredTexts) {
			widest = max(widest, fyne.MeasureText(text, textSize, fyne.TextStyle{}).Width)
		}
		limit := max(c.width, shortestLimit)
		r.table.SetColumnWidth(i, max(header, min(widest+cellPad+1, limit)))
	}
}

// measuredTexts is how many of a column's longest texts fitColumns
// measures: enough that a text of narrow letters cannot hide a wider one
// of fewer letters in practice.
const measuredTexts = 40

// longestTexts returns the n distinct texts of rows with the most letters.
func longestTexts[T any](rows []T, text func(T) string, n int) []string {
	seen := map[string]bool{}
	var out []string
	for _, row := range rows {
		s := text(row)
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
		if len(out) > 4*n { // keep the list short as it grows
			out = longestOf(out, n)
		}
	}
	return longestOf(out, n)
}

// longestOf keeps the n texts with the most letters.
func longestOf(texts []string, n int) []string {
	slices.SortStableFunc(texts, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return texts[:min(n, len(texts))]
}
