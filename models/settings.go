package models

import (
	"strings"
)

// Default windows used when the programme settings leave them unset.
const (
	DefaultStaleDays   = 30
	DefaultCadenceDays = 30
	// DefaultQuorumPercent: more than half of the departments.
	DefaultQuorumPercent = 50
)

// Settings holds the committee-wide settings of the CX programme; there
// is one row, in the table programs.
type Settings struct {
	Record
	OrganisationName string `gorm:"not null"`
	VisionStatement  string
	VisionReviewedOn Date
	VisionPillars    string // one pillar per line
	BusinessGoals    string // one goal per line
	StaleDays        int    `gorm:"not null;serializer:lenient"`
	CadenceDays      int    `gorm:"not null;serializer:lenient"`
	// QuorumPercent: a meeting is quorate when more than this share of the
	// departments is represented by someone who can commit them.
	QuorumPercent int `gorm:"not null;serializer:lenient"`
	// Currency is the ISO 4217 code money is reported in, e.g. EUR.
	Currency string `gorm:"not null;default:''"`
}

// TableName keeps the table name the first release gave it.
func (Settings) TableName() string { return "programs" }

// NewSettings returns settings with the default windows.
func NewSettings(organisation string) Settings {
	return Settings{OrganisationName: organisation, StaleDays: DefaultStaleDays, CadenceDays: DefaultCadenceDays, QuorumPercent: DefaultQuorumPercent}
}

// Pillars returns the vision pillars, one per non-blank line.
func (p Settings) Pillars() []string { return lines(p.VisionPillars) }

// Goals returns the business goals, one per non-blank line.
func (p Settings) Goals() []string { return lines(p.BusinessGoals) }

// Validate checks the settings.
func (p *Settings) Validate() error {
	return JoinProblems(
		required("OrganisationName", "organisation name", p.OrganisationName),
		maxLen("OrganisationName", "organisation name", p.OrganisationName, 200),
		positive("StaleDays", "staleness window in days", p.StaleDays),
		positive("CadenceDays", "meeting cadence in days", p.CadenceDays),
		quorum(p.QuorumPercent),
		currency(p.Currency),
	)
}

// DuplicateMessage explains a unique-key clash.
func (p *Settings) DuplicateMessage() string { return "the programme settings already exist" }

func positive(field, what string, n int) error {
	if n < 1 || n > 3650 {
		return fieldErr(field, "%s must be between 1 and 3650, not %d", what, n)
	}
	return nil
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func quorum(n int) error {
	if n < 0 || n > 99 {
		return fieldErr("QuorumPercent", "quorum must be a share from 0 to 99 percent of departments, not %d", n)
	}
	return nil
}

// currency accepts an ISO 4217 code (three capital letters) or none.
func currency(code string) error {
	if code == "" {
		return nil
	}
	if len(code) != 3 || strings.ToUpper(code) != code || strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fieldErr("Currency", "currency must be a three-letter code such as EUR, GBP or USD")
	}
	return nil
}
