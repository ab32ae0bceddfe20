package views

import (
	"fmt"

	"cxcommittee/app"
	"cxcommittee/models"
)

// filterHint is the register filter's placeholder when it shows every row.
const filterHint = "Filter (Ctrl+F)"

// showOnly switches to screen sc, on tab (if any), and shows in reg just
// the records with the given ids, or every record when ids is empty.
// Typing in the filter shows every record again.
func showOnly[T any](e *env, sc screen, tab func(), reg *register[T], id func(T) uint, ids []uint, named string) {
	if len(ids) == 0 {
		showWhere(e, sc, tab, reg, nil, "")
		return
	}
	keep := make(map[uint]bool, len(ids))
	for _, i := range ids {
		keep[i] = true
	}
	showWhere(e, sc, tab, reg, func(row T) bool { return keep[id(row)] },
		fmt.Sprintf("Showing the %s %s: type to filter all", models.Count(len(ids), "record", "records"), named))
}

// showWhere switches to screen sc, on tab (if any), and shows in reg just
// the rows keep accepts, saying so in the filter's placeholder (hint), or
// every row when keep is nil. Typing in the filter shows every row again.
func showWhere[T any](e *env, sc screen, tab func(), reg *register[T], keep func(T) bool, hint string) {
	e.router.show(sc)
	if tab != nil {
		tab()
	}
	if reg.filter == nil { // the screen was not built
		return
	}
	reg.filter.SetText("")
	if keep == nil {
		reg.showAll()
		return
	}
	reg.only = keep
	reg.filter.SetPlaceHolder(hint)
	reg.filter.OnChanged = func(string) { reg.showAll() }
	reg.apply()
}

// showAll undoes showOnly: every row is shown again and the filter filters.
func (r *register[T]) showAll() {
	r.only = nil
	r.filter.SetPlaceHolder(filterHint)
	r.filter.OnChanged = func(string) { r.apply() }
	r.apply()
}

// routeNamedRecords tells the router how each register shows just the
// records a governance check names.
func (m *mainWindow) routeNamedRecords() {
	tab := func(t func() *registerTabs, i int) func() { return func() { t().tabs.SelectIndex(i) } }
	decisions := func() *registerTabs { return m.decisions.tabs }
	committee := func() *registerTabs { return m.committee.tabs }
	routeNamed(m, models.RecordInitiative, m.initiatives, nil, m.initiatives.reg, func(x app.InitiativeRow) uint { return x.ID })
	routeNamed(m, models.RecordTarget, m.targets, nil, m.targets.reg, func(x app.TargetRow) uint { return x.Target.ID })
	routeNamed(m, models.RecordMeeting, m.meetings, nil, m.meetings.reg, func(x app.MeetingRow) uint { return x.ID })
	routeNamed(m, models.RecordDecision, m.decisions, tab(decisions, 0), m.decisions.decisions, func(x app.DecisionRow) uint { return x.ID })
	routeNamed(m, models.RecordAction, m.decisions, tab(decisions, 1), m.decisions.actions, func(x app.ActionRow) uint { return x.ID })
	routeNamed(m, models.RecordMember, m.committee, tab(committee, 0), m.committee.members, func(x app.MemberRow) uint { return x.ID })
	routeNamed(m, models.RecordDepartment, m.committee, tab(committee, 1), m.committee.depts, func(x app.DepartmentRow) uint { return x.ID })
	routeNamed(m, models.RecordJourney, m.journeys, nil, m.journeys.reg, func(x models.Journey) uint { return x.ID })
	m.router.handleRecords(models.RecordSettings, func([]uint, string) { m.router.show(m.settings) })
	m.router.handleList(listAttention, func() {
		showWhere(m.env, m.initiatives, nil, m.initiatives.reg, func(x app.InitiativeRow) bool { return len(x.Concerns) > 0 },
			"Showing the initiatives needing attention: type to filter all")
	})
	m.router.handleList(listOverdue, func() {
		showWhere(m.env, m.decisions, tab(decisions, 1), m.decisions.actions, func(x app.ActionRow) bool { return x.DaysOverdue > 0 },
			"Showing the overdue actions: type to filter all")
	})
	m.router.handleList(listReviewDue, func() {
		showWhere(m.env, m.decisions, tab(decisions, 0), m.decisions.decisions, func(x app.DecisionRow) bool { return x.DueForReview },
			"Showing the decisions due for review: type to filter all")
	})
	m.router.handleList(listTargets, func() { showWhere[app.TargetRow](m.env, m.targets, nil, m.targets.reg, nil, "") })
}

// routeNamed registers how reg, on screen sc and tab, shows the records of
// kind a check names, and how picking a section shows them all again.
func routeNamed[T any](m *mainWindow, kind models.RecordKind, sc screen, tab func(), reg *register[T], id func(T) uint) {
	m.router.handleRecords(kind, func(ids []uint, named string) { showOnly(m.env, sc, tab, reg, id, ids, named) })
	m.showEvery = append(m.showEvery, func() {
		if reg.only != nil {
			reg.showAll()
		}
	})
}

// showEveryRecord undoes every showOnly: the user picked a section.
func (m *mainWindow) showEveryRecord() {
	for _, all := range m.showEvery {
		all()
	}
}
