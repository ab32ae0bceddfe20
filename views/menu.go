package views

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is one thing the window does, from its menu and, where it has a
// key, with Ctrl and that key.
type command struct {
	label    string
	key      fyne.KeyName // "" for none
	do       func()
	disabled bool
}

// menu is a menu of the window's menu bar.
type menu struct {
	title string
	items []command
}

// withCtrl is Ctrl (Cmd on a Mac) and key.
func withCtrl(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// menus are the window's commands: the menu bar lists them with their
// keys, so the keys can be found. The menu's keys reach the window before
// the field being typed in, so each command but Quit waits while a dialog
// (a form, say) is open.
func (m *mainWindow) menus() []menu {
	var sections []command
	for i, s := range m.sections {
		key := fyne.KeyName("")
		if i < 9 {
			key = fyne.KeyName(strconv.Itoa(i + 1))
		}
		sections = append(sections, command{label: s.name, key: key, do: m.unlessDialog(func() { m.show(i) })})
	}
	readOnly := m.store.ReadOnly() != ""
	return []menu{
		{"File", []command{
			{label: "Export report…", key: fyne.KeyE, do: m.unlessDialog(m.exportHere)},
			{label: "Request updates…", do: m.unlessDialog(m.requestUpdates)},
			{label: "Import updates…", do: m.unlessDialog(m.importUpdates), disabled: readOnly},
			{label: "Quit", key: fyne.KeyQ, do: m.quit},
		}},
		{"Edit", []command{
			{label: "New record", key: fyne.KeyN, do: m.unlessDialog(m.newRecordHere)},
			{label: "Filter the register", key: fyne.KeyF, do: m.unlessDialog(m.focusFilterHere)},
		}},
		{"Go", sections},
	}
}

// unlessDialog is do, doing nothing while a dialog is open: Ctrl+N typed
// in a form does not open a second form, nor Ctrl+2 change the screen
// behind it.
func (m *mainWindow) unlessDialog(do func()) func() {
	return func() {
		if m.win.Canvas().Overlays().Top() == nil {
			do()
		}
	}
}

// setMenu shows the menu bar.
func (m *mainWindow) setMenu() {
	var menus []*fyne.Menu
	for _, mn := range m.menus() {
		items := make([]*fyne.MenuItem, len(mn.items))
		for i, cmd := range mn.items {
			items[i] = fyne.NewMenuItem(cmd.label, cmd.do)
			items[i].Disabled = cmd.disabled
			items[i].IsQuit = cmd.key == fyne.KeyQ
			if cmd.key != "" {
				items[i].Shortcut = withCtrl(cmd.key)
			}
		}
		menus = append(menus, fyne.NewMenu(mn.title, items...))
	}
	m.win.SetMainMenu(fyne.NewMainMenu(menus...))
}

// exportHere opens the export dialog once the main window is shown.
func (m *mainWindow) exportHere() {
	if m.body != nil {
		m.exportDialog()
	}
}

// focusFilterHere puts the cursor in the filter of the register shown.
func (m *mainWindow) focusFilterHere() {
	if f, ok := m.currentScreen().(filterFocuser); ok {
		f.focusFilter()
	}
}
