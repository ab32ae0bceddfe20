// Meeting papers: the agenda pack before a meeting and the minutes after
// it, gathered from the same registers, rules and agenda the rest of the
// app uses. Rendering them is app/papers' work.

package app

import (
	"slices"
	"sort"

	"cxcommittee/models"
)

// Papers is what a meeting's papers hold. Minutes tells which kind they
// are: the agenda pack (Agenda, Arising, the programme summary, Overdue)
// for a planned meeting, the minutes (Attendance, Quorum, Items, Summary,
// Decisions, Actions, Approved) for a held one.
type Papers struct {
	Organisation string
	Meeting      models.Meeting
	AsOf         models.Date
	Minutes      bool

	// The agenda pack.
	Agenda       []PapersItem         // the meeting's agenda, in order
	Arising      []models.AgendaEntry // matters arising not on the agenda yet
	Health       models.Health        // the programme overall, as of AsOf
	HealthReason string
	ByHealth     map[models.Health]int // open initiatives
	Scorecard    []TargetRow
	Overdue      []ActionRow

	// The minutes.
	Attendance []AttendanceLine
	Quorum     models.QuorumResult
	Decisions  []DecisionRow // taken at the meeting
	Actions    []PapersAction
	Approved   bool
}

// PapersItem is an agenda item with the owner of the record it is about and
// why it is on the agenda: the matter arising's reason when it is one.
type PapersItem struct {
	models.AgendaItem
	Owner, Why string
}

// AttendanceLine is how one member took part, with names in words.
type AttendanceLine struct {
	Member, Department string
	Status             models.AttendanceStatus
	Proxy              string // who stood in, for attendance by proxy
}

// PapersAction is an action on a meeting's minutes: taken there, or
// reviewed there (carried to it from an earlier meeting).
type PapersAction struct {
	ActionRow
	Taken bool
}

// Papers gathers a meeting's papers as of a day: the agenda pack while it
// is planned, the minutes once it is held.
func (s *Store) Papers(meetingID uint, asOf models.Date) (Papers, error) {
	m, err := Get[models.Meeting](s, meetingID)
	if err != nil {
		return Papers{}, err
	}
	d, regs, err := s.dashboard(asOf)
	if err != nil {
		return Papers{}, err
	}
	p := Papers{Organisation: d.Settings.OrganisationName, Meeting: m, AsOf: asOf, Minutes: m.Happened()}
	items, err := s.AgendaItems(m.ID)
	if err != nil {
		return p, err
	}
	if p.Minutes {
		return p, s.minutes(&p, items, regs)
	}
	return p, s.agendaPack(&p, items, d, regs)
}

// agendaPack fills the papers of a planned meeting: its agenda with each
// item's owner and reason, the matters arising not on it yet (as the
// agenda command drafts them, on the meeting day), the programme summary
// and the overdue actions.
func (s *Store) agendaPack(p *Papers, items []models.AgendaItem, d Dashboard, regs registers) error {
	arising, err := s.MattersArising(p.Meeting.Date)
	if err != nil {
		return err
	}
	byLink := map[string]models.AgendaEntry{}
	for _, e := range arising {
		if e.Kind != "" {
			byLink[agendaKey(e.Kind, &e.ID, "")] = e
		}
	}
	owners := recordOwners(regs.base)
	onAgenda := map[string]bool{}
	for _, it := range items {
		pi := PapersItem{AgendaItem: it}
		if it.LinkKind != "" && it.LinkID != nil {
			key := agendaKey(it.LinkKind, it.LinkID, "")
			onAgenda[key] = true
			pi.Owner = owners[key]
			if e, ok := byLink[key]; ok {
				pi.Owner, pi.Why = e.Owner, e.Why
			}
		}
		onAgenda[agendaKey("", nil, it.Topic)] = true
		p.Agenda = append(p.Agenda, pi)
	}
	for _, e := range arising {
		key := agendaKey("", nil, e.Section+": "+e.Topic())
		if e.Kind != "" {
			key = agendaKey(e.Kind, &e.ID, "")
		}
		if !onAgenda[key] {
			p.Arising = append(p.Arising, e)
		}
	}
	p.Health, p.HealthReason = d.Health()
	p.ByHealth, p.Scorecard, p.Overdue = d.ByHealth, d.Scorecard, d.OverdueActions
	return nil
}

// recordOwners maps each record an agenda item can link to ("kind#id") to
// its owner's name: the owner of an initiative, target, decision or action,
// the head of a department.
func recordOwners(b base) map[string]string {
	out := map[string]string{}
	put := func(kind models.RecordKind, id uint, owner *uint) {
		out[agendaKey(kind, &id, "")] = Of(b.names.Members, owner)
	}
	for _, x := range b.Initiatives {
		put(models.RecordInitiative, x.ID, x.OwnerID)
	}
	for _, x := range b.Targets {
		put(models.RecordTarget, x.ID, x.OwnerID)
	}
	for _, x := range b.Decisions {
		put(models.RecordDecision, x.ID, x.OwnerID)
	}
	for _, x := range b.actions {
		put(models.RecordAction, x.ID, x.OwnerID)
	}
	for _, x := range b.Departments {
		out[agendaKey(models.RecordDepartment, &x.ID, "")] = x.Head
	}
	return out
}

// minutes fills the papers of a held meeting: attendance and quorum, the
// agenda items with their status and notes, the decisions taken there and
// the actions taken or reviewed there, and whether the minutes are approved.
func (s *Store) minutes(p *Papers, items []models.AgendaItem, regs registers) error {
	id := p.Meeting.ID
	p.Approved = p.Meeting.Status == models.MeetingMinutesApproved
	for _, it := range items {
		p.Agenda = append(p.Agenda, PapersItem{AgendaItem: it})
	}
	p.Quorum = regs.quorums[id]
	p.Attendance = attendanceLines(regs.base, id)
	for _, d := range regs.decisions {
		if d.MeetingID != nil && *d.MeetingID == id {
			p.Decisions = append(p.Decisions, d)
		}
	}
	sort.SliceStable(p.Decisions, func(i, j int) bool { return p.Decisions[i].ID < p.Decisions[j].ID })
	reviewed, err := s.ReviewedActions(id)
	if err != nil {
		return err
	}
	for _, a := range regs.actions { // soonest due first
		taken := a.MeetingID != nil && *a.MeetingID == id
		if taken || reviewed[a.ID] {
			p.Actions = append(p.Actions, PapersAction{ActionRow: a, Taken: taken})
		}
	}
	return nil
}

// attendanceLines lists who took part in a meeting, present first, then
// by proxy, apologies and absent, by name within each.
func attendanceLines(b base, meetingID uint) []AttendanceLine {
	depts := map[uint]string{}
	for _, m := range b.Members {
		depts[m.ID] = Of(b.names.Departments, m.DepartmentID)
	}
	var out []AttendanceLine
	for _, a := range b.attendance {
		if a.MeetingID != meetingID {
			continue
		}
		out = append(out, AttendanceLine{Member: b.names.Members[a.MemberID], Department: depts[a.MemberID],
			Status: a.Status, Proxy: Of(b.names.Members, a.ProxyMemberID)})
	}
	rank := func(s models.AttendanceStatus) int {
		return slices.Index([]models.AttendanceStatus{models.AttendancePresent, models.AttendanceProxy, models.AttendanceApologies, models.AttendanceAbsent}, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank(out[i].Status), rank(out[j].Status); ri != rj {
			return ri < rj
		}
		return out[i].Member < out[j].Member
	})
	return out
}
