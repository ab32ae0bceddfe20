package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestJourneyPageShowsOwnerInitiativesTargetsAndCoverage(t *testing.T) {
	m, _ := openApp(t, true)
	openJourneyPage := func(priority string) string {
		t.Helper()
		m.showSection(m.journeys)
		selectRow(t, m.journeys.reg, priority)
		test.Tap(button(t, m.sections[m.current].built, "Open"))
		return texts(top(t, m))
	}
	page := openJourneyPage("4") // Moving home
	for _, want := range []string{"Sofia Rossi", "Proactive move-in notifications", "Paperless move-out",
		"No active initiative serves this journey", "Targets its initiatives move"} {
		if !strings.Contains(page, want) {
			t.Errorf("the Moving home page does not show %q:\n%s", want, page)
		}
	}
	test.Tap(button(t, top(t, m), "Close"))
	noDialog(t, m)

	page = openJourneyPage("1") // Joining us
	if !strings.Contains(page, "An active initiative serves this journey.") || !strings.Contains(page, "Net Promoter Score") {
		t.Errorf("the Joining us page does not say it is covered or name its targets:\n%s", page)
	}
	data, err := m.store.JourneyPage(m.journeys.reg.shown[m.journeys.reg.selected].ID, testDay)
	if err != nil || len(data.Initiatives) == 0 {
		t.Fatalf("no initiatives on Joining us: %v", err)
	}
	title := data.Initiatives[0].Title
	click(linkTo(t, top(t, m), title))
	if !strings.Contains(texts(top(t, m)), "Status history") {
		t.Errorf("tapping %q on the journey page did not open its detail", title)
	}
}
