package views

import (
	"testing"

	"cxcommittee/app"
	"cxcommittee/models"
)

func TestRiskRegisterListsHighestFirstAndRaisesARisk(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.risks)
	r := m.risks.reg
	if len(r.shown) != 7 || r.shown[0].Score() < r.shown[1].Score() {
		t.Fatalf("the register shows %d risks, highest first? %v", len(r.shown), r.shown)
	}
	if r.shown[0].Trend != "rising" {
		t.Errorf("the top risk's trend since the last meeting is %q, want rising", r.shown[0].Trend)
	}
	r.statusSel.SetSelected(openRisks)
	for _, row := range r.shown {
		if !row.Open() {
			t.Errorf("the open filter shows the closed risk %q", row.Title)
		}
	}
	r.statusSel.SetSelected(allChoice)
	m.risks.newRecord()
	f := topForm(t, m)
	set(t, f, "Risk", "Winter storms delay engineer visits")
	choose(t, f, "Likelihood (1 rare … 5 almost certain)", "4")
	choose(t, f, "Impact (1 minor … 5 severe)", "3")
	save(t, m)
	list, _ := app.List[models.Risk](s, "id")
	got := list[len(list)-1]
	if got.Title != "Winter storms delay engineer visits" || got.Score() != 12 || got.Status != models.RiskOpen {
		t.Errorf("saved %+v", got)
	}
	if len(m.risks.reg.all) != 8 {
		t.Errorf("the register has %d risks after saving, want 8", len(m.risks.reg.all))
	}
}
