package models

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateLayout is the ISO form in which dates are stored, typed and printed.
const DateLayout = "2006-01-02"

// Date is a calendar day without a time of day. It is stored in SQLite as an
// ISO text "2006-01-02" so the file reads well in any SQLite tool; the zero
// Date means "not set" and is stored as NULL.
//
// A stored value that is not an ISO date (written by another tool, say
// "23/11/2026") is kept as it was read: the Date is Invalid, Raw returns the
// text, it takes no part in any rule, and saving the record writes the same
// text back instead of erasing it.
//
// A Date holds its day as a count of days, not a time.Time: a report at
// scale holds hundreds of thousands of dates, and a count takes 24 bytes
// where a time.Time took 40, and compares in one instruction.
type Date struct {
	day int32  // days since 0001-01-01; 0 is no date
	raw string // the stored text of an Invalid date
}

// unixEpochDay is the day count of 1970-01-01.
const unixEpochDay = 719162

// secondsPerDay is the length of a calendar day in UTC.
const secondsPerDay = 24 * 60 * 60

// dateAt returns the calendar day of t, a midnight in UTC.
func dateAt(t time.Time) Date {
	secs := t.Unix()
	days := secs / secondsPerDay
	if secs%secondsPerDay < 0 {
		days--
	}
	return Date{day: int32(days + unixEpochDay)}
}

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return dateAt(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// Today returns the local calendar day.
func Today() Date { return DateOf(time.Now()) }

// ParseDate reads an ISO date; an empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, dateMistake(s)
	}
	if t.Year() < 1000 {
		return Date{}, fmt.Errorf("%q is not a date the committee can use: write YYYY-MM-DD with a year from 1000 on", s)
	}
	return dateAt(t), nil
}

// dateMistake says what is wrong with s, which is not a date: a day or
// month the calendar does not have ("2026-02-30"), or another form.
func dateMistake(s string) error {
	digits := func(part string) (int, bool) {
		n := 0
		for _, c := range []byte(part) {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	if len(s) == len(DateLayout) && s[4] == '-' && s[7] == '-' {
		y, okY := digits(s[:4])
		m, okM := digits(s[5:7])
		d, okD := digits(s[8:])
		if okY && okM && okD && y >= 1000 {
			switch {
			case m < 1 || m > 12:
				return fmt.Errorf("%q is not a date: a year has months 01 to 12 (YYYY-MM-DD)", s)
			case d < 1 || d > daysInMonth(y, time.Month(m)):
				return fmt.Errorf("%q is not a date: %s %d has days 01 to %d (YYYY-MM-DD)", s, time.Month(m), y, daysInMonth(y, time.Month(m)))
			}
		}
	}
	return fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
}

// daysInMonth is how many days month m of year y has.
func daysInMonth(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// MustDate parses an ISO date and panics on error; for fixed dates in tests
// and sample data only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date is not set or is not a readable date.
func (d Date) IsZero() bool { return d.day == 0 }

// Invalid reports whether the stored value could not be read as a date.
func (d Date) Invalid() bool { return d.raw != "" }

// Raw returns the stored text of an Invalid date, or "".
func (d Date) Raw() string { return d.raw }

// InvalidDate returns the Date holding a stored value that is not a date.
func InvalidDate(raw string) Date { return Date{raw: raw} }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time {
	if d.day == 0 {
		return time.Time{}
	}
	return time.Unix((int64(d.day)-unixEpochDay)*secondsPerDay, 0).UTC()
}

// UnixDay returns the day as a count of days from 1970-01-01, negative
// before it; 0 for a date not set, which IsZero tells from 1970-01-01.
func (d Date) UnixDay() int {
	if d.day == 0 {
		return 0
	}
	return int(d.day) - unixEpochDay
}

// String returns the ISO date, "" when not set, and the stored text with
// "(not a date)" when Invalid.
func (d Date) String() string {
	if d.Invalid() {
		return d.raw + " (not a date)"
	}
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(DateLayout)
}

// AddDays returns the date n days later (earlier when n is negative); an
// unset or Invalid date stays unset.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return Date{}
	}
	return Date{day: d.day + int32(n)}
}

// AddMonths returns the date n calendar months later; an unset or Invalid
// date stays unset.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return Date{}
	}
	return dateAt(d.Time().AddDate(0, n, 0))
}

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.day < o.day }

// Equal reports whether d and o are the same day (or the same value that
// is not a date).
func (d Date) Equal(o Date) bool { return d == o }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.day > o.day }

// DaysUntil returns the number of days from d to o (negative when o is
// earlier), and 0 when either is not set or not a date.
func (d Date) DaysUntil(o Date) int {
	if d.day == 0 || o.day == 0 {
		return 0
	}
	return int(o.day - d.day)
}

// GormDataType names the column type for engines with a native date. On
// SQLite the migrations declare date columns as text, so the driver hands
// every stored value to Scan as it is.
func (Date) GormDataType() string { return "date" }

// Value stores the date as ISO text, NULL when not set, and an Invalid
// date's stored text unchanged.
func (d Date) Value() (driver.Value, error) {
	if d.Invalid() {
		return d.raw, nil
	}
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a stored date. ISO text and times read as dates; anything else
// is kept as an Invalid date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = DateOf(v.UTC())
	case string:
		*d = scanText(v)
	case []byte:
		*d = scanText(string(v))
	case int64:
		*d = InvalidDate(strconv.FormatInt(v, 10))
	case float64:
		*d = InvalidDate(strconv.FormatFloat(v, 'g', -1, 64))
	default:
		*d = InvalidDate(fmt.Sprint(v))
	}
	return nil
}

// scanText reads stored text: exactly "2026-11-23". Anything else, even a
// timestamp, is kept as stored so that a save never rewrites it.
func scanText(s string) Date {
	if d, ok := isoDay(s); ok {
		return d
	}
	t, err := time.Parse(DateLayout, s)
	return dateOrRaw(s, t, err == nil && len(s) == len(DateLayout) && !t.IsZero())
}

// isoDay reads "2026-11-23" by hand, the way almost every stored date
// reads: a report reads a hundred thousand of them. Anything else, or a
// day that is not in its month, is left to time.Parse.
func isoDay(s string) (Date, bool) {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return Date{}, false
		}
		n = n*10 + int(c-'0')
	}
	y, m, d := n/10000, time.Month(n/100%100), n%100
	if y == 0 || m < time.January || m > time.December || d < 1 {
		return Date{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.IsZero() { // 2026-02-30 is no day; 0001-01-01 is kept as stored
		return Date{}, false
	}
	return dateAt(t), true
}

func dateOrRaw(raw string, t time.Time, ok bool) Date {
	switch {
	case ok:
		return dateAt(t)
	case strings.TrimSpace(raw) == "":
		return Date{}
	}
	return InvalidDate(raw)
}
