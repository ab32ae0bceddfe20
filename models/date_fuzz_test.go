package models

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseDate: ParseDate never panics, and a date it reads prints as text
// that reads back as the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"", " ", "2026-11-23", " 2026-11-23\n", "2026-02-29", "2028-02-29", "2026-13-01",
		"2026-11-31", "23/11/2026", "2026-11-23T10:00:00Z", "0000-01-01", "0001-01-01",
		"9999-12-31", "2026-1-5", "+026-11-23", "２０２６-11-23",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() || d.Invalid() {
				t.Errorf("ParseDate(%q) failed but returned %#v", s, d)
			}
			if !strings.Contains(err.Error(), "YYYY-MM-DD") {
				t.Errorf("ParseDate(%q) error %q does not show the form", s, err)
			}
			return
		}
		if d.Invalid() {
			t.Fatalf("ParseDate(%q) = an Invalid date %q without an error", s, d.Raw())
		}
		if strings.TrimSpace(s) == "" && !d.IsZero() {
			t.Errorf("ParseDate(%q) = %v, want the zero date", s, d)
		}
		again, err := ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(%q) = %v, whose String %q does not parse: %v", s, d.Time(), d.String(), err)
		}
		if !again.Time().Equal(d.Time()) || again.IsZero() != d.IsZero() {
			t.Errorf("ParseDate(%q) = %v, but its String %q parses as %v", s, d.Time(), d.String(), again.Time())
		}
	})
}

// FuzzDateScan: Scan never fails or panics on what SQLite can hand it (text,
// blob, integer, real). A value that is not a date is kept: Raw is the text
// it came from and Value gives that text back, so a save never erases it. A
// date is stored back as its ISO text.
func FuzzDateScan(f *testing.F) {
	for _, s := range []string{
		"", "   ", "2026-11-23", "23/11/2026", "2026-11-23T10:00:00Z", "2026-11-23 10:00:00",
		"2026-02-30", "not a date", " 2026-11-23", "2026-11-23 ", "0000-01-01", "\x00\xff",
	} {
		f.Add(uint8(0), s, int64(0), 0.0)
		f.Add(uint8(1), s, int64(0), 0.0)
	}
	f.Add(uint8(2), "", int64(20261123), 0.0)
	f.Add(uint8(2), "", int64(-1), 0.0)
	f.Add(uint8(2), "", int64(math.MinInt64), 0.0)
	f.Add(uint8(3), "", int64(0), 46349.5)
	f.Add(uint8(3), "", int64(0), math.Inf(-1))
	f.Fuzz(func(t *testing.T, kind uint8, s string, n int64, x float64) {
		var src any
		var text string // the stored value as text
		switch kind % 4 {
		case 0:
			src, text = s, s
		case 1:
			src, text = []byte(s), s
		case 2:
			src, text = n, strconv.FormatInt(n, 10)
		case 3:
			src, text = x, strconv.FormatFloat(x, 'g', -1, 64)
		}
		var d Date
		if err := d.Scan(src); err != nil {
			t.Fatalf("Scan(%#v) = %v", src, err)
		}
		b, isBytes := src.([]byte)
		what := fmt.Sprintf("%T %q", src, text) // b is overwritten below
		checkScanned := func() {
			v, err := d.Value()
			if err != nil {
				t.Fatalf("Scan(%s).Value() = %v", what, err)
			}
			switch {
			case d.Invalid():
				if d.Raw() != text {
					t.Errorf("Scan(%s).Raw() = %q, want %q", what, d.Raw(), text)
				}
				if v != text {
					t.Errorf("Scan(%s).Value() = %#v, want the stored text %q", what, v, text)
				}
				if !d.IsZero() {
					t.Errorf("Scan(%s) is Invalid but not zero: %v", what, d.Time())
				}
			case d.IsZero():
				if v != nil {
					t.Errorf("Scan(%s) is not set but Value() = %#v", what, v)
				}
				if strings.TrimSpace(text) != "" {
					t.Errorf("Scan(%s) is not set: a save would erase %q", what, text)
				}
			default:
				iso := d.Time().Format(DateLayout)
				if v != iso {
					t.Errorf("Scan(%s).Value() = %#v, want the ISO text %q", what, v, iso)
				}
				if d.Raw() != "" {
					t.Errorf("Scan(%s) is a date %s with a raw text %q", what, iso, d.Raw())
				}
				var again Date
				_ = again.Scan(v)
				if !again.Time().Equal(d.Time()) || again.Invalid() {
					t.Errorf("Scan(%s) = %s, but its stored value %#v reads back as %v", what, iso, v, again)
				}
			}
		}
		checkScanned()
		if isBytes {
			for i := range b {
				b[i] = '#'
			}
			checkScanned() // the driver reuses its buffers: the date must not share b
		}
	})
}
