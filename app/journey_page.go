package app

import (
	"sort"

	"cxcommittee/models"
)

// JourneyPage is one key customer journey and what the committee does
// about it: who owns it, the initiatives on it with their health, the
// targets those initiatives move, and whether it is covered.
type JourneyPage struct {
	Journey     models.Journey
	Owner       string
	Initiatives []InitiativeRow // every initiative on the journey, open ones first, by title
	Targets     []TargetRow     // the targets its initiatives are linked to
	// Covered is the governance rule: an active initiative serves the journey.
	Covered bool
}

// JourneyPage gathers journey id's page as of a day.
func (s *Store) JourneyPage(id uint, asOf models.Date) (JourneyPage, error) {
	var p JourneyPage
	var err error
	if p.Journey, err = Get[models.Journey](s, id); err != nil {
		return p, err
	}
	b, err := s.readBase(asOf)
	if err != nil {
		return p, err
	}
	c, names := b.Committee, b.names
	p.Owner = Of(names.Members, p.Journey.OwnerID)
	p.Covered = c.JourneyCovered(id)
	var on []models.Initiative
	linked := map[uint]bool{}
	for _, i := range c.Initiatives {
		if i.JourneyID == nil || *i.JourneyID != id {
			continue
		}
		on = append(on, i)
		for _, t := range i.Targets {
			linked[t.ID] = true
		}
	}
	sort.SliceStable(on, func(a, b int) bool { return !on[a].Status.Closed() && on[b].Status.Closed() })
	p.Initiatives = initiativeRows(on, c.LastUpdate, c.PrevPercent, c.Settings, names, asOf)
	p.Targets = keep(b.scorecard, func(r TargetRow) bool { return linked[r.Target.ID] })
	return p, nil
}
