// Register rows: each register's records with the names and flags its
// screen and the report show, read in a few queries.

package app

import (
	"slices"
	"sort"
	"strings"

	"cxcommittee/models"
)

// Names maps IDs to display names for every register that others refer to,
// so lists show names without asking the database per cell.
type Names struct {
	Members, Departments, Journeys, Initiatives, Targets, Meetings map[uint]string
}

// Of returns the name behind an optional reference, or "" when unset.
func Of(m map[uint]string, id *uint) string {
	if id == nil {
		return ""
	}
	return m[*id]
}

// Names loads the display names of every register.
func (s *Store) Names() (Names, error) {
	n := Names{}
	load := func(table, col string) (map[uint]string, error) {
		var rows []struct {
			ID   uint
			Name string
		}
		err := s.db.Table(table).Select("id, " + col + " AS name").Scan(&rows).Error
		out := make(map[uint]string, len(rows))
		for _, r := range rows {
			out[r.ID] = r.Name
		}
		return out, translate(err, nil)
	}
	var err error
	for _, l := range []struct {
		dst        *map[uint]string
		table, col string
	}{
		{&n.Members, "members", "name"}, {&n.Departments, "departments", "name"}, {&n.Journeys, "journeys", "name"},
		{&n.Initiatives, "initiatives", "title"}, {&n.Targets, "targets", "name"}, {&n.Meetings, "meetings", "title || ' (' || date || ')'"},
	} {
		if *l.dst, err = load(l.table, l.col); err != nil {
			return n, err
		}
	}
	return n, nil
}

// InitiativeRow is an initiative with the names and flags a list shows.
//
// A row points at its initiative rather than holding a copy: the registers
// and the report hold thousands of rows beside the records they come from.
type InitiativeRow struct {
	*models.Initiative
	Department, Owner, Journey string
	LastUpdate                 models.Date
	Stale, Overdue             bool
	Concerns                   []string // why it needs attention, in words
}

// Concern joins the concerns in one line.
func (r InitiativeRow) Concern() string { return strings.Join(r.Concerns, "; ") }

// InitiativeRows lists every initiative as of a day, ordered by title.
func (s *Store) InitiativeRows(asOf models.Date) ([]InitiativeRow, error) {
	list, err := s.Initiatives()
	if err != nil {
		return nil, err
	}
	last, prev, err := s.latestUpdates()
	if err != nil {
		return nil, err
	}
	p, _, err := s.Settings()
	if err != nil {
		return nil, err
	}
	names, err := s.Names()
	if err != nil {
		return nil, err
	}
	return initiativeRows(list, last, prev, p, names, asOf), nil
}

// initiativeRows adds names and flags to initiatives already loaded.
func initiativeRows(list []models.Initiative, last map[uint]models.Date, prev map[uint]int, p models.Settings, names Names, asOf models.Date) []InitiativeRow {
	rows := make([]InitiativeRow, len(list))
	for n := range list {
		i := &list[n]
		rows[n] = InitiativeRow{Initiative: i, Department: Of(names.Departments, i.LeadDepartmentID),
			Owner: Of(names.Members, i.OwnerID), Journey: Of(names.Journeys, i.JourneyID), LastUpdate: last[i.ID],
			Stale: models.IsStale(*i, last[i.ID], p.StaleDays, asOf), Overdue: models.IsOverdue(*i, asOf),
			Concerns: models.InitiativeConcerns(*i, last[i.ID], prev, p.StaleDays, asOf)}
	}
	return rows
}

// ActionRow is an action item with its owner's name and where it came from.
// It points at its action, as an InitiativeRow does.
type ActionRow struct {
	*models.ActionItem
	Owner, Source string
	DaysOverdue   int
}

// ActionRows lists every action as of a day, soonest due first.
func (s *Store) ActionRows(asOf models.Date) ([]ActionRow, error) {
	names, err := s.Names()
	if err != nil {
		return nil, err
	}
	list, err := s.actionsByDue()
	return actionRowsOf(list, names, asOf), err
}

// actionsByDue reads every action, soonest due first.
func (s *Store) actionsByDue() ([]models.ActionItem, error) {
	return List[models.ActionItem](s, "COALESCE(revised_due_date, original_due_date), id")
}

func actionRowsOf(list []models.ActionItem, names Names, asOf models.Date) []ActionRow {
	rows := make([]ActionRow, len(list))
	for n := range list {
		a := &list[n]
		rows[n] = ActionRow{ActionItem: a, Owner: Of(names.Members, a.OwnerID), Source: actionSource(*a, names),
			DaysOverdue: models.DaysOverdue(*a, asOf)}
	}
	return rows
}

func actionSource(a models.ActionItem, n Names) string {
	var parts []string
	if m := Of(n.Meetings, a.MeetingID); m != "" {
		parts = append(parts, "meeting "+m)
	}
	if a.DecisionID != nil {
		parts = append(parts, "decision #"+models.IDString(a.DecisionID))
	}
	if i := Of(n.Initiatives, a.InitiativeID); i != "" {
		parts = append(parts, "initiative "+i)
	}
	return strings.Join(parts, "; ")
}

// DecisionRow is a decision with names and whether its review is due.
// It points at its decision, as an InitiativeRow does.
type DecisionRow struct {
	*models.Decision
	Owner, Meeting, Link string
	DueForReview         bool
	NoQuorum             bool // taken at a meeting that was not quorate
}

// DecisionRows lists every decision, newest first.
func (s *Store) DecisionRows(asOf models.Date) ([]DecisionRow, error) {
	names, err := s.Names()
	if err != nil {
		return nil, err
	}
	list, err := List[models.Decision](s, "id")
	if err != nil {
		return nil, err
	}
	held, err := List[models.Meeting](s, "id")
	if err != nil {
		return nil, err
	}
	quorums, err := s.quorums(held)
	return decisionRowsOf(list, names, quorums, asOf), err
}

// decisionRowsOf builds the decision rows, newest first (undated first).
func decisionRowsOf(decisions []models.Decision, names Names, quorums map[uint]models.QuorumResult, asOf models.Date) []DecisionRow {
	list := slices.Clone(decisions)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.DecidedOn.IsZero() != b.DecidedOn.IsZero() {
			return a.DecidedOn.IsZero()
		}
		if !a.DecidedOn.Time().Equal(b.DecidedOn.Time()) {
			return a.DecidedOn.After(b.DecidedOn)
		}
		return a.ID > b.ID
	})
	rows := make([]DecisionRow, len(list))
	for n := range list {
		d := &list[n]
		link := Of(names.Initiatives, d.InitiativeID)
		if t := Of(names.Targets, d.TargetID); t != "" {
			link = strings.TrimPrefix(link+"; target "+t, "; ")
		}
		rows[n] = DecisionRow{Decision: d, Owner: Of(names.Members, d.OwnerID), Meeting: Of(names.Meetings, d.MeetingID),
			Link: link, DueForReview: models.DecisionDueForReview(*d, asOf)}
		if d.MeetingID != nil {
			q, ok := quorums[*d.MeetingID]
			rows[n].NoQuorum = ok && !q.Met && d.Status != models.DecisionProposed // a proposal is not yet taken
		}
	}
	return rows
}

// MemberRow is a member with their department's name.
type MemberRow struct {
	models.Member
	Department string
}

// MemberRows lists every member by name.
func (s *Store) MemberRows() ([]MemberRow, error) {
	list, err := List[models.Member](s, "name, id")
	if err != nil {
		return nil, err
	}
	names, err := s.Names()
	return memberRowsOf(list, names), err
}

// memberRowsOf builds the member rows, by name.
func memberRowsOf(members []models.Member, names Names) []MemberRow {
	rows := make([]MemberRow, len(members))
	for i, m := range members {
		rows[i] = MemberRow{Member: m, Department: Of(names.Departments, m.DepartmentID)}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Name < rows[j].Name })
	return rows
}

// DepartmentRow is a department with who can commit it, or the gap.
type DepartmentRow struct {
	models.Department
	Representatives []string // active members with decision authority
	Members         int
}

// DepartmentRows lists every department with its representatives as of a day.
func (s *Store) DepartmentRows(asOf models.Date) ([]DepartmentRow, error) {
	depts, err := List[models.Department](s, "name, id")
	if err != nil {
		return nil, err
	}
	members, err := List[models.Member](s, "name")
	return departmentRowsOf(depts, members, asOf), err
}

// departmentRowsOf builds the department rows, by name, with who can
// commit each as of a day.
func departmentRowsOf(depts []models.Department, members []models.Member, asOf models.Date) []DepartmentRow {
	rows := make([]DepartmentRow, len(depts))
	byID := map[uint]int{}
	for i, d := range depts {
		rows[i] = DepartmentRow{Department: d}
		byID[d.ID] = i
	}
	for _, m := range members {
		if m.DepartmentID == nil {
			continue
		}
		i, ok := byID[*m.DepartmentID]
		if !ok {
			continue
		}
		rows[i].Members++
		if models.CanCommit(m, asOf) {
			rows[i].Representatives = append(rows[i].Representatives, m.Name)
		}
	}
	return rows
}

// MeetingRow is a meeting with its attendance counts and what it produced.
type MeetingRow struct {
	models.Meeting
	Attendance map[models.AttendanceStatus]int
	Decisions  int
	Actions    int
}

// MeetingRows lists every meeting, newest first.
func (s *Store) MeetingRows() ([]MeetingRow, error) {
	list, err := List[models.Meeting](s, "date DESC, id DESC")
	if err != nil {
		return nil, err
	}
	var att []struct {
		MeetingID uint
		Status    models.AttendanceStatus
		N         int
	}
	if err := s.db.Model(&models.Attendance{}).Select("meeting_id, status, COUNT(*) AS n").Group("meeting_id, status").Scan(&att).Error; err != nil {
		return nil, translate(err, nil)
	}
	count := func(table string) (map[uint]int, error) {
		var rows []struct {
			MeetingID uint
			N         int
		}
		err := s.db.Table(table).Select("meeting_id, COUNT(*) AS n").Where("meeting_id IS NOT NULL").Group("meeting_id").Scan(&rows).Error
		out := map[uint]int{}
		for _, r := range rows {
			out[r.MeetingID] = r.N
		}
		return out, translate(err, nil)
	}
	decisions, err := count("decisions")
	if err != nil {
		return nil, err
	}
	actions, err := count("action_items")
	if err != nil {
		return nil, err
	}
	rows := make([]MeetingRow, len(list))
	byID := map[uint]int{}
	for i, m := range list {
		rows[i] = MeetingRow{Meeting: m, Attendance: map[models.AttendanceStatus]int{}, Decisions: decisions[m.ID], Actions: actions[m.ID]}
		byID[m.ID] = i
	}
	for _, a := range att {
		if i, ok := byID[a.MeetingID]; ok {
			rows[i].Attendance[a.Status] = a.N
		}
	}
	return rows, nil
}
