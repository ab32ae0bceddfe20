package models

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// checkValidateError is the contract every Validate keeps, whatever the
// record holds: no panic, and an error is a *FieldError whose Field is a
// field of the record (so a form can show the message beside it) and whose
// Message is one non-empty line.
func checkValidateError(t *testing.T, rec interface{ Validate() error }) error {
	t.Helper()
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("Validate panicked on %#v: %v", rec, p)
			}
		}()
		err = rec.Validate()
	}()
	if err == nil {
		return nil
	}
	// Each problem is a field's, in words, on one line, and a form can find
	// the first with errors.As.
	for _, p := range ProblemList(err) {
		fe, ok := p.(*FieldError)
		if !ok {
			t.Fatalf("Validate() = %T %v, want *FieldErrors", p, p)
		}
		if fe.Field == "" || strings.TrimSpace(fe.Message) == "" {
			t.Fatalf("Validate() = %#v: want a field and a message", fe)
		}
		if _, ok := reflect.TypeOf(rec).Elem().FieldByName(fe.Field); !ok {
			t.Errorf("Validate() names field %q, which %T does not have (message %q)", fe.Field, rec, fe.Message)
		}
	}
	if strings.ContainsAny(err.Error(), "\r\n") {
		t.Errorf("Validate() message %q is more than one line", err.Error())
	}
	var first *FieldError
	if !errors.As(err, &first) || first != ProblemList(err)[0] {
		t.Errorf("errors.As does not find the first *FieldError in %v", err)
	}
	return err
}

// scanDate reads s as a stored date would be read, so fuzzed dates can be
// unset, real or Invalid.
func scanDate(s string) Date {
	var d Date
	_ = d.Scan(s)
	return d
}

func FuzzInitiativeValidate(f *testing.F) {
	f.Add("Faster refunds", "active", "green", "", 40, 12000.0, "2026-01-01", "2026-06-30")
	f.Add("", "active", "green", "", 0, 0.0, "", "")
	f.Add("  \t", "paused", "amber", " ", 101, -1.0, "2026-06-30", "2026-01-01")
	f.Add(strings.Repeat("é", 201), "on hold", "red", "supplier late", -5, math.Inf(1), "23/11/2026", "2026-13-40")
	f.Add("Title", "", "", "\n", math.MinInt, math.NaN(), "2026-11-23T10:00:00Z", "0001-01-01")
	f.Add("Title\nsecond line", "done\n", "Green", "reason", 100, 0.0, "", "2026-02-29")
	f.Fuzz(func(t *testing.T, title, status, health, reason string, pct int, benefit float64, start, due string) {
		ini := &Initiative{
			Title: title, Status: InitiativeStatus(status), Health: Health(health), HealthReason: reason,
			PercentComplete: pct, ExpectedBenefit: benefit, StartDate: scanDate(start), DueDate: scanDate(due),
		}
		if checkValidateError(t, ini) != nil {
			return
		}
		switch {
		case isBlank(ini.Title) || len([]rune(ini.Title)) > 200:
			t.Errorf("title %q passed", ini.Title)
		case ini.Health.Severity() == 0 && ini.Health != HealthGreen:
			t.Errorf("health %q passed", ini.Health)
		case ini.Health != HealthGreen && isBlank(ini.HealthReason):
			t.Errorf("health %s without a reason passed", ini.Health)
		case pct < 0 || pct > 100:
			t.Errorf("percent %d passed", pct)
		case !ini.StartDate.IsZero() && !ini.DueDate.IsZero() && ini.DueDate.Before(ini.StartDate):
			t.Errorf("due %v before start %v passed", ini.DueDate, ini.StartDate)
		}
		u := &StatusUpdate{InitiativeID: uint(len(title)), Date: ini.StartDate, Health: ini.Health, PercentComplete: pct, Note: reason}
		if len(status)%2 == 0 {
			u.AuthorID = Ptr(uint(len(status)))
		}
		checkValidateError(t, u)
	})
}

func FuzzTargetValidate(f *testing.F) {
	f.Add("NPS", "perception", "increase", true, -100.0, true, 100.0, true, 20.0, 45.0, 2.0, "2026-01-01", "2027-03-31", uint(0), uint(0))
	f.Add("Churn", "financial", "decrease", false, 0.0, false, 0.0, true, 8.0, 9.0, -1.0, "2027-01-01", "2026-01-01", uint(3), uint(3))
	f.Add("", "", "", true, 5.0, true, 5.0, false, 0.0, math.NaN(), math.NaN(), "", "", uint(1), uint(2))
	f.Add("Wait", "operational", "sideways", true, math.Inf(-1), true, math.Inf(1), true, math.NaN(), math.Inf(1), 0.0, "x", "23/11/2026", uint(0), uint(1))
	f.Add(strings.Repeat("n", 121), "perception", "increase", true, 0.004, true, 0.001, true, 1e308, -1e308, 1e-9, "2026-11-23", "2026-11-23", uint(7), uint(0))
	f.Fuzz(func(t *testing.T, name, kind, dir string, hasMin bool, min float64, hasMax bool, max float64,
		hasBase bool, base, value, tol float64, baseDate, due string, id, parent uint) {
		tg := &Target{
			Name: name, Kind: TargetKind(kind), Direction: Direction(dir), TargetValue: value, AmberTolerance: tol,
			BaselineDate: scanDate(baseDate), TargetDate: scanDate(due),
		}
		tg.ID = id
		if hasMin {
			tg.ScaleMin = &min
		}
		if hasMax {
			tg.ScaleMax = &max
		}
		if hasBase {
			tg.BaselineValue = &base
		}
		if parent != 0 {
			tg.ParentID = &parent
		}
		if checkValidateError(t, tg) != nil {
			return
		}
		switch {
		case isBlank(name) || len([]rune(name)) > 120:
			t.Errorf("name %q passed", name)
		case math.IsNaN(value) || math.IsInf(value, 0):
			t.Errorf("target value %v passed", value)
		case hasMin && value < min, hasMax && value > max:
			t.Errorf("target value %v outside the scale %v..%v passed", value, min, max)
		case tg.TargetDate.IsZero() && !tg.TargetDate.Invalid():
			t.Errorf("no target date passed")
		case parent != 0 && parent == id:
			t.Errorf("a target that is its own parent passed")
		}
		if m := (&Measurement{TargetID: id, Date: tg.TargetDate, Value: base, SampleSize: int(int32(parent))}); checkValidateError(t, m) == nil {
			if math.IsNaN(base) || math.IsInf(base, 0) {
				t.Errorf("measured value %v passed", base)
			}
		}
		checkValidateError(t, &Measurement{TargetID: id, Value: value})
		if err := tg.InScale("measured value", base); err == nil && (math.IsNaN(base) || math.IsInf(base, 0)) {
			t.Errorf("InScale(%v) passed", base)
		}
	})
}

func FuzzMemberValidate(f *testing.F) {
	f.Add("Ann Lee", "ann@example.org", "chair", "2026-01-01", "2026-12-31")
	f.Add("", "", "", "", "")
	f.Add("Bob", "Bob <bob@example.org>", "representative", "2026-12-31", "2026-01-01")
	f.Add("Eve", " eve@example.org ", "member", "x", "y")
	f.Add("Zed", "zed@localhost", "secretary", "", "")
	f.Add("Q", "\"quoted\\\"name\"@example.org", "executive sponsor", "", "")
	f.Add("Ü", "ü@exämple.org", "chair\n", "", "")
	f.Fuzz(func(t *testing.T, name, email, role, from, to string) {
		m := &Member{Name: name, Email: email, Role: Role(role), ActiveFrom: scanDate(from), ActiveTo: scanDate(to)}
		if checkValidateError(t, m) != nil {
			return
		}
		if isBlank(name) || isBlank(email) || !strings.Contains(email, "@") {
			t.Errorf("member %q <%q> passed", name, email)
		}
		checkValidateError(t, &Department{Name: name, Head: email})
		checkValidateError(t, &Journey{Name: name, Priority: len(email) - 5})
	})
}
