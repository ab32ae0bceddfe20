package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"cxcommittee/models"
)

func TestHistoryRecordsWhoChangedWhatFromWhatToWhat(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		anna, err := s.FindActor("priya.shah@northwind.example")
		if err != nil {
			anna, err = s.FindActor("Priya Shah")
		}
		if err != nil {
			t.Fatal(err)
		}
		s.ActAs(anna)
		ini, _ := Get[models.Initiative](s, 3)
		oldTitle, oldDue := ini.Title, ini.DueDate
		ini.Title, ini.DueDate = "Bill shock alerts (phase 2)", models.MustDate("2027-03-31")
		if err := Update(s, &ini); err != nil {
			t.Fatal(err)
		}
		u := models.StatusUpdate{InitiativeID: 3, Date: models.MustDate("2026-11-24"), AuthorID: anna.ID,
			Health: models.HealthAmber, PercentComplete: 61, Note: "supplier slipped a week"}
		if err := s.PostStatusUpdate(&u); err != nil {
			t.Fatal(err)
		}
		entries, err := s.History(HistoryFilter{Kind: models.RecordInitiative, ID: 3})
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, h := range entries {
			lines = append(lines, h.Author+" | "+h.What()+" | "+string(h.Why))
		}
		all := strings.Join(lines, "\n")
		for _, want := range []string{
			" | created | demo",
			anna.Name + " | title: " + oldTitle + " → Bill shock alerts (phase 2) | edit",
			anna.Name + " | due date: " + oldDue.String() + " → 2027-03-31 | edit",
			anna.Name + " | health: red → amber | status update",
			anna.Name + " | percent complete: ",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("history lacks %q:\n%s", want, all)
			}
		}
		if strings.Contains(all, "version") || strings.Contains(all, "updated at") {
			t.Errorf("history records bookkeeping columns:\n%s", all)
		}
		// Deleting keeps the history under the last name.
		if err := Delete[models.Initiative](s, 3); err != nil {
			t.Fatal(err)
		}
		after, _ := s.History(HistoryFilter{Kind: models.RecordInitiative, ID: 3})
		last := after[len(after)-1]
		if last.What() != "deleted" || last.RecordName != "Bill shock alerts (phase 2)" || len(after) != len(entries)+1 {
			t.Errorf("deletion recorded as %+v (%d entries, %d before)", last, len(after), len(entries))
		}
		by, _ := s.History(HistoryFilter{By: strings.ToUpper(anna.Name)})
		if len(by) == 0 {
			t.Error("no history found by author")
		}
	})
}

func TestMeetingCloseRecordsCarryOverInHistory(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	planned := meetingByTitle(t, s, models.MeetingPlanned)
	if _, _, err := s.CloseMeeting(planned.ID, models.Weekday(planned.Date.AddDays(30))); err != nil {
		t.Fatal(err)
	}
	entries, err := s.History(HistoryFilter{Kind: models.RecordAction})
	if err != nil {
		t.Fatal(err)
	}
	carried := 0
	for _, h := range entries {
		if h.Why == models.WhyCarryOver && h.Field == "times carried over" {
			carried++
		}
	}
	meeting, _ := s.History(HistoryFilter{Kind: models.RecordMeeting, ID: planned.ID})
	if carried == 0 || len(meeting) == 0 || meeting[len(meeting)-1].Why != models.WhyMeetingClose {
		t.Errorf("closing recorded %d carry-overs and meeting entries %+v", carried, meeting)
	}
}

func TestHistoryRecordsLinkedTargetsAndLinksClearedByADelete(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	ini, err := s.Initiative(3)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveInitiative(&ini, nil); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(HistoryFilter{Kind: models.RecordInitiative, ID: 3})
	last := h[len(h)-1]
	if last.Field != "linked targets" || last.Old == "" || last.New != "" {
		t.Errorf("unlinking the targets was recorded as %+v", last)
	}
	owner := *ini.OwnerID
	mb, _ := Get[models.Member](s, owner)
	if err := Delete[models.Member](s, owner); err != nil {
		t.Fatal(err)
	}
	h, _ = s.History(HistoryFilter{Kind: models.RecordInitiative, ID: 3})
	last = h[len(h)-1]
	if last.Field != "owner" || last.Old != mb.Name || last.New != "" {
		t.Errorf("the owner cleared by deleting %s was recorded as %+v", mb.Name, last)
	}
}

func TestImportedReadingsEnterHistory(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		sh := Sheet{Register: "Measurements", Header: []string{"Target", "Date", "Value"}, Rows: [][]string{
			{"Customer churn rate", "2026-11-20", "6.5"}, {"customer churn rate", "21/11/2026", "6.4"}, {"Net Promoter Score", "2026-11-21", "30"}}}
		r, err := s.ImportRegisters([]Sheet{sh}, models.MustDate("2026-11-23"), ImportOptions{Actor: &Actor{Name: "Priya Shah"}})
		if err != nil || !r.Applied || len(r.Changes) != 3 {
			t.Fatalf("import: %v %+v", err, r)
		}
		h, err := s.History(HistoryFilter{Kind: models.RecordMeasurement, By: "Priya Shah"})
		if err != nil || len(h) != 3 {
			t.Fatalf("%d history entries for 3 readings (%v)", len(h), err)
		}
		if h[0].RecordName != "Customer churn rate" || h[2].RecordName != "Net Promoter Score" || h[0].Why != models.WhyImport || h[0].New != "created" {
			t.Errorf("history of the readings: %+v", h)
		}
	})
}

// A pack's status updates move their initiatives and enter history on
// both engines, and the same pack twice changes nothing.
func TestPackImportOnBothEngines(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		pct := 35
		p := FilledPack{PackID: "p1", DepartmentID: 1, Department: "Digital", Issued: models.MustDate("2026-11-23"),
			Initiatives: []InitiativeInput{{ID: 3, Version: 1, Row: 2, Health: models.HealthAmber, Percent: &pct, Note: "gateway passed review"}}}
		r, err := s.ImportPack(p, models.MustDate("2026-11-24"), ImportOptions{})
		if err != nil || !r.Applied || len(r.Changes) != 1 || !strings.Contains(r.Changes[0], "health red → amber, 30% → 35%") {
			t.Fatalf("import: %v %+v", err, r)
		}
		ini, _ := s.Initiative(3)
		if ini.Health != models.HealthAmber || ini.PercentComplete != 35 || ini.HealthReason != "gateway passed review" || ini.Version != 2 {
			t.Errorf("the initiative did not move: %+v", ini)
		}
		h, _ := s.History(HistoryFilter{Kind: models.RecordInitiative, ID: 3})
		var fields []string
		for _, x := range h {
			if x.Why == models.WhyImport {
				fields = append(fields, x.What())
			}
		}
		if len(fields) != 3 || !strings.Contains(strings.Join(fields, "\n"), "health: red → amber") {
			t.Errorf("history of the import: %q", fields)
		}
		again, err := s.ImportPack(p, models.MustDate("2026-11-24"), ImportOptions{})
		if err != nil || again.AppliedAt == nil || again.Applied {
			t.Errorf("the same pack again: %v %+v", err, again)
		}
	})
}

// A pack's rows on both engines: an update older than the initiative's
// latest is kept without moving it, a revised due date moves the due date,
// and a percent another tool left unreadable reads as 0 and is replaced.
func TestPackImportRowsThatDoNotMoveAndUnreadableNumbers(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		if !s.OnServer() { // a server's typed columns cannot hold text
			if err := s.db.Exec("UPDATE initiatives SET percent_complete = 'n/a' WHERE id = 4").Error; err != nil {
				t.Fatal(err)
			}
		}
		priya, err := s.FindActor("Priya Shah")
		if err != nil {
			t.Fatal(err)
		}
		later := models.StatusUpdate{InitiativeID: 5, Date: models.MustDate("2026-12-01"), AuthorID: priya.ID, Health: models.HealthGreen, PercentComplete: 90}
		if err := s.PostStatusUpdate(&later); err != nil {
			t.Fatal(err)
		}
		before4, _ := s.Initiative(4)
		before5, _ := s.Initiative(5)
		pct := 60
		p := FilledPack{PackID: "p2", DepartmentID: 1, Department: "Digital", Issued: models.MustDate("2026-11-23"), Initiatives: []InitiativeInput{
			{ID: 4, Version: before4.Version, Row: 2, Percent: &pct, RevisedDue: models.MustDate("2027-03-31")},
			{ID: 5, Version: before5.Version, Row: 3, Health: models.HealthRed, Note: "vendor slipped"},
		}}
		r, err := s.ImportPack(p, models.MustDate("2026-11-24"), ImportOptions{})
		if err != nil || !r.Applied || len(r.Changes) != 2 {
			t.Fatalf("import: %v %+v", err, r)
		}
		if !strings.Contains(r.Changes[0], fmt.Sprintf("%d%% → 60%%", before4.PercentComplete)) || !strings.Contains(r.Changes[0], "→ 2027-03-31") {
			t.Errorf("the change to %s reads %q", before4.Title, r.Changes[0])
		}
		after4, _ := s.Initiative(4)
		if after4.PercentComplete != 60 || after4.DueDate != models.MustDate("2027-03-31") {
			t.Errorf("%s is %d%% due %s, want 60%% due 2027-03-31", after4.Title, after4.PercentComplete, after4.DueDate)
		}
		after5, _ := s.Initiative(5)
		if after5.Health != models.HealthGreen || after5.PercentComplete != 90 || after5.Version != before5.Version {
			t.Errorf("an update older than the latest moved %s: %+v", after5.Title, after5)
		}
		var kept int64
		s.db.Model(&models.StatusUpdate{}).Where("initiative_id = 5 AND note = ?", "vendor slipped").Count(&kept)
		if kept != 1 {
			t.Errorf("%d status updates kept for %s, want 1", kept, after5.Title)
		}
	})
}

// A number the model reads leniently (money, values, positions) enters
// history as the number people read, on both engines.
func TestHistoryWritesLenientNumbersAsNumbers(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		ini, _ := Get[models.Initiative](s, 3)
		budget := ini.Budget
		ini.Budget, ini.PercentComplete = budget+1000, ini.PercentComplete+1
		if err := Update(s, &ini); err != nil {
			t.Fatal(err)
		}
		tgt, _ := Get[models.Target](s, 1)
		was := *tgt.BaselineValue
		*tgt.BaselineValue = was + 0.5
		if err := Update(s, &tgt); err != nil {
			t.Fatal(err)
		}
		want := map[string][2]string{
			"budget":           {models.FormatNumber(budget), models.FormatNumber(budget + 1000)},
			"percent complete": {fmt.Sprint(ini.PercentComplete - 1), fmt.Sprint(ini.PercentComplete)},
			"baseline value":   {models.FormatNumber(was), models.FormatNumber(was + 0.5)},
		}
		for kind, id := range map[models.RecordKind]uint{models.RecordInitiative: 3, models.RecordTarget: 1} {
			entries, err := s.History(HistoryFilter{Kind: kind, ID: id})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range entries {
				if w, ok := want[h.Field]; ok {
					if h.Old != w[0] || h.New != w[1] {
						t.Errorf("%s recorded as %q → %q, want %q → %q", h.Field, h.Old, h.New, w[0], w[1])
					}
					delete(want, h.Field)
				}
			}
		}
		if len(want) > 0 {
			t.Errorf("no history of %v", want)
		}
	})
}

// A risk whose likelihood was lowered since the last meeting is falling,
// whether its history was written now or garbled by an earlier version
// (read as 0, it rose).
func TestRiskTrendReadsTheLikelihoodsHistory(t *testing.T) {
	for _, garbled := range []bool{false, true} {
		s := engines()[0].demo(t, "2026-11-23")
		risks, err := List[models.Risk](s, "id")
		if err != nil {
			t.Fatal(err)
		}
		// An open risk whose likelihood the sample's own history does not move.
		i := slices.IndexFunc(risks, func(r models.Risk) bool {
			var moved int64
			s.db.Model(&models.HistoryEntry{}).Where("kind = ? AND record_id = ? AND field = ?", models.RecordRisk, r.ID, "likelihood").Count(&moved)
			return r.Status == models.RiskOpen && r.Likelihood >= 2 && moved == 0
		})
		if i < 0 {
			t.Fatal("no open risk with a likelihood above 1 and no history of it in the sample")
		}
		r := risks[i]
		was := r.Likelihood
		r.Likelihood = was - 1
		if err := Update(s, &r); err != nil {
			t.Fatal(err)
		}
		if garbled {
			s.db.Model(&models.HistoryEntry{}).Where("kind = ? AND record_id = ? AND field = ?", models.RecordRisk, r.ID, "likelihood").
				Update("old", fmt.Sprintf("{0x5b9851d3a00 <nil> {} <*models.Risk Value> context.Background <nil> %d}", was))
		}
		rows, err := s.riskRows(models.MustDate("2026-11-23"), Names{}) // after the sample's own history
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if row.ID == r.ID && row.Trend != "falling" {
				t.Errorf("garbled %v: likelihood %d → %d reads as %q", garbled, was, was-1, row.Trend)
			}
		}
	}
}

// TestAnImportedRowNamesEveryProblem: a register row with several things
// wrong is reported once per thing, each under its column, and nothing
// is written.
func TestAnImportedRowNamesEveryProblem(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	sh := Sheet{Register: "Members", Name: "Members", Header: []string{"Name", "Email", "Role"}, Rows: [][]string{
		{"", "not an address", "member"}}}
	r, err := s.ImportRegisters([]Sheet{sh}, models.MustDate("2026-11-23"), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.String())
	}
	if len(got) != 2 || !strings.Contains(got[0], "member name is required") || !strings.Contains(got[1], `member email "not an address" is not an email address`) {
		t.Errorf("problems of a row with no name and a bad email:\n%s", strings.Join(got, "\n"))
	}
	if r.Applied {
		t.Error("a row with problems was written")
	}
}
