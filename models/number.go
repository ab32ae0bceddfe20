package models

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// groupedNumber matches digits grouped by thousands with sep ("1,234,567"),
// optionally signed and followed by a fraction introduced by point.
func groupedNumber(sep, point string) *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?\d{1,3}(` + regexp.QuoteMeta(sep) + `\d{3})+(` + regexp.QuoteMeta(point) + `\d+)?$`)
}

var (
	groupedByComma = groupedNumber(",", ".")
	groupedByPoint = groupedNumber(".", ",")
)

// ParseDecimal reads a number typed the way the user's locale writes it:
// decimal is '.' ("1,234.5") or ',' ("1.234,5"); spaces may group
// thousands. The other mark is only read as a thousands separator, in
// groups of three; anywhere else the number is ambiguous ("3,55" where a
// point marks decimals could mean 3.55 or 355) and is refused in words.
func ParseDecimal(text string, decimal rune) (float64, error) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' {
			return -1
		}
		return r
	}, strings.TrimSpace(text))
	point, group, grouped := ".", ",", groupedByComma
	if decimal == ',' {
		point, group, grouped = ",", ".", groupedByPoint
	}
	if strings.Contains(s, group) {
		if !grouped.MatchString(s) {
			return 0, errors.New("is ambiguous: write decimals with a " + markName(point) + " (" + exampleDecimal(point) + ") and no " + markName(group) + " inside the digits")
		}
		s = strings.ReplaceAll(s, group, "")
	}
	s = strings.Replace(s, point, ".", 1)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("is not a number")
	}
	return v, nil
}

// FormatDecimal prints a number as FormatNumber does, with the locale's
// decimal mark: 8.25, or 8,25 where a comma marks decimals.
func FormatDecimal(v float64, decimal rune) string {
	s := FormatNumber(v)
	if decimal == ',' {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func markName(mark string) string {
	if mark == "," {
		return "comma"
	}
	return "point"
}

func exampleDecimal(point string) string { return "3" + point + "55" }

// FormatGrouped prints a number as FormatDecimal does, with its thousands
// grouped the locale's way: 1,250,000.5, or 1.250.000,5 where a comma
// marks decimals.
func FormatGrouped(v float64, decimal rune) string {
	s := FormatNumber(v)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	group := ","
	if decimal == ',' {
		group = "."
	}
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteRune(decimal)
		b.WriteString(frac)
	}
	return sign + b.String()
}
