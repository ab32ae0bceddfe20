package models

import (
	"net/mail"
	"strings"
)

// Department is a part of the organisation that should sit on the committee.
type Department struct {
	Record
	Name string `gorm:"not null;uniqueIndex"`
	Head string
}

// Validate checks the department.
func (d *Department) Validate() error {
	return JoinProblems(
		required("Name", "department name", d.Name),
		maxLen("Name", "department name", d.Name, 120),
	)
}

// DuplicateMessage explains a unique-key clash.
func (d *Department) DuplicateMessage() string {
	return "a department named " + d.Name + " already exists"
}

// Member is a person on the committee.
type Member struct {
	Record
	Name              string `gorm:"not null"`
	Email             string `gorm:"not null;uniqueIndex"`
	JobTitle          string
	DepartmentID      *uint
	Department        *Department `gorm:"constraint:OnDelete:SET NULL"`
	Role              Role        `gorm:"not null"`
	DecisionAuthority bool        `gorm:"not null;serializer:lenient"` // may commit the department
	ActiveFrom        Date
	ActiveTo          Date
	Login             string // the login they use on a shared database server
}

// Validate checks the member.
func (m *Member) Validate() error {
	return JoinProblems(
		required("Name", "member name", m.Name),
		maxLen("Name", "member name", m.Name, 120),
		validEmail(m.Email),
		oneOf("Role", "committee role", m.Role, Roles),
		dateOrder("ActiveTo", "active from", m.ActiveFrom, "active to", m.ActiveTo),
	)
}

// DuplicateMessage explains a unique-key clash.
func (m *Member) DuplicateMessage() string {
	return "a member with email " + m.Email + " already exists"
}

// ActiveOn reports whether the member sits on the committee on day d.
func (m Member) ActiveOn(d Date) bool {
	if !m.ActiveFrom.IsZero() && d.Before(m.ActiveFrom) {
		return false
	}
	return m.ActiveTo.IsZero() || !d.After(m.ActiveTo)
}

func validEmail(email string) error {
	if isBlank(email) {
		return fieldErr("Email", "member email is required")
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != strings.TrimSpace(email) || !strings.Contains(addr.Address, ".") {
		return fieldErr("Email", "member email %q is not an email address", email)
	}
	return nil
}

// Journey is a key customer journey the committee governs.
type Journey struct {
	Record
	Name        string `gorm:"not null;uniqueIndex"`
	Description string
	Priority    int `gorm:"not null;serializer:lenient"` // 1 is the highest
	OwnerID     *uint
	Owner       *Member `gorm:"constraint:OnDelete:SET NULL"`
}

// Validate checks the journey.
func (j *Journey) Validate() error {
	var prio error
	if j.Priority < 1 || j.Priority > 99 {
		prio = fieldErr("Priority", "journey priority must be between 1 and 99, not %d", j.Priority)
	}
	return JoinProblems(
		required("Name", "journey name", j.Name),
		maxLen("Name", "journey name", j.Name, 120),
		prio,
	)
}

// DuplicateMessage explains a unique-key clash.
func (j *Journey) DuplicateMessage() string {
	return "a journey named " + j.Name + " already exists"
}

// CanCommit reports whether a member can commit their department on day d:
// active, with decision authority, and not a guest.
func CanCommit(m Member, d Date) bool {
	return m.DecisionAuthority && m.Role != RoleGuest && m.DepartmentID != nil && m.ActiveOn(d)
}

// UncoveredDepartments returns the departments with no active member who
// holds decision authority, in the order given.
func UncoveredDepartments(depts []Department, members []Member, asOf Date) []Department {
	covered := map[uint]bool{}
	for _, m := range members {
		if CanCommit(m, asOf) {
			covered[*m.DepartmentID] = true
		}
	}
	var out []Department
	for _, d := range depts {
		if !covered[d.ID] {
			out = append(out, d)
		}
	}
	return out
}

// Committee is everything the governance rules look at, as of one day.
type Committee struct {
	AsOf        Date
	Settings    Settings
	Departments []Department
	Members     []Member
	Journeys    []Journey
	Initiatives []Initiative  // with Targets loaded (IDs suffice)
	LastUpdate  map[uint]Date // initiative ID -> date of its latest status update
	PrevPercent map[uint]int  // initiative ID -> percent complete at the update before the latest
	Targets     []Target
	Meetings    []Meeting
	Decisions   []Decision
}
