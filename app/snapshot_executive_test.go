package app

import (
	"reflect"
	"strings"
	"testing"

	"cxcommittee/models"
)

// The report's first page: the asks soonest needed first, the chair's
// commentary, health at the previous meeting, the money, the risks with
// their trend, and the next 30 days; on both engines.
func TestSnapshotTellsTheSponsorAsksMoneyRisksAndMovement(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		snap, err := s.Snapshot(models.MustDate("2026-11-23"))
		if err != nil {
			t.Fatal(err)
		}
		x := snap.Executive
		if len(x.Asks) != 2 || !strings.HasPrefix(x.Asks[0].Statement, "Launch payment plans") || x.Asks[0].NeededBy.After(x.Asks[1].NeededBy) {
			t.Errorf("asks: %+v", x.Asks)
		}
		if x.Previous == nil || x.Previous.Status != models.MeetingHeld || !strings.Contains(x.Commentary, "Two initiatives turned red") || x.CommentaryFrom != x.Next30.NextMeeting.Title+" on "+x.Next30.NextMeeting.Date.String() {
			t.Errorf("previous meeting %+v, commentary %q from %q", x.Previous, x.Commentary, x.CommentaryFrom)
		}
		if x.PreviousHealth == "" {
			t.Error("no overall health at the previous meeting")
		}
		if today, err := storedHealthCounts(s, snap.AsOf, inisOf(snap)); err != nil || !reflect.DeepEqual(today, snap.ByHealth) {
			t.Errorf("health rebuilt from history for today %v (%v), the dashboard counts %v", today, err, snap.ByHealth)
		}
		total := 0.0
		for _, i := range snap.Initiatives {
			if i.Status != models.InitiativeCancelled {
				total += i.ExpectedBenefit
			}
		}
		if x.Money.Expected != total || x.Money.AtRisk() <= 0 || x.Money.Spend <= 0 || x.Money.Realised <= 0 {
			t.Errorf("money %+v, want expected %v", x.Money, total)
		}
		trends := map[string]string{}
		for _, r := range x.Risks {
			trends[r.Title] = r.Trend
		}
		for title, want := range map[string]string{
			"SMS gateway replacement slips past the winter billing peak": "rising",
			"Regulator rejects the interim payment plan policy":          "new",
			"Survey fatigue lowers NPS response rates":                   "falling",
			"Movers' data arrives late from the network operator":        "steady",
		} {
			if trends[title] != want {
				t.Errorf("%s: trend %q, want %q", title, trends[title], want)
			}
		}
		if len(x.Risks) != 7 || x.Risks[0].Score() < x.Risks[1].Score() || x.Risks[len(x.Risks)-1].Status != models.RiskClosed {
			t.Errorf("risks are not highest first with closed ones last: %+v", x.Risks)
		}
		if x.Next30.NextMeeting == nil || x.Next30.NextMeeting.Status != models.MeetingPlanned || len(x.Next30.Actions) == 0 {
			t.Errorf("next 30 days: %+v", x.Next30)
		}
	})
}

// Overall health at an earlier day is rebuilt from the status updates up
// to that day, not from today's health.
func TestHealthCountsOnAnEarlierDayComeFromHistory(t *testing.T) {
	s := engines()[0].demo(t, "2026-11-23")
	ini, err := s.Initiative(3) // Bill shock alerts
	if err != nil {
		t.Fatal(err)
	}
	inis, err := List[models.Initiative](s, "id")
	if err != nil {
		t.Fatal(err)
	}
	before, err := storedHealthCounts(s, models.MustDate("2026-11-23"), inis)
	if err != nil {
		t.Fatal(err)
	}
	priya, _ := s.FindActor("Priya Shah")
	u := models.StatusUpdate{InitiativeID: ini.ID, Date: models.MustDate("2026-11-30"), AuthorID: priya.ID, Health: models.HealthGreen, PercentComplete: 50, Note: "gateway replaced"}
	if err := s.PostStatusUpdate(&u); err != nil {
		t.Fatal(err)
	}
	inis, _ = List[models.Initiative](s, "id")
	after, _ := storedHealthCounts(s, models.MustDate("2026-11-23"), inis)
	if after[models.HealthRed] != before[models.HealthRed] || after[models.HealthGreen] != before[models.HealthGreen] {
		t.Errorf("a later update changed the health counted on an earlier day: %v, was %v", after, before)
	}
	later, _ := storedHealthCounts(s, models.MustDate("2026-11-30"), inis)
	if later[models.HealthRed] != before[models.HealthRed]-1 || later[models.HealthGreen] != before[models.HealthGreen]+1 {
		t.Errorf("on the day of the update: %v, before it %v", later, before)
	}
}

// inisOf returns the initiatives of a snapshot's rows.
func inisOf(snap Snapshot) []models.Initiative {
	out := make([]models.Initiative, len(snap.Initiatives))
	for i, r := range snap.Initiatives {
		out[i] = *r.Initiative
	}
	return out
}

// storedHealthCounts reads the status history up to day and counts the
// initiatives open then by the health they had.
func storedHealthCounts(s *Store, day models.Date, inis []models.Initiative) (map[models.Health]int, error) {
	h, err := s.readStatusHistory(day)
	return h.healthCountsOn(day, inis), err
}
