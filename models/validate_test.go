package models

import (
	"errors"
	"strings"
	"testing"
)

func TestValidationNamesTheFieldInWords(t *testing.T) {
	okTarget := func() *Target {
		return &Target{Name: "NPS", Kind: KindPerception, Direction: DirectionIncrease, ScaleMin: Ptr(-100.0), ScaleMax: Ptr(100.0),
			BaselineValue: Ptr(20.0), BaselineDate: MustDate("2026-01-01"), TargetValue: 45, TargetDate: MustDate("2027-03-31")}
	}
	tests := []struct {
		name      string
		rec       interface{ Validate() error }
		wantField string
		wantMsg   string
	}{
		{"initiative title", &Initiative{Status: InitiativeActive, Health: HealthGreen}, "Title", "initiative title is required"},
		{"initiative dates", &Initiative{Title: "X", Status: InitiativeActive, Health: HealthGreen, StartDate: MustDate("2026-03-01"), DueDate: MustDate("2026-01-01")}, "DueDate", "due date 2026-01-01 is before start date 2026-03-01"},
		{"initiative red needs reason", &Initiative{Title: "X", Status: InitiativeActive, Health: HealthRed}, "HealthReason", "a reason is required when health is red"},
		{"initiative bad status", &Initiative{Title: "X", Status: "paused", Health: HealthGreen}, "Status", `initiative status "paused" is not one of proposed, active, on hold, done or cancelled`},
		{"initiative percent", &Initiative{Title: "X", Status: InitiativeActive, Health: HealthGreen, PercentComplete: 120}, "PercentComplete", "percent complete must be between 0 and 100, not 120"},
		{"member email", &Member{Name: "Ann", Email: "ann at x", Role: RoleMember}, "Email", `member email "ann at x" is not an email address`},
		{"member role", &Member{Name: "Ann", Email: "ann@x.org"}, "Role", "committee role is required"},
		{"department name", &Department{Name: "  "}, "Name", "department name is required"},
		{"journey priority", &Journey{Name: "Onboarding"}, "Priority", "journey priority must be between 1 and 99, not 0"},
		{"target increase below baseline", func() *Target { x := okTarget(); x.TargetValue = 10; return x }(), "TargetValue", "target value 10 is below the baseline 20, but the target should increase"},
		{"target beyond scale", func() *Target { x := okTarget(); x.TargetValue = 120; return x }(), "TargetValue", "target value 120 is above the scale maximum 100"},
		{"target due before baseline", func() *Target { x := okTarget(); x.TargetDate = MustDate("2025-01-01"); return x }(), "TargetDate", "target due date 2025-01-01 is before baseline date 2026-01-01"},
		{"status update author", &StatusUpdate{InitiativeID: 1, Date: MustDate("2026-11-01"), Health: HealthGreen}, "AuthorID", "update author is required"},
		{"status update amber note", &StatusUpdate{InitiativeID: 1, Date: MustDate("2026-11-01"), AuthorID: Ptr(uint(1)), Health: HealthAmber}, "Note", "a note explaining the amber health is required"},
		{"action owner", &ActionItem{Description: "Call", OriginalDueDate: MustDate("2026-11-01"), Status: ActionOpen}, "OwnerID", "action owner is required"},
		{"proxy needs member", &Attendance{MeetingID: 1, MemberID: 1, Status: AttendanceProxy}, "ProxyMemberID", "a proxy member is required when attendance is by proxy"},
		{"superseded needs successor", &Decision{Statement: "X", Status: DecisionSuperseded}, "SupersededByID", "a superseded decision must name the decision that replaces it"},
		{"meeting date", &Meeting{Title: "M", Status: MeetingPlanned}, "Date", "meeting date is required"},
		{"program windows", &Settings{OrganisationName: "Acme"}, "StaleDays", "staleness window in days must be between 1 and 3650, not 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rec.Validate()
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate() = %v, want a *FieldError", err)
			}
			if fe.Field != tt.wantField || fe.Message != tt.wantMsg {
				t.Errorf("got %s: %q, want %s: %q", fe.Field, fe.Message, tt.wantField, tt.wantMsg)
			}
		})
	}
}

func TestValidRecordsPass(t *testing.T) {
	p := NewSettings("Acme")
	recs := []interface{ Validate() error }{
		&p,
		&Department{Name: "IT"},
		&Member{Name: "Ann", Email: "ann@x.org", Role: RoleChair},
		&Journey{Name: "Onboarding", Priority: 1},
		&Initiative{Title: "X", Status: InitiativeActive, Health: HealthAmber, HealthReason: "late"},
		&Meeting{Title: "M", Date: MustDate("2026-11-01"), Status: MeetingPlanned},
		&Attendance{MeetingID: 1, MemberID: 1, Status: AttendanceProxy, ProxyMemberID: Ptr(uint(2))},
		&Decision{Statement: "X", Status: DecisionApproved},
		&ActionItem{Description: "Call", OwnerID: Ptr(uint(1)), OriginalDueDate: MustDate("2026-11-01"), Status: ActionDone, ClosedOn: MustDate("2026-11-02")},
		&AgendaItem{MeetingID: 1, Topic: "Welcome", LinkKind: "initiative", LinkID: Ptr(uint(3))},
	}
	for _, r := range recs {
		if err := r.Validate(); err != nil {
			t.Errorf("%T: unexpected error %v", r, err)
		}
	}
}

func TestDateScanAndValue(t *testing.T) {
	var d Date
	for _, src := range []any{"2026-11-01", []byte("2026-11-01"), MustDate("2026-11-01").Time()} {
		if err := d.Scan(src); err != nil || d.String() != "2026-11-01" {
			t.Errorf("Scan(%v) = %v, %v", src, d, err)
		}
	}
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) should give the zero date")
	}
	if v, _ := (Date{}).Value(); v != nil {
		t.Errorf("zero date stored as %v, want NULL", v)
	}
	if _, err := ParseDate("2026-13-01"); err == nil {
		t.Error("month 13 accepted")
	}
}

// Values another tool stored are kept as they are: shown, never a date in
// the rules, and written back unchanged by a save.
func TestStoredValuesThatAreNotDatesAreKept(t *testing.T) {
	cases := []struct {
		src  any
		want string
	}{
		{"23/11/2026", "23/11/2026"},
		{"2026-13-45", "2026-13-45"},
		{"2026-02-30", "2026-02-30"},
		{"yesterday", "yesterday"},
		{int64(20261123), "20261123"},
		{"2026-11-01 00:00:00+00:00", "2026-11-01 00:00:00+00:00"},
		{float64(2026.5), "2026.5"},
	}
	for _, c := range cases {
		var d Date
		if err := d.Scan(c.src); err != nil {
			t.Fatalf("Scan(%v): %v", c.src, err)
		}
		if !d.Invalid() || d.Raw() != c.want || !d.IsZero() {
			t.Errorf("Scan(%v): invalid %v raw %q zero %v, want the raw %q kept", c.src, d.Invalid(), d.Raw(), d.IsZero(), c.want)
		}
		if v, _ := d.Value(); v != c.want {
			t.Errorf("Scan(%v) then Value() = %v, want %q written back", c.src, v, c.want)
		}
		if !strings.Contains(d.String(), c.want) || !strings.Contains(d.String(), "not a date") {
			t.Errorf("Scan(%v).String() = %q, want the raw value marked", c.src, d.String())
		}
		if d.Before(MustDate("2030-01-01")) && d.After(MustDate("2000-01-01")) {
			t.Errorf("Scan(%v) takes part in date rules", c.src)
		}
	}
	if err := requiredDate("Date", "date", InvalidDate("23/11/2026")); err != nil {
		t.Errorf("a kept stored value should not count as missing: %v", err)
	}
}
