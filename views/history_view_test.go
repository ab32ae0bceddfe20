package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"cxcommittee/app"
	"cxcommittee/app/testserver"
	"cxcommittee/models"
)

func TestRecordsShowTheirHistory(t *testing.T) {
	m, s := openApp(t, true)
	s.ActAs(&app.Actor{Name: "Priya Shah"})
	rows, _ := s.InitiativeRows(testDay)
	ini, _ := app.Get[models.Initiative](s, rows[0].ID)
	ini.Title += " (renamed)"
	if err := app.Update(s, &ini); err != nil {
		t.Fatal(err)
	}
	m.initiatives.openDetail(ini.ID)
	var tabs *container.AppTabs
	walk(top(t, m), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*container.AppTabs); ok {
			tabs = x
		}
		return tabs == nil
	})
	if tabs == nil {
		t.Fatal("the initiative's detail has no tabs")
	}
	tabs.SelectIndex(1)
	if msg := texts(tabs.Items[1].Content); !strings.Contains(msg, "Priya Shah · edit") || !strings.Contains(msg, "(renamed)") {
		t.Errorf("the History tab does not show the rename:\n%s", msg)
	}
	m.closeTopDialog()

	// Every saved record's form offers its history.
	m.show(5) // Committee
	selectRow(t, m.committee.members, "Priya Shah")
	test.Tap(m.committee.members.edit)
	test.Tap(button(t, top(t, m), "History…"))
	if msg := texts(top(t, m)); !strings.Contains(msg, "created") || !strings.Contains(msg, "demo") {
		t.Errorf("the member's history dialog shows:\n%s", msg)
	}
}

func TestSettingsMovesTheCommitteeToASharedDatabase(t *testing.T) {
	server := testserver.Database(t)
	m, s := openApp(t, true)
	m.show(len(m.sections) - 1)
	test.Tap(button(t, m.sections[len(m.sections)-1].built, "Move to a shared database…"))
	f := topForm(t, m)
	set(t, f, "Server database", "not a url")
	test.Tap(button(t, top(t, m), "Copy the committee"))
	if msg := texts(top(t, m)); strings.Contains(msg, "is now in") || !button(t, top(t, m), "Copy the committee").Disabled() {
		t.Errorf("a bad URL was submitted:\n%s", msg)
	}
	set(t, f, "Server database", server)
	test.Tap(button(t, top(t, m), "Copy the committee"))
	if msg := texts(top(t, m)); !strings.Contains(msg, "is now in") {
		t.Fatalf("no confirmation:\n%s", msg)
	}
	shared, err := app.OpenReadOnly(server)
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Close()
	want, _ := s.Check(testDay)
	got, _ := shared.Check(testDay)
	if len(got.Checks) != len(want.Checks) || got.Failed() != want.Failed() {
		t.Errorf("the shared copy checks %d/%d, the file %d/%d", got.Failed(), len(got.Checks), want.Failed(), len(want.Checks))
	}
}
