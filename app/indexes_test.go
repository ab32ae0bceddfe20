package app

import (
	"strings"
	"testing"
)

// The queries that follow links between records use an index, never a scan
// of the whole table (SQLite's own plan says so).
func TestHotQueriesUseAnIndex(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	queries := []string{
		"SELECT * FROM action_items WHERE owner_id = 1",
		"SELECT * FROM action_items WHERE meeting_id = 1",
		"SELECT * FROM action_items WHERE carried_to_meeting_id = 1",
		"SELECT * FROM action_items WHERE decision_id = 1",
		"SELECT * FROM action_items WHERE initiative_id = 1",
		"SELECT * FROM decisions WHERE meeting_id = 1",
		"SELECT * FROM decisions WHERE initiative_id = 1",
		"SELECT * FROM decisions WHERE superseded_by_id = 1",
		"SELECT * FROM initiatives WHERE owner_id = 1",
		"SELECT * FROM initiatives WHERE journey_id = 1",
		"SELECT * FROM initiatives WHERE lead_department_id = 1",
		"SELECT initiative_id FROM initiative_targets WHERE target_id = 1",
		"SELECT MAX(date) FROM status_updates WHERE initiative_id = 1",
		"SELECT * FROM status_updates WHERE author_id = 1",
		"SELECT * FROM measurements WHERE target_id = 1 AND date <= '2026-11-23' ORDER BY date DESC LIMIT 1",
		"SELECT * FROM targets WHERE parent_id = 1",
		"SELECT * FROM attendances WHERE member_id = 1",
		"SELECT * FROM attendances WHERE meeting_id = 1",
		"SELECT * FROM members WHERE department_id = 1",
		"SELECT * FROM agenda_items WHERE meeting_id = 1",
		"SELECT * FROM action_reviews WHERE meeting_id = 1",
		"SELECT * FROM action_reviews WHERE action_item_id = 1",
		"SELECT * FROM history WHERE kind = 'initiative' AND record_id = 1",
		"SELECT * FROM risks WHERE owner_id = 1",
		"SELECT * FROM risks WHERE initiative_id = 1",
	}
	for _, q := range queries {
		rows, err := s.db.Raw("EXPLAIN QUERY PLAN " + q).Rows()
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		text := strings.Join(plan, "; ")
		if !strings.Contains(text, "USING INDEX") && !strings.Contains(text, "USING COVERING INDEX") && !strings.Contains(text, "PRIMARY KEY") {
			t.Errorf("%s\n\tscans: %s", q, text)
		}
	}
}
