package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cxcommittee/models"
)

func TestTargetCreateAndInvalidInput(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.targets)
	test.Tap(button(t, m.body, "New"))
	f := topForm(t, m)
	set(t, f, "Name", "Digital self-service rate")
	set(t, f, "Unit", "%")
	set(t, f, "Baseline value", "40")
	set(t, f, "Target value", "30")
	if !strings.Contains(texts(top(t, m)), "target value 30 is below the baseline 40, but the target should increase") {
		t.Errorf("no direction message:\n%s", texts(top(t, m)))
	}
	pressSave(t, m)
	if !button(t, top(t, m), "Save").Disabled() {
		t.Error("Save enabled for an invalid target once tried")
	}
	set(t, f, "Target value", "55")
	choose(t, f, "Parent target", "Cost to serve per customer")
	save(t, m)
	noDialog(t, m)
	if !hasRow(m.targets.reg, 0, "Digital self-service rate") {
		t.Error("new target not listed")
	}
	r := m.targets.reg
	r.statusSel.SetSelected(string(models.TargetNoData))
	if !hasRow(r, 0, "Digital self-service rate") || len(r.shown) != 1 {
		t.Errorf("no-data filter shows %d rows", len(r.shown))
	}
}

func TestTargetDetailAddsMeasurementAndWalksHierarchy(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.targets)
	selectRow(t, m.targets.reg, "Net Promoter Score")
	test.Tap(m.targets.reg.edit)
	detail := top(t, m)
	if !strings.Contains(texts(detail), "Measurements (12)") {
		t.Errorf("detail does not list the 12 measurements:\n%s", texts(detail))
	}
	test.Tap(button(t, detail, "Add measurement"))
	f := topForm(t, m)
	set(t, f, "Value (—)", "140")
	if !strings.Contains(texts(top(t, m)), "measured value 140 is above the scale maximum 100") {
		t.Error("out-of-scale value not refused with its message")
	}
	set(t, f, "Value (—)", "32")
	set(t, f, "Sample size", "800")
	save(t, m)
	if !strings.Contains(texts(top(t, m)), "Measurements (13)") {
		t.Error("the new measurement is not shown")
	}
	rows, _ := s.Scorecard(testDay)
	for _, r := range rows {
		if r.Target.Name == "Net Promoter Score" && (r.Reading.Current != 32 || r.Reading.Status != models.TargetOnTrack) {
			t.Errorf("NPS now %v %s, want 32 on track", r.Reading.Current, r.Reading.Status)
		}
	}
	// Walk up the hierarchy: NPS feeds churn.
	click(linkTo(t, top(t, m), "↑ Customer churn rate"))
	if !strings.Contains(texts(top(t, m)), "Customer churn rate 6.82%") {
		t.Errorf("parent not shown:\n%s", texts(top(t, m)))
	}
}

func TestTargetDelete(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.targets)
	selectRow(t, m.targets.reg, "Move-in set up on time")
	test.Tap(m.targets.reg.del)
	if msg := texts(top(t, m)); !strings.Contains(msg, "12 measurements") {
		t.Errorf("impact not stated:\n%s", msg)
	}
	test.Tap(button(t, top(t, m), "Delete"))
	if hasRow(m.targets.reg, 0, "Move-in set up on time") {
		t.Error("target still listed")
	}
}
