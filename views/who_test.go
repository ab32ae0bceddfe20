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

func TestTheAppAsksWhoYouAreOncePerDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	s, err := app.Open(t.TempDir() + "/committee.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.LoadDemo(testDay); err != nil {
		t.Fatal(err)
	}
	open := func() *mainWindow {
		w := test.NewTempWindow(t, widget.NewLabel(""))
		w.Resize(fyne.NewSize(1200, 800))
		m := newMainWindow(w, s, func() models.Date { return testDay }, inPlace{})
		m.who = newWhoYouAre(m.env, a.Preferences())
		m.start()
		return m
	}
	m := open()
	f := topForm(t, m)
	choose(t, f, "You are", "Priya Shah")
	test.Tap(button(t, top(t, m), "That's me"))
	noDialog(t, m)
	if m.who.button.Text != "Priya Shah" {
		t.Errorf("the sidebar shows %q, want the chosen member", m.who.button.Text)
	}
	rows, _ := s.InitiativeRows(testDay)
	ini, _ := app.Get[models.Initiative](s, rows[0].ID)
	ini.Description = "edited at Priya's desk"
	if err := app.Update(s, &ini); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(app.HistoryFilter{Kind: models.RecordInitiative, ID: ini.ID})
	if last := h[len(h)-1]; last.Author != "Priya Shah" {
		t.Errorf("the change was recorded as %q, want Priya Shah", last.Author)
	}
	// The post-update form offers her as the author.
	m.initiatives.postUpdateFor(ini.ID)
	if got := field(t, topForm(t, m), "Author").(*recordPicker).selected(); got != "Priya Shah" {
		t.Errorf("the update's author defaults to %q", got)
	}
	m.closeTopDialog()

	// The next open of the same database remembers her.
	again := open()
	if o := again.win.Canvas().Overlays().Top(); o != nil && strings.Contains(texts(o), "You are") {
		t.Error("the app asked again for the same database")
	}
	if again.who.button.Text != "Priya Shah" {
		t.Errorf("the second open shows %q", again.who.button.Text)
	}
}

// An open form hears at once that another desk saved its record.
func TestOpenFormSaysWhenAnotherDeskSavedItsRecord(t *testing.T) {
	m, s := openApp(t, true)
	m.show(1)
	selectRow(t, m.initiatives.reg, "Paperless move-out")
	row, _ := m.initiatives.reg.current()
	m.initiatives.openEditor(row.ID)
	other, _ := s.Initiative(row.ID)
	other.Description = "saved on another desk"
	if err := s.SaveInitiative(&other, nil); err != nil {
		t.Fatal(err)
	}
	m.heardOfChange()()
	msg := texts(top(t, m))
	if !strings.Contains(msg, "changed by someone else") || !strings.Contains(msg, "Reload") {
		t.Fatalf("the open form was not told:\n%s", msg)
	}
	test.Tap(button(t, top(t, m), "Yes"))
	if got := field(t, topForm(t, m), "Customer problem").(*escEntry).Text; got != "saved on another desk" {
		t.Errorf("the reloaded form shows %q", got)
	}
}

// What is being typed in Settings survives another desk's change.
func TestSettingsBeingTypedSurviveAnotherDesksChange(t *testing.T) {
	m, s := openApp(t, true)
	m.show(len(m.sections) - 1)
	f := m.settings.form.form
	set(t, f, "Organisation", "Northwind Utilities plc")
	d := models.Department{Name: "Legal services"}
	if err := app.Create(s, &d); err != nil {
		t.Fatal(err)
	}
	m.heardOfChange()()
	if got := field(t, m.settings.form.form, "Organisation").(*escEntry).Text; got != "Northwind Utilities plc" {
		t.Errorf("what was typed became %q", got)
	}
}

// The organisation's currency is set in Settings, refused in words when it
// is not a currency code, and used for money from then on.
func TestSettingsSetTheCurrency(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.settings)
	f := m.settings.form.form
	set(t, f, "Currency (ISO code, e.g. EUR, GBP, USD)", "pounds")
	test.Tap(button(t, m.settings.body, "Save settings"))
	if !strings.Contains(texts(m.settings.body), "currency must be a three-letter code") {
		t.Errorf("a wrong currency is not refused in words:\n%s", texts(m.settings.body))
	}
	set(t, m.settings.form.form, "Currency (ISO code, e.g. EUR, GBP, USD)", "gbp")
	test.Tap(button(t, m.settings.body, "Save settings"))
	if p, _, _ := s.Settings(); p.Currency != "GBP" {
		t.Errorf("currency saved as %q, want GBP", p.Currency)
	}
}
