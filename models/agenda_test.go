package models

import (
	"strings"
	"testing"
)

func agendaInput() AgendaInput {
	c := healthyCommittee() // as of 2026-11-23, nothing arising
	c.PrevPercent = map[uint]int{}
	return AgendaInput{Committee: c, Readings: map[uint]TargetReading{}, MemberNames: map[uint]string{1: "Chair", 2: "Sponsor", 3: "CIO"}}
}

func TestAgendaOfAHealthyCommitteeIsEmpty(t *testing.T) {
	if got := MattersArising(agendaInput()); len(got) != 0 {
		t.Errorf("matters arising on a healthy committee: %+v", got)
	}
}

func TestAgendaSelectionRules(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*AgendaInput)
		section string
		title   string
		why     string
	}{
		{"overdue action", func(in *AgendaInput) {
			in.Actions = []ActionItem{{Record: Record{ID: 7}, Description: "Call detractors", OwnerID: Ptr(uint(3)), Status: ActionOpen, OriginalDueDate: MustDate("2026-11-20"), TimesCarriedOver: 2}}
		}, SectionActions, "Call detractors", "due 2026-11-20, 3 days overdue; carried over 2 times"},
		{"decision due for review", func(in *AgendaInput) { in.Decisions[0].ReviewDate = MustDate("2026-11-23") }, SectionDecisions, "Fund it", "review due 2026-11-23"},
		{"red initiative", func(in *AgendaInput) {
			in.Initiatives[0].Health, in.Initiatives[0].HealthReason = HealthRed, "vendor late."
		},
			SectionInitiatives, "Welcome pack", "red: vendor late"},
		{"amber without progress", func(in *AgendaInput) {
			in.Initiatives[0].Health, in.Initiatives[0].PercentComplete = HealthAmber, 40
			in.PrevPercent[1] = 40
		}, SectionInitiatives, "Welcome pack", "amber with no progress since the previous update (40%)"},
		{"stale initiative", func(in *AgendaInput) { in.LastUpdate[1] = MustDate("2026-09-01") }, SectionInitiatives, "Welcome pack", "stale: last update 2026-09-01"},
		{"overdue initiative", func(in *AgendaInput) { in.Initiatives[0].DueDate = MustDate("2026-11-01") }, SectionInitiatives, "Welcome pack", "overdue: due 2026-11-01"},
		{"target off track", func(in *AgendaInput) {
			in.Readings[2] = TargetReading{Status: TargetOffTrack, Reason: "NPS 20 on 2026-11-01; the plan is 30 by 2026-11-23"}
		}, SectionTargets, "NPS", "off track: NPS 20"},
		{"department unrepresented", func(in *AgendaInput) { in.Members[2].DecisionAuthority = false }, SectionGaps, "IT", "no active representative"},
		{"no sponsor", func(in *AgendaInput) { in.Members[1].Role = RoleMember }, SectionGaps, "Executive sponsor", "no active member has the executive sponsor role"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := agendaInput()
			tt.change(&in)
			got := MattersArising(in)
			if len(got) != 1 {
				t.Fatalf("want one matter arising, got %+v", got)
			}
			e := got[0]
			if e.Section != tt.section || e.Title != tt.title || !strings.Contains(e.Why, tt.why) {
				t.Errorf("got %s / %s / %q; want %s / %s / containing %q", e.Section, e.Title, e.Why, tt.section, tt.title, tt.why)
			}
		})
	}
}

func TestAgendaLeavesOutWhatIsDoneOrFine(t *testing.T) {
	in := agendaInput()
	in.Actions = []ActionItem{
		{Description: "done late", Status: ActionDone, OriginalDueDate: MustDate("2026-10-01")},
		{Description: "revised into the future", Status: ActionOpen, OriginalDueDate: MustDate("2026-10-01"), RevisedDueDate: MustDate("2026-12-01")},
	}
	in.Decisions[0].Status, in.Decisions[0].ReviewDate = DecisionSuperseded, MustDate("2026-11-01")
	in.Initiatives[0].Health, in.Initiatives[0].PercentComplete = HealthAmber, 50
	in.PrevPercent[1] = 40 // progressed
	in.Readings[2] = TargetReading{Status: TargetOnTrack}
	if got := MattersArising(in); len(got) != 0 {
		t.Errorf("want nothing arising, got %+v", got)
	}
}

func TestMeetingSinceLastMeetingDiff(t *testing.T) {
	from, to := MustDate("2026-10-28"), MustDate("2026-11-23")
	nps := nps()
	nps.ID = 5
	in := SinceInput{
		From: from, To: to,
		Initiatives: []Initiative{{Record: Record{ID: 1}, Title: "Welcome pack"}, {Record: Record{ID: 2}, Title: "Bills"}, {Record: Record{ID: 3}, Title: "Chat"}},
		Changes: []StatusChange{
			{InitiativeID: 1, Date: MustDate("2026-11-02"), From: InitiativeProposed, To: InitiativeActive},
			{InitiativeID: 2, Date: MustDate("2026-11-20"), From: InitiativeActive, To: InitiativeDone},
			{InitiativeID: 3, Date: MustDate("2026-10-01"), From: InitiativeProposed, To: InitiativeActive}, // before the window
		},
		Updates: []StatusUpdate{
			{Record: Record{ID: 1}, InitiativeID: 2, Date: MustDate("2026-10-10"), Health: HealthAmber},
			{Record: Record{ID: 2}, InitiativeID: 2, Date: MustDate("2026-11-10"), Health: HealthGreen},
			{Record: Record{ID: 3}, InitiativeID: 3, Date: MustDate("2026-10-10"), Health: HealthRed},
			{Record: Record{ID: 4}, InitiativeID: 3, Date: MustDate("2026-11-10"), Health: HealthRed},
		},
		Targets:      []Target{nps},
		Measurements: map[uint][]Measurement{5: {reading("2026-10-01", 38), reading("2026-11-15", 20)}},
		Decisions:    []Decision{{Record: Record{ID: 8}, Statement: "Fund chat", Status: DecisionApproved, DecidedOn: MustDate("2026-11-23")}, {Statement: "Old", DecidedOn: MustDate("2026-10-28")}},
		Actions: []ActionItem{
			{Record: Record{ID: 4}, Description: "Closed one", Status: ActionDone, ClosedOn: MustDate("2026-11-05"), OpenedOn: MustDate("2026-09-01")},
			{Record: Record{ID: 5}, Description: "New one", Status: ActionOpen, OpenedOn: MustDate("2026-11-23"), OriginalDueDate: MustDate("2026-12-10")},
		},
	}
	got := map[string][]string{}
	var worse []string
	for _, c := range SinceLastMeeting(in) {
		got[c.Group] = append(got[c.Group], c.Title+": "+c.What)
		if c.Worse {
			worse = append(worse, c.Title)
		}
	}
	if strings.Join(worse, "|") != "NPS" { // Bills went amber → green: good news
		t.Errorf("bad news: %v, want only NPS, which went off track", worse)
	}
	want := map[string][]string{
		ChangeStarted:   {"Welcome pack: proposed → active on 2026-11-02"},
		ChangeFinished:  {"Bills: done on 2026-11-20"},
		ChangeHealth:    {"Bills: amber → green on 2026-11-10"},
		ChangeTargets:   {"NPS: on track → off track"},
		ChangeDecisions: {"Fund chat: approved on 2026-11-23"},
		ChangeClosed:    {"Closed one: done on 2026-11-05"},
		ChangeOpened:    {"New one: opened 2026-11-23, due 2026-12-10"},
	}
	for _, g := range ChangeGroups {
		if strings.Join(got[g], "|") != strings.Join(want[g], "|") {
			t.Errorf("%s: got %v, want %v", g, got[g], want[g])
		}
	}
}

// TestChangesMarkBadNewsByWhichWayTheyMoved: a health or a target's status
// that got worse is bad news, as is a first report of amber or red; one
// that got better, or a first report of green, is not.
func TestChangesMarkBadNewsByWhichWayTheyMoved(t *testing.T) {
	from, to := MustDate("2026-10-28"), MustDate("2026-11-23")
	update := func(id, ini uint, day string, h Health) StatusUpdate {
		return StatusUpdate{Record: Record{ID: id}, InitiativeID: ini, Date: MustDate(day), Health: h}
	}
	in := SinceInput{From: from, To: to,
		Initiatives: []Initiative{{Record: Record{ID: 1}, Title: "turned red"}, {Record: Record{ID: 2}, Title: "recovered"},
			{Record: Record{ID: 3}, Title: "first report red"}, {Record: Record{ID: 4}, Title: "green to amber"},
			{Record: Record{ID: 5}, Title: "first report green"}},
		Updates: []StatusUpdate{
			update(1, 1, "2026-10-01", HealthAmber), update(2, 1, "2026-11-10", HealthRed),
			update(3, 2, "2026-10-01", HealthRed), update(4, 2, "2026-11-10", HealthAmber),
			update(5, 3, "2026-11-10", HealthRed),
			update(6, 4, "2026-10-01", HealthGreen), update(7, 4, "2026-11-10", HealthAmber),
			update(8, 5, "2026-11-12", HealthGreen),
		},
	}
	worse := map[string]bool{}
	for _, c := range SinceLastMeeting(in) {
		worse[c.Title] = c.Worse
	}
	for title, want := range map[string]bool{"turned red": true, "recovered": false, "first report red": true, "green to amber": true, "first report green": false} {
		if got, ok := worse[title]; !ok || got != want {
			t.Errorf("%s: bad news %v (listed %v), want %v", title, got, ok, want)
		}
	}
	for _, c := range []struct {
		from, to TargetStatus
		worse    bool
	}{
		{TargetOnTrack, TargetAtRisk, true}, {TargetAtRisk, TargetOffTrack, true}, {TargetOffTrack, TargetAtRisk, false},
		{TargetAtRisk, TargetAchieved, false}, {TargetNoData, TargetOffTrack, true}, {TargetOffTrack, TargetNoData, false},
	} {
		if got := c.to.Severity() > c.from.Severity(); got != c.worse {
			t.Errorf("%s → %s: worse %v, want %v", c.from, c.to, got, c.worse)
		}
	}
}

func TestRisksArisingAreHighOrDueForReview(t *testing.T) {
	day := MustDate("2026-11-23")
	tests := []struct {
		name string
		risk Risk
		want string
	}{
		{"high", Risk{Title: "a", Likelihood: 4, Impact: 4, Status: RiskOpen, ReviewDate: day.AddDays(10)}, "high risk, 4 × 4 = 16"},
		{"due for review", Risk{Title: "b", Likelihood: 1, Impact: 2, Status: RiskMitigating, ReviewDate: day}, "review due 2026-11-23"},
		{"both", Risk{Title: "c", Likelihood: 5, Impact: 2, Status: RiskOpen, ReviewDate: day.AddDays(-3)}, "high risk, 5 × 2 = 10; review due 2026-11-20"},
		{"low and not due", Risk{Title: "d", Likelihood: 2, Impact: 2, Status: RiskOpen, ReviewDate: day.AddDays(1)}, ""},
		{"closed", Risk{Title: "e", Likelihood: 5, Impact: 5, Status: RiskClosed, ReviewDate: day.AddDays(-1)}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := agendaInput()
			in.Risks = []Risk{tc.risk}
			var got string
			for _, e := range MattersArising(in) {
				if e.Section == SectionRisks {
					got = e.Why
				}
			}
			if got != tc.want {
				t.Errorf("arising as %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCapSectionsKeepsTheFirstOfEachSectionAndCountsTheRest(t *testing.T) {
	var in []AgendaEntry
	for i := 0; i < 13; i++ {
		in = append(in, AgendaEntry{Section: SectionInitiatives, ID: uint(i)})
	}
	in = append(in, AgendaEntry{Section: SectionActions, ID: 100}, AgendaEntry{Section: SectionGaps, ID: 200})
	kept, more := CapSections(in, 10)
	if len(kept) != 12 || more[SectionInitiatives] != 3 || more[SectionActions] != 0 || kept[9].ID != 9 || kept[10].ID != 100 {
		t.Errorf("kept %d (%v), more %v", len(kept), kept, more)
	}
}
