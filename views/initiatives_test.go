package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"cxcommittee/app"
	"cxcommittee/models"
)

func openInitiatives(t *testing.T) (*mainWindow, *app.Store) {
	m, s := openApp(t, true)
	m.showSection(m.initiatives)
	return m, s
}

func TestInitiativeCreate(t *testing.T) {
	m, _ := openInitiatives(t)
	test.Tap(button(t, m.body, "New"))
	f := topForm(t, m)
	set(t, f, "Title", "Chat in the app")
	choose(t, f, "Owner", "Lukas Novak")
	choose(t, f, "Journey", "Getting help")
	save(t, m)
	noDialog(t, m)
	if !hasRow(m.initiatives.reg, 0, "Chat in the app") {
		t.Error("the new initiative is not in the register")
	}
}

func TestInitiativeInvalidInputIsRefusedWithItsMessage(t *testing.T) {
	m, _ := openInitiatives(t)
	m.initiatives.newRecord()
	f := topForm(t, m)
	if strings.Contains(texts(top(t, m)), "initiative title is required") {
		t.Error("the form complains before anything is typed")
	}
	pressSave(t, m)
	if !strings.Contains(texts(top(t, m)), "initiative title is required") {
		t.Error("the form does not say the title is required")
	}
	if !button(t, top(t, m), "Save").Disabled() {
		t.Error("Save stays enabled once the form said what is missing")
	}
	set(t, f, "Title", "Website accessibility fixes")
	choose(t, f, "Health", "red")
	if !button(t, top(t, m), "Save").Disabled() {
		t.Error("Save is enabled for red health without a reason")
	}
	if !strings.Contains(texts(top(t, m)), "a reason is required when health is red") {
		t.Errorf("missing reason message; dialog says:\n%s", texts(top(t, m)))
	}
	set(t, f, "Health reason", "Audit found 40 issues")
	set(t, f, "Start date", "2026-03-01")
	set(t, f, "Due date", "2026-01-01")
	if !strings.Contains(texts(top(t, m)), "due date 2026-01-01 is before start date 2026-03-01") {
		t.Error("no message for a due date before the start")
	}
	set(t, f, "Due date", "2026-13-01")
	if !strings.Contains(texts(top(t, m)), "a year has months 01 to 12") {
		t.Error("no message for a month the calendar does not have")
	}
	set(t, f, "Due date", "1 Dec 2026")
	if !strings.Contains(texts(top(t, m)), "not a date in the form YYYY-MM-DD") {
		t.Error("no message for a malformed date")
	}
	set(t, f, "Due date", "2026-12-01")
	save(t, m)
	noDialog(t, m)
}

func TestInitiativeFilterAndStatusFilter(t *testing.T) {
	m, _ := openInitiatives(t)
	r := m.initiatives.reg
	test.Type(r.filter, "mei lin")
	if len(r.shown) != 2 {
		t.Errorf("filter 'mei lin' shows %d rows, want Mei Lin's 2", len(r.shown))
	}
	r.filter.SetText("")
	r.statusSel.SetSelected("done")
	if len(r.shown) != 2 || !hasRow(r, 0, "Plain-language bills") {
		t.Errorf("status done shows %d rows", len(r.shown))
	}
	r.statusSel.SetSelected(allChoice)
	if len(r.shown) != 15 {
		t.Errorf("all shows %d rows, want 15", len(r.shown))
	}
}

func TestInitiativeSortByHeader(t *testing.T) {
	m, _ := openInitiatives(t)
	r := m.initiatives.reg
	r.sortBy(2) // health: green first
	if r.shown[0].Health != models.HealthGreen {
		t.Errorf("first by health = %s", r.shown[0].Health)
	}
	r.sortBy(2) // again: red first
	if r.shown[0].Health != models.HealthRed {
		t.Errorf("first by health, reversed = %s", r.shown[0].Health)
	}
}

func TestInitiativeEdit(t *testing.T) {
	m, s := openInitiatives(t)
	r := m.initiatives.reg
	selectRow(t, r, "Paperless move-out")
	test.Tap(r.edit)
	test.Tap(button(t, top(t, m), "Edit"))
	f := topForm(t, m)
	set(t, f, "Title", "Paperless move-out and move-in")
	save(t, m)
	rows, _ := s.InitiativeRows(testDay)
	found := false
	for _, row := range rows {
		found = found || row.Title == "Paperless move-out and move-in"
	}
	if !found || !hasRow(r, 0, "Paperless move-out and move-in") {
		t.Error("the edit was not saved and shown")
	}
}

func TestInitiativeDeleteAsksAndSaysWhatIsAffected(t *testing.T) {
	m, s := openInitiatives(t)
	r := m.initiatives.reg
	selectRow(t, r, "Bill shock alerts")
	test.Tap(r.del)
	msg := texts(top(t, m))
	if !strings.Contains(msg, "2 status updates") || !strings.Contains(msg, "1 action") {
		t.Errorf("confirmation does not say what is affected:\n%s", msg)
	}
	test.Tap(button(t, top(t, m), "Delete"))
	if hasRow(r, 0, "Bill shock alerts") {
		t.Error("the initiative is still listed")
	}
	rows, _ := s.InitiativeRows(testDay)
	if len(rows) != 14 {
		t.Errorf("%d initiatives stored, want 14", len(rows))
	}
}

func TestInitiativeConflictOffersReload(t *testing.T) {
	m, s := openInitiatives(t)
	r := m.initiatives.reg
	selectRow(t, r, "Paperless move-out")
	row, _ := r.current()
	m.initiatives.openEditor(row.ID)
	// Someone else saves meanwhile.
	other, _ := s.Initiative(row.ID)
	other.Description = "changed elsewhere"
	if err := s.SaveInitiative(&other, nil); err != nil {
		t.Fatal(err)
	}
	f := topForm(t, m)
	set(t, f, "Title", "My edit")
	test.Tap(button(t, top(t, m), "Save"))
	msg := texts(top(t, m))
	if !strings.Contains(msg, "changed by someone else") || !strings.Contains(msg, "Reload") {
		t.Fatalf("no conflict message:\n%s", msg)
	}
	stored, _ := s.Initiative(row.ID)
	if stored.Title != "Paperless move-out" {
		t.Errorf("the stale edit overwrote the record: %q", stored.Title)
	}
	test.Tap(button(t, top(t, m), "Yes"))
	if got := field(t, topForm(t, m), "Customer problem").(*escEntry).Text; got != "changed elsewhere" {
		t.Errorf("reloaded form shows %q, want the saved change", got)
	}
}

func TestInitiativeDetailShowsTheExpectedBenefitAndMoney(t *testing.T) {
	t.Setenv("LC_ALL", "en_GB.UTF-8")
	m, s := openInitiatives(t)
	owner := uint(1)
	ini := &models.Initiative{Title: "Callback pilot", OwnerID: &owner, Status: models.InitiativeActive, Health: models.HealthGreen, StartDate: testDay,
		ExpectedBenefit: 1250000, Budget: 400000, SpendToDate: 100000, RealisedBenefit: 20000}
	if err := app.Create(s, ini); err != nil {
		t.Fatal(err)
	}
	m.initiatives.openDetail(ini.ID)
	got := texts(top(t, m))
	for _, want := range []string{"€1,250,000 a year", "budget €400,000 · spent €100,000 (25%) · benefit realised €20,000"} {
		if !strings.Contains(got, want) {
			t.Errorf("the detail does not show %q:\n%s", want, got)
		}
	}
}

func TestInitiativeFormEditsTheMoney(t *testing.T) {
	t.Setenv("LC_ALL", "en_GB.UTF-8")
	m, s := openInitiatives(t)
	m.initiatives.edit(models.Initiative{Status: models.InitiativeActive, Health: models.HealthGreen}, nil)
	f := topForm(t, m)
	set(t, f, "Title", "Callback pilot")
	set(t, f, "Budget", "400,000")
	set(t, f, "Spend to date", "-5")
	pressSave(t, m)
	if !strings.Contains(texts(top(t, m)), "spend to date must be a number that is not negative") {
		t.Errorf("a negative spend is not refused in words:\n%s", texts(top(t, m)))
	}
	set(t, f, "Spend to date", "120000.5")
	set(t, f, "Benefit realised so far", "15000")
	save(t, m)
	list, _ := app.List[models.Initiative](s, "id")
	got := list[len(list)-1]
	if got.Title != "Callback pilot" || got.Budget != 400000 || got.SpendToDate != 120000.5 || got.RealisedBenefit != 15000 {
		t.Errorf("saved %q with budget %v, spend %v, realised %v", got.Title, got.Budget, got.SpendToDate, got.RealisedBenefit)
	}
}
