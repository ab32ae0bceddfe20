package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"cxcommittee/app"
	"cxcommittee/models"
)

// longText is 200 characters of words, the most a title holds.
var longText = strings.Repeat("Replace the legacy billing letters ", 6)[:200]

// fitsWindow fails when the top dialog is, or wants to be, wider than the window.
func fitsWindow(t *testing.T, m *mainWindow, what string) {
	t.Helper()
	d := top(t, m)
	win := m.win.Canvas().Size().Width
	if d.Size().Width > win || d.MinSize().Width > win {
		t.Errorf("%s is %v wide (at least %v), wider than the %v window", what, d.Size().Width, d.MinSize().Width, win)
	}
}

func TestDetailDialogsNeverOutgrowTheWindow(t *testing.T) {
	m, s := openApp(t, true)
	m.win.Resize(fyne.NewSize(1000, 700))
	owner := uint(1)
	ini := &models.Initiative{OwnerID: &owner, Title: longText, Status: models.InitiativeActive, Health: models.HealthRed, HealthReason: longText, Pillar: longText, StartDate: testDay}
	if err := app.Create(s, ini); err != nil {
		t.Fatal(err)
	}
	if err := s.PostStatusUpdate(&models.StatusUpdate{InitiativeID: ini.ID, Date: testDay, Health: models.HealthRed, Note: longText, AuthorID: ini.OwnerID}); err != nil {
		t.Fatal(err)
	}
	m.showSection(m.initiatives)
	m.initiatives.openDetail(ini.ID)
	fitsWindow(t, m, "the initiative detail")
	test.Tap(button(t, top(t, m), "Post update"))
	fitsWindow(t, m, "Post update")
	m.closeTopDialog()
	m.closeTopDialog()
	selectRow(t, m.initiatives.reg, longText)
	test.Tap(m.initiatives.reg.del)
	fitsWindow(t, m, "the delete confirmation")
	m.closeTopDialog()

	tg := &models.Target{Name: longText[:120], Kind: models.KindPerception, Direction: models.DirectionIncrease, TargetValue: 10, TargetDate: testDay.AddMonths(6)}
	if err := s.SaveTarget(tg); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordMeasurement(&models.Measurement{TargetID: tg.ID, Date: testDay, Value: 4, Note: longText}); err != nil {
		t.Fatal(err)
	}
	m.showSection(m.targets)
	m.targets.openDetail(tg.ID)
	fitsWindow(t, m, "the target detail")
}

func TestALongMessageDoesNotWidenTheForm(t *testing.T) {
	m, _ := openApp(t, true)
	m.win.Resize(fyne.NewSize(800, 600))
	m.showSection(m.targets)
	test.Tap(button(t, m.body, "New"))
	set(t, topForm(t, m), "Target value", strings.Repeat("9,9", 80))
	pressSave(t, m)
	if !strings.Contains(texts(top(t, m)), "is ambiguous") {
		t.Fatalf("the bad number is not refused:\n%s", texts(top(t, m)))
	}
	fitsWindow(t, m, "the form with a long message")
}
