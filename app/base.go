package app

import (
	"sort"

	"cxcommittee/models"
)

// base is every register the dashboard and the report draw on, each table
// read once; rows, names and quorums are then built from it in memory.
type base struct {
	models.Committee
	actions    []models.ActionItem // soonest due first
	attendance []models.Attendance
	names      Names
	quorums    map[uint]models.QuorumResult
	scoring
	scorecard []TargetRow // every target judged, in hierarchy order
}

// namesOf is Names built from a committee already read.
func namesOf(c models.Committee) Names {
	n := Names{Members: map[uint]string{}, Departments: map[uint]string{}, Journeys: map[uint]string{},
		Initiatives: map[uint]string{}, Targets: map[uint]string{}, Meetings: map[uint]string{}}
	for _, x := range c.Members {
		n.Members[x.ID] = x.Name
	}
	for _, x := range c.Departments {
		n.Departments[x.ID] = x.Name
	}
	for _, x := range c.Journeys {
		n.Journeys[x.ID] = x.Name
	}
	for _, x := range c.Initiatives {
		n.Initiatives[x.ID] = x.Title
	}
	for _, x := range c.Targets {
		n.Targets[x.ID] = x.Name
	}
	for _, x := range c.Meetings {
		n.Meetings[x.ID] = meetingName(x)
	}
	return n
}

// meetingName is how a meeting is named in lists: "Title (2026-11-23)".
func meetingName(m models.Meeting) string { return m.Title + " (" + m.Date.String() + ")" }

// meetingRowsOf builds the meeting rows, newest first, with attendance
// counts and what each produced.
func meetingRowsOf(meetings []models.Meeting, atts []models.Attendance, decisions []models.Decision, actions []models.ActionItem) []MeetingRow {
	rows := make([]MeetingRow, len(meetings))
	byID := map[uint]int{}
	for i, m := range meetings {
		rows[i] = MeetingRow{Meeting: m, Attendance: map[models.AttendanceStatus]int{}}
		byID[m.ID] = i
	}
	for _, a := range atts {
		if i, ok := byID[a.MeetingID]; ok {
			rows[i].Attendance[a.Status]++
		}
	}
	for _, d := range decisions {
		if i, ok := byID[derefID(d.MeetingID)]; ok {
			rows[i].Decisions++
		}
	}
	for _, a := range actions {
		if i, ok := byID[derefID(a.MeetingID)]; ok {
			rows[i].Actions++
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if !rows[i].Date.Time().Equal(rows[j].Date.Time()) {
			return rows[i].Date.After(rows[j].Date)
		}
		return rows[i].ID > rows[j].ID
	})
	return rows
}

func derefID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}
