package app

import (
	"strings"
	"testing"

	"cxcommittee/models"
)

// rawExec runs raw SQL on the test database, as another tool would.
func rawExec(t *testing.T, s *Store, sql string, args ...any) {
	t.Helper()
	if err := s.db.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// stored reads a column's stored type and text.
func stored(t *testing.T, s *Store, table, column string, id uint) string {
	t.Helper()
	var v string
	if err := s.db.Raw("SELECT typeof("+column+") || ':' || CAST("+column+" AS TEXT) FROM "+table+" WHERE id = ?", id).Scan(&v).Error; err != nil {
		t.Fatal(err)
	}
	return v
}

func TestValuesOtherToolsStoredAreListedKeptAndNeverBlockReading(t *testing.T) {
	asOf := models.MustDate("2026-11-23")
	s := demoStore(t, "2026-11-23")
	nps := scaledTarget(t, s)
	before, err := s.Scorecard(asOf)
	if err != nil {
		t.Fatal(err)
	}

	rawExec(t, s, "UPDATE initiatives SET due_date = '23/11/2026', percent_complete = 'abc' WHERE id = 1")
	rawExec(t, s, "UPDATE initiatives SET due_date = '2026-13-45' WHERE id = 2")
	rawExec(t, s, "UPDATE initiatives SET due_date = 'yesterday', health = 'purple' WHERE id = 3")
	rawExec(t, s, "UPDATE initiatives SET due_date = 20261123, percent_complete = 150 WHERE id = 4")
	rawExec(t, s, "UPDATE status_updates SET date = 'last week' WHERE id = (SELECT MIN(id) FROM status_updates)")
	rawExec(t, s, "UPDATE measurements SET value = 'n/a' WHERE id = (SELECT MIN(id) FROM measurements WHERE target_id = ?)", nps.ID)
	rawExec(t, s, "INSERT INTO measurements (created_at, updated_at, version, target_id, date, value, sample_size, note) VALUES (datetime(), datetime(), 1, ?, '2026-11-22', 500, 10, 'typo')", nps.ID)

	// Nothing stops reading.
	if _, err := s.Dashboard(asOf); err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	if _, err := s.Snapshot(asOf); err != nil {
		t.Fatalf("report snapshot: %v", err)
	}
	if _, err := s.GovernanceChecks(asOf); err != nil {
		t.Fatalf("check: %v", err)
	}
	if _, err := s.InitiativeRows(asOf); err != nil {
		t.Fatalf("initiatives register: %v", err)
	}
	if _, err := s.MattersArising(asOf); err != nil {
		t.Fatalf("agenda: %v", err)
	}
	if _, _, err := s.SinceLastMeeting(asOf); err != nil {
		t.Fatalf("since last meeting: %v", err)
	}

	// The reading outside the scale decides nothing.
	after, err := s.Scorecard(asOf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range after {
		if after[i].Target.ID == nps.ID && (after[i].Reading.Current != before[i].Reading.Current || after[i].Reading.Status != before[i].Reading.Status) {
			t.Errorf("a reading of 500 on a %v..%v scale changed the score: %+v, was %+v", *nps.ScaleMin, *nps.ScaleMax, after[i].Reading, before[i].Reading)
		}
	}

	// Every one is listed with table, row, column, raw value and what was expected.
	problems, err := s.StoredProblems()
	if err != nil {
		t.Fatal(err)
	}
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = p.String()
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{
		`initiatives #1 `, `due_date holds "23/11/2026"; expected a date written YYYY-MM-DD`,
		`percent_complete holds "abc"; expected a whole number`,
		`initiatives #2 `, `"2026-13-45"`, `"yesterday"`, `"20261123"`,
		`health holds "purple"; expected one of green, amber or red`,
		`percent_complete holds "150"; expected a percentage from 0 to 100`,
		`status_updates #`, `"last week"`,
		`value holds "n/a"; expected a number`,
		`value holds "500.0"; expected a value within the target's scale`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("stored problems do not mention %s:\n%s", want, all)
		}
	}
	if len(problems) != 10 {
		t.Errorf("%d problems listed, want 10:\n%s", len(problems), all)
	}

	// The record opens with the raw value, and a save keeps it.
	ini, err := Get[models.Initiative](s, 1)
	if err != nil {
		t.Fatalf("reading the initiative with bad values: %v", err)
	}
	if !ini.DueDate.Invalid() || ini.DueDate.Raw() != "23/11/2026" {
		t.Errorf("due date read as %q, want the stored 23/11/2026 kept", ini.DueDate.String())
	}
	ini.Title += " (renamed)"
	if err := Update(s, &ini); err != nil {
		t.Fatalf("saving the initiative: %v", err)
	}
	if got := stored(t, s, "initiatives", "due_date", 1); got != "text:23/11/2026" {
		t.Errorf("after a save the due date is stored as %s, want the original text", got)
	}
	if got := stored(t, s, "initiatives", "percent_complete", 1); got != "text:abc" {
		t.Errorf("after a save percent complete is stored as %s, want the original text", got)
	}
	four, err := Get[models.Initiative](s, 4)
	if err != nil {
		t.Fatal(err)
	}
	if four.DueDate.Raw() != "20261123" {
		t.Errorf("20261123 read as %q, want it shown as stored, not as 1970", four.DueDate.String())
	}
	four.Title += " (renamed)"
	if err := Update(s, &four); err == nil || !strings.Contains(err.Error(), "percent") {
		t.Errorf("saving 150%% should be refused naming the field, got %v", err)
	}

	// A new value replaces a bad one.
	ini, _ = Get[models.Initiative](s, 1)
	ini.PercentComplete = 40
	ini.DueDate = models.MustDate("2027-01-31")
	if err := Update(s, &ini); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, s, "initiatives", "percent_complete", 1) + " " + stored(t, s, "initiatives", "due_date", 1); got != "integer:40 text:2027-01-31" {
		t.Errorf("typed values stored as %s", got)
	}
	one, err := s.StoredProblemsOf("initiatives", 1)
	if err != nil || len(one) != 0 {
		t.Errorf("after the fix initiative 1 still has problems %v, %v", one, err)
	}
}

// scaledTarget returns a demo target with both scale ends.
func scaledTarget(t *testing.T, s *Store) models.Target {
	t.Helper()
	targets, err := List[models.Target](s, "id")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range targets {
		if x.ScaleMin != nil && x.ScaleMax != nil && *x.ScaleMax < 500 {
			return x
		}
	}
	t.Fatal("the demo has no target with a scale")
	return models.Target{}
}

func TestUnreadableNumbersAndDatesDecideNothing(t *testing.T) {
	asOf := models.MustDate("2026-11-23")
	s := demoStore(t, "2026-11-23")
	nps := scaledTarget(t, s)
	rawExec(t, s, "UPDATE targets SET target_value = 'n/a' WHERE id = ?", nps.ID)
	rawExec(t, s, "UPDATE initiatives SET percent_complete = 1e19 WHERE id = 2")
	rawExec(t, s, "UPDATE status_updates SET date = '31/12/2025' WHERE id = (SELECT MIN(id) FROM status_updates WHERE initiative_id = 1)")

	rows, err := s.Scorecard(asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Target.ID == nps.ID && (r.Reading.Status != models.TargetNoData || !strings.Contains(r.Reading.Reason, `target_value holds "n/a"`)) {
			t.Errorf("a target whose goal cannot be read was scored: %+v", r.Reading)
		}
	}
	two, err := Get[models.Initiative](s, 2)
	if err != nil || two.PercentComplete != 0 {
		t.Errorf("percent 1e19 read as %d (%v), want it unreadable (0) rather than overflowed", two.PercentComplete, err)
	}
	// A later update still moves the initiative despite an older bad date.
	u := models.StatusUpdate{InitiativeID: 1, Date: models.MustDate("2026-11-20"), AuthorID: models.Ptr(uint(1)),
		Health: models.HealthRed, PercentComplete: 70, Note: "supplier late"}
	if err := s.PostStatusUpdate(&u); err != nil {
		t.Fatal(err)
	}
	if one, _ := Get[models.Initiative](s, 1); one.Health != models.HealthRed || one.PercentComplete != 70 {
		t.Errorf("the new update did not move the initiative: %s %d%%", one.Health, one.PercentComplete)
	}
}
