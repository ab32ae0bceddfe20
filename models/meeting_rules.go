package models

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// MeetingTransition checks a change of meeting status: planned -> held ->
// minutes approved. A held meeting may go back to planned (closed by
// mistake); approved minutes are final.
func MeetingTransition(from, to MeetingStatus) error {
	switch {
	case from == to:
		return nil
	case from == MeetingPlanned && to == MeetingHeld,
		from == MeetingHeld && to == MeetingMinutesApproved,
		from == MeetingHeld && to == MeetingPlanned:
		return nil
	case from == MeetingMinutesApproved:
		return fieldErr("Status", "the minutes of this meeting are approved; it can no longer change")
	}
	return fieldErr("Status", "a meeting goes from %s to %s only by way of the steps in between", from, to)
}

// Locked reports whether records taken at a meeting are read-only.
func (m Meeting) Locked() bool { return m.Status == MeetingMinutesApproved }

// ErrLocked explains why a record of an approved meeting cannot change.
func ErrLocked(what string) *FieldError {
	return fieldErr("MeetingID", "%s belongs to a meeting whose minutes are approved; it is read-only", what)
}

// LockedDecisionEdit checks an edit of a decision taken at an approved
// meeting: the only change allowed is being superseded by a later decision.
func LockedDecisionEdit(old, upd Decision) error {
	allowed := old
	allowed.Record = upd.Record
	allowed.Status, allowed.SupersededByID = upd.Status, upd.SupersededByID
	if !sameDecision(allowed, upd) || (upd.Status != old.Status && upd.Status != DecisionSuperseded) {
		return ErrLocked("this decision")
	}
	return nil
}

func sameDecision(a, b Decision) bool {
	eqU := func(x, y *uint) bool { return (x == nil && y == nil) || (x != nil && y != nil && *x == *y) }
	eqI := func(x, y *int) bool { return (x == nil && y == nil) || (x != nil && y != nil && *x == *y) }
	return a.Statement == b.Statement && a.Rationale == b.Rationale && a.Status == b.Status && a.DecidedOn == b.DecidedOn &&
		a.ReviewDate == b.ReviewDate && eqU(a.MeetingID, b.MeetingID) && eqU(a.OwnerID, b.OwnerID) &&
		eqU(a.InitiativeID, b.InitiativeID) && eqU(a.TargetID, b.TargetID) && eqU(a.SupersededByID, b.SupersededByID) &&
		eqU(a.SupersedesID, b.SupersedesID) && eqI(a.VotesFor, b.VotesFor) && eqI(a.VotesAgainst, b.VotesAgainst) && eqI(a.VotesAbstain, b.VotesAbstain)
}

// LockedActionEdit checks an edit of an action taken at an approved meeting:
// what was agreed (description, owner, original due date, source) stays;
// its progress (status, revised date, carry-over) may still move.
func LockedActionEdit(old, upd ActionItem) error {
	eqU := func(x, y *uint) bool { return (x == nil && y == nil) || (x != nil && y != nil && *x == *y) }
	if old.Description != upd.Description || !eqU(old.OwnerID, upd.OwnerID) || old.OriginalDueDate != upd.OriginalDueDate ||
		!eqU(old.MeetingID, upd.MeetingID) || !eqU(old.DecisionID, upd.DecisionID) {
		return fieldErr("Description", "this action was agreed at a meeting whose minutes are approved: its description, owner, original due date and source are read-only; its status and revised date can still change")
	}
	return nil
}

// QuorumResult is whether a meeting was quorate and why, in words.
type QuorumResult struct {
	Met         bool
	Represented int
	Total       int
	Missing     []string // departments not represented
	Reason      string
}

// Quorum decides whether the attendance represents more than percent % of
// the departments through members who can commit them on the meeting day.
// A member attending by proxy counts for their own department.
func Quorum(depts []Department, members []Member, atts []Attendance, day Date, percent int) QuorumResult {
	byID := map[uint]Member{}
	for _, m := range members {
		byID[m.ID] = m
	}
	represented := map[uint]bool{}
	for _, a := range atts {
		if a.Status != AttendancePresent && a.Status != AttendanceProxy {
			continue
		}
		if m, ok := byID[a.MemberID]; ok && CanCommit(m, day) {
			represented[*m.DepartmentID] = true
		}
	}
	r := QuorumResult{Total: len(depts)}
	for _, d := range depts {
		if represented[d.ID] {
			r.Represented++
		} else {
			r.Missing = append(r.Missing, d.Name)
		}
	}
	sort.Strings(r.Missing)
	r.Met = r.Total > 0 && r.Represented*100 > percent*r.Total
	verdict := "quorum met"
	if !r.Met {
		verdict = "no quorum"
	}
	r.Reason = fmt.Sprintf("%s: %s represented by someone who can commit them (more than %d%% needed)",
		verdict, OfTotal(r.Represented, r.Total, "department", "departments"), percent)
	return r
}

// CarryOver moves the open actions under review at the closing meeting to
// the next one. An action taken at this meeting is simply scheduled for
// review there; one that was already due for review here and is still open
// is carried over (its count goes up). The original due date never changes.
// It returns only the actions it changed.
func CarryOver(actions []ActionItem, closing, next Meeting) []ActionItem {
	var out []ActionItem
	for _, a := range actions {
		if a.Status.Closed() || !reviewedAt(a, closing.ID) {
			continue
		}
		if a.CarriedToMeetingID != nil && *a.CarriedToMeetingID == closing.ID {
			a.TimesCarriedOver++
		}
		id := next.ID
		a.CarriedToMeetingID = &id
		out = append(out, a)
	}
	return out
}

// reviewedAt reports whether an action is on the follow-up list of a meeting:
// carried there, or taken there and not yet carried on.
func reviewedAt(a ActionItem, meetingID uint) bool {
	if a.CarriedToMeetingID != nil {
		return *a.CarriedToMeetingID == meetingID
	}
	return a.MeetingID != nil && *a.MeetingID == meetingID
}

// PlannedMeeting returns a new planned meeting on day, titled for its month:
// "CX Committee – December 2026".
func PlannedMeeting(day Date) Meeting {
	return Meeting{Title: fmt.Sprintf("CX Committee – %s %d", day.Time().Month(), day.Time().Year()), Date: day, Status: MeetingPlanned}
}

// NextMeetingDay is the day a meeting a cadence after from falls on, moved
// on to the Monday when that is a Saturday or a Sunday.
func NextMeetingDay(from Date, s Settings) Date {
	return Weekday(from.AddDays(max(s.CadenceDays, 1)))
}

// Weekday returns day, or the Monday after it when it falls on a weekend.
func Weekday(day Date) Date {
	switch day.Time().Weekday() {
	case time.Saturday:
		return day.AddDays(2)
	case time.Sunday:
		return day.AddDays(1)
	}
	return day
}

// CloseCheck is what closing a meeting needs to know about it.
type CloseCheck struct {
	Meeting      Meeting
	Today        Date
	Quorum       QuorumResult
	Attendances  int // attendance records taken
	OpenItems    int // agenda items neither covered nor deferred
	NextExisting *Meeting
}

// CloseWarnings lists, in words, every reason a meeting should not be
// closed yet; the leader may still close it once told.
func CloseWarnings(c CloseCheck) []string {
	var out []string
	if c.Meeting.Date.After(c.Today) {
		out = append(out, fmt.Sprintf("it is dated %s, which is in the future", c.Meeting.Date))
	}
	if c.Attendances == 0 {
		out = append(out, "attendance has not been taken")
	} else if !c.Quorum.Met {
		out = append(out, "it has no quorum ("+strings.TrimPrefix(c.Quorum.Reason, "no quorum: ")+")")
	}
	if c.OpenItems > 0 {
		out = append(out, Count(c.OpenItems, "agenda item is", "agenda items are")+" still open")
	}
	return out
}

// CheckNextMeetingDay refuses a day the next meeting cannot be held on:
// not after the closing meeting, or on a weekend.
func CheckNextMeetingDay(closing, day Date) error {
	switch {
	case day.IsZero() || day.Invalid():
		return fieldErr("Date", "the next meeting's date is required")
	case !day.After(closing):
		return fieldErr("Date", "the next meeting must come after this one (%s)", closing)
	case Weekday(day) != day:
		return fieldErr("Date", "%s is a %s; choose a weekday", day, day.Time().Weekday())
	}
	return nil
}
