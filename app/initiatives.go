package app

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// SaveInitiative creates or updates an initiative and sets its linked targets
// to targetIDs, all in one transaction.
func (s *Store) SaveInitiative(i *models.Initiative, targetIDs []uint) error {
	return s.write(func(tx *gorm.DB) error {
		from := models.InitiativeProposed
		if i.ID != 0 {
			var stored models.Initiative
			if err := tx.Select("id, status").First(&stored, i.ID).Error; err != nil {
				return missing(err, "the initiative")
			}
			from = stored.Status
			if err := updateIn(tx, i); err != nil {
				return err
			}
		} else if err := createIn(tx, i); err != nil {
			return err
		}
		if i.Status != from {
			change := models.StatusChange{InitiativeID: i.ID, Date: models.Today(), From: from, To: i.Status}
			if err := createIn(tx, &change); err != nil {
				return err
			}
		}
		before, err := linkedTargetNames(tx, i.ID)
		if err != nil {
			return err
		}
		targets := make([]models.Target, len(targetIDs))
		for n, id := range targetIDs {
			targets[n].ID = id
		}
		if err := tx.Model(i).Omit("Targets.*").Association("Targets").Replace(targets); err != nil {
			return fmt.Errorf("linking targets: %w", err)
		}
		i.Targets = targets
		after, err := linkedTargetNames(tx, i.ID)
		if err != nil {
			return err
		}
		return recordFields(tx, "initiatives", i.ID, i.Title, map[string][2]string{"linked_targets": {before, after}})
	})
}

// Initiatives loads every initiative with its linked targets, ordered by
// title. The links are read whole and matched in memory: a preload would
// bind one variable per initiative, which SQLite refuses past 32,766.
func (s *Store) Initiatives() ([]models.Initiative, error) {
	list, err := List[models.Initiative](s, "title, id")
	if err != nil {
		return nil, err
	}
	targets, err := List[models.Target](s, "id")
	if err != nil {
		return nil, err
	}
	links, err := s.initiativeTargets()
	if err != nil {
		return nil, err
	}
	linkTargets(list, targets, links)
	return list, nil
}

// initiativeTarget is one link between an initiative and a target.
type initiativeTarget struct{ InitiativeID, TargetID uint }

// initiativeTargets reads every link between initiatives and targets, in
// one query whatever their number.
func (s *Store) initiativeTargets() ([]initiativeTarget, error) {
	rows, err := s.db.Raw("SELECT initiative_id, target_id FROM initiative_targets ORDER BY target_id").Rows()
	if err != nil {
		return nil, translate(err, nil)
	}
	defer rows.Close()
	var links []initiativeTarget
	for rows.Next() {
		var l initiativeTarget
		if err := rows.Scan(&l.InitiativeID, &l.TargetID); err != nil {
			return nil, translate(err, nil)
		}
		links = append(links, l)
	}
	return links, translate(rows.Err(), nil)
}

// linkTargets sets each initiative's linked targets from the links, in
// the links' order. The targets of all initiatives share one array, filled
// once: at scale there are tens of thousands of links.
func linkTargets(list []models.Initiative, targets []models.Target, links []initiativeTarget) {
	target := make(map[uint]int, len(targets))
	for i := range targets {
		target[targets[i].ID] = i
	}
	initiative := make(map[uint]int, len(list))
	for i := range list {
		initiative[list[i].ID] = i
	}
	counts := make([]int, len(list))
	total := 0
	for _, l := range links {
		i, ok := initiative[l.InitiativeID]
		if _, known := target[l.TargetID]; ok && known {
			counts[i]++
			total++
		}
	}
	shared := make([]models.Target, total)
	for i := range list {
		list[i].Targets = nil
		if counts[i] > 0 {
			list[i].Targets, shared = shared[:0:counts[i]], shared[counts[i]:]
		}
	}
	for _, l := range links {
		i, ok := initiative[l.InitiativeID]
		if t, known := target[l.TargetID]; ok && known {
			list[i].Targets = append(list[i].Targets, targets[t])
		}
	}
}

// PostStatusUpdate records a status update and, in the same transaction,
// makes its health, reason and progress the initiative's current ones,
// unless a later update is already recorded. History is never overwritten.
func (s *Store) PostStatusUpdate(u *models.StatusUpdate) error {
	return s.writeWhy(models.WhyStatusUpdate, func(tx *gorm.DB) error { return postStatusUpdateIn(tx, u) })
}

// postStatusUpdateIn is PostStatusUpdate inside a transaction.
//
// It takes four statements: one reads the initiative's current state and
// whether a later update exists, then the update is inserted, the
// initiative moved, and the history of both written in one go.
func postStatusUpdateIn(tx *gorm.DB, u *models.StatusUpdate) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if u.ID != 0 {
		return errors.New("this update is already saved")
	}
	if err := guard(tx, u, false); err != nil {
		return err
	}
	var title string
	var health, reason sql.NullString
	var percent any
	var later bool
	err := rowIn(tx, `SELECT title, health, health_reason, percent_complete,
		EXISTS (SELECT 1 FROM status_updates WHERE initiative_id = initiatives.id AND date > ? AND `+dialectOf(tx).isoDate("date")+`)
		FROM initiatives WHERE id = ?`, u.Date, u.InitiativeID).Scan(&title, &health, &reason, &percent, &later)
	if err != nil {
		return missing(err, "the initiative of this update")
	}
	h, err := insertCreated(tx, u, "status_updates", []string{"initiative_id", "date", "author_id", "health", "percent_complete", "note"},
		[]any{u.InitiativeID, u.Date, u.AuthorID, u.Health, u.PercentComplete, u.Note})
	if err != nil {
		return err
	}
	hs := []models.HistoryEntry{h}
	if !later {
		if err := execIn(tx, `UPDATE initiatives SET health = ?, health_reason = ?, percent_complete = ?, version = version + 1, updated_at = ?
			WHERE id = ?`, u.Health, u.Note, u.PercentComplete, u.UpdatedAt, u.InitiativeID); err != nil {
			return err
		}
		hs = append(hs, fieldEntries(tx, "initiatives", u.InitiativeID, title, map[string][2]string{
			"health":           {health.String, string(u.Health)},
			"health_reason":    {reason.String, u.Note},
			"percent_complete": {strconv.Itoa(storedInt(percent)), strconv.Itoa(u.PercentComplete)},
		})...)
	}
	return insertHistory(tx, hs)
}

// StatusUpdates returns an initiative's history, newest first.
func (s *Store) StatusUpdates(initiativeID uint) ([]models.StatusUpdate, error) {
	var list []models.StatusUpdate
	err := s.db.Where("initiative_id = ?", initiativeID).Order("date DESC, id DESC").Find(&list).Error
	return list, translate(err, nil)
}

// LastUpdates maps each initiative to the date of its latest status update.
func (s *Store) LastUpdates() (map[uint]models.Date, error) {
	last, _, err := s.latestUpdates()
	return last, err
}

// latestUpdates reads each initiative's latest update date and the
// percent complete reported in the update before it (when that is a whole
// number). It walks the (initiative, date) index once, newest first, and
// keeps the first two updates of each initiative.
func (s *Store) latestUpdates() (map[uint]models.Date, map[uint]int, error) {
	d := dialectOf(s.db)
	rows, err := s.db.Raw(`SELECT initiative_id, CAST(date AS TEXT),
		CASE WHEN ` + d.isInteger("percent_complete") + ` THEN percent_complete END
		FROM status_updates WHERE ` + d.isoDate("date") + ` ORDER BY initiative_id DESC, date DESC, id DESC`).Rows()
	if err != nil {
		return nil, nil, translate(err, nil)
	}
	defer rows.Close()
	last, prev := map[uint]models.Date{}, map[uint]int{}
	var current uint
	seen := 0 // updates of the current initiative so far
	for rows.Next() {
		var id uint
		var day models.Date
		var pct *int64
		if err := rows.Scan(&id, &day, &pct); err != nil {
			return nil, nil, translate(err, nil)
		}
		if id != current { // ids start at 1
			current, seen = id, 0
		}
		seen++
		switch seen {
		case 1:
			last[id] = day
		case 2:
			if pct != nil {
				prev[id] = int(*pct)
			}
		}
	}
	return last, prev, translate(rows.Err(), nil)
}

// Initiative loads one initiative with its linked targets.
func (s *Store) Initiative(id uint) (models.Initiative, error) {
	var i models.Initiative
	if err := s.db.Preload("Targets").First(&i, id).Error; err != nil {
		return i, missing(err, "the initiative")
	}
	return i, nil
}

// linkedTargetNames lists an initiative's linked targets by name, for history.
func linkedTargetNames(tx *gorm.DB, id uint) (string, error) {
	var names []string
	err := tx.Table("targets").Select("targets.name").
		Joins("JOIN initiative_targets it ON it.target_id = targets.id").
		Where("it.initiative_id = ?", id).Order("targets.name").Scan(&names).Error
	return strings.Join(names, ", "), err
}
