package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The register sheets' data rows are written here as sheet XML, straight
// into the zip, rather than through excelize's StreamWriter, which keeps
// every sheet's XML in memory until the workbook is saved. The XML is the
// same as the StreamWriter's, byte for byte: inline strings, numbers as
// Excel reads them, a style on every cell.

// appendRow adds one data row: its number, its height, and its cells, the
// columns named in cols ("A", "B", …).
func appendRow(buf []byte, row int, height float64, cols []string, cells []excelize.Cell) []byte {
	buf = append(buf, `<row r="`...)
	buf = strconv.AppendInt(buf, int64(row), 10)
	buf = append(buf, '"')
	if height > 0 {
		buf = append(buf, ` ht="`...)
		buf = strconv.AppendFloat(buf, height, 'f', -1, 64)
		buf = append(buf, `" customHeight="1"`...)
	}
	buf = append(buf, '>')
	for i, c := range cells {
		buf = appendCell(buf, cols[i], row, c)
	}
	return append(buf, `</row>`...)
}

// appendCell adds one cell at column col of a row: a number, a text or,
// without a value, a styled blank.
func appendCell(buf []byte, col string, row int, c excelize.Cell) []byte {
	buf = append(buf, `<c r="`...)
	buf = append(buf, col...)
	buf = strconv.AppendInt(buf, int64(row), 10)
	buf = append(buf, '"')
	if c.StyleID != 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(c.StyleID), 10)
		buf = append(buf, '"')
	}
	switch v := c.Value.(type) {
	case nil:
		buf = append(buf, '>')
	case string:
		buf = appendInlineString(buf, v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			buf = appendInlineString(buf, fmt.Sprint(v))
			break
		}
		buf = append(buf, `><v>`...)
		buf = append(buf, formatNumber(v)...)
		buf = append(buf, `</v>`...)
	case int:
		buf = append(buf, `><v>`...)
		buf = strconv.AppendInt(buf, int64(v), 10)
		buf = append(buf, `</v>`...)
	case int64:
		buf = append(buf, `><v>`...)
		buf = strconv.AppendInt(buf, v, 10)
		buf = append(buf, `</v>`...)
	default:
		buf = appendInlineString(buf, fmt.Sprint(v))
	}
	return append(buf, `</c>`...)
}

// appendInlineString ends a cell's start tag with a text held in the cell
// itself, keeping its outer spaces and line breaks.
func appendInlineString(buf []byte, s string) []byte {
	buf = append(buf, ` t="inlineStr"><is><t`...)
	if s != "" && (isOuterSpace(s[0]) || isOuterSpace(s[len(s)-1])) {
		buf = append(buf, ` xml:space="preserve"`...)
	}
	buf = append(buf, '>')
	buf = appendEscaped(buf, s)
	return append(buf, `</t></is>`...)
}

// isOuterSpace reports whether b, at either end of a text, makes XML drop it
// unless the text says to keep its spaces.
func isOuterSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// appendEscaped adds text escaped for XML, as encoding/xml escapes it but
// with line breaks kept as they are. An underscore that would start one of
// Excel's own escapes (_x0041_ reads as "A") is itself escaped, so the text
// reads back as written.
func appendEscaped(buf []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		case '_':
			if !startsExcelEscape(s[i:]) {
				continue
			}
			esc = "_x005F_"
		default:
			continue
		}
		buf = append(buf, s[last:i]...)
		buf = append(buf, esc...)
		last = i + 1
	}
	return append(buf, s[last:]...)
}

// startsExcelEscape reports whether s starts with _xHHHH_, which Excel
// reads as the character numbered HHHH.
func startsExcelEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, b := range []byte(s[2:6]) {
		if !('0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			return false
		}
	}
	return true
}

// formatNumber writes a number as Excel keeps it: the shortest decimal
// that reads back as the same number, cut to Excel's 15 significant
// digits (the rule excelize applies).
func formatNumber(v float64) string {
	str := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	const maxDigits = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for i := range len(str) {
		if str[i] < '0' || str[i] > '9' || significant == 0 && str[i] == '0' {
			continue
		}
		significant++
		if significant <= maxDigits {
			continue
		}
		if decimal >= 0 && i > decimal {
			return strings.TrimSuffix(str[:i], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		whole := []byte(str[:decimal])
		for ; i < len(whole); i++ {
			whole[i] = '0'
		}
		return string(whole)
	}
	return str
}
