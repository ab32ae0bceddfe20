package models

import "fmt"

// RiskStatus is where a risk stands.
type RiskStatus string

// Risk statuses, stored as these words.
const (
	RiskOpen       RiskStatus = "open"
	RiskMitigating RiskStatus = "mitigating"
	RiskAccepted   RiskStatus = "accepted"
	RiskClosed     RiskStatus = "closed"
)

// RiskStatuses lists every risk status.
var RiskStatuses = []RiskStatus{RiskOpen, RiskMitigating, RiskAccepted, RiskClosed}

// HighRiskScore is the score (likelihood × impact) from which a risk is
// high: on a 5×5 grid, 10 and over (e.g. likely and major, 4 × 3 = 12).
const HighRiskScore = 10

// Risk is a threat to the CX programme, kept in the risk register.
type Risk struct {
	Record
	Title        string `gorm:"not null"`
	Description  string
	InitiativeID *uint
	Initiative   *Initiative `gorm:"constraint:OnDelete:SET NULL"`
	JourneyID    *uint
	Journey      *Journey `gorm:"constraint:OnDelete:SET NULL"`
	OwnerID      *uint
	Owner        *Member    `gorm:"constraint:OnDelete:SET NULL"`
	Likelihood   int        `gorm:"not null;serializer:lenient"` // 1 rare … 5 almost certain
	Impact       int        `gorm:"not null;serializer:lenient"` // 1 minor … 5 severe
	Mitigation   string     // what is being done about it
	Status       RiskStatus `gorm:"not null;index"`
	ReviewDate   Date
}

// Validate checks the risk.
func (r *Risk) Validate() error {
	return JoinProblems(
		required("Title", "risk title", r.Title),
		maxLen("Title", "risk title", r.Title, 200),
		maxLen("Description", "risk description", r.Description, 4000),
		scale("Likelihood", "likelihood", r.Likelihood),
		scale("Impact", "impact", r.Impact),
		maxLen("Mitigation", "mitigation", r.Mitigation, 4000),
		oneOf("Status", "risk status", r.Status, RiskStatuses),
	)
}

// DuplicateMessage explains a unique-key clash.
func (r *Risk) DuplicateMessage() string { return "this risk already exists" }

func scale(field, what string, n int) error {
	if n < 1 || n > 5 {
		return fieldErr(field, "%s must be a whole number from 1 to 5", what)
	}
	return nil
}

// Score is likelihood × impact, from 1 to 25.
func (r Risk) Score() int { return r.Likelihood * r.Impact }

// Open reports whether the risk still needs watching.
func (r Risk) Open() bool { return r.Status != RiskClosed }

// Level says how serious a score is: high, medium or low.
func Level(score int) string {
	switch {
	case score >= HighRiskScore:
		return "high"
	case score >= 5:
		return "medium"
	}
	return "low"
}

// DueForReview reports whether an open risk's review date has come.
func (r Risk) DueForReview(asOf Date) bool {
	return r.Open() && !r.ReviewDate.IsZero() && !r.ReviewDate.After(asOf)
}

// RiskTrend says how a risk's score moved since an earlier one: "new" when
// it had none then, else "rising", "falling" or "steady".
func RiskTrend(then *int, now int) string {
	switch {
	case then == nil:
		return "new"
	case now > *then:
		return "rising"
	case now < *then:
		return "falling"
	}
	return "steady"
}

// Describe is the risk on one line: title, score and level.
func (r Risk) Describe() string {
	return fmt.Sprintf("%s (%d × %d = %d, %s)", r.Title, r.Likelihood, r.Impact, r.Score(), Level(r.Score()))
}
