// Package views holds the Fyne screens of CX Committee. It talks to the
// application core in package app and never to the database directly.
package views

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/assets"
	"cxcommittee/models"
)

// AppID identifies the application to Fyne (preferences, settings).
const AppID = "org.cxcommittee.app"

// Preference keys for the remembered window size.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// screen is one section of the main window.
type screen interface {
	// content builds the screen's widgets; called once.
	content() fyne.CanvasObject
	// reload fetches the screen's data again.
	reload()
}

// newRecorder is a screen with a "new record" action (Ctrl+N).
type newRecorder interface{ newRecord() }

// filterFocuser is a screen with a text filter (Ctrl+F).
type filterFocuser interface{ focusFilter() }

// section is a named screen in the sidebar.
type section struct {
	name   string
	icon   fyne.Resource
	screen screen
	built  fyne.CanvasObject
}

// mainWindow is the application window: a sidebar of sections and the
// current section's screen.
type mainWindow struct {
	*env
	who     *whoYouAre // nil in tests that do not ask
	root    *fyne.Container
	nav     *widget.List
	body    *fyne.Container
	current int

	// showEvery undoes, per register, showing just a check's records.
	showEvery []func()
	// closing closes the window (Quit, Ctrl+Q, the window's close box)
	// once what was typed is saved; the app's own first remembers the
	// window's size.
	closing func()

	sections    []*section
	dashboard   *dashboardScreen
	initiatives *initiativesScreen
	targets     *targetsScreen
	meetings    *meetingsScreen
	decisions   *decisionsScreen
	committee   *committeeScreen
	journeys    *journeysScreen
	risks       *risksScreen
	settings    *settingsScreen
}

// Run opens the main window on the store and blocks until it is closed.
func Run(a fyne.App, s *app.Store, version string) {
	a.SetIcon(assets.Icon())
	w := a.NewWindow("CX Committee")
	m := newMainWindow(w, s, models.Today, goroutines{})
	m.who = newWhoYouAre(m.env, a.Preferences())
	m.version = version
	prefs := a.Preferences()
	w.Resize(fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, 1200)), float32(prefs.FloatWithFallback(prefHeight, 800))))
	m.closing = func() { // remembering its size for next time
		size := w.Canvas().Size()
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
		w.Close()
	}
	w.SetCloseIntercept(m.quit)
	m.start()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	if err := s.Watch(ctx, m.heardOfChange()); err != nil {
		fyne.LogError("changes from other desks will not appear by themselves", err)
	}
	w.ShowAndRun()
}

// heardOfChange returns what Watch calls when someone saves: the current
// screen reloads, once however many changes arrive meanwhile. Open forms
// are not touched, so nothing being typed is lost.
func (m *mainWindow) heardOfChange() func() {
	var pending atomic.Bool
	return func() {
		if pending.Swap(true) {
			return
		}
		fyne.Do(func() {
			pending.Store(false)
			if u, ok := m.currentScreen().(interface{ unsaved() bool }); !m.typed.pending() && (!ok || !u.unsaved()) {
				m.changed()
			}
			if m.editing != nil {
				m.editing.recheck()
			}
		})
	}
}

// newMainWindow wires the screens into w.
// run says how loads run: goroutines in the app, inPlace in tests.
func newMainWindow(w fyne.Window, s *app.Store, today func() models.Date, run runner) *mainWindow {
	m := &mainWindow{closing: w.Close}
	m.env = &env{store: s, win: w, router: newRouter(), today: today, run: run, busy: newBusyIndicator(), changed: m.changed}
	m.router.show = m.showSection
	m.router.newRecord = m.newRecordHere
	e := m.env
	m.dashboard = newDashboardScreen(e)
	m.initiatives = newInitiativesScreen(e)
	m.targets = newTargetsScreen(e)
	m.meetings = newMeetingsScreen(e)
	m.decisions = newDecisionsScreen(e)
	m.committee = newCommitteeScreen(e)
	m.journeys = newJourneysScreen(e)
	m.risks = newRisksScreen(e)
	m.settings = newSettingsScreen(e)
	m.sections = []*section{
		{name: "Dashboard", icon: theme.HomeIcon(), screen: m.dashboard},
		{name: "Initiatives", icon: theme.ListIcon(), screen: m.initiatives},
		{name: "Targets", icon: theme.InfoIcon(), screen: m.targets},
		{name: "Meetings", icon: theme.CalendarIcon(), screen: m.meetings},
		{name: "Decisions & actions", icon: theme.ConfirmIcon(), screen: m.decisions},
		{name: "Committee", icon: theme.AccountIcon(), screen: m.committee},
		{name: "Journeys", icon: theme.NavigateNextIcon(), screen: m.journeys},
		{name: "Risks", icon: theme.WarningIcon(), screen: m.risks},
		{name: "Settings", icon: theme.SettingsIcon(), screen: m.settings},
	}
	m.routeNamedRecords()
	m.root = container.NewStack()
	w.SetContent(m.root)
	m.addShortcuts()
	return m
}

// start shows the welcome screen on an empty database, else the dashboard,
// and says once what opening the file did or could not do.
func (m *mainWindow) start() {
	empty, err := m.store.IsEmpty()
	if err != nil {
		m.showError(err)
	}
	if empty && m.store.ReadOnly() == "" {
		m.root.Objects = []fyne.CanvasObject{newWelcome(m.env, m.enter, m.enterNew).content()}
		m.root.Refresh()
		return
	}
	m.enter()
	m.tellAboutTheFile()
}

// enter shows the main window and learns who is at this desk.
func (m *mainWindow) enter() {
	m.showMain()
	if m.who != nil {
		m.who.start()
	}
}

// enterNew shows the main window on a committee just started, with the
// dashboard's first-run checklist.
func (m *mainWindow) enterNew() {
	m.dashboard.firstRun = true
	m.enter()
}

// tellAboutTheFile says, once, that the committee is read-only, or that
// opening it upgraded it and where the backup made first is.
func (m *mainWindow) tellAboutTheFile() {
	if why := m.store.ReadOnly(); why != "" {
		m.info("Read-only", "This committee can be read but not changed: "+why+
			".\n\nChanges cannot be saved. To edit it, open a copy in a folder you can write to.")
		return
	}
	if len(m.store.Warnings) > 0 {
		m.info("Backup", strings.Join(m.store.Warnings, "\n"))
	}
	if len(m.store.Upgraded) > 0 {
		m.info("Database upgraded", "This committee was written by an earlier version and has been upgraded:\n\n"+
			strings.Join(m.store.Upgraded, "\n"))
	}
}

// showMain replaces whatever is shown with the sidebar and the dashboard.
func (m *mainWindow) showMain() {
	m.body = container.NewStack()
	m.nav = &widget.List{
		Length: func() int { return len(m.sections) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("Decisions & actions"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(m.sections[id].icon)
			row.Objects[1].(*widget.Label).SetText(m.sections[id].name)
		},
		OnSelected: func(id widget.ListItemID) {
			m.showEveryRecord()
			m.show(id)
		},
	}
	title := widget.NewLabelWithStyle("CX Committee", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	export := widget.NewButtonWithIcon("Export report", theme.DocumentSaveIcon(), m.exportDialog)
	export.Importance = widget.HighImportance
	header := container.NewVBox(container.NewCenter(widget.NewIcon(assets.Icon())), title, container.NewCenter(m.busy.spinner))
	if m.store.ReadOnly() != "" {
		ro := widget.NewLabelWithStyle("Read-only", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
		ro.Importance = widget.WarningImportance
		header.Add(ro)
	}
	if m.who != nil {
		header.Add(m.who.button)
	}
	request := widget.NewButtonWithIcon("Request updates", theme.MailSendIcon(), m.requestUpdates)
	importBtn := widget.NewButtonWithIcon("Import updates…", theme.DownloadIcon(), m.importUpdates)
	if m.store.ReadOnly() != "" {
		importBtn.Disable()
	}
	side := container.NewBorder(header, container.NewPadded(container.NewVBox(request, importBtn, export)), nil, nil, m.nav)
	split := container.NewHSplit(side, m.body)
	split.Offset = 0.17
	m.root.Objects = []fyne.CanvasObject{split}
	m.root.Refresh()
	m.setMenu()
	m.nav.Select(0)
}

// show switches to section i, building it on first use and reloading it.
func (m *mainWindow) show(i int) {
	if i < 0 || i >= len(m.sections) || m.body == nil {
		return
	}
	m.saveTyped()
	if i != m.current && m.sections[m.current].screen == m.settings && m.settings.unsaved() {
		m.info("Settings not saved yet", "Your changes to Settings are kept on the Settings screen until you save them there (Ctrl+9).")
	}
	m.current = i
	s := m.sections[i]
	if s.built == nil {
		s.built = s.screen.content()
	}
	m.body.Objects = []fyne.CanvasObject{s.built}
	m.body.Refresh()
	s.screen.reload()
	if m.nav.Length() > i {
		m.nav.Select(i)
	}
}

// showSection switches to the section holding screen sc.
func (m *mainWindow) showSection(sc screen) {
	for i, s := range m.sections {
		if s.screen == sc {
			if m.current != i || s.built == nil {
				m.show(i)
			}
			return
		}
	}
}

// changed reloads the current screen after a save elsewhere (a dialog).
func (m *mainWindow) changed() {
	if m.body == nil {
		return
	}
	m.sections[m.current].screen.reload()
}

// quit saves what was typed and closes the window. A form with something
// typed in it asks first; if typed text could not be saved, the window
// stays open with the message.
func (m *mainWindow) quit() {
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		if f := formIn(top); f != nil && f.touched {
			f.escape()
			return
		}
	}
	if !m.saveTyped() {
		return
	}
	if m.settings != nil && m.settings.unsaved() {
		d := dialog.NewConfirm("Settings not saved", "Quit without saving your changes to Settings?", func(quit bool) {
			if quit {
				m.closing()
			}
		}, m.win)
		d.SetConfirmText("Quit without saving")
		d.SetDismissText("Keep them")
		d.Show()
		return
	}
	m.closing()
}

// addShortcuts binds the window's commands' keys (menus) and Escape.
func (m *mainWindow) addShortcuts() {
	c := m.win.Canvas()
	for _, mn := range m.menus() {
		for _, cmd := range mn.items {
			if cmd.key != "" {
				c.AddShortcut(withCtrl(cmd.key), func(fyne.Shortcut) { cmd.do() })
			}
		}
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			m.closeTopDialog()
		}
	})
}

// newRecordHere opens the new-record form of the screen shown, or says
// where records are added.
func (m *mainWindow) newRecordHere() {
	if n, ok := m.currentScreen().(newRecorder); ok {
		n.newRecord()
		return
	}
	if m.body != nil {
		m.info("New record", "Records are added in their registers: open one from the sidebar (Ctrl+2 to Ctrl+8), then New (Ctrl+N).")
	}
}

func (m *mainWindow) currentScreen() screen {
	if m.body == nil {
		return nil
	}
	return m.sections[m.current].screen
}

// closeTopDialog hides the top-most dialog, if any (Escape).
func (m *mainWindow) closeTopDialog() {
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		if e := escapableIn(top); e != nil {
			e.escape() // a form asks first if something was typed
			return
		}
		if p, ok := top.(*widget.PopUp); ok {
			p.Hide()
			return
		}
		m.win.Canvas().Overlays().Remove(top)
	}
}
