package models

import (
	"fmt"
	"sort"
)

// Check is one line of the governance health check. Kind is the kind of
// record the check is about (settings for the vision) and IDs the records
// its reason names: the ones that make it fail, or none when what is
// missing is a record of that kind.
type Check struct {
	Name   string
	Passed bool
	Reason string
	Kind   RecordKind
	IDs    []uint
}

// about returns the check with the kind of record it is about and the
// records it names.
func (c Check) about(kind RecordKind, ids ...uint) Check {
	c.Kind, c.IDs = kind, ids
	return c
}

// visionReviewMonths is how old a vision review may be before it is stale.
const visionReviewMonths = 12

// GovernanceChecks runs the governance health check. Each check names the
// records that make it fail.
func GovernanceChecks(c Committee) []Check {
	return []Check{
		c.checkVision(),
		c.checkSponsor(),
		c.checkRepresentation(),
		c.checkJourneys(),
		c.checkInitiatives("Every active initiative has an owner", "without an owner", func(i Initiative) bool { return i.OwnerID != nil }),
		c.checkInitiatives("Every active initiative has a linked target", "without a linked target", func(i Initiative) bool { return len(i.Targets) > 0 }),
		c.checkInitiatives("Every active initiative has a fresh status update",
			"without a status update in the last "+Count(c.staleDays(), "day", "days"),
			func(i Initiative) bool { return !IsStale(i, c.LastUpdate[i.ID], c.staleDays(), c.AsOf) }),
		c.checkAlignment(),
		c.checkBaselines(),
		c.checkHierarchy(),
		c.checkCadence(),
		c.checkDecisionOwners(),
	}
}

func pass(name, reason string) Check { return Check{Name: name, Passed: true, Reason: reason} }
func fail(name, reason string) Check { return Check{Name: name, Passed: false, Reason: reason} }

func (c Committee) staleDays() int {
	if c.Settings.StaleDays > 0 {
		return c.Settings.StaleDays
	}
	return DefaultStaleDays
}

func (c Committee) checkVision() Check {
	const name = "Vision recorded and reviewed within 12 months"
	p := c.Settings
	switch {
	case isBlank(p.VisionStatement):
		return fail(name, "no CX vision statement is recorded").about(RecordSettings)
	case p.VisionReviewedOn.IsZero():
		return fail(name, "the vision has never been reviewed").about(RecordSettings)
	case p.VisionReviewedOn.AddMonths(visionReviewMonths).Before(c.AsOf):
		return fail(name, fmt.Sprintf("the vision was last reviewed on %s, more than 12 months ago", p.VisionReviewedOn)).about(RecordSettings)
	}
	return pass(name, fmt.Sprintf("vision last reviewed on %s", p.VisionReviewedOn)).about(RecordSettings)
}

func (c Committee) checkSponsor() Check {
	const name = "An executive sponsor is named"
	var names []string
	var ids []uint
	for _, m := range c.Members {
		if m.Role == RoleSponsor && m.ActiveOn(c.AsOf) {
			names, ids = append(names, m.Name), append(ids, m.ID)
		}
	}
	if len(names) == 0 {
		return fail(name, "no active member has the executive sponsor role").about(RecordMember)
	}
	return pass(name, "executive sponsor: "+NameList(names)).about(RecordMember, ids...)
}

func (c Committee) checkRepresentation() Check {
	const name = "Every department is represented by someone with decision authority"
	if len(c.Departments) == 0 {
		return fail(name, "no departments are recorded").about(RecordDepartment)
	}
	gaps := UncoveredDepartments(c.Departments, c.Members, c.AsOf)
	if len(gaps) > 0 {
		ids := make([]uint, len(gaps))
		for i, d := range gaps {
			ids[i] = d.ID
		}
		return fail(name, "no active representative with decision authority for "+NameList(deptNames(gaps))).about(RecordDepartment, ids...)
	}
	return pass(name, EveryOne(len(c.Departments), "department", "departments")+" "+Agree(len(c.Departments), "is", "are")+" represented").about(RecordDepartment)
}

func (c Committee) checkJourneys() Check {
	const name = "Key journeys are defined, each with an active initiative"
	if len(c.Journeys) == 0 {
		return fail(name, "no key customer journeys are defined").about(RecordJourney)
	}
	var missing []string
	var ids []uint
	for _, j := range c.Journeys {
		if !c.JourneyCovered(j.ID) {
			missing, ids = append(missing, j.Name), append(ids, j.ID)
		}
	}
	if len(missing) > 0 {
		return fail(name, "no active initiative for the journey "+NameList(missing)).about(RecordJourney, ids...)
	}
	return pass(name, EveryOne(len(c.Journeys), "journey", "journeys")+" "+Agree(len(c.Journeys), "has", "have")+" an active initiative").about(RecordJourney)
}

// JourneyCovered reports whether the journey has an active initiative,
// which the governance check asks of every key journey.
func (c Committee) JourneyCovered(journeyID uint) bool {
	for _, i := range c.Initiatives {
		if i.Status == InitiativeActive && i.JourneyID != nil && *i.JourneyID == journeyID {
			return true
		}
	}
	return false
}

func (c Committee) checkInitiatives(name, failing string, ok func(Initiative) bool) Check {
	var bad []string
	var ids []uint
	count := 0
	for _, i := range c.Initiatives {
		if i.Status != InitiativeActive {
			continue
		}
		count++
		if !ok(i) {
			bad, ids = append(bad, i.Title), append(ids, i.ID)
		}
	}
	if len(bad) > 0 {
		return fail(name, fmt.Sprintf("%d active %s %s: %s", len(bad), plural(len(bad), "initiative", "initiatives"), failing, NameList(bad))).about(RecordInitiative, ids...)
	}
	if count == 0 {
		return pass(name, "there are no active initiatives").about(RecordInitiative)
	}
	return pass(name, EveryOne(count, "active initiative", "active initiatives")).about(RecordInitiative)
}

func (c Committee) checkAlignment() Check {
	const name = "Every open initiative traces to a vision pillar and a business goal"
	var bad []string
	var ids []uint
	for _, i := range c.Initiatives {
		if i.Status.Closed() {
			continue
		}
		if isBlank(i.Pillar) || isBlank(i.BusinessGoal) {
			bad, ids = append(bad, i.Title), append(ids, i.ID)
		}
	}
	if len(bad) > 0 {
		return fail(name, fmt.Sprintf("%d %s without a pillar or a goal: %s", len(bad), plural(len(bad), "initiative", "initiatives"), NameList(bad))).about(RecordInitiative, ids...)
	}
	return pass(name, "every open initiative names its pillar and goal").about(RecordInitiative)
}

func (c Committee) checkBaselines() Check {
	const name = "Every target has a baseline"
	if len(c.Targets) == 0 {
		return fail(name, "no targets are recorded").about(RecordTarget)
	}
	var bad []string
	var ids []uint
	for _, t := range c.Targets {
		if t.BaselineValue == nil || t.BaselineDate.IsZero() {
			bad, ids = append(bad, t.Name), append(ids, t.ID)
		}
	}
	if len(bad) > 0 {
		return fail(name, "no baseline value and date for "+NameList(bad)).about(RecordTarget, ids...)
	}
	return pass(name, EveryOne(len(c.Targets), "target", "targets")+" "+Agree(len(c.Targets), "has", "have")+" a baseline").about(RecordTarget)
}

func (c Committee) checkHierarchy() Check {
	const name = "Every target leads up the hierarchy to a financial target"
	if len(c.Targets) == 0 {
		return fail(name, "no targets are recorded").about(RecordTarget)
	}
	byID := make(map[uint]*Target, len(c.Targets))
	for i := range c.Targets {
		byID[c.Targets[i].ID] = &c.Targets[i]
	}
	var bad []string
	var ids []uint
	for _, t := range c.Targets {
		if !LeadsToFinancial(t.ID, byID) {
			bad, ids = append(bad, t.Name), append(ids, t.ID)
		}
	}
	if len(bad) > 0 {
		return fail(name, "no path to a financial target from "+NameList(bad)).about(RecordTarget, ids...)
	}
	return pass(name, "every target links to a financial outcome").about(RecordTarget)
}

func (c Committee) checkCadence() Check {
	cadence := c.Settings.CadenceDays
	if cadence <= 0 {
		cadence = DefaultCadenceDays
	}
	name := fmt.Sprintf("The committee met within its %d-day cadence", cadence)
	var last Date
	var lastID uint
	for _, m := range c.Meetings {
		if m.Happened() && !m.Date.After(c.AsOf) && m.Date.After(last) {
			last, lastID = m.Date, m.ID
		}
	}
	if last.IsZero() {
		return fail(name, "no meeting has been held yet").about(RecordMeeting)
	}
	days := last.DaysUntil(c.AsOf)
	if days > cadence {
		return fail(name, fmt.Sprintf("the last meeting was held on %s, %s ago", last, Count(days, "day", "days"))).about(RecordMeeting, lastID)
	}
	return pass(name, fmt.Sprintf("last met on %s, %s ago", last, Count(days, "day", "days"))).about(RecordMeeting, lastID)
}

func (c Committee) checkDecisionOwners() Check {
	const name = "Every approved decision has an owner"
	var bad []string
	var ids []uint
	for _, d := range c.Decisions {
		if d.Status == DecisionApproved && d.OwnerID == nil {
			bad, ids = append(bad, fmt.Sprintf("%q", Shorten(d.Statement, 60))), append(ids, d.ID)
		}
	}
	if len(bad) > 0 {
		return fail(name, fmt.Sprintf("%d approved %s without an owner: %s", len(bad), plural(len(bad), "decision", "decisions"), NameList(bad))).about(RecordDecision, ids...)
	}
	return pass(name, "every approved decision has an owner").about(RecordDecision)
}

func deptNames(ds []Department) []string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Name
	}
	sort.Strings(names)
	return names
}
