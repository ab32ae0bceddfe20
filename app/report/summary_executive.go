package report

import (
	"fmt"
	"sort"
	"strings"

	"cxcommittee/app"
	"cxcommittee/models"
)

// span is a run of merged Summary columns.
type colSpan struct{ from, to string }

// wideList writes a list across the whole Summary (both blocks): a title,
// a header and at most summaryItems rows, each value in its span. It
// returns the next free row.
func (s *summary) wideList(row int, title string, spans []colSpan, head []string, rows [][]string, sheet, noun string) (int, error) {
	w := s.w
	if err := s.sectionTitle(row, "A", "L", fmt.Sprintf("%s (%d)", title, len(rows))); err != nil {
		return 0, err
	}
	for i, h := range head {
		if err := s.span(row+1, spans[i].from, spans[i].to, h, w.st.header); err != nil {
			return 0, err
		}
	}
	shown := rows[:min(len(rows), summaryItems)]
	for i, r := range shown {
		for j, v := range r {
			if err := s.span(row+2+i, spans[j].from, spans[j].to, v, w.st.wrap); err != nil {
				return 0, err
			}
		}
	}
	next := row + 2 + len(shown)
	if len(rows) == 0 {
		if err := s.put(fmt.Sprintf("A%d", next), "None.", w.st.text); err != nil {
			return 0, err
		}
		next++
	}
	if err := s.seeAll(next, "A", sheet, len(rows), noun); err != nil {
		return 0, err
	}
	if len(rows) > summaryItems {
		next++
	}
	return next + 1, nil
}

// asks lists first what the committee needs from the executives: each
// escalated decision with its options, the recommendation, the date it is
// needed by and what is at stake.
func (s *summary) asks() error {
	var rows [][]string
	for _, d := range s.w.snap.Asks {
		rows = append(rows, []string{askText(d.Statement), askText(strings.ReplaceAll(strings.TrimSpace(d.Options), "\n", "; ")),
			askText(d.Recommendation), d.NeededBy.String(), models.OwnerOrNone(d.Owner), s.atStake(d)})
	}
	spans := []colSpan{{"A", "C"}, {"D", "G"}, {"I", "I"}, {"J", "J"}, {"K", "K"}, {"L", "L"}}
	head := []string{"Decision needed", "Options", "Committee's recommendation", "Needed by", "Owner", "At stake"}
	next, err := s.wideList(s.left, "Decisions needed from you", spans, head, rows, sheetDecisions, "decisions")
	s.left, s.right = next, next
	return err
}

// atStake is what an ask says is at stake (askText), then the money
// already given to the initiative it is about, if any, so that an amount
// asked can be read against it: "… · Bill shock alerts so far: budget
// €132,000, €53,500 spent".
func (s *summary) atStake(d app.DecisionRow) string {
	stake := askText(d.AtStake)
	if d.InitiativeID == nil {
		return stake
	}
	for _, i := range s.w.snap.Initiatives {
		if i.ID != *d.InitiativeID || (i.Budget == 0 && i.SpendToDate == 0) {
			continue
		}
		cur := s.w.snap.Settings.Currency
		money := fmt.Sprintf("%s so far: budget %s, %s spent", i.Title, models.FormatMoney(i.Budget, cur), models.FormatMoney(i.SpendToDate, cur))
		if stake == "" {
			return money
		}
		return strings.TrimRight(strings.TrimSpace(stake), ".") + " · " + money
	}
	return stake
}

// commentary prints the chair's word for the period.
func (s *summary) commentary() error {
	e := s.w.snap.Executive
	if e.Commentary == "" {
		return nil
	}
	row := s.left
	if err := s.sectionTitle(row, "A", "L", "The chair's commentary, for "+e.CommentaryFrom); err != nil {
		return err
	}
	if err := s.span(row+1, "A", "L", e.Commentary, s.w.st.vision); err != nil {
		return err
	}
	s.left, s.right = row+3, row+3
	return nil
}

// movement writes overall health at the previous meeting beside today's,
// with the arrow, and the rule that sets it in words.
func (s *summary) movement(row int) error {
	w := s.w
	e := w.snap.Executive
	text := "No earlier meeting to compare with."
	if e.Previous != nil {
		text = fmt.Sprintf("At the previous meeting (%s): %s · now %s · %s", e.Previous.Date, e.PreviousHealth, w.snap.Health, models.Movement(e.PreviousHealth, w.snap.Health))
	}
	if err := s.span(row, "I", "L", text, w.st.label); err != nil {
		return err
	}
	return s.span(row+1, "A", "L", "How overall health is set: "+models.ProgrammeHealthRule, w.st.note)
}

// money writes the expected benefit by health (amber and red are the
// value at risk), budget against spend and benefit realised against
// expected, as amounts in the organisation's currency with totals.
func (s *summary) money() error {
	w := s.w
	m := w.snap.Money
	row := s.left
	if err := s.sectionTitle(row, "A", "G", "Money"); err != nil {
		return err
	}
	if err := s.put(fmt.Sprintf("A%d", row+1), "Benefit a year, under way", w.st.header); err != nil {
		return err
	}
	if err := s.span(row+1, "B", "C", "Amount", w.st.header); err != nil {
		return err
	}
	if err := s.put(fmt.Sprintf("D%d", row+1), "Share", w.st.header); err != nil {
		return err
	}
	r := row + 2
	for _, h := range models.Healths {
		if err := s.moneyLine(r, string(h), m.ExpectedByHealth[h], models.Share(m.ExpectedByHealth[h], m.OpenExpected())); err != nil {
			return err
		}
		r++
	}
	if err := s.w.f.SetConditionalFormat(sheetSummary, fmt.Sprintf("A%d:A%d", row+2, r-1), w.st.ragRules(w.st.healthWords())); err != nil {
		return err
	}
	if err := s.moneyTotal(r, "Total under way", m.OpenExpected()); err != nil {
		return err
	}
	if m.NotStarted > 0 {
		if err := s.line(r, "E", "G", "and "+models.FormatMoney(m.NotStarted, w.snap.Settings.Currency)+" a year in proposals not started", w.st.cell); err != nil {
			return err
		}
	}
	if err := s.line(r+1, "A", "G", fmt.Sprintf("Value at risk (amber and red): %s a year, %.0f%% of the expected benefit of the initiatives under way.",
		models.FormatMoney(m.AtRisk(), w.snap.Settings.Currency), 100*models.Share(m.AtRisk(), m.OpenExpected())), w.st.cell); err != nil {
		return err
	}
	s.keepTogether(row, r+1) // the benefit by health prints whole; spend and benefit realised may follow on the next page
	r += 3
	first := r
	for _, l := range []struct {
		what        string
		part, whole float64
		of          string
	}{
		{"Spend to date", m.Spend, m.Budget, "of the budget"},
		{"Benefit realised", m.Realised, m.Expected, "of the expected annual benefit of every initiative not cancelled"},
	} {
		if err := s.moneyLine(r, l.what, l.part, models.Share(l.part, l.whole)); err != nil {
			return err
		}
		if err := s.line(r, "E", "G", fmt.Sprintf("%s (%s)", l.of, models.FormatMoney(l.whole, w.snap.Settings.Currency)), w.st.cell); err != nil {
			return err
		}
		r++
	}
	if m.CancelledSpend > 0 {
		if err := s.line(r, "A", "G", fmt.Sprintf("Not counted above: %s spent on initiatives since cancelled.",
			models.FormatMoney(m.CancelledSpend, w.snap.Settings.Currency)), w.st.cell); err != nil {
			return err
		}
		r++
	}
	s.keepTogether(first, r-1)
	s.left = r + 1
	return nil
}

// moneyLine writes one amount with its share.
func (s *summary) moneyLine(r int, what string, amount, share float64) error {
	w := s.w
	if err := s.put(fmt.Sprintf("A%d", r), what, w.st.text); err != nil {
		return err
	}
	if err := s.span(r, "B", "C", "", w.st.money); err != nil {
		return err
	}
	if err := w.f.SetCellValue(sheetSummary, fmt.Sprintf("B%d", r), amount); err != nil {
		return err
	}
	return s.put(fmt.Sprintf("D%d", r), share, w.st.percent)
}

// moneyTotal writes a total line under the amounts above it.
func (s *summary) moneyTotal(r int, what string, amount float64) error {
	w := s.w
	if err := s.put(fmt.Sprintf("A%d", r), what, w.st.label); err != nil {
		return err
	}
	if err := s.span(r, "B", "C", "", w.st.total); err != nil {
		return err
	}
	return w.f.SetCellValue(sheetSummary, fmt.Sprintf("B%d", r), amount)
}

// risks lists the five highest open risks.
func (s *summary) risks() error {
	var rows [][4]string
	for _, r := range s.w.snap.Risks {
		if r.Open() {
			rows = append(rows, [4]string{summaryText(r.Title), models.OwnerOrNone(r.Owner),
				fmt.Sprintf("%d (%s)", r.Score(), models.Level(r.Score())), r.Trend + " · " + summaryText(r.Mitigation)})
		}
	}
	return s.rightList("Top risks", [4]string{"Risk", "Owner", "Score", "Trend and mitigation"}, rows, sheetRisks, "risks", nil)
}

// next30 lists what falls due in the next 30 days, and the next meeting.
func (s *summary) next30() error {
	o := s.w.snap.Next30
	type due struct {
		on  models.Date
		row [4]string
	}
	var items []due
	for _, i := range o.Milestones {
		items = append(items, due{i.DueDate, [4]string{i.Title, models.OwnerOrNone(i.Owner), i.DueDate.String(), "initiative due"}})
	}
	for _, d := range o.Reviews {
		items = append(items, due{d.ReviewDate, [4]string{d.Statement, models.OwnerOrNone(d.Owner), d.ReviewDate.String(), "decision due for review"}})
	}
	for _, a := range o.Actions {
		items = append(items, due{a.DueDate(), [4]string{a.Description, models.OwnerOrNone(a.Owner), a.DueDate().String(), "action due"}})
	}
	for _, d := range s.w.snap.Asks {
		if d.NeededBy.After(s.w.asOf.AddDays(30)) {
			continue
		}
		items = append(items, due{d.NeededBy, [4]string{d.Statement, models.OwnerOrNone(d.Owner), d.NeededBy.String(), "your decision needed"}})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].on.Before(items[j].on) })
	rows := make([][4]string, len(items))
	for i, it := range items {
		rows[i] = it.row
	}
	title := "Next 30 days"
	if o.NextMeeting != nil {
		title += " · next meeting " + o.NextMeeting.Date.String()
	}
	return s.rightList(title, [4]string{"What", "Owner", "Due", "Kind"}, rows, sheetInitiatives+", "+sheetDecisions+" and "+sheetActions, "items", nil)
}

// summaryText cuts long user text for the Summary with an ellipsis; the
// register sheets keep it whole.
func summaryText(text string) string { return models.Shorten(text, 160) }

// askText is summaryText for a decision the executives are asked to make:
// its options, recommendation and stakes are what they decide on, so far
// more of them is kept (a page's worth of a cell, not a line's).
func askText(text string) string { return models.Shorten(text, 600) }
