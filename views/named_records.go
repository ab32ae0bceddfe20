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
func showOnly[T any](e *env, sc screen, tab func(), reg *register[T], id func(T) uint, ids []uint) {
	e.router.show(sc)
	if tab != nil {
		tab()
	}
	if reg.filter == nil { // the screen was not built
		return
	}
	reg.filter.SetText("")
	if len(ids) == 0 {
		reg.showAll()
		return
	}
	keep := make(map[uint]bool, len(ids))
	for _, i := range ids {
		keep[i] = true
	}
	reg.only = func(row T) bool { return keep[id(row)] }
	reg.filter.SetPlaceHolder(fmt.Sprintf("Showing the %s a governance check names: type to filter all", models.Count(len(ids), "record", "records")))
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
	m.router.handleRecords(models.RecordSettings, func([]uint) { m.router.show(m.settings) })
}

// routeNamed registers how reg, on screen sc and tab, shows the records of
// kind a check names, and how picking a section shows them all again.
func routeNamed[T any](m *mainWindow, kind models.RecordKind, sc screen, tab func(), reg *register[T], id func(T) uint) {
	m.router.handleRecords(kind, func(ids []uint) { showOnly(m.env, sc, tab, reg, id, ids) })
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
