package app

import (
	"cxcommittee/models"

	"gorm.io/gorm"
)

// guard refuses a change that would rewrite the record of a meeting whose
// minutes are approved. stored is the record as saved (nil on create).
func guard(tx *gorm.DB, rec Entity, deleting bool) error {
	switch r := rec.(type) {
	case *models.Meeting:
		if r.ID == 0 {
			return nil
		}
		var old models.Meeting
		if err := tx.First(&old, r.ID).Error; err != nil {
			return nil // a missing record is reported by the write itself
		}
		if deleting && old.Locked() {
			return models.ErrLocked("this meeting")
		}
		if deleting {
			return nil
		}
		return models.MeetingTransition(old.Status, r.Status)
	case *models.Attendance:
		return meetingOpen(tx, &r.MeetingID, "this attendance record")
	case *models.AgendaItem:
		return meetingOpen(tx, &r.MeetingID, "this agenda item")
	case *models.Decision:
		if r.ID == 0 || deleting {
			return meetingOpen(tx, storedMeeting[models.Decision](tx, r.ID, r.MeetingID), "this decision")
		}
		var old models.Decision
		if err := tx.First(&old, r.ID).Error; err != nil || !locked(tx, old.MeetingID) {
			return meetingOpen(tx, r.MeetingID, "this decision")
		}
		return models.LockedDecisionEdit(old, *r)
	case *models.ActionItem:
		if r.ID == 0 || deleting {
			return meetingOpen(tx, storedMeeting[models.ActionItem](tx, r.ID, r.MeetingID), "this action")
		}
		var old models.ActionItem
		if err := tx.First(&old, r.ID).Error; err != nil || !locked(tx, old.MeetingID) {
			return meetingOpen(tx, r.MeetingID, "this action")
		}
		return models.LockedActionEdit(old, *r)
	}
	return nil
}

// storedMeeting returns the meeting a stored record belongs to, or the
// given one for a new record.
func storedMeeting[T any](tx *gorm.DB, id uint, given *uint) *uint {
	if id == 0 {
		return given
	}
	var row struct{ MeetingID *uint }
	if err := tx.Model(new(T)).Select("meeting_id").Where("id = ?", id).Scan(&row).Error; err != nil {
		return given
	}
	return row.MeetingID
}

// meetingOpen fails when the meeting's minutes are approved.
func meetingOpen(tx *gorm.DB, meetingID *uint, what string) error {
	if locked(tx, meetingID) {
		return models.ErrLocked(what)
	}
	return nil
}

func locked(tx *gorm.DB, meetingID *uint) bool {
	if meetingID == nil || *meetingID == 0 {
		return false
	}
	var m models.Meeting
	if err := tx.Select("id, status").First(&m, *meetingID).Error; err != nil {
		return false
	}
	return m.Locked()
}
