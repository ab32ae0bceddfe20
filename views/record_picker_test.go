package views

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// pickerList returns the list and filter of the open picker dialog.
func pickerList(t *testing.T, m *mainWindow) (*widget.List, *escEntry) {
	t.Helper()
	var l *widget.List
	var e *escEntry
	walk(top(t, m), func(x fyne.CanvasObject) bool {
		switch w := x.(type) {
		case *widget.List:
			l = w
		case *escEntry:
			e = w
		}
		return true
	})
	if l == nil || e == nil {
		t.Fatalf("no picker dialog open:\n%s", texts(top(t, m)))
	}
	return l, e
}

func TestActionLinksTheDecisionJustRecorded(t *testing.T) {
	m, s := openApp(t, true)
	for i := range 40 { // many decisions: more than a window holds
		d := &models.Decision{Statement: fmt.Sprintf("Decision number %d of the backlog", i), Status: models.DecisionApproved, DecidedOn: testDay}
		if err := app.Create(s, d); err != nil {
			t.Fatal(err)
		}
	}
	newest := &models.Decision{Statement: "Fund the callback pilot", Status: models.DecisionApproved, DecidedOn: testDay}
	if err := app.Create(s, newest); err != nil {
		t.Fatal(err)
	}
	m.win.Resize(fyne.NewSize(900, 600))
	m.showSection(m.decisions)
	m.decisions.tabs.tabs.SelectIndex(1)
	m.decisions.newRecord()
	f := topForm(t, m)
	picker := field(t, f, "Decision").(*recordPicker)
	test.Tap(picker.open)
	dlg := top(t, m)
	if size := dlg.Size(); size.Height > 600 || size.Width > 900 {
		t.Errorf("the picker is %v, larger than the 900x600 window", size)
	}
	list, filter := pickerList(t, m)
	if list.Length() < 42 {
		t.Errorf("the picker offers %d decisions, want every one", list.Length())
	}
	if got := pickerOption(list, 1); !strings.Contains(got, "Fund the callback pilot") {
		t.Errorf("the newest decision is not first after (none): %q", got)
	}
	test.Type(filter, "callback")
	if list.Length() != 1 {
		t.Fatalf("filter 'callback' leaves %d decisions, want 1", list.Length())
	}
	list.Select(0)
	if m.win.Canvas().Overlays().Top() == dlg {
		t.Error("choosing did not close the picker")
	}
	if got := picker.selected(); !strings.Contains(got, "Fund the callback pilot") {
		t.Errorf("picker shows %q", got)
	}
	set(t, f, "Action (start with a verb)", "Brief the callback team")
	choose(t, f, "Owner", "Priya Shah")
	save(t, m)
	actions, _ := app.List[models.ActionItem](s, "id")
	last := actions[len(actions)-1]
	if last.DecisionID == nil || *last.DecisionID != newest.ID {
		t.Errorf("action linked to %v, want decision %d", last.DecisionID, newest.ID)
	}
}

// pickerOption is the text of row i of a picker's list.
func pickerOption(l *widget.List, i int) string {
	row := l.CreateItem()
	l.UpdateItem(i, row)
	return texts(row)
}

func TestLinkedTargetsPickManyAndFilter(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.initiatives)
	m.initiatives.newRecord()
	f := topForm(t, m)
	set(t, f, "Title", "Self-service returns")
	picker := field(t, f, "Linked targets").(*recordPicker)
	test.Tap(picker.open)
	list, filter := pickerList(t, m)
	test.Type(filter, "promoter")
	list.Select(0)
	filter.SetText("churn")
	list.Select(0)
	test.Tap(button(t, top(t, m), "Done"))
	if got := picker.selected(); got != "Customer churn rate; Net Promoter Score" {
		t.Errorf("picker shows %q", got)
	}
	save(t, m)
	inis, _ := app.List[models.Initiative](s, "id")
	ini, _ := s.Initiative(inis[len(inis)-1].ID)
	if len(ini.Targets) != 2 {
		t.Errorf("initiative linked to %d targets, want 2", len(ini.Targets))
	}
}

func TestEscapeClosesThePickerNotTheForm(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.decisions)
	m.decisions.tabs.tabs.SelectIndex(1)
	m.decisions.newRecord()
	form := top(t, m)
	test.Tap(field(t, topForm(t, m), "Owner").(*recordPicker).open)
	_, filter := pickerList(t, m)
	filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top(t, m) != form {
		t.Error("Escape in the picker's filter did not bring back the form")
	}
}
