package app

import (
	"cxcommittee/models"
)

// Committee loads the whole committee as of a day, every column.
func (s *Store) Committee(asOf models.Date) (models.Committee, error) {
	b, err := s.readBase(asOf)
	return b.Committee, err
}

// GovernanceChecks runs the governance health check on the stored
// committee, reading what the dashboard reads for it.
func (s *Store) GovernanceChecks(asOf models.Date) ([]models.Check, error) {
	b, err := s.readLeanBase(asOf)
	if err != nil {
		return nil, err
	}
	return models.GovernanceChecks(b.Committee), nil
}
