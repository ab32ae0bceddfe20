package app

import (
	"fmt"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// MattersArising drafts the agenda entries as of a meeting day, from live
// data: what the dashboard reads, and the risks.
func (s *Store) MattersArising(day models.Date) ([]models.AgendaEntry, error) {
	b, err := s.readLeanBase(day)
	if err != nil {
		return nil, err
	}
	in := models.AgendaInput{Committee: b.Committee, Actions: b.actions, MemberNames: b.names.Members,
		Readings: map[uint]models.TargetReading{}}
	if in.Risks, err = List[models.Risk](s, "id"); err != nil {
		return nil, err
	}
	for _, r := range b.scorecard {
		in.Readings[r.Target.ID] = r.Reading
	}
	return models.MattersArising(in), nil
}

// AgendaItems returns a meeting's agenda in order.
func (s *Store) AgendaItems(meetingID uint) ([]models.AgendaItem, error) {
	var list []models.AgendaItem
	err := s.db.Where("meeting_id = ?", meetingID).Order("position, id").Find(&list).Error
	return list, translate(err, nil)
}

// DraftAgenda adds to a meeting's agenda the matters arising as of its
// date that are not on it yet, at most AgendaSectionCap a section (one
// more item counts the rest), and returns how many it added.
func (s *Store) DraftAgenda(meetingID uint) (int, error) {
	m, err := Get[models.Meeting](s, meetingID)
	if err != nil {
		return 0, err
	}
	all, err := s.MattersArising(m.Date)
	if err != nil {
		return 0, err
	}
	entries, more := models.CapSections(all, models.AgendaSectionCap)
	for _, sec := range models.AgendaSections {
		if more[sec] > 0 {
			entries = append(entries, models.AgendaEntry{Section: sec, Title: "Other matters",
				Why: models.Count(more[sec], "more item", "more items") + " in this section: see the registers"})
		}
	}
	added := 0
	err = s.write(func(tx *gorm.DB) error {
		added = 0
		var items []models.AgendaItem
		if err := tx.Where("meeting_id = ?", meetingID).Find(&items).Error; err != nil {
			return err
		}
		have, last := map[string]bool{}, 0
		for _, it := range items {
			have[agendaKey(it.LinkKind, it.LinkID, it.Topic)] = true
			last = max(last, it.Position)
		}
		var add []models.AgendaItem
		for _, e := range entries {
			item := models.AgendaItem{MeetingID: meetingID, Topic: e.Section + ": " + e.Topic()}
			if e.Kind != "" {
				id := e.ID
				item.LinkKind, item.LinkID = e.Kind, &id
			}
			if have[agendaKey(item.LinkKind, item.LinkID, item.Topic)] {
				continue
			}
			last++
			item.Position = last
			add = append(add, item)
		}
		added = len(add)
		return createAllIn(tx, add)
	})
	return added, err
}

func agendaKey(kind models.RecordKind, id *uint, topic string) string {
	if kind != "" && id != nil {
		return fmt.Sprintf("%s#%d", kind, *id)
	}
	return "topic:" + topic
}

// MoveAgendaItem moves an item one place up (delta -1) or down (+1).
func (s *Store) MoveAgendaItem(id uint, delta int) error {
	return s.write(func(tx *gorm.DB) error {
		var it models.AgendaItem
		if err := tx.First(&it, id).Error; err != nil {
			return missing(err, "the agenda item")
		}
		var items []models.AgendaItem
		if err := tx.Where("meeting_id = ?", it.MeetingID).Order("position, id").Find(&items).Error; err != nil {
			return err
		}
		at := -1
		for i := range items {
			if items[i].ID == id {
				at = i
			}
		}
		to := at + delta
		if at < 0 || to < 0 || to >= len(items) {
			return nil
		}
		items[at], items[to] = items[to], items[at]
		for i := range items {
			if items[i].Position != i+1 {
				items[i].Position = i + 1
				if err := updateIn(tx, &items[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// SinceLastMeeting lists what changed between the meeting before day and day.
func (s *Store) SinceLastMeeting(day models.Date) ([]models.Change, models.Date, error) {
	ms, err := s.measurementsUpTo(day)
	if err != nil {
		return nil, models.Date{}, err
	}
	b, err := s.readBase(day)
	if err != nil {
		return nil, models.Date{}, err
	}
	h, err := s.readStatusHistory(day)
	if err != nil {
		return nil, models.Date{}, err
	}
	changes, from := sinceLastMeeting(day, ms, &b, h)
	return changes, from, nil
}

// sinceLastMeeting lists what changed between the meeting before day and
// day, from what is already read as of day.
func sinceLastMeeting(day models.Date, ms map[uint][]models.Measurement, b *base, h statusHistory) ([]models.Change, models.Date) {
	from := day.AddDays(-models.DefaultCadenceDays)
	if prev := previousMeeting(b.Meetings, day); prev != nil {
		from = prev.Date
	}
	in := models.SinceInput{From: from, To: day, Measurements: ms, Initiatives: b.Initiatives, Targets: b.Targets, Decisions: b.Decisions,
		Actions: b.actions, Changes: h.changes, Updates: h.updates}
	return models.SinceLastMeeting(in), from
}

// previousMeeting is the last meeting held before day, from meetings in
// date order; nil when there is none.
func previousMeeting(meetings []models.Meeting, day models.Date) *models.Meeting {
	var prev *models.Meeting
	for i, m := range meetings {
		if m.Status != models.MeetingPlanned && !m.Date.IsZero() && m.Date.Before(day) {
			prev = &meetings[i]
		}
	}
	return prev
}
