package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// NextMeeting returns the first planned meeting on or after asOf, or nil.
func (s *Store) NextMeeting(asOf models.Date) (*models.Meeting, error) {
	return s.meetingWhere("status = ? AND date >= ?", "date, id", models.MeetingPlanned, asOf)
}

// PreviousMeeting returns the last meeting held before day, or nil.
func (s *Store) PreviousMeeting(day models.Date) (*models.Meeting, error) {
	return s.meetingWhere("status <> ? AND date < ?", "date DESC, id DESC", models.MeetingPlanned, day)
}

func (s *Store) meetingWhere(cond, order string, args ...any) (*models.Meeting, error) {
	var m models.Meeting
	err := s.db.Where(cond, args...).Where(dialectOf(s.db).isoDate("date")).Order(order).First(&m).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, translate(err, nil)
	}
	return &m, nil
}

// ApproveMinutes marks a held meeting's minutes approved: from then on its
// attendance, decisions and the actions taken there are read-only.
func (s *Store) ApproveMinutes(id uint) error {
	return s.write(func(tx *gorm.DB) error {
		var m models.Meeting
		if err := tx.First(&m, id).Error; err != nil {
			return missing(err, "the meeting")
		}
		m.Status = models.MeetingMinutesApproved
		return updateIn(tx, &m)
	})
}

// Attendance returns a meeting's attendance records.
func (s *Store) Attendance(meetingID uint) ([]models.Attendance, error) {
	var list []models.Attendance
	err := s.db.Where("meeting_id = ?", meetingID).Order("id").Find(&list).Error
	return list, translate(err, nil)
}

// SetAttendance records (or changes) how a member took part in a meeting.
func (s *Store) SetAttendance(meetingID, memberID uint, status models.AttendanceStatus, proxy *uint) error {
	return s.write(func(tx *gorm.DB) error {
		var a models.Attendance
		err := tx.Where("meeting_id = ? AND member_id = ?", meetingID, memberID).First(&a).Error
		a.MeetingID, a.MemberID, a.Status, a.ProxyMemberID = meetingID, memberID, status, proxy
		if status != models.AttendanceProxy {
			a.ProxyMemberID = nil
		}
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return createIn(tx, &a)
		}
		if err != nil {
			return err
		}
		return updateIn(tx, &a)
	})
}

// MarkPresent records the given members as present at a meeting, in one
// transaction: all of them or, on any error, none.
func (s *Store) MarkPresent(meetingID uint, memberIDs []uint) error {
	return s.write(func(tx *gorm.DB) error {
		for _, id := range memberIDs {
			a := models.Attendance{MeetingID: meetingID, MemberID: id, Status: models.AttendancePresent}
			if err := createIn(tx, &a); err != nil {
				return err
			}
		}
		return nil
	})
}

// Quorum decides whether a meeting's attendance makes a quorum.
func (s *Store) Quorum(meetingID uint) (models.QuorumResult, error) {
	m, err := Get[models.Meeting](s, meetingID)
	if err != nil {
		return models.QuorumResult{}, err
	}
	quorums, err := s.quorums([]models.Meeting{m})
	return quorums[meetingID], err
}

// quorums decides the quorum of several meetings with one load of the committee.
func (s *Store) quorums(meetings []models.Meeting) (map[uint]models.QuorumResult, error) {
	out := map[uint]models.QuorumResult{}
	if len(meetings) == 0 {
		return out, nil
	}
	p, _, err := s.Settings()
	if err != nil {
		return nil, err
	}
	depts, err := List[models.Department](s, "name")
	if err != nil {
		return nil, err
	}
	members, err := List[models.Member](s, "id")
	if err != nil {
		return nil, err
	}
	var atts []models.Attendance
	if err := s.db.Find(&atts).Error; err != nil {
		return nil, translate(err, nil)
	}
	return quorumsOf(models.Committee{Settings: p, Departments: depts, Members: members, Meetings: meetings}, atts), nil
}

// quorumsOf judges the quorum of each of the committee's meetings.
func quorumsOf(c models.Committee, atts []models.Attendance) map[uint]models.QuorumResult {
	byMeeting := map[uint][]models.Attendance{}
	for _, a := range atts {
		byMeeting[a.MeetingID] = append(byMeeting[a.MeetingID], a)
	}
	out := make(map[uint]models.QuorumResult, len(c.Meetings))
	for _, m := range c.Meetings {
		out[m.ID] = models.Quorum(c.Departments, c.Members, byMeeting[m.ID], m.Date, c.Settings.QuorumPercent)
	}
	return out
}

// SupersedeDecision records a new decision that replaces an earlier one and
// links the two both ways, in one transaction. The earlier decision keeps
// its history; only its status and link change.
func (s *Store) SupersedeDecision(oldID uint, repl *models.Decision) error {
	return s.write(func(tx *gorm.DB) error {
		var old models.Decision
		if err := tx.First(&old, oldID).Error; err != nil {
			return missing(err, "the decision to supersede")
		}
		if old.Status == models.DecisionSuperseded || old.Status == models.DecisionRejected {
			return &models.FieldError{Field: "SupersedesID", Message: "a " + string(old.Status) + " decision cannot be superseded"}
		}
		repl.SupersedesID = &old.ID
		if err := createIn(tx, repl); err != nil {
			return err
		}
		old.Status, old.SupersededByID = models.DecisionSuperseded, &repl.ID
		return updateIn(tx, &old)
	})
}

// FindMeeting returns the meeting named by ref: its id, or its date as
// YYYY-MM-DD. A date two meetings share is refused with their ids.
func (s *Store) FindMeeting(ref string) (models.Meeting, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseUint(ref, 10, 64); err == nil {
		m, err := Get[models.Meeting](s, uint(id))
		if errors.Is(err, ErrNotFound) {
			return m, fmt.Errorf("there is no meeting with id %d", id)
		}
		return m, err
	}
	day, err := models.ParseDate(ref)
	if err != nil || day.IsZero() {
		return models.Meeting{}, fmt.Errorf("%q names no meeting: give its id or its date as YYYY-MM-DD", ref)
	}
	var list []models.Meeting
	if err := s.db.Where("date = ?", day).Order("id").Find(&list).Error; err != nil {
		return models.Meeting{}, translate(err, nil)
	}
	switch len(list) {
	case 0:
		return models.Meeting{}, fmt.Errorf("there is no meeting on %s", day)
	case 1:
		return list[0], nil
	}
	ids := make([]string, len(list))
	for i, m := range list {
		ids[i] = fmt.Sprint(m.ID)
	}
	return models.Meeting{}, fmt.Errorf("%d meetings are on %s (ids %s); name one by its id", len(list), day, strings.Join(ids, ", "))
}
