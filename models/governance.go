package models

import (
	"fmt"
	"sort"
)

// Check is one line of the governance health check.
type Check struct {
	Name   string
	Passed bool
	Reason string
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
		return fail(name, "no CX vision statement is recorded")
	case p.VisionReviewedOn.IsZero():
		return fail(name, "the vision has never been reviewed")
	case p.VisionReviewedOn.AddMonths(visionReviewMonths).Before(c.AsOf):
		return fail(name, fmt.Sprintf("the vision was last reviewed on %s, more than 12 months ago", p.VisionReviewedOn))
	}
	return pass(name, fmt.Sprintf("vision last reviewed on %s", p.VisionReviewedOn))
}

func (c Committee) checkSponsor() Check {
	const name = "An executive sponsor is named"
	var names []string
	for _, m := range c.Members {
		if m.Role == RoleSponsor && m.ActiveOn(c.AsOf) {
			names = append(names, m.Name)
		}
	}
	if len(names) == 0 {
		return fail(name, "no active member has the executive sponsor role")
	}
	return pass(name, "executive sponsor: "+NameList(names))
}

func (c Committee) checkRepresentation() Check {
	const name = "Every department is represented by someone with decision authority"
	if len(c.Departments) == 0 {
		return fail(name, "no departments are recorded")
	}
	gaps := UncoveredDepartments(c.Departments, c.Members, c.AsOf)
	if len(gaps) > 0 {
		return fail(name, "no active representative with decision authority for "+NameList(deptNames(gaps)))
	}
	return pass(name, EveryOne(len(c.Departments), "department", "departments")+" "+Agree(len(c.Departments), "is", "are")+" represented")
}

func (c Committee) checkJourneys() Check {
	const name = "Key journeys are defined, each with an active initiative"
	if len(c.Journeys) == 0 {
		return fail(name, "no key customer journeys are defined")
	}
	active := map[uint]bool{}
	for _, i := range c.Initiatives {
		if i.Status == InitiativeActive && i.JourneyID != nil {
			active[*i.JourneyID] = true
		}
	}
	var missing []string
	for _, j := range c.Journeys {
		if !active[j.ID] {
			missing = append(missing, j.Name)
		}
	}
	if len(missing) > 0 {
		return fail(name, "no active initiative for the journey "+NameList(missing))
	}
	return pass(name, EveryOne(len(c.Journeys), "journey", "journeys")+" "+Agree(len(c.Journeys), "has", "have")+" an active initiative")
}

func (c Committee) checkInitiatives(name, failing string, ok func(Initiative) bool) Check {
	var bad []string
	count := 0
	for _, i := range c.Initiatives {
		if i.Status != InitiativeActive {
			continue
		}
		count++
		if !ok(i) {
			bad = append(bad, i.Title)
		}
	}
	if len(bad) > 0 {
		return fail(name, fmt.Sprintf("%d active %s %s: %s", len(bad), plural(len(bad), "initiative", "initiatives"), failing, NameList(bad)))
	}
	if count == 0 {
		return pass(name, "there are no active initiatives")
	}
	return pass(name, EveryOne(count, "active initiative", "active initiatives"))
}

func (c Committee) checkAlignment() Check {
	const name = "Every open initiative traces to a vision pillar and a business goal"
	var bad []string
	for _, i := range c.Initiatives {
		if i.Status.Closed() {
			continue
		}
		if isBlank(i.Pillar) || isBlank(i.BusinessGoal) {
			bad = append(bad, i.Title)
		}
	}
	if len(bad) > 0 {
		return fail(name, fmt.Sprintf("%d %s without a pillar or a goal: %s", len(bad), plural(len(bad), "initiative", "initiatives"), NameList(bad)))
	}
	return pass(name, "every open initiative names its pillar and goal")
}

func (c Committee) checkBaselines() Check {
	const name = "Every target has a baseline"
	if len(c.Targets) == 0 {
		return fail(name, "no targets are recorded")
	}
	var bad []string
	for _, t := range c.Targets {
		if t.BaselineValue == nil || t.BaselineDate.IsZero() {
			bad = append(bad, t.Name)
		}
	}
	if len(bad) > 0 {
		return fail(name, "no baseline value and date for "+NameList(bad))
	}
	return pass(name, EveryOne(len(c.Targets), "target", "targets")+" "+Agree(len(c.Targets), "has", "have")+" a baseline")
}

func (c Committee) checkHierarchy() Check {
	const name = "Every target leads up the hierarchy to a financial target"
	if len(c.Targets) == 0 {
		return fail(name, "no targets are recorded")
	}
	byID := map[uint]Target{}
	for _, t := range c.Targets {
		byID[t.ID] = t
	}
	var bad []string
	for _, t := range c.Targets {
		if !LeadsToFinancial(t.ID, byID) {
			bad = append(bad, t.Name)
		}
	}
	if len(bad) > 0 {
		return fail(name, "no path to a financial target from "+NameList(bad))
	}
	return pass(name, "every target links to a financial outcome")
}

func (c Committee) checkCadence() Check {
	cadence := c.Settings.CadenceDays
	if cadence <= 0 {
		cadence = DefaultCadenceDays
	}
	name := fmt.Sprintf("The committee met within its %d-day cadence", cadence)
	var last Date
	for _, m := range c.Meetings {
		if m.Happened() && !m.Date.After(c.AsOf) && m.Date.After(last) {
			last = m.Date
		}
	}
	if last.IsZero() {
		return fail(name, "no meeting has been held yet")
	}
	days := last.DaysUntil(c.AsOf)
	if days > cadence {
		return fail(name, fmt.Sprintf("the last meeting was held on %s, %s ago", last, Count(days, "day", "days")))
	}
	return pass(name, fmt.Sprintf("last met on %s, %s ago", last, Count(days, "day", "days")))
}

func (c Committee) checkDecisionOwners() Check {
	const name = "Every approved decision has an owner"
	var bad []string
	for _, d := range c.Decisions {
		if d.Status == DecisionApproved && d.OwnerID == nil {
			bad = append(bad, fmt.Sprintf("%q", Shorten(d.Statement, 60)))
		}
	}
	if len(bad) > 0 {
		return fail(name, fmt.Sprintf("%d approved %s without an owner: %s", len(bad), plural(len(bad), "decision", "decisions"), NameList(bad)))
	}
	return pass(name, "every approved decision has an owner")
}

func deptNames(ds []Department) []string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Name
	}
	sort.Strings(names)
	return names
}
