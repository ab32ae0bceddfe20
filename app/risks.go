package app

import (
	"sort"
	"strconv"

	"cxcommittee/models"
)

// RiskRow is a risk with the names a register shows, and how its score
// moved since the previous meeting.
type RiskRow struct {
	models.Risk
	Owner, Link string
	Trend       string // "new", "rising", "falling" or "steady" since the previous meeting
}

// RiskRows lists every risk, highest score first (open risks before
// closed ones). The trend compares each score with the one it had at the
// end of day since, rebuilt from history.
func (s *Store) RiskRows(since models.Date) ([]RiskRow, error) {
	names, err := s.Names()
	if err != nil {
		return nil, err
	}
	return s.riskRows(since, names)
}

// riskRows is RiskRows with the names already read.
func (s *Store) riskRows(since models.Date, names Names) ([]RiskRow, error) {
	list, err := List[models.Risk](s, "id")
	if err != nil {
		return nil, err
	}
	then, err := s.riskScoresOn(since, list)
	if err != nil {
		return nil, err
	}
	rows := make([]RiskRow, len(list))
	for i, r := range list {
		link := Of(names.Initiatives, r.InitiativeID)
		if link == "" {
			link = Of(names.Journeys, r.JourneyID)
		}
		var was *int
		if sc, ok := then[r.ID]; ok {
			was = &sc
		}
		rows[i] = RiskRow{Risk: r, Owner: Of(names.Members, r.OwnerID), Link: link, Trend: models.RiskTrend(was, r.Score())}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Open() != rows[j].Open() {
			return rows[i].Open()
		}
		return rows[i].Score() > rows[j].Score()
	})
	return rows, nil
}

// riskScoresOn rebuilds the score each risk of list had at the end of
// day: the risks that existed then, with each field's value from before
// its first change after that day.
func (s *Store) riskScoresOn(day models.Date, list []models.Risk) (map[uint]int, error) {
	out := map[uint]int{}
	if day.IsZero() {
		return out, nil
	}
	end := day.AddDays(1).Time()
	var changes []models.HistoryEntry
	if err := s.db.Where("kind = ? AND at >= ? AND field IN ?", models.RecordRisk, end, []string{"likelihood", "impact"}).
		Order("at, id").Find(&changes).Error; err != nil {
		return nil, translate(err, nil)
	}
	first := map[uint]map[string]string{}
	for _, c := range changes {
		if first[c.RecordID] == nil {
			first[c.RecordID] = map[string]string{}
		}
		if _, seen := first[c.RecordID][c.Field]; !seen {
			first[c.RecordID][c.Field] = models.HistoryValue(c.Old) // as an earlier version may have garbled it
		}
	}
	for _, r := range list {
		if !r.CreatedAt.Before(end) {
			continue // raised since
		}
		l, im := r.Likelihood, r.Impact
		if old, ok := first[r.ID]["likelihood"]; ok {
			l, _ = strconv.Atoi(old)
		}
		if old, ok := first[r.ID]["impact"]; ok {
			im, _ = strconv.Atoi(old)
		}
		out[r.ID] = l * im
	}
	return out, nil
}
