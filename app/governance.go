package app

import (
	"cxcommittee/models"
)

// Committee loads everything the governance rules need, as of a day.
func (s *Store) Committee(asOf models.Date) (models.Committee, error) {
	c := models.Committee{AsOf: asOf}
	var err error
	if c.Settings, _, err = s.Settings(); err != nil {
		return c, err
	}
	loads := []func() error{
		func() (e error) { c.Departments, e = List[models.Department](s, "name"); return },
		func() (e error) { c.Members, e = List[models.Member](s, "name"); return },
		func() (e error) { c.Journeys, e = List[models.Journey](s, "priority, name"); return },
		func() (e error) { c.Initiatives, e = s.Initiatives(); return },
		func() (e error) { c.LastUpdate, c.PrevPercent, e = s.latestUpdates(); return },
		func() (e error) { c.Targets, e = List[models.Target](s, "name"); return },
		func() (e error) { c.Meetings, e = List[models.Meeting](s, "date"); return },
		func() (e error) { c.Decisions, e = List[models.Decision](s, "id"); return },
	}
	for _, load := range loads {
		if err := load(); err != nil {
			return c, err
		}
	}
	return c, nil
}

// GovernanceChecks runs the governance health check on the stored committee.
func (s *Store) GovernanceChecks(asOf models.Date) ([]models.Check, error) {
	c, err := s.Committee(asOf)
	if err != nil {
		return nil, err
	}
	return models.GovernanceChecks(c), nil
}
