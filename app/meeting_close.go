package app

import (
	"errors"
	"fmt"

	"cxcommittee/models"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// CloseCheck reads what closing a meeting on day today needs: its quorum,
// attendance and open agenda items, the planned meeting its open actions
// would go to, and the day proposed for one when there is none.
func (s *Store) CloseCheck(id uint, today models.Date) (models.CloseCheck, models.Date, error) {
	c := models.CloseCheck{Today: today}
	var err error
	if c.Meeting, err = Get[models.Meeting](s, id); err != nil {
		return c, models.Date{}, err
	}
	if c.Quorum, err = s.Quorum(id); err != nil {
		return c, models.Date{}, err
	}
	var n int64
	if err := s.db.Model(&models.Attendance{}).Where("meeting_id = ?", id).Count(&n).Error; err != nil {
		return c, models.Date{}, translate(err, nil)
	}
	c.Attendances = int(n)
	if err := s.db.Model(&models.AgendaItem{}).Where("meeting_id = ? AND status = ?", id, models.AgendaOpen).Count(&n).Error; err != nil {
		return c, models.Date{}, translate(err, nil)
	}
	c.OpenItems = int(n)
	next, err := nextPlanned(s.db, c.Meeting)
	if err != nil {
		return c, models.Date{}, translate(err, nil)
	}
	c.NextExisting = next
	p, _, err := s.Settings()
	if err != nil {
		return c, models.Date{}, err
	}
	return c, models.NextMeetingDay(c.Meeting.Date, p), nil
}

// CloseMeeting marks a planned meeting as held and, in the same
// transaction, carries its open actions over to the next planned meeting,
// planning one on nextDay when there is none (nextDay is then checked: a
// weekday after the meeting). A carried action stays on the minutes of
// this meeting: the next one is added to the meetings that review it. It
// returns how many actions went on and the meeting they went to.
func (s *Store) CloseMeeting(id uint, nextDay models.Date) (carried int, next models.Meeting, err error) {
	err = s.writeWhy(models.WhyMeetingClose, func(tx *gorm.DB) error {
		var m models.Meeting
		if err := tx.First(&m, id).Error; err != nil {
			return missing(err, "the meeting")
		}
		if m.Status != models.MeetingPlanned {
			return &models.FieldError{Field: "Status", Message: "this meeting is already " + string(m.Status)}
		}
		m.Status = models.MeetingHeld
		if err := updateIn(tx, &m); err != nil {
			return err
		}
		found, err := nextPlanned(tx, m)
		if err != nil {
			return err
		}
		if found != nil {
			next = *found
		} else {
			if err := models.CheckNextMeetingDay(m.Date, nextDay); err != nil {
				return err
			}
			next = models.PlannedMeeting(nextDay)
			if err := createIn(tx, &next); err != nil {
				return err
			}
		}
		var open []models.ActionItem
		if err := tx.Where("status NOT IN ?", []models.ActionStatus{models.ActionDone, models.ActionCancelled}).Find(&open).Error; err != nil {
			return err
		}
		moved := models.CarryOver(open, m, next)
		carry := tx.Set(whyKey, models.WhyCarryOver).Session(&gorm.Session{})
		for i := range moved {
			if err := updateIn(carry, &moved[i]); err != nil {
				return fmt.Errorf("carrying over %q: %w", moved[i].Description, err)
			}
			if err := noteReview(tx, moved[i].ID, next.ID); err != nil {
				return err
			}
		}
		carried = len(moved)
		return nil
	})
	return carried, next, err
}

// nextPlanned returns the first planned meeting after m, or nil.
func nextPlanned(tx *gorm.DB, m models.Meeting) (*models.Meeting, error) {
	var next models.Meeting
	err := tx.Where("status = ? AND date > ? AND id <> ? AND "+dialectOf(tx).isoDate("date"), models.MeetingPlanned, m.Date, m.ID).Order("date, id").First(&next).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &next, nil
}

// noteReview records that a meeting reviews an action, once.
func noteReview(tx *gorm.DB, actionID, meetingID uint) error {
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&models.ActionReview{ActionItemID: actionID, MeetingID: meetingID}).Error
}

// ReviewedActions returns the ids of the actions a meeting reviewed: those
// carried to it, whether or not they were carried on since.
func (s *Store) ReviewedActions(meetingID uint) (map[uint]bool, error) {
	var ids []uint
	if err := s.db.Model(&models.ActionReview{}).Where("meeting_id = ?", meetingID).Pluck("action_item_id", &ids).Error; err != nil {
		return nil, translate(err, nil)
	}
	out := make(map[uint]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}
