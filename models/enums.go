package models

import (
	"fmt"
	"strconv"
)

// InitiativeStatus is where an initiative stands in its life.
type InitiativeStatus string

// Initiative statuses, stored as these words.
const (
	InitiativeProposed  InitiativeStatus = "proposed"
	InitiativeActive    InitiativeStatus = "active"
	InitiativeOnHold    InitiativeStatus = "on hold"
	InitiativeDone      InitiativeStatus = "done"
	InitiativeCancelled InitiativeStatus = "cancelled"
)

// InitiativeStatuses lists every initiative status in life-cycle order.
var InitiativeStatuses = []InitiativeStatus{InitiativeProposed, InitiativeActive, InitiativeOnHold, InitiativeDone, InitiativeCancelled}

// Closed reports whether no more work is expected.
func (s InitiativeStatus) Closed() bool { return s == InitiativeDone || s == InitiativeCancelled }

// UnderWay reports whether the work has started and is not finished:
// active or on hold. Only these count by health: a proposal not started
// has no health to speak of yet.
func (s InitiativeStatus) UnderWay() bool { return s == InitiativeActive || s == InitiativeOnHold }

// Health is the RAG rating of an initiative.
type Health string

// Health ratings, stored as these words.
const (
	HealthGreen Health = "green"
	HealthAmber Health = "amber"
	HealthRed   Health = "red"
)

// Healths lists the ratings from best to worst.
var Healths = []Health{HealthGreen, HealthAmber, HealthRed}

// Severity orders health from 0 (green) to 2 (red).
func (h Health) Severity() int {
	for i, x := range Healths {
		if x == h {
			return i
		}
	}
	return 0
}

// TargetKind places a target in the metric hierarchy.
type TargetKind string

// Target kinds: operational metrics feed perception (CX) metrics, which feed
// financial outcomes.
const (
	KindOperational TargetKind = "operational"
	KindPerception  TargetKind = "perception"
	KindFinancial   TargetKind = "financial"
)

// TargetKinds lists the kinds from the bottom of the hierarchy up.
var TargetKinds = []TargetKind{KindOperational, KindPerception, KindFinancial}

// Direction says which way is better for a target.
type Direction string

// Directions, stored as these words.
const (
	DirectionIncrease Direction = "increase"
	DirectionDecrease Direction = "decrease"
)

// Directions lists both directions.
var Directions = []Direction{DirectionIncrease, DirectionDecrease}

// Role is a member's part on the committee.
type Role string

// Committee roles, stored as these words.
const (
	RoleChair          Role = "chair"
	RoleSponsor        Role = "executive sponsor"
	RoleRepresentative Role = "representative"
	RoleSecretary      Role = "secretary"
	RoleMember         Role = "member"
	RoleGuest          Role = "guest"
)

// Roles lists every committee role.
var Roles = []Role{RoleChair, RoleSponsor, RoleRepresentative, RoleSecretary, RoleMember, RoleGuest}

// MeetingStatus is where a meeting stands.
type MeetingStatus string

// Meeting statuses, stored as these words.
const (
	MeetingPlanned         MeetingStatus = "planned"
	MeetingHeld            MeetingStatus = "held"
	MeetingMinutesApproved MeetingStatus = "minutes approved"
)

// MeetingStatuses lists the meeting life cycle in order.
var MeetingStatuses = []MeetingStatus{MeetingPlanned, MeetingHeld, MeetingMinutesApproved}

// AttendanceStatus records how a member took part in a meeting.
type AttendanceStatus string

// Attendance statuses, stored as these words.
const (
	AttendancePresent   AttendanceStatus = "present"
	AttendanceApologies AttendanceStatus = "apologies"
	AttendanceAbsent    AttendanceStatus = "absent"
	AttendanceProxy     AttendanceStatus = "proxy"
)

// AttendanceStatuses lists every attendance status.
var AttendanceStatuses = []AttendanceStatus{AttendancePresent, AttendanceApologies, AttendanceAbsent, AttendanceProxy}

// AgendaItemStatus is where an agenda item stands in its meeting.
type AgendaItemStatus string

// Agenda item statuses, stored as these words.
const (
	AgendaOpen     AgendaItemStatus = "open"
	AgendaCovered  AgendaItemStatus = "covered"
	AgendaDeferred AgendaItemStatus = "deferred"
)

// AgendaItemStatuses lists every agenda item status.
var AgendaItemStatuses = []AgendaItemStatus{AgendaOpen, AgendaCovered, AgendaDeferred}

// DecisionStatus is where a decision stands.
type DecisionStatus string

// Decision statuses, stored as these words.
const (
	DecisionProposed    DecisionStatus = "proposed"
	DecisionApproved    DecisionStatus = "approved"
	DecisionRejected    DecisionStatus = "rejected"
	DecisionDeferred    DecisionStatus = "deferred"
	DecisionImplemented DecisionStatus = "implemented"
	DecisionSuperseded  DecisionStatus = "superseded"
)

// DecisionStatuses lists every decision status.
var DecisionStatuses = []DecisionStatus{DecisionProposed, DecisionApproved, DecisionRejected, DecisionDeferred, DecisionImplemented, DecisionSuperseded}

// ActionStatus is where an action item stands.
type ActionStatus string

// Action statuses, stored as these words.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

// ActionStatuses lists every action status.
var ActionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionCancelled}

// Closed reports whether the action needs no more work.
func (s ActionStatus) Closed() bool { return s == ActionDone || s == ActionCancelled }

// AllowedWords returns the words a stored field of v's type may hold, for
// the status and kind types above; ok is false for any other type.
func AllowedWords(v any) (allowed []string, ok bool) {
	switch v.(type) {
	case InitiativeStatus:
		return Words(InitiativeStatuses), true
	case Health:
		return Words(Healths), true
	case TargetKind:
		return Words(TargetKinds), true
	case Direction:
		return Words(Directions), true
	case Role:
		return Words(Roles), true
	case MeetingStatus:
		return Words(MeetingStatuses), true
	case AttendanceStatus:
		return Words(AttendanceStatuses), true
	case AgendaItemStatus:
		return Words(AgendaItemStatuses), true
	case RiskStatus:
		return Words(RiskStatuses), true
	case DecisionStatus:
		return Words(DecisionStatuses), true
	case ActionStatus:
		return Words(ActionStatuses), true
	}
	return nil, false
}

// Words returns enum values as plain strings, for lists and drop-downs.
func Words[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// WordList joins words for a message: "a, b or c".
func WordList(values []string) string { return wordList(values) }

// oneOf checks that value is one of the allowed words.
func oneOf[T ~string](field, what string, value T, allowed []T) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	if value == "" {
		return fieldErr(field, "%s is required", what)
	}
	return fieldErr(field, "%s %q is not one of %s", what, string(value), wordList(allowed))
}

func wordList[T ~string](values []T) string {
	s := ""
	for i, v := range values {
		switch {
		case i == 0:
		case i == len(values)-1:
			s += " or "
		default:
			s += ", "
		}
		s += string(v)
	}
	return s
}

// Ptr returns a pointer to v; handy for optional references.
func Ptr[T any](v T) *T { return &v }

// IDString prints an optional reference for messages.
func IDString(id *uint) string {
	if id == nil {
		return "none"
	}
	return fmt.Sprint(*id)
}

// Count writes how many members attended so: "1 present", "1 apology",
// "2 apologies", "2 proxies".
func (s AttendanceStatus) Count(n int) string {
	switch s {
	case AttendanceApologies:
		return Count(n, "apology", "apologies")
	case AttendanceProxy:
		return Count(n, "proxy", "proxies")
	}
	return strconv.Itoa(n) + " " + string(s)
}
