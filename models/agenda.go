package models

import (
	"fmt"
	"strings"
)

// Agenda sections, in the order a chair takes them.
const (
	SectionActions     = "Overdue actions"
	SectionDecisions   = "Decisions due for review"
	SectionInitiatives = "Initiatives needing attention"
	SectionTargets     = "Targets at risk or off track"
	SectionRisks       = "Risks: high or due for review"
	SectionGaps        = "Committee gaps"
)

// AgendaSectionCap is how many matters a section of a drafted agenda
// takes; the rest are counted in one line, so a large programme's agenda
// stays one a meeting can get through.
const AgendaSectionCap = 10

// CapSections keeps the first limit entries of each section, in order,
// and counts those left out by section.
func CapSections(entries []AgendaEntry, limit int) ([]AgendaEntry, map[string]int) {
	kept, more := []AgendaEntry{}, map[string]int{}
	seen := map[string]int{}
	for _, e := range entries {
		seen[e.Section]++
		if seen[e.Section] > limit {
			more[e.Section]++
			continue
		}
		kept = append(kept, e)
	}
	return kept, more
}

// AgendaSections lists the sections in order.
var AgendaSections = []string{SectionActions, SectionDecisions, SectionInitiatives, SectionTargets, SectionRisks, SectionGaps}

// AgendaEntry is one matter arising: the record it is about, its owner and
// why it is on the agenda.
type AgendaEntry struct {
	Section string
	Kind    RecordKind // one of LinkKinds
	ID      uint
	Title   string
	Owner   string
	Why     string
}

// Topic is the entry as an agenda item's topic.
func (e AgendaEntry) Topic() string { return e.Title + " — " + e.Why }

// AgendaInput is what the matters arising are drawn from, as of the
// meeting day.
type AgendaInput struct {
	Committee
	Actions     []ActionItem
	Readings    map[uint]TargetReading // target ID -> reading on the day
	Risks       []Risk
	MemberNames map[uint]string
}

// MattersArising drafts a meeting's agenda from what needs the committee:
// open actions past due, decisions due for review, initiatives that are red,
// amber without progress, stale or overdue, targets at risk or off track,
// and committee gaps (departments unrepresented, no sponsor).
func MattersArising(in AgendaInput) []AgendaEntry {
	day := in.AsOf
	owner := func(id *uint) string {
		if id == nil {
			return ""
		}
		return in.MemberNames[*id]
	}
	var out []AgendaEntry
	for _, a := range in.Actions {
		if !ActionOverdue(a, day) {
			continue
		}
		why := fmt.Sprintf("due %s, %s overdue", a.DueDate(), plural(DaysOverdue(a, day), "1 day", fmt.Sprintf("%d days", DaysOverdue(a, day))))
		if a.TimesCarriedOver > 0 {
			why += fmt.Sprintf("; carried over %s", plural(a.TimesCarriedOver, "once", fmt.Sprintf("%d times", a.TimesCarriedOver)))
		}
		out = append(out, AgendaEntry{SectionActions, RecordAction, a.ID, a.Description, owner(a.OwnerID), why})
	}
	for _, d := range in.Decisions {
		if DecisionDueForReview(d, day) {
			out = append(out, AgendaEntry{SectionDecisions, RecordDecision, d.ID, d.Statement, owner(d.OwnerID),
				fmt.Sprintf("%s decision, review due %s", d.Status, d.ReviewDate)})
		}
	}
	for _, i := range in.Initiatives {
		concerns := InitiativeConcerns(i, in.LastUpdate[i.ID], in.PrevPercent, in.staleDays(), day)
		if len(concerns) > 0 {
			out = append(out, AgendaEntry{SectionInitiatives, RecordInitiative, i.ID, i.Title, owner(i.OwnerID), strings.Join(concerns, "; ")})
		}
	}
	for _, t := range in.Targets {
		if r, ok := in.Readings[t.ID]; ok && r.Status.Concerning() {
			out = append(out, AgendaEntry{SectionTargets, RecordTarget, t.ID, t.Name, owner(t.OwnerID), string(r.Status) + ": " + r.Reason})
		}
	}
	for _, r := range in.Risks {
		if why := riskArising(r, day); why != "" {
			out = append(out, AgendaEntry{SectionRisks, RecordRisk, r.ID, r.Title, owner(r.OwnerID), why})
		}
	}
	for _, d := range UncoveredDepartments(in.Departments, in.Members, day) {
		out = append(out, AgendaEntry{SectionGaps, RecordDepartment, d.ID, d.Name, d.Head, "no active representative with decision authority"})
	}
	if !in.checkSponsor().Passed {
		out = append(out, AgendaEntry{Section: SectionGaps, Title: "Executive sponsor", Why: "no active member has the executive sponsor role"})
	}
	return out
}

// riskArising says why a risk is a matter arising: high, or due for
// review; "" when it is neither or closed.
func riskArising(r Risk, day Date) string {
	var why []string
	if r.Open() && r.Score() >= HighRiskScore {
		why = append(why, fmt.Sprintf("high risk, %d × %d = %d", r.Likelihood, r.Impact, r.Score()))
	}
	if r.DueForReview(day) {
		why = append(why, "review due "+r.ReviewDate.String())
	}
	return strings.Join(why, "; ")
}
