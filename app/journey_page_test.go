package app

import (
	"testing"

	"cxcommittee/models"
)

func TestJourneyPageShowsOwnerInitiativesTargetsAndCoverage(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		asOf := models.MustDate("2026-11-23")
		journeys, err := List[models.Journey](s, "priority")
		if err != nil {
			t.Fatal(err)
		}
		covered := map[string]bool{}
		for _, j := range journeys {
			p, err := s.JourneyPage(j.ID, asOf)
			if err != nil {
				t.Fatal(err)
			}
			covered[j.Name] = p.Covered
			if j.Name != "Moving home" {
				continue
			}
			if p.Owner != "Sofia Rossi" || len(p.Initiatives) < 2 {
				t.Errorf("Moving home: owner %q, %d initiatives", p.Owner, len(p.Initiatives))
			}
			for _, i := range p.Initiatives {
				if i.Journey != "Moving home" || i.Status == models.InitiativeActive {
					t.Errorf("Moving home lists %q (%s, journey %q)", i.Title, i.Status, i.Journey)
				}
			}
		}
		if covered["Moving home"] || !covered["Joining us"] {
			t.Errorf("coverage %v, want every journey but Moving home covered", covered)
		}
		p, err := s.JourneyPage(journeys[0].ID, asOf)
		if err != nil || len(p.Targets) == 0 {
			t.Errorf("%s: %d targets, %v", journeys[0].Name, len(p.Targets), err)
		}
		if _, err := s.JourneyPage(9999, asOf); err == nil {
			t.Error("a missing journey gave no error")
		}
	})
}
