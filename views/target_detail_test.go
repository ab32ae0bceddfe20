package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// measurementButtons returns the Edit and Delete buttons of the listed
// measurement whose line starts with line.
func measurementButtons(t *testing.T, o fyne.CanvasObject, line string) (edit, del *widget.Button) {
	t.Helper()
	walk(o, func(x fyne.CanvasObject) bool {
		c, ok := x.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			return true
		}
		l, isLabel := c.Objects[0].(*widget.Label)
		box, isBox := c.Objects[1].(*fyne.Container)
		if isLabel && isBox && strings.HasPrefix(l.Text, line) && len(box.Objects) == 2 {
			edit, del = box.Objects[0].(*widget.Button), box.Objects[1].(*widget.Button)
			return false
		}
		return true
	})
	if edit == nil {
		t.Fatalf("no measurement %q listed with its buttons:\n%s", line, texts(o))
	}
	return edit, del
}

// openNPS opens the detail of the sample's Net Promoter Score.
func openNPS(t *testing.T) (*mainWindow, *app.Store, []models.Measurement) {
	t.Helper()
	m, s := openApp(t, true)
	m.showSection(m.targets)
	selectRow(t, m.targets.reg, "Net Promoter Score")
	row, _ := m.targets.reg.current()
	ms, err := s.Measurements(row.Target.ID)
	if err != nil || len(ms) == 0 {
		t.Fatalf("no measurements: %v", err)
	}
	m.targets.openDetail(row.Target.ID)
	return m, s, ms
}

func TestMeasurementIsEditedWithHistory(t *testing.T) {
	m, s, ms := openNPS(t)
	last := ms[len(ms)-1]
	edit, _ := measurementButtons(t, top(t, m), last.Date.String())
	test.Tap(edit)
	f := topForm(t, m)
	if got := field(t, f, "Value (—)").(*escEntry).Text; got != models.FormatNumber(last.Value) {
		t.Errorf("the edit form shows %q, want the reading %v", got, last.Value)
	}
	set(t, f, "Value (—)", "33")
	save(t, m)
	after, _ := s.Measurements(last.TargetID)
	if got := after[len(after)-1]; got.ID != last.ID || got.Value != 33 || len(after) != len(ms) {
		t.Errorf("edit stored %+v (of %d), want reading %d at 33", got, len(after), last.ID)
	}
	if !strings.Contains(texts(top(t, m)), last.Date.String()+"   33") {
		t.Error("the detail does not show the edited reading")
	}
	hist, _ := s.History(app.HistoryFilter{Kind: models.RecordMeasurement, ID: last.ID})
	if len(hist) == 0 {
		t.Error("the edit is not in the history")
	}
}

func TestMeasurementDeleteNamesTheReading(t *testing.T) {
	m, s, ms := openNPS(t)
	first := ms[0]
	_, del := measurementButtons(t, top(t, m), first.Date.String())
	test.Tap(del)
	want := "Delete the measurement " + models.FormatValue(first.Value, "") + " on " + first.Date.String() + "?"
	if msg := texts(top(t, m)); !strings.Contains(msg, want) {
		t.Fatalf("the confirmation does not name the reading (%q):\n%s", want, msg)
	}
	test.Tap(button(t, top(t, m), "Delete"))
	after, _ := s.Measurements(first.TargetID)
	if len(after) != len(ms)-1 {
		t.Errorf("%d measurements left, want %d", len(after), len(ms)-1)
	}
	if !strings.Contains(texts(top(t, m)), "Measurements (11)") {
		t.Errorf("the detail still lists the deleted reading:\n%s", texts(top(t, m)))
	}
	hist, _ := s.History(app.HistoryFilter{Kind: models.RecordMeasurement, ID: first.ID})
	if len(hist) == 0 {
		t.Error("the deletion is not in the history")
	}
}

func TestChartLegendClearsTheDatesAndPathDiffersFromBaseline(t *testing.T) {
	_ = test.NewTempApp(t)
	base := 20.0
	tg := models.Target{Name: "NPS", BaselineValue: &base, BaselineDate: testDay.AddMonths(-12), TargetValue: 40, TargetDate: testDay.AddMonths(12)}
	chart := newTargetChart(tg, []models.Measurement{{Date: testDay.AddMonths(-6), Value: 25}, {Date: testDay, Value: 30}})
	test.NewTempWindow(t, chart).Resize(fyne.NewSize(500, 320)) // as wide as in the target detail
	r := test.WidgetRenderer(chart).(*chartRenderer)
	firstDate := r.labels[2]
	for _, l := range r.labels[4:] {
		overlapX := l.Position().X < firstDate.Position().X+firstDate.MinSize().Width && firstDate.Position().X < l.Position().X+l.MinSize().Width
		overlapY := l.Position().Y < firstDate.Position().Y+firstDate.MinSize().Height && firstDate.Position().Y < l.Position().Y+l.MinSize().Height
		if overlapX && overlapY {
			t.Errorf("legend %q overlaps the first date %q", l.Text, firstDate.Text)
		}
	}
	if r.baseLine.StrokeColor == r.path[0].StrokeColor {
		t.Error("the baseline and the expected path are drawn alike")
	}
}

// A reading may be typed with its target's unit, as the app writes it.
func TestReadingMayBeTypedWithItsUnit(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.targets)
	selectRow(t, m.targets.reg, "Customer churn rate")
	row, _ := m.targets.reg.current()
	if row.Target.Unit != "%" {
		t.Fatalf("the sample's churn rate is in %q", row.Target.Unit)
	}
	before, _ := s.Measurements(row.Target.ID)
	m.targets.openDetail(row.Target.ID)
	test.Tap(button(t, top(t, m), "Add measurement"))
	f := topForm(t, m)
	set(t, f, "Date", "2026-11-22")
	set(t, f, "Value (%)", "6.5%")
	save(t, m)
	after, _ := s.Measurements(row.Target.ID)
	if len(after) != len(before)+1 || after[len(after)-1].Value != 6.5 {
		t.Errorf("typing 6.5%% left %d readings (%d before), the last %+v", len(after), len(before), after[max(0, len(after)-1):])
	}
}

// A second reading on a day that has one is refused in words: edit the
// first instead.
func TestASecondReadingOnADayIsRefused(t *testing.T) {
	m, s, ms := openNPS(t)
	last := ms[len(ms)-1]
	test.Tap(button(t, top(t, m), "Add measurement"))
	f := topForm(t, m)
	set(t, f, "Date", last.Date.String())
	set(t, f, "Value (—)", "40")
	pressSave(t, m)
	if got := texts(top(t, m)); !strings.Contains(got, "there is already a reading on "+last.Date.String()) {
		t.Errorf("a second reading on %s was not refused in words:\n%s", last.Date, got)
	}
	if after, _ := s.Measurements(last.TargetID); len(after) != len(ms) {
		t.Errorf("%d readings after, %d before", len(after), len(ms))
	}
}
