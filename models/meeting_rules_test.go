package models

import (
	"strings"
	"testing"
)

func TestMeetingLifecycle(t *testing.T) {
	tests := []struct {
		from, to MeetingStatus
		ok       bool
	}{
		{MeetingPlanned, MeetingHeld, true},
		{MeetingHeld, MeetingMinutesApproved, true},
		{MeetingHeld, MeetingPlanned, true},
		{MeetingPlanned, MeetingPlanned, true},
		{MeetingPlanned, MeetingMinutesApproved, false},
		{MeetingMinutesApproved, MeetingHeld, false},
		{MeetingMinutesApproved, MeetingPlanned, false},
	}
	for _, tt := range tests {
		err := MeetingTransition(tt.from, tt.to)
		if (err == nil) != tt.ok {
			t.Errorf("%s -> %s: err = %v, want ok=%v", tt.from, tt.to, err, tt.ok)
		}
	}
}

func TestMinutesApprovedLocksDecisionExceptSuperseding(t *testing.T) {
	old := Decision{Record: Record{ID: 1, Version: 3}, Statement: "Launch in Q3", Status: DecisionApproved, MeetingID: Ptr(uint(2))}
	tests := []struct {
		name string
		edit func(*Decision)
		ok   bool
	}{
		{"superseded by a later decision", func(d *Decision) { d.Status = DecisionSuperseded; d.SupersededByID = Ptr(uint(9)) }, true},
		{"statement rewritten", func(d *Decision) { d.Statement = "Launch in Q4" }, false},
		{"status changed otherwise", func(d *Decision) { d.Status = DecisionRejected }, false},
		{"owner changed", func(d *Decision) { d.OwnerID = Ptr(uint(4)) }, false},
		{"nothing changed", func(d *Decision) {}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			upd := old
			upd.Version = 4
			tt.edit(&upd)
			if err := LockedDecisionEdit(old, upd); (err == nil) != tt.ok {
				t.Errorf("err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestMinutesApprovedLocksActionAgreementNotProgress(t *testing.T) {
	old := ActionItem{Record: Record{ID: 1}, Description: "Call ten detractors", OwnerID: Ptr(uint(3)), OriginalDueDate: MustDate("2026-11-01"), Status: ActionOpen, MeetingID: Ptr(uint(2))}
	tests := []struct {
		name string
		edit func(*ActionItem)
		ok   bool
	}{
		{"marked done", func(a *ActionItem) { a.Status, a.ClosedOn = ActionDone, MustDate("2026-11-20") }, true},
		{"revised due date", func(a *ActionItem) { a.RevisedDueDate = MustDate("2026-12-01") }, true},
		{"original due date moved", func(a *ActionItem) { a.OriginalDueDate = MustDate("2026-12-01") }, false},
		{"description rewritten", func(a *ActionItem) { a.Description = "Call five" }, false},
		{"owner swapped", func(a *ActionItem) { a.OwnerID = Ptr(uint(4)) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			upd := old
			tt.edit(&upd)
			if err := LockedActionEdit(old, upd); (err == nil) != tt.ok {
				t.Errorf("err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func quorumCommittee() ([]Department, []Member) {
	depts := []Department{{Record: Record{ID: 1}, Name: "IT"}, {Record: Record{ID: 2}, Name: "HR"}, {Record: Record{ID: 3}, Name: "Sales"}, {Record: Record{ID: 4}, Name: "Finance"}}
	members := []Member{
		{Record: Record{ID: 1}, Name: "CIO", DepartmentID: Ptr(uint(1)), Role: RoleRepresentative, DecisionAuthority: true},
		{Record: Record{ID: 2}, Name: "HRBP", DepartmentID: Ptr(uint(2)), Role: RoleRepresentative, DecisionAuthority: false},
		{Record: Record{ID: 3}, Name: "Sales Director", DepartmentID: Ptr(uint(3)), Role: RoleRepresentative, DecisionAuthority: true},
		{Record: Record{ID: 4}, Name: "CFO", DepartmentID: Ptr(uint(4)), Role: RoleRepresentative, DecisionAuthority: true},
		{Record: Record{ID: 5}, Name: "Analyst", DepartmentID: Ptr(uint(1)), Role: RoleSecretary},
	}
	return depts, members
}

func TestQuorumWithAndWithoutProxies(t *testing.T) {
	depts, members := quorumCommittee()
	day := MustDate("2026-11-23")
	att := func(member uint, s AttendanceStatus) Attendance {
		a := Attendance{MemberID: member, Status: s}
		if s == AttendanceProxy {
			a.ProxyMemberID = Ptr(uint(5))
		}
		return a
	}
	tests := []struct {
		name    string
		atts    []Attendance
		percent int
		met     bool
		rep     int
	}{
		{"three of four present", []Attendance{att(1, AttendancePresent), att(3, AttendancePresent), att(4, AttendancePresent)}, 50, true, 3},
		{"exactly half is not more than half", []Attendance{att(1, AttendancePresent), att(3, AttendancePresent), att(4, AttendanceApologies)}, 50, false, 2},
		{"a proxy counts for the absent member's department", []Attendance{att(1, AttendancePresent), att(3, AttendancePresent), att(4, AttendanceProxy)}, 50, true, 3},
		{"present without decision authority does not count", []Attendance{att(1, AttendancePresent), att(2, AttendancePresent)}, 50, false, 1},
		{"two members of one department count once", []Attendance{att(1, AttendancePresent), att(5, AttendancePresent), att(3, AttendancePresent)}, 50, false, 2},
		{"absent and apologies do not count", []Attendance{att(1, AttendanceAbsent), att(3, AttendanceApologies)}, 50, false, 0},
		{"a lower rule is met by fewer", []Attendance{att(1, AttendancePresent), att(3, AttendancePresent)}, 25, true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Quorum(depts, members, tt.atts, day, tt.percent)
			if r.Met != tt.met || r.Represented != tt.rep {
				t.Errorf("met %v with %d represented, want %v with %d (%s)", r.Met, r.Represented, tt.met, tt.rep, r.Reason)
			}
			if !strings.Contains(r.Reason, "of 4 departments") {
				t.Errorf("reason %q does not say how many departments", r.Reason)
			}
		})
	}
}

func TestQuorumWithNoDepartmentsIsNotMet(t *testing.T) {
	if Quorum(nil, nil, nil, MustDate("2026-11-23"), 50).Met {
		t.Error("quorum met with no departments at all")
	}
}

func TestCarryOverOpenActions(t *testing.T) {
	closing, next := Meeting{Record: Record{ID: 2}}, Meeting{Record: Record{ID: 3}}
	due := MustDate("2026-11-01")
	actions := []ActionItem{
		{Record: Record{ID: 1}, Description: "taken here", Status: ActionOpen, MeetingID: Ptr(uint(2)), OriginalDueDate: due},
		{Record: Record{ID: 2}, Description: "carried here before", Status: ActionInProgress, MeetingID: Ptr(uint(1)), CarriedToMeetingID: Ptr(uint(2)), TimesCarriedOver: 1, OriginalDueDate: due, RevisedDueDate: MustDate("2026-11-15")},
		{Record: Record{ID: 3}, Description: "done here", Status: ActionDone, MeetingID: Ptr(uint(2)), OriginalDueDate: due},
		{Record: Record{ID: 4}, Description: "other meeting", Status: ActionOpen, MeetingID: Ptr(uint(1)), OriginalDueDate: due},
		{Record: Record{ID: 5}, Description: "no meeting", Status: ActionOpen, OriginalDueDate: due},
		{Record: Record{ID: 6}, Description: "taken here, carried already elsewhere", Status: ActionOpen, MeetingID: Ptr(uint(2)), CarriedToMeetingID: Ptr(uint(3)), OriginalDueDate: due},
	}
	got := CarryOver(actions, closing, next)
	if len(got) != 2 {
		t.Fatalf("carried %d actions, want 2: %+v", len(got), got)
	}
	byID := map[uint]ActionItem{}
	for _, a := range got {
		byID[a.ID] = a
		if a.CarriedToMeetingID == nil || *a.CarriedToMeetingID != 3 {
			t.Errorf("%s not carried to the next meeting", a.Description)
		}
		if a.OriginalDueDate != due {
			t.Errorf("%s: original due date changed to %s", a.Description, a.OriginalDueDate)
		}
	}
	if byID[1].TimesCarriedOver != 0 {
		t.Errorf("an action taken at this meeting is scheduled, not carried: count %d", byID[1].TimesCarriedOver)
	}
	if byID[2].TimesCarriedOver != 2 || byID[2].RevisedDueDate != MustDate("2026-11-15") {
		t.Errorf("carried action: count %d revised %s, want 2 and the revised date kept", byID[2].TimesCarriedOver, byID[2].RevisedDueDate)
	}
	// Closing the same meeting again changes nothing: no double counting.
	for i := range actions {
		if a, ok := byID[actions[i].ID]; ok {
			actions[i] = a
		}
	}
	if again := CarryOver(actions, closing, next); len(again) != 0 {
		t.Errorf("closing twice carried %d actions again", len(again))
	}
}
