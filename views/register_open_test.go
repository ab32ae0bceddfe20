package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cellLabels returns the labels of the register's drawn cells by text.
func cellLabels(o fyne.CanvasObject) map[string]*widget.Label {
	cells := map[string]*widget.Label{}
	walk(o, func(x fyne.CanvasObject) bool {
		if b, ok := x.(*badge); ok && b.Visible() {
			cells[b.label.Text] = b.label
		}
		return true
	})
	return cells
}

func TestRegisterDatesAreNotCut(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.initiatives)
	r := m.initiatives.reg
	due := r.cols[7].text(r.shown[0])
	r.table.ScrollTo(widget.TableCellID{Row: 0, Col: 7})
	label, ok := cellLabels(r.table)[due]
	if !ok {
		t.Fatalf("due date %q is not drawn", due)
	}
	need := fyne.MeasureText(due, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	if label.Size().Width < need {
		t.Errorf("due date %q gets %v wide, needs %v", due, label.Size().Width, need)
	}
}

func TestRegisterKeepsTitleInViewScrollingSideways(t *testing.T) {
	m, _ := openApp(t, true)
	m.win.Resize(fyne.NewSize(700, 600))
	m.showSection(m.initiatives)
	r := m.initiatives.reg
	r.table.ScrollToTrailing()
	title := r.cols[0].text(r.shown[0])
	label, ok := cellLabels(r.table)[title]
	if !ok || fyne.CurrentApp().Driver().AbsolutePositionForObject(label).X > fyne.CurrentApp().Driver().AbsolutePositionForObject(r.table).X+50 {
		t.Errorf("title %q is not in view after scrolling right", title)
	}
}

func TestRegisterOpensRowOnDoubleClickAndEnter(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.targets)
	r := m.targets.reg
	first := r.cols[0].text(r.shown[0])
	r.table.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(20, rowMiddle(r.table, 0))})
	if got := texts(top(t, m)); !strings.Contains(got, "Measurements") {
		t.Fatalf("double click did not open the row:\n%s", got)
	}
	m.closeTopDialog()
	noDialog(t, m)
	test.TapAt(r.table, fyne.NewPos(20, rowMiddle(r.table, 0)))
	if row, _ := r.current(); r.cols[0].text(row) != first {
		t.Fatalf("a click did not select the row %q", first)
	}
	focused := m.win.Canvas().Focused()
	if focused == nil {
		t.Fatal("a click on a row leaves the table without the keyboard")
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := texts(top(t, m)); !strings.Contains(got, "Measurements") {
		t.Fatalf("Enter did not open the row:\n%s", got)
	}
}

// rowMiddle is the y of the middle of data row i of a register's table.
func rowMiddle(t *registerTable, i int) float32 {
	cell := t.CreateCell().MinSize().Height
	pad := theme.Padding()
	return (cell+pad)*float32(i+1) + cell/2 // below the header row
}

func TestSavedRecordIsSelectedOrTheFilterSaysItHidesIt(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.committee)
	r := m.committee.depts
	m.committee.tabs.tabs.SelectIndex(1)
	test.Tap(button(t, m.body, "New"))
	set(t, topForm(t, m), "Name", "Aftercare")
	save(t, m)
	row, ok := r.current()
	if !ok || row.Name != "Aftercare" {
		t.Fatalf("the saved department is not selected (got %q)", row.Name)
	}
	r.filter.SetText("finance")
	test.Tap(button(t, m.body, "New"))
	set(t, topForm(t, m), "Name", "Billing disputes")
	save(t, m)
	if !r.notice.box.Visible() || !strings.Contains(r.notice.label.Text, "Billing disputes") || !strings.Contains(r.notice.label.Text, "filter hides it") {
		t.Fatalf("no word that the filter hides the saved record: %q", r.notice.label.Text)
	}
	test.Tap(button(t, r.notice.box, "Clear filter"))
	if row, ok := r.current(); !ok || row.Name != "Billing disputes" {
		t.Errorf("after clearing the filter the saved record is not selected (got %q)", row.Name)
	}
}

func TestSavedJourneyAndMeetingAreSelected(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.journeys)
	test.Tap(button(t, m.body, "New"))
	set(t, topForm(t, m), "Journey", "Moving out")
	save(t, m)
	if row, ok := m.journeys.reg.current(); !ok || row.Name != "Moving out" {
		t.Errorf("the saved journey is not selected (got %q)", row.Name)
	}
	m.showSection(m.meetings)
	test.Tap(button(t, m.body, "New"))
	f := topForm(t, m)
	set(t, f, "Title", "Extra meeting on billing")
	set(t, f, "Date", "2027-02-03")
	save(t, m)
	if row, ok := m.meetings.reg.current(); !ok || row.Title != "Extra meeting on billing" {
		t.Errorf("the saved meeting is not selected (got %q)", row.Title)
	}
}
