package report

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"cxcommittee/models"
)

// Colours of the report: RAG fills as executives know them from Excel,
// with dark text of the same hue so the word reads in print.
const (
	inkDark   = "1F2933"
	brand     = "0F5C6E"
	redFill   = "F4CCCC"
	redInk    = "9C0006"
	amberFill = "FFEB9C"
	amberInk  = "7F5200"
	greenFill = "C6EFCE"
	greenInk  = "006100"
	greyFill  = "E7E9EC"
	greyInk   = "4A5059"
)

// styles are the cell styles of the workbook, by use.
type styles struct {
	title, subtitle, vision, section, header                int
	text, wrap, word, date, integer, number, money, percent int
	link, label, bigBadge, total, note, better, worse, cell int
	red, amber, green, grey                                 int             // conditional formats (dxf)
	units                                                   map[unitKey]int // a target's values in its unit (addUnits)
}

// unitFormat is the number format of values in a target's unit with a
// number of decimals, as models.FormatValueTo writes them: "79.57%",
// "€37.00", "8.25 minutes", "1250".
func unitFormat(unit string, decimals int) string {
	unit = strings.NewReplacer(`"`, "", `\`, "").Replace(unit)
	n := "0"
	if decimals > 0 {
		n += "." + strings.Repeat("0", decimals)
	}
	switch unit {
	case "":
		return n
	case "%":
		return n + `"%"`
	case "£", "$", "€":
		return `"` + unit + `"` + n + `;-"` + unit + `"` + n
	}
	return n + `" ` + unit + `"`
}

// unitKey names the number style of a target's values: its unit and the
// decimals its values take (models.Decimals).
type unitKey struct {
	unit     string
	decimals int
}

// addUnits adds a number style for each target unit and number of
// decimals, so the registers show a value as the Summary does ("€37.03",
// not 37.03) and a target's values line up ("€35.00" beside "€36.93").
func (s *styles) addUnits(f *excelize.File, units []string) error {
	s.units = map[unitKey]int{}
	border := []excelize.Border{{Type: "bottom", Color: "D0D4DA", Style: 1}}
	for _, u := range append(units, "") {
		for d := range 3 {
			if _, done := s.units[unitKey{u, d}]; done {
				continue
			}
			format := unitFormat(u, d)
			id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format, Border: border,
				Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right", Indent: 1, ShrinkToFit: true}})
			if err != nil {
				return err
			}
			s.units[unitKey{u, d}] = id
		}
	}
	return nil
}

// moneyFormat is the number format of amounts in a currency (an ISO
// code): its symbol where it has a common one, else the code after the
// amount; plain thousands without one.
func moneyFormat(currency string) string {
	sym := models.CurrencySymbol(currency)
	switch {
	case currency == "":
		return "#,##0"
	case sym != "":
		return `"` + sym + `"#,##0;-"` + sym + `"#,##0`
	}
	return `#,##0" ` + currency + `"`
}

func newStyles(f *excelize.File, currency string) (styles, error) {
	var s styles
	border := []excelize.Border{{Type: "bottom", Color: "D0D4DA", Style: 1}}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	oneLine := &excelize.Alignment{Vertical: "top", ShrinkToFit: true} // never runs into the next column
	// figure keeps a number off the text of the next column: right-aligned,
	// indented, and shrunk rather than spilled.
	figure := &excelize.Alignment{Vertical: "top", Horizontal: "right", Indent: 1, ShrinkToFit: true}
	dateFmt, moneyFmt := "yyyy-mm-dd", moneyFormat(currency)
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 18, Color: brand}}},
		{&s.subtitle, excelize.Style{Font: &excelize.Font{Size: 11, Color: greyInk}}},
		{&s.better, excelize.Style{Font: &excelize.Font{Color: greenInk, Bold: true}, Alignment: oneLine, Border: border}},
		{&s.worse, excelize.Style{Font: &excelize.Font{Color: redInk, Bold: true}, Alignment: oneLine, Border: border}},
		{&s.cell, excelize.Style{Alignment: oneLine, Border: border}},
		{&s.note, excelize.Style{Font: &excelize.Font{Size: 9, Color: greyInk}, Alignment: wrapTop}},
		{&s.vision, excelize.Style{Font: &excelize.Font{Italic: true, Size: 11, Color: inkDark}, Alignment: wrapTop}},
		{&s.section, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: brand},
			Border: []excelize.Border{{Type: "bottom", Color: brand, Style: 2}}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{brand}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Alignment: top, Border: border}},
		{&s.wrap, excelize.Style{Alignment: wrapTop, Border: border}},
		{&s.word, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: border}},
		{&s.date, excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Border: border}},
		{&s.integer, excelize.Style{NumFmt: 1, Alignment: figure, Border: border}},
		{&s.number, excelize.Style{NumFmt: 0, Alignment: figure, Border: border}},
		{&s.money, excelize.Style{CustomNumFmt: &moneyFmt, Alignment: figure, Border: border}},
		{&s.percent, excelize.Style{NumFmt: 9, Alignment: figure, Border: border}},
		{&s.link, excelize.Style{Font: &excelize.Font{Color: "1F5FBF", Underline: "single"}}},
		{&s.label, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
		{&s.total, excelize.Style{CustomNumFmt: &moneyFmt, Font: &excelize.Font{Bold: true}, Alignment: top,
			Border: []excelize.Border{{Type: "top", Color: inkDark, Style: 1}}}},
		{&s.bigBadge, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
			Border: []excelize.Border{{Type: "left", Color: "A0A4AA", Style: 1}, {Type: "right", Color: "A0A4AA", Style: 1},
				{Type: "top", Color: "A0A4AA", Style: 1}, {Type: "bottom", Color: "A0A4AA", Style: 1}}}},
	}
	for _, d := range defs {
		st := d.style
		if st.Font != nil { // named, so every spreadsheet draws it as Excel does (LibreOffice has its own default)
			font := *st.Font
			font.Family = reportFont
			st.Font = &font
		}
		id, err := f.NewStyle(&st)
		if err != nil {
			return s, err
		}
		*d.dst = id
	}
	conds := []struct {
		dst       *int
		fill, ink string
	}{{&s.red, redFill, redInk}, {&s.amber, amberFill, amberInk}, {&s.green, greenFill, greenInk}, {&s.grey, greyFill, greyInk}}
	for _, c := range conds {
		id, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: c.ink, Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}}})
		if err != nil {
			return s, err
		}
		*c.dst = id
	}
	return s, nil
}

// ragRules colours cells by the word they hold: each word maps to a
// conditional style, so the colour always comes with its word.
func (s styles) ragRules(words map[string]int) []excelize.ConditionalFormatOptions {
	var rules []excelize.ConditionalFormatOptions
	for _, w := range sortedKeys(words) {
		id := words[w]
		rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + w + `"`, Format: &id})
	}
	return rules
}

// healthWords colours health words; statusWords target statuses;
// verdictWords pass and fail; flagWords yes as a warning.
func (s styles) healthWords() map[string]int {
	return map[string]int{"red": s.red, "amber": s.amber, "green": s.green}
}

// initiativeHealthWords also greys the health of initiatives cancelled or
// not started.
func (s styles) initiativeHealthWords() map[string]int {
	words := s.healthWords()
	words["cancelled"], words["not started"] = s.grey, s.grey
	return words
}

func (s styles) statusWords() map[string]int {
	return map[string]int{"off track": s.red, "at risk": s.amber, "on track": s.green, "achieved": s.green, "no data": s.grey}
}

func (s styles) verdictWords() map[string]int {
	return map[string]int{"fail": s.red, "pass": s.green}
}

func (s styles) levelWords() map[string]int {
	return map[string]int{"high": s.red, "medium": s.amber, "low": s.green}
}

func (s styles) flagWords() map[string]int {
	return map[string]int{"yes": s.red, "no quorum": s.red}
}

// reportFont is the report's typeface: the workbook's own default,
// Calibri, which LibreOffice draws with a look-alike of the same widths.
const reportFont = "Calibri"

// axisFont is chart axis text that reads in print: dark, 9 pt.
var axisFont = excelize.Font{Family: reportFont, Color: inkDark, Size: 9}

// ragColours are the fills of green, amber and red bars.
func ragColours() []string { return []string{"4CA64C", "F2B705", "D64545"} }

// seriesColours tell up to eight lines apart, in print and for readers
// with a red-green colour deficiency (Okabe–Ito).
func seriesColours() []string {
	return []string{"0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00", "000000", "F0E442"}
}
