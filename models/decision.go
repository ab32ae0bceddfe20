package models

// Decision is something the committee decided (or was asked to decide).
type Decision struct {
	Record
	MeetingID      *uint
	Meeting        *Meeting `gorm:"constraint:OnDelete:SET NULL"`
	DecidedOn      Date
	Statement      string `gorm:"not null"`
	Rationale      string
	Status         DecisionStatus `gorm:"not null;index"`
	OwnerID        *uint
	Owner          *Member `gorm:"constraint:OnDelete:SET NULL"`
	InitiativeID   *uint
	Initiative     *Initiative `gorm:"constraint:OnDelete:SET NULL"`
	TargetID       *uint
	Target         *Target `gorm:"constraint:OnDelete:SET NULL"`
	ReviewDate     Date
	SupersededByID *uint
	SupersededBy   *Decision `gorm:"constraint:OnDelete:SET NULL"`
	SupersedesID   *uint     // the earlier decision this one replaces
	Supersedes     *Decision `gorm:"constraint:OnDelete:SET NULL"`
	VotesFor       *int      `gorm:"serializer:lenient"`
	VotesAgainst   *int      `gorm:"serializer:lenient"`
	VotesAbstain   *int      `gorm:"serializer:lenient"`
	// Escalated marks a decision the committee asks of the sponsor or the
	// executives; the report lists it first, under "Decisions needed from you".
	Escalated      bool   `gorm:"not null;default:false"`
	Options        string // the choices put to them, one per line
	Recommendation string // what the committee recommends
	NeededBy       Date   // when the answer is needed
	AtStake        string // what happens without an answer
}

// Ask reports whether the decision is an open ask of the executives.
func (d Decision) Ask() bool { return d.Escalated && d.Status == DecisionProposed }

// Validate checks the decision.
func (d *Decision) Validate() error {
	var sup error
	switch {
	case d.Status == DecisionSuperseded && d.SupersededByID == nil:
		sup = fieldErr("SupersededByID", "a superseded decision must name the decision that replaces it")
	case d.SupersededByID != nil && d.ID != 0 && *d.SupersededByID == d.ID:
		sup = fieldErr("SupersededByID", "a decision cannot supersede itself")
	}
	var ask error
	if d.Escalated && d.Status == DecisionProposed && d.NeededBy.IsZero() {
		ask = fieldErr("NeededBy", "an escalated decision needs the date the answer is needed by")
	}
	return JoinProblems(
		required("Statement", "decision statement", d.Statement),
		maxLen("Statement", "decision statement", d.Statement, 2000),
		oneOf("Status", "decision status", d.Status, DecisionStatuses),
		sup,
		nonNegative("VotesFor", "votes for", d.VotesFor),
		nonNegative("VotesAgainst", "votes against", d.VotesAgainst),
		nonNegative("VotesAbstain", "abstentions", d.VotesAbstain),
		ask,
		maxLen("Options", "options", d.Options, 4000),
		maxLen("Recommendation", "recommendation", d.Recommendation, 4000),
		maxLen("AtStake", "what is at stake", d.AtStake, 2000),
	)
}

// DuplicateMessage explains a unique-key clash.
func (d *Decision) DuplicateMessage() string { return "this decision already exists" }

// ActionItem is a task with one owner, taken in a meeting or from a decision.
type ActionItem struct {
	Record
	Description     string `gorm:"not null"`
	OwnerID         *uint
	Owner           *Member `gorm:"constraint:OnDelete:SET NULL"`
	OriginalDueDate Date    `gorm:"not null"`
	RevisedDueDate  Date
	Status          ActionStatus `gorm:"not null;index"`
	MeetingID       *uint        // the meeting where the action was taken
	Meeting         *Meeting     `gorm:"constraint:OnDelete:SET NULL"`
	// CarriedToMeetingID is the later meeting whose review the open action was carried to.
	CarriedToMeetingID *uint
	CarriedToMeeting   *Meeting `gorm:"constraint:OnDelete:SET NULL"`
	OpenedOn           Date
	DecisionID         *uint
	Decision           *Decision `gorm:"constraint:OnDelete:SET NULL"`
	InitiativeID       *uint
	Initiative         *Initiative `gorm:"constraint:OnDelete:SET NULL"`
	TimesCarriedOver   int         `gorm:"not null;serializer:lenient"`
	ClosedOn           Date
}

// Validate checks the action item.
func (a *ActionItem) Validate() error {
	var carried, closed error
	if a.TimesCarriedOver < 0 {
		carried = fieldErr("TimesCarriedOver", "times carried over cannot be negative")
	}
	if !a.ClosedOn.IsZero() && !a.Status.Closed() {
		closed = fieldErr("ClosedOn", "an action that is %s has no closing date", a.Status)
	}
	return JoinProblems(
		required("Description", "action description", a.Description),
		maxLen("Description", "action description", a.Description, 1000),
		requiredRef("OwnerID", "action owner", a.OwnerID),
		requiredDate("OriginalDueDate", "due date", a.OriginalDueDate),
		oneOf("Status", "action status", a.Status, ActionStatuses),
		carried, closed,
	)
}

// DuplicateMessage explains a unique-key clash.
func (a *ActionItem) DuplicateMessage() string { return "this action item already exists" }

// DueDate returns the date the action is due now: the revised date if any,
// else the original.
func (a ActionItem) DueDate() Date {
	if !a.RevisedDueDate.IsZero() {
		return a.RevisedDueDate
	}
	return a.OriginalDueDate
}

// ActionOverdue reports whether an open action is past its (revised) due date.
func ActionOverdue(a ActionItem, asOf Date) bool {
	return !a.Status.Closed() && a.DueDate().Before(asOf)
}

// DaysOverdue returns how many days an open action is past due, or 0.
func DaysOverdue(a ActionItem, asOf Date) int {
	if !ActionOverdue(a, asOf) {
		return 0
	}
	return a.DueDate().DaysUntil(asOf)
}

// DecisionDueForReview reports whether a live decision's review date has come.
func DecisionDueForReview(d Decision, asOf Date) bool {
	switch d.Status {
	case DecisionRejected, DecisionSuperseded:
		return false
	}
	return !d.ReviewDate.IsZero() && !d.ReviewDate.After(asOf)
}

// nonNegative refuses a count below zero; none is fine.
func nonNegative(field, what string, n *int) error {
	if n != nil && *n < 0 {
		return fieldErr(field, "%s cannot be negative", what)
	}
	return nil
}
