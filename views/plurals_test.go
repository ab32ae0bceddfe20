package views

import (
	"strings"
	"testing"

	"cxcommittee/app"
	"cxcommittee/models"
)

func TestCountsReadRightInTheRegistersAndDetails(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.initiatives)
	r := m.initiatives.reg
	all := len(r.all)
	r.filter.SetText("Paperless move-out")
	if want := "1 of " + itoa(all) + " records"; r.count.Text != want {
		t.Errorf("count reads %q, want %q", r.count.Text, want)
	}
	owner := uint(1)
	ini := &models.Initiative{Title: "Callback pilot", OwnerID: &owner, Status: models.InitiativeActive, Health: models.HealthGreen, StartDate: testDay}
	if err := app.Create(s, ini); err != nil {
		t.Fatal(err)
	}
	if err := s.PostStatusUpdate(&models.StatusUpdate{InitiativeID: ini.ID, Date: testDay, Health: models.HealthGreen, AuthorID: &owner}); err != nil {
		t.Fatal(err)
	}
	m.initiatives.openDetail(ini.ID)
	if got := texts(top(t, m)); !strings.Contains(got, "Status history (1 update)") {
		t.Errorf("the detail does not say 1 update:\n%s", got)
	}
}
