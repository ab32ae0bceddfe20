package app

import (
	"cxcommittee/models"
)

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
	if err != nil {
		return nil, err
	}
	rows := make([]MemberRow, len(list))
	for i, m := range list {
		rows[i] = MemberRow{Member: m, Department: Of(names.Departments, m.DepartmentID)}
	}
	return rows, nil
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
	if err != nil {
		return nil, err
	}
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
	return rows, nil
}
