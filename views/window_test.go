package views

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"cxcommittee/app"
	"cxcommittee/models"
)

func TestWelcomeOnEmptyDatabaseLoadsSample(t *testing.T) {
	m, s := openApp(t, false)
	if m.body != nil {
		t.Fatal("an empty database should show the welcome screen, not the registers")
	}
	shown := texts(m.root)
	if !strings.Contains(shown, "Welcome to CX Committee") {
		t.Fatalf("no welcome:\n%s", shown)
	}
	test.Tap(button(t, m.root, "Load sample committee"))
	if m.body == nil {
		t.Fatal("the main window did not open after loading the sample")
	}
	if n := len(m.dashboard.data.Scorecard); n != 8 {
		t.Errorf("dashboard shows %d targets, want the sample's 8", n)
	}
	if empty, _ := s.IsEmpty(); empty {
		t.Error("nothing was stored")
	}
}

func TestWelcomeStartMyCommittee(t *testing.T) {
	m, s := openApp(t, false)
	test.Tap(button(t, m.root, "Start my committee"))
	f := topForm(t, m)
	pressSave(t, m)
	if !button(t, top(t, m), "Save").Disabled() {
		t.Error("Save enabled without an organisation name")
	}
	set(t, f, "Organisation", "Acme Water")
	set(t, f, "CX vision statement", "Water you never have to think about.")
	set(t, f, "Departments (one per line)", "Customer Service\nIT\n\nHR")
	save(t, m)
	p, found, _ := s.Settings()
	if !found || p.OrganisationName != "Acme Water" {
		t.Errorf("program = %+v", p)
	}
	depts, _ := app.List[models.Department](s, "name")
	if len(depts) != 3 {
		t.Errorf("%d departments stored, want 3 (blank lines skipped)", len(depts))
	}
	if !strings.Contains(texts(m.dashboard.body), "Water you never have to think about.") {
		t.Error("dashboard does not show the new vision")
	}
}

func TestShortcutsNewFilterAndEscape(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.journeys)
	ctrl := func(k fyne.KeyName) { ctrlKey(m, k) }
	ctrl(fyne.KeyF)
	if m.win.Canvas().Focused() != m.journeys.reg.filter {
		t.Error("Ctrl+F did not focus the filter")
	}
	ctrl(fyne.KeyN)
	f := topForm(t, m)
	if field(t, f, "Journey") == nil {
		t.Fatal("Ctrl+N did not open the new journey form")
	}
	// Escape in a field closes the dialog.
	e := field(t, f, "Journey").(*escEntry)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	noDialog(t, m)
}

func TestSidebarSwitchesSections(t *testing.T) {
	m, _ := openApp(t, true)
	for i, s := range m.sections {
		m.nav.Select(i)
		if m.current != i || s.built == nil {
			t.Errorf("selecting %s did not show it", s.name)
		}
	}
}

func TestCtrlDigitsGoToTheSidebarSections(t *testing.T) {
	m, _ := openApp(t, true)
	for i := len(m.sections) - 1; i >= 0; i-- {
		ctrlKey(m, fyne.KeyName(strconv.Itoa(i+1)))
		if m.current != i || m.sections[i].built == nil {
			t.Errorf("Ctrl+%d showed section %d, want %s", i+1, m.current, m.sections[i].name)
		}
	}
}

// ctrlKey presses Ctrl with key k on the main window.
func ctrlKey(m *mainWindow, k fyne.KeyName) {
	m.win.Canvas().(interface {
		TypedShortcut(fyne.Shortcut)
	}).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestWindowNeedsAtMost800PixelsInEverySection(t *testing.T) {
	m, _ := openApp(t, true)
	for i, s := range m.sections {
		m.show(i)
		if min := m.win.Content().MinSize(); min.Width > 800 || min.Height > 700 {
			t.Errorf("%s needs a window of %v, want at most 800x700", s.name, min)
		}
	}
}

// The menu bar lists every command with its key, so the keys can be
// found, and its items do what the keys do.
func TestMenuBarListsTheCommandsWithTheirKeys(t *testing.T) {
	m, _ := openApp(t, true)
	menu := m.win.MainMenu()
	if menu == nil {
		t.Fatal("no menu bar")
	}
	items := map[string]*fyne.MenuItem{}
	for _, mn := range menu.Items {
		for _, it := range mn.Items {
			items[mn.Label+" > "+it.Label] = it
		}
	}
	for _, want := range []struct {
		item string
		key  fyne.KeyName
	}{
		{"File > Export report…", fyne.KeyE}, {"File > Quit", fyne.KeyQ}, {"Edit > New record", fyne.KeyN},
		{"Edit > Filter the register", fyne.KeyF}, {"Go > Dashboard", "1"}, {"Go > Initiatives", "2"},
	} {
		it, ok := items[want.item]
		if !ok {
			t.Errorf("no %s in the menus", want.item)
			continue
		}
		if s, ok := it.Shortcut.(*desktop.CustomShortcut); !ok || s.KeyName != want.key {
			t.Errorf("%s shows the key %v, want Ctrl+%s", want.item, it.Shortcut, want.key)
		}
	}
	if it := items["File > Request updates…"]; it == nil || it.Action == nil {
		t.Error("no Request updates in the File menu")
	}
	items["Go > Initiatives"].Action()
	if m.current != 1 {
		t.Errorf("Go > Initiatives showed section %d", m.current)
	}
	items["Edit > New record"].Action()
	if field(t, topForm(t, m), "Title") == nil {
		t.Error("Edit > New record did not open the new initiative form")
	}
}

// Ctrl+N where nothing is added (the dashboard) says where records are
// added, instead of doing nothing.
func TestNewRecordOnTheDashboardSaysWhere(t *testing.T) {
	m, _ := openApp(t, true)
	m.show(0)
	ctrlKey(m, fyne.KeyN)
	if got := texts(top(t, m)); !strings.Contains(got, "Records are added in their registers") {
		t.Errorf("Ctrl+N on the dashboard says:\n%s", got)
	}
}
