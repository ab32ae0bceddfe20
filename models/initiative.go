package models

import (
	"fmt"
	"math"
	"strings"
)

// Initiative is a piece of CX work the committee pushes forward.
type Initiative struct {
	Record
	Title            string `gorm:"not null"`
	Description      string // the customer problem it solves
	LeadDepartmentID *uint
	LeadDepartment   *Department `gorm:"constraint:OnDelete:SET NULL"`
	OwnerID          *uint
	Owner            *Member `gorm:"constraint:OnDelete:SET NULL"`
	JourneyID        *uint
	Journey          *Journey `gorm:"constraint:OnDelete:SET NULL"`
	Pillar           string   // the vision pillar it serves
	BusinessGoal     string
	Status           InitiativeStatus `gorm:"not null;index"`
	Health           Health           `gorm:"not null"`
	HealthReason     string
	PercentComplete  int `gorm:"not null;serializer:lenient"`
	StartDate        Date
	DueDate          Date
	ExpectedBenefit  float64  `gorm:"not null;serializer:lenient"` // per year, in the organisation's currency
	Budget           float64  `gorm:"not null;default:0;serializer:lenient"`
	SpendToDate      float64  `gorm:"not null;default:0;serializer:lenient"`
	RealisedBenefit  float64  `gorm:"not null;default:0;serializer:lenient"` // benefit delivered so far
	Targets          []Target `gorm:"many2many:initiative_targets;constraint:OnDelete:CASCADE"`
}

// Validate checks the initiative.
func (i *Initiative) Validate() error {
	return JoinProblems(
		required("Title", "initiative title", i.Title),
		maxLen("Title", "initiative title", i.Title, 200),
		oneOf("Status", "initiative status", i.Status, InitiativeStatuses),
		oneOf("Health", "initiative health", i.Health, Healths),
		healthReason(i.Health, i.HealthReason),
		percent("PercentComplete", "percent complete", i.PercentComplete),
		dateOrder("DueDate", "start date", i.StartDate, "due date", i.DueDate),
		money("ExpectedBenefit", "expected annual benefit", i.ExpectedBenefit),
		money("Budget", "budget", i.Budget),
		money("SpendToDate", "spend to date", i.SpendToDate),
		money("RealisedBenefit", "realised benefit", i.RealisedBenefit),
	)
}

// money insists on an amount that is a number and not negative.
func money(field, what string, v float64) error {
	if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return fieldErr(field, "%s must be a number that is not negative", what)
	}
	return nil
}

// DuplicateMessage explains a unique-key clash.
func (i *Initiative) DuplicateMessage() string {
	return "an initiative titled " + i.Title + " already exists"
}

// healthReason insists that amber and red come with their reason in words.
// A health that is missing or unknown is its own problem, not this one.
func healthReason(h Health, reason string) error {
	if h.Severity() > 0 && isBlank(reason) {
		return fieldErr("HealthReason", "a reason is required when health is %s", h)
	}
	return nil
}

// StatusUpdate is a dated, authored report on an initiative. Updates are
// history: they are added, never rewritten.
type StatusUpdate struct {
	Record
	InitiativeID    uint        `gorm:"not null;index:idx_status_updates_initiative_date,priority:1"`
	Initiative      *Initiative `gorm:"constraint:OnDelete:CASCADE"`
	Date            Date        `gorm:"not null;index:idx_status_updates_initiative_date,priority:2"`
	AuthorID        *uint
	Author          *Member `gorm:"constraint:OnDelete:SET NULL"`
	Health          Health  `gorm:"not null"`
	PercentComplete int     `gorm:"not null;serializer:lenient"`
	Note            string
}

// Validate checks the update.
func (u *StatusUpdate) Validate() error {
	var ini error
	if u.InitiativeID == 0 {
		ini = fieldErr("InitiativeID", "the initiative of a status update is required")
	}
	return JoinProblems(
		ini,
		requiredDate("Date", "update date", u.Date),
		requiredRef("AuthorID", "update author", u.AuthorID),
		oneOf("Health", "health", u.Health, Healths),
		percent("PercentComplete", "percent complete", u.PercentComplete),
		healthNote(u.Health, u.Note),
	)
}

// DuplicateMessage explains a unique-key clash.
func (u *StatusUpdate) DuplicateMessage() string { return "this status update already exists" }

func healthNote(h Health, note string) error {
	if h != HealthGreen && isBlank(note) {
		return fieldErr("Note", "a note explaining the %s health is required", h)
	}
	return nil
}

// StatusChange records that an initiative moved from one status to another
// on a day; "what changed since the last meeting" reads it.
type StatusChange struct {
	Record
	InitiativeID uint             `gorm:"not null;index"`
	Initiative   *Initiative      `gorm:"constraint:OnDelete:CASCADE"`
	Date         Date             `gorm:"not null"`
	From         InitiativeStatus `gorm:"not null"`
	To           InitiativeStatus `gorm:"not null"`
}

// Validate checks the change.
func (c *StatusChange) Validate() error {
	return JoinProblems(requiredDate("Date", "status change date", c.Date),
		oneOf("To", "new status", c.To, InitiativeStatuses))
}

// DuplicateMessage explains a unique-key clash.
func (c *StatusChange) DuplicateMessage() string { return "this status change already exists" }

// IsStale reports whether an active initiative has had no status update
// within the window. Without any update the start date stands in; an active
// initiative with neither is stale.
func IsStale(i Initiative, lastUpdate Date, windowDays int, asOf Date) bool {
	if i.Status != InitiativeActive {
		return false
	}
	ref := lastUpdate
	if ref.IsZero() {
		ref = i.StartDate
	}
	if ref.IsZero() {
		return true
	}
	return ref.DaysUntil(asOf) > windowDays
}

// IsOverdue reports whether an initiative is past its due date and not closed.
func IsOverdue(i Initiative, asOf Date) bool {
	return !i.DueDate.IsZero() && i.DueDate.Before(asOf) && !i.Status.Closed()
}

// RedConcern begins the concern of a red initiative, which goes on with
// the reason it gave.
const RedConcern = "red: "

// InitiativeConcerns lists, in words, why an initiative needs attention:
// red health, amber with no progress since the update before the latest
// (prevPercent, by initiative), no fresh update, past its due date. None
// for a healthy one. The dashboard, the report and the agenda all use it,
// so they name the same initiatives.
func InitiativeConcerns(i Initiative, lastUpdate Date, prevPercent map[uint]int, windowDays int, asOf Date) []string {
	var out []string
	if i.Health == HealthRed && !i.Status.Closed() {
		out = append(out, RedConcern+strings.TrimRight(reasonOrNone(i.HealthReason), ". "))
	}
	if prev, ok := prevPercent[i.ID]; ok && i.Health == HealthAmber && !i.Status.Closed() && i.PercentComplete <= prev {
		out = append(out, fmt.Sprintf("amber with no progress since the previous update (%d%%)", i.PercentComplete))
	}
	if IsStale(i, lastUpdate, windowDays, asOf) {
		if lastUpdate.IsZero() {
			out = append(out, "stale: never updated")
		} else {
			out = append(out, fmt.Sprintf("stale: last update %s, %s ago", lastUpdate, Count(lastUpdate.DaysUntil(asOf), "day", "days")))
		}
	}
	if IsOverdue(i, asOf) {
		out = append(out, fmt.Sprintf("overdue: due %s, %s ago", i.DueDate, Count(i.DueDate.DaysUntil(asOf), "day", "days")))
	}
	return out
}

func reasonOrNone(s string) string {
	if isBlank(s) {
		return "no reason given"
	}
	return s
}
