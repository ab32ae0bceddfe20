package models

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FormatNumber prints a number with at most two decimals and no trailing
// zeros: 8, 8.5, 8.25.
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// FormatValue prints a number with its unit: "8.2%", "£42", "3.1 minutes", "32".
func FormatValue(v float64, unit string) string { return withUnit(FormatNumber(v), unit) }

// FormatValueTo prints a number with its unit and a fixed number of
// decimals, so that values shown together line up: "5.00%" beside
// "6.82%" (see Decimals).
func FormatValueTo(v float64, unit string, decimals int) string {
	n := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Trim(n, "-0.") == "" {
		n = strings.TrimPrefix(n, "-")
	}
	return withUnit(n, unit)
}

// Decimals is how many decimals (at most two, as FormatNumber keeps) the
// most precise of values needs: values printed together with it line up.
func Decimals(values ...float64) int {
	d := 0
	for _, v := range values {
		for d < 2 {
			scaled := v * math.Pow10(d)
			if math.Abs(scaled-math.Round(scaled)) < 1e-6+math.Abs(scaled)*1e-12 { // a float's rounding, not a decimal
				break
			}
			d++
		}
	}
	return d
}

// withUnit puts a unit to a printed number: after it, or before it for a
// currency symbol.
func withUnit(n, unit string) string {
	switch unit {
	case "":
		return n
	case "%":
		return n + "%"
	case "£", "$", "€":
		if strings.HasPrefix(n, "-") {
			return "-" + unit + n[1:]
		}
		return unit + n
	}
	return n + " " + unit
}

// WithoutUnit takes a value's unit off text typed with it, the way
// FormatValue writes it ("81.2%", "€37.03", "-€5", "8.25 minutes"); other
// text comes back trimmed.
func WithoutUnit(text, unit string) string {
	t := strings.TrimSpace(text)
	if unit == "" {
		return t
	}
	if s, ok := strings.CutSuffix(t, unit); ok && s != "" {
		return strings.TrimSpace(s)
	}
	if s, ok := strings.CutPrefix(t, "-"+unit); ok {
		return "-" + strings.TrimSpace(s)
	}
	if s, ok := strings.CutPrefix(t, unit); ok && s != "" {
		return strings.TrimSpace(s)
	}
	return t
}

// FormatPercent prints a share (0.25) as a whole percentage ("25%").
func FormatPercent(share float64) string {
	return strconv.FormatFloat(share*100, 'f', 0, 64) + "%"
}

// NameList joins names for a reason, naming at most five: "A, B and 3 more".
func NameList(names []string) string {
	const most = 5
	if len(names) == 0 {
		return ""
	}
	shown := names
	rest := 0
	if len(names) > most {
		shown, rest = names[:most], len(names)-most
	}
	if rest > 0 {
		return strings.Join(shown, ", ") + " and " + Whole(rest) + " more"
	}
	if len(shown) == 1 {
		return shown[0]
	}
	return strings.Join(shown[:len(shown)-1], ", ") + " and " + shown[len(shown)-1]
}

// Shorten cuts text to at most n characters, ending with "…" when cut.
func Shorten(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes "1 record", "3 records" or "3,335 records".
func Count(n int, one, many string) string {
	return Whole(n) + " " + plural(n, one, many)
}

// Whole writes a whole number with its thousands grouped, as prose does:
// 7, 3,335.
func Whole(n int) string { return FormatGrouped(float64(n), '.') }

// OfTotal writes "1 of 16 records" or "1 of 1 record": the noun agrees
// with the total.
func OfTotal(n, total int, one, many string) string {
	return Whole(n) + " of " + Count(total, one, many)
}

// EveryOne writes "all 3 departments", or "the one department".
func EveryOne(n int, one, many string) string {
	if n == 1 {
		return "the one " + one
	}
	return "all " + Count(n, one, many)
}

// Agree picks the verb that agrees with a count: "is" for one, "are" for more.
func Agree(n int, one, many string) string { return plural(n, one, many) }

// OrDash writes "—" for a value that is not set.
func OrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// OwnerOrNone writes "no owner" for a record nobody owns.
func OwnerOrNone(name string) string {
	if name == "" {
		return "no owner"
	}
	return name
}
