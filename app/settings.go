package app

import (
	"errors"
	"fmt"
	"strings"

	"cxcommittee/models"

	"gorm.io/gorm"
)

// Settings returns the committee's settings; found is false on a new database,
// where the defaults are returned.
func (s *Store) Settings() (p models.Settings, found bool, err error) {
	err = s.db.Order("id").First(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return models.NewSettings(""), false, nil
	}
	return p, err == nil, translate(err, nil)
}

// SaveSettings creates the settings row or updates it (with the version check).
func (s *Store) SaveSettings(p *models.Settings) error {
	return s.write(func(tx *gorm.DB) error {
		if p.ID != 0 {
			return updateIn(tx, p)
		}
		var n int64
		if err := tx.Model(&models.Settings{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return &ConflictError{What: "the programme settings"}
		}
		return createIn(tx, p)
	})
}

// StartCommittee records a new committee's settings and departments in one
// transaction: the first-run path for an organisation's own data.
func (s *Store) StartCommittee(organisation, vision string, departments []string) error {
	return s.write(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&models.Settings{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: this committee is already set up", ErrNotEmpty)
		}
		p := models.NewSettings(organisation)
		p.VisionStatement = vision
		if vision != "" {
			p.VisionReviewedOn = models.Today()
		}
		if err := createIn(tx, &p); err != nil {
			return err
		}
		for _, name := range departments {
			if strings.TrimSpace(name) == "" {
				continue
			}
			d := models.Department{Name: strings.TrimSpace(name)}
			if err := createIn(tx, &d); err != nil {
				return err
			}
		}
		return nil
	})
}
