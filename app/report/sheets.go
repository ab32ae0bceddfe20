package report

import (
	"strings"

	"cxcommittee/app"
	"cxcommittee/models"
)

// Sheet names, in the order the workbook has them. They are our own words:
// no user text ever names a sheet or a link.
const (
	sheetSummary      = "Summary"
	sheetInitiatives  = "Initiatives"
	sheetTargets      = "Targets"
	sheetDecisions    = "Decisions"
	sheetActions      = "Actions"
	sheetMeetings     = "Meetings"
	sheetCommittee    = "Committee"
	sheetTrend        = "Target trend"
	sheetMeasurements = "Measurements"
	sheetRisks        = "Risks"
	sheetChanges      = "Changes"
	sheetGovernance   = "Governance"
)

// SheetOrder lists the sheets as the workbook orders them.
// The Summary and the registers come first; the committee, the chart data
// and the measurements form an appendix.
var SheetOrder = []string{sheetSummary, sheetInitiatives, sheetTargets, sheetRisks, sheetDecisions, sheetActions, sheetMeetings, sheetChanges,
	sheetGovernance, sheetCommittee, sheetTrend, sheetMeasurements}

func (w *writer) initiativesSheet() dataSheet {
	rows := w.snap.Initiatives
	return dataSheet{name: sheetInitiatives, table: "InitiativesTable", n: len(rows),
		cols: []col{
			{title: "Initiative", kind: kWrap, max: 42}, {title: "Journey", kind: kWrap, max: 24}, {title: "Vision pillar", kind: kText, max: 16},
			{title: "Business goal", kind: kWrap, max: 22}, {title: "Lead department", kind: kWrap, max: 22}, {title: "Owner", kind: kText, max: 20},
			{title: "Status", kind: kText}, {title: "Health", kind: kWord, words: w.st.initiativeHealthWords}, {title: "Health reason", kind: kWrap, max: 48},
			{title: "% complete", kind: kPercent100}, {title: "Start", kind: kDate}, {title: "Due", kind: kDate},
			{title: "Last update", kind: kDate}, {title: "Stale", kind: kWord, words: w.st.flagWords}, {title: "Overdue", kind: kWord, words: w.st.flagWords},
			{title: "Expected annual benefit", kind: kMoney}, {title: "Budget", kind: kMoney}, {title: "Spend to date", kind: kMoney},
			{title: "Realised benefit", kind: kMoney},
		},
		row: func(i int) []any {
			r := rows[i]
			return []any{r.Title, r.Journey, r.Pillar, r.BusinessGoal, r.Department, r.Owner, string(r.Status), healthShown(*r.Initiative),
				r.HealthReason, r.PercentComplete, r.StartDate, r.DueDate, r.LastUpdate, yes(r.Stale), yes(r.Overdue), r.ExpectedBenefit,
				r.Budget, r.SpendToDate, r.RealisedBenefit}
		},
	}
}

func (w *writer) risksSheet() dataSheet {
	rows := w.snap.Risks
	return dataSheet{name: sheetRisks, table: "RisksTable", n: len(rows),
		cols: []col{
			{title: "Risk", kind: kWrap, max: 40}, {title: "Description", kind: kWrap, max: 48}, {title: "Initiative or journey", kind: kWrap, max: 30},
			{title: "Owner", kind: kText, max: 20}, {title: "Likelihood", kind: kInt}, {title: "Impact", kind: kInt}, {title: "Score", kind: kInt},
			{title: "Level", kind: kWord, words: w.st.levelWords}, {title: "Trend since last meeting", kind: kText}, {title: "Mitigation", kind: kWrap, max: 48},
			{title: "Status", kind: kText}, {title: "Review date", kind: kDate},
		},
		row: func(i int) []any {
			r := rows[i]
			return []any{r.Title, r.Description, r.Link, r.Owner, r.Likelihood, r.Impact, r.Score(), models.Level(r.Score()),
				r.Trend, r.Mitigation, string(r.Status), r.ReviewDate}
		},
	}
}

func (w *writer) targetsSheet() dataSheet {
	rows := w.snap.Scorecard
	names := map[uint]string{}
	for _, r := range rows {
		names[r.Target.ID] = r.Target.Name
	}
	return dataSheet{name: sheetTargets, table: "TargetsTable", n: len(rows),
		cols: []col{
			{title: "Target", kind: kWrap, max: 30}, {title: "Kind", kind: kText}, {title: "Unit", kind: kText}, {title: "Direction", kind: kText},
			{title: "Parent", kind: kWrap, max: 26}, {title: "Baseline", kind: kNum}, {title: "Baseline date", kind: kDate},
			{title: "Current", kind: kNum}, {title: "Current date", kind: kDate}, {title: "Target value", kind: kNum}, {title: "Target date", kind: kDate},
			{title: "Progress", kind: kPct}, {title: "Status", kind: kWord, words: w.st.statusWords}, {title: "Trend", kind: kText},
			{title: "Reason", kind: kWrap, max: 60},
		},
		row: func(i int) []any {
			r := rows[i]
			t := r.Target
			var current, progress any
			var currentOn models.Date
			if r.Reading.HasData {
				current, currentOn = inUnit{r.Reading.Current, t.Unit, w.decimals[t.ID]}, r.Reading.CurrentOn
				if t.BaselineValue != nil {
					progress = r.Reading.Progress
				}
			}
			parent := ""
			if t.ParentID != nil {
				parent = names[*t.ParentID]
			}
			return []any{t.Name, string(t.Kind), t.Unit, string(t.Direction), parent, unitValue(t.BaselineValue, t.Unit, w.decimals[t.ID]), t.BaselineDate,
				current, currentOn, inUnit{t.TargetValue, t.Unit, w.decimals[t.ID]}, t.TargetDate, progress, string(r.Reading.Status), trendText(w.snap.Trends[t.ID], t.Direction), r.Reading.Reason}
		},
		extra:     w.trendChart,
		extraRows: 22, // the chart, below the table
	}
}

func (w *writer) decisionsSheet() dataSheet {
	rows := w.snap.Decisions
	statement := map[uint]string{}
	for _, d := range rows {
		statement[d.ID] = d.Statement
	}
	// Quorum can be said of a meeting held with its attendance taken.
	attended := map[uint]bool{}
	for _, m := range w.snap.Meetings {
		for _, n := range m.Attendance {
			if n > 0 && m.Happened() {
				attended[m.ID] = true
			}
		}
	}
	return dataSheet{name: sheetDecisions, table: "DecisionsTable", n: len(rows), key: 2, // up to the statement
		cols: []col{
			{title: "Date", kind: kDate}, {title: "Meeting", kind: kWrap, max: 30}, {title: "Statement", kind: kWrap, max: 50},
			{title: "Rationale", kind: kWrap, max: 44}, {title: "Status", kind: kText}, {title: "Owner", kind: kText, max: 20},
			{title: "Linked record", kind: kWrap, max: 36}, {title: "Review date", kind: kDate}, {title: "Review due", kind: kWord, words: w.st.flagWords},
			{title: "Quorum", kind: kWord, words: w.st.flagWords}, {title: "Superseded by", kind: kWrap, max: 36},
		},
		row: func(i int) []any {
			d := rows[i]
			// Blank where it cannot be said: no meeting, one not held or
			// without its attendance, or a proposal not yet decided.
			quorum, replaced := "", ""
			if d.MeetingID != nil && attended[*d.MeetingID] && d.Status != models.DecisionProposed {
				if q, ok := w.snap.Quorums[*d.MeetingID]; ok {
					quorum = "no quorum"
					if q.Met {
						quorum = "quorate"
					}
				}
			}
			if d.SupersededByID != nil {
				replaced = statement[*d.SupersededByID]
			}
			return []any{d.DecidedOn, d.Meeting, d.Statement, d.Rationale, string(d.Status), d.Owner, d.Link, d.ReviewDate, yes(d.DueForReview), quorum, replaced}
		},
	}
}

func (w *writer) actionsSheet() dataSheet {
	rows := w.snap.Actions
	return dataSheet{name: sheetActions, table: "ActionsTable", n: len(rows),
		cols: []col{
			{title: "Action", kind: kWrap, max: 50}, {title: "Owner", kind: kText, max: 20}, {title: "Original due", kind: kDate},
			{title: "Revised due", kind: kDate}, {title: "Status", kind: kText}, {title: "Days overdue", kind: kInt},
			{title: "Times carried over", kind: kInt}, {title: "Source", kind: kWrap, max: 50}, {title: "Closed on", kind: kDate},
		},
		row: func(i int) []any {
			a := rows[i]
			var late any
			if a.DaysOverdue > 0 {
				late = a.DaysOverdue
			}
			return []any{a.Description, a.Owner, a.OriginalDueDate, a.RevisedDueDate, string(a.Status), late, a.TimesCarriedOver, a.Source, a.ClosedOn}
		},
	}
}

func (w *writer) meetingsSheet() dataSheet {
	rows := w.snap.Meetings
	return dataSheet{name: sheetMeetings, table: "MeetingsTable", n: len(rows),
		cols: []col{
			{title: "Date", kind: kDate}, {title: "Meeting", kind: kText, max: 36}, {title: "Status", kind: kText},
			{title: "Present", kind: kInt}, {title: "Apologies", kind: kInt}, {title: "Absent", kind: kInt}, {title: "Proxy", kind: kInt},
			{title: "Quorum met", kind: kWord, words: func() map[string]int {
				return map[string]int{"yes": w.st.green, "no": w.st.red, "not yet held": w.st.grey, "not known": w.st.grey}
			}},
			{title: "Quorum reason", kind: kWrap, max: 50}, {title: "Decisions", kind: kInt}, {title: "Actions", kind: kInt},
		},
		row: func(i int) []any {
			m := rows[i]
			if !m.Happened() { // a planned meeting has no attendance to count yet
				return []any{m.Date, m.Title, string(m.Status), nil, nil, nil, nil, "not yet held", "the meeting has not been held", m.Decisions, m.Actions}
			}
			met, why := "not known", "attendance was not taken"
			if q, ok := w.snap.Quorums[m.ID]; ok && len(m.Attendance) > 0 {
				met, why = "no", q.Reason
				if q.Met {
					met = "yes"
				}
			}
			a := m.Attendance
			return []any{m.Date, m.Title, string(m.Status), a[models.AttendancePresent], a[models.AttendanceApologies], a[models.AttendanceAbsent],
				a[models.AttendanceProxy], met, why, m.Decisions, m.Actions}
		},
	}
}

// committeeSheet lists the members; the departments follow on the same
// sheet as a second table, with their representative or the gap marked.
func (w *writer) committeeSheet() dataSheet {
	members, depts := w.snap.Members, w.snap.Departments
	return dataSheet{name: sheetCommittee, table: "MembersTable", n: len(members),
		cols: []col{
			{title: "Member", kind: kText, max: 26, min: 24}, {title: "Committee role", kind: kText, min: 18}, {title: "Department", kind: kWrap, max: 30, min: 30},
			{title: "Job title", kind: kWrap, max: 30}, {title: "Decision authority", kind: kWord}, {title: "Email", kind: kText, max: 34},
			{title: "Active from", kind: kDate}, {title: "Active to", kind: kDate},
		},
		row: func(i int) []any {
			m := members[i]
			return []any{m.Name, string(m.Role), m.Department, m.JobTitle, yesNo(m.DecisionAuthority), m.Email, m.ActiveFrom, m.ActiveTo}
		},
		extra:     func(s *sheetWrite) error { return w.departmentsTable(s.sw, depts, s.lastRow+2) },
		extraRows: 2 + max(1, len(depts)),
	}
}

func (w *writer) measurementsSheet() dataSheet {
	// Each row points at its target and its reading rather than copying
	// them: a large committee has a hundred thousand readings.
	type row struct{ target, reading int32 }
	var rows []row
	for t, r := range w.snap.Scorecard {
		for i := range w.snap.Measurements[r.Target.ID] {
			rows = append(rows, row{int32(t), int32(i)})
		}
	}
	return dataSheet{name: sheetMeasurements, table: "MeasurementsTable", n: len(rows),
		cols: []col{{title: "Target", kind: kWrap, max: 30}, {title: "Unit", kind: kText}, {title: "Date", kind: kDate},
			{title: "Value", kind: kNum}, {title: "Sample size", kind: kInt}, {title: "Note", kind: kWrap, max: 50}},
		row: func(i int) []any {
			t := w.snap.Scorecard[rows[i].target].Target
			m := w.snap.Measurements[t.ID][rows[i].reading]
			var sample any
			if m.SampleSize > 0 {
				sample = m.SampleSize
			}
			return []any{t.Name, t.Unit, m.Date, inUnit{m.Value, t.Unit, w.decimals[t.ID]}, sample, m.Note}
		},
	}
}

// changesSheet lists every change since the last meeting; the Summary
// shows the first few.
func (w *writer) changesSheet() dataSheet {
	rows := w.snap.Changes
	return dataSheet{name: sheetChanges, table: "ChangesTable", n: len(rows),
		cols: []col{{title: "What", kind: kWrap, max: 44}, {title: "Kind of change", kind: kText, max: 22}, {title: "Change", kind: kWrap, max: 70}},
		row: func(i int) []any {
			c := rows[i]
			return []any{c.Title, changeLabels[c.Group], c.What}
		},
	}
}

// governanceSheet lists the governance checks with their whole reasons;
// the Summary shows them cut to a line.
func (w *writer) governanceSheet() dataSheet {
	rows := w.snap.Checks
	return dataSheet{name: sheetGovernance, table: "GovernanceTable", n: len(rows),
		cols: []col{{title: "Check", kind: kWrap, max: 60}, {title: "Verdict", kind: kWord, words: w.st.verdictWords}, {title: "Reason", kind: kWrap, max: 90}},
		row: func(i int) []any {
			c := rows[i]
			verdict := "fail"
			if c.Passed {
				verdict = "pass"
			}
			return []any{c.Name, verdict, c.Reason}
		},
	}
}

// healthShown is an initiative's health as the register shows it: a
// cancelled one has none, and one not started is not yet green.
func healthShown(i models.Initiative) string {
	switch i.Status {
	case models.InitiativeCancelled:
		return "cancelled"
	case models.InitiativeProposed:
		return "not started"
	}
	return string(i.Health)
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// representedBy names who can commit a department, or marks the gap.
func representedBy(d app.DepartmentRow) string {
	if len(d.Representatives) == 0 {
		return "GAP: nobody who can commit it"
	}
	return strings.Join(d.Representatives, ", ")
}

// trendText says a target's trend with an arrow that follows its value, as
// the Summary's scorecard does: churn falling is "↓ better".
func trendText(tr models.Trend, dir models.Direction) string {
	falling := dir == models.DirectionDecrease
	switch tr {
	case models.TrendBetter:
		if falling {
			return "↓ better"
		}
		return "↑ better"
	case models.TrendWorse:
		if falling {
			return "↑ worse"
		}
		return "↓ worse"
	}
	return string(tr)
}
