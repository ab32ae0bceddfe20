package report

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxCell is Excel's limit of characters (UTF-16 units) in one cell.
const maxCell = 32767

// cellText makes user text safe for a cell: characters XML cannot hold are
// dropped and text over Excel's limit is cut with a visible marker. It is
// always written as text (an inline string), never as a formula.
func cellText(s string) string {
	if len(s) <= maxCell && plainText(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF, r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	if len(s) <= maxCell || utf16Len(s) <= maxCell { // a UTF-16 unit takes at least a byte of UTF-8
		return s
	}
	marker := fmt.Sprintf(" … [cut: %d characters in total]", len([]rune(s)))
	keep := maxCell - utf16Len(marker)
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := utf16.RuneLen(r)
		if n+w > keep {
			break
		}
		b.WriteRune(r)
		n += w
	}
	return b.String() + marker
}

// utf16Len is how many UTF-16 units, Excel's characters, s takes.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// headerText escapes text for a print header or footer, where "&" starts a code.
func headerText(s string) string {
	return strings.ReplaceAll(cellText(s), "&", "&&")
}

// textWidth estimates the column width (in characters) a value needs.
func textWidth(s string) float64 {
	longest := 0
	for _, line := range strings.Split(s, "\n") {
		longest = max(longest, utf8.RuneCountInString(line))
	}
	return float64(longest)
}

// lineCount estimates how many lines a text wraps to in a column of width chars.
func lineCount(s string, width float64) int {
	if width < 1 {
		width = 1
	}
	lines := 0
	for _, line := range strings.Split(s, "\n") {
		n := utf8.RuneCountInString(line)
		lines += max(1, int(float64(n)/(width*1.1))+1)
	}
	return lines
}

// fitLine cuts text to one line of a column width digits wide, with an
// ellipsis when it is cut. A short ending in brackets, which often tells
// like rows apart ("(CSAT)", "(12)"), is kept after the ellipsis. Widths
// are Calibri's (printedWidth), within roomIn.
func fitLine(text string, width float64) string {
	text = strings.Join(strings.Fields(text), " ")
	room := roomIn(width)
	if printedWidth(text) <= room {
		return text
	}
	tail := ""
	if i := strings.LastIndex(text, " ("); i > 0 && strings.HasSuffix(text, ")") && printedWidth(text[i:]) <= room/3 {
		tail = text[i:]
	}
	left := room - printedWidth("…"+tail)
	keep := 0
	for i, r := range text {
		if left -= runeWidth(r); left < 0 {
			break
		}
		keep = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(text[:keep], " ,;·(-") + "…" + tail
}

// fitLines cuts text to what wraps into at most n lines of a column width
// digits wide, breaking at spaces as spreadsheets do and measuring as
// fitLine does; the last line ends with an ellipsis when text was cut. It
// returns the text and the lines it takes.
func fitLines(text string, width float64, n int) (string, int) {
	room := roomIn(width)
	var lines []string
	for _, word := range strings.Fields(text) {
		last := len(lines) - 1
		if last >= 0 && printedWidth(lines[last]+" "+word) <= room {
			lines[last] += " " + word
			continue
		}
		lines = append(lines, word)
	}
	if len(lines) <= n {
		return strings.Join(lines, " "), max(1, len(lines))
	}
	kept := strings.Join(lines[:n-1], " ")
	rest := fitLine(strings.Join(lines[n-1:], " "), width)
	return strings.TrimSpace(kept + " " + rest), n
}

// roomIn is the printed width text may take on a line of a column width
// digits wide: less a digit for the cell's margins and a twentieth to
// spare (a cell shrinks text that overflows).
func roomIn(width float64) float64 { return max(4, 0.95*width-1) }

// printedWidth is how wide text prints in Calibri 11, in widths of a digit
// (the unit of a column's width): "Customer satisfaction (CSAT)" is 23,
// not 28. Excel's default font and LibreOffice's Carlito share these
// widths.
func printedWidth(text string) float64 {
	w := 0.0
	for _, r := range text {
		w += runeWidth(r)
	}
	return w
}

// runeWidth is one character's width in Calibri 11, in digits, from the
// font's advance widths rounded to a few classes; a character outside
// ASCII counts as a wide capital.
func runeWidth(r rune) float64 {
	switch {
	case r >= 128:
		return 1.15
	case strings.ContainsRune("ijl|.,:;'!` ", r):
		return 0.45
	case strings.ContainsRune("frtI()[]{}-/\\\"", r):
		return 0.6
	case strings.ContainsRune("sz", r):
		return 0.72
	case strings.ContainsRune("acgkvxyJ", r):
		return 0.86
	case r == 'w':
		return 1.3
	case r == 'm' || r == 'M' || r == 'W':
		return 1.6
	case r >= 'A' && r <= 'Z', r == '%', r == '&', r == '@':
		return 1.15
	}
	return 1 // digits and the other small letters
}

// plainText reports whether s is ASCII that a cell takes as it is: no
// control characters but tab and line breaks. Most text is.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
