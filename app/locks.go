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
			return missing(err, "this meeting")
		}
		if old.Locked() { // its minutes, summary included, stay as approved
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
			return openStored[models.Decision](tx, r.ID, r.MeetingID, "this decision")
		}
		var old models.Decision
		if err := tx.First(&old, r.ID).Error; err != nil {
			return missing(err, "this decision")
		}
		if isLocked, err := locked(tx, old.MeetingID); err != nil || !isLocked {
			return firstErr(err, meetingOpen(tx, r.MeetingID, "this decision"))
		}
		return models.LockedDecisionEdit(old, *r)
	case *models.ActionItem:
		if r.ID == 0 || deleting {
			return openStored[models.ActionItem](tx, r.ID, r.MeetingID, "this action")
		}
		var old models.ActionItem
		if err := tx.First(&old, r.ID).Error; err != nil {
			return missing(err, "this action")
		}
		if isLocked, err := locked(tx, old.MeetingID); err != nil || !isLocked {
			return firstErr(err, meetingOpen(tx, r.MeetingID, "this action"))
		}
		return models.LockedActionEdit(old, *r)
	}
	return nil
}

// storedMeeting returns the meeting a stored record belongs to, or the
// given one for a new record.
func storedMeeting[T any](tx *gorm.DB, id uint, given *uint) (*uint, error) {
	if id == 0 {
		return given, nil
	}
	var row struct{ MeetingID *uint }
	res := tx.Model(new(T)).Select("meeting_id").Where("id = ?", id).Scan(&row)
	if res.Error != nil {
		return nil, translate(res.Error, nil)
	}
	if res.RowsAffected == 0 {
		return nil, missing(gorm.ErrRecordNotFound, "the record")
	}
	return row.MeetingID, nil
}

// meetingOpen fails when the meeting's minutes are approved, and when that
// cannot be read: the lock fails closed.
func meetingOpen(tx *gorm.DB, meetingID *uint, what string) error {
	isLocked, err := locked(tx, meetingID)
	if err != nil {
		return err
	}
	if isLocked {
		return models.ErrLocked(what)
	}
	return nil
}

// openStored is meetingOpen for the meeting a stored record belongs to.
func openStored[T any](tx *gorm.DB, id uint, given *uint, what string) error {
	meetingID, err := storedMeeting[T](tx, id, given)
	if err != nil {
		return err
	}
	return meetingOpen(tx, meetingID, what)
}

// locked reports whether the meeting's minutes are approved.
func locked(tx *gorm.DB, meetingID *uint) (bool, error) {
	if meetingID == nil || *meetingID == 0 {
		return false, nil
	}
	var m models.Meeting
	if err := tx.Select("id, status").First(&m, *meetingID).Error; err != nil {
		return false, missing(err, "the meeting")
	}
	return m.Locked(), nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
