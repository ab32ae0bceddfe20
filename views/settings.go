package views

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// settingsScreen edits the programme settings: organisation, vision, pillars,
// goals and the staleness and meeting windows.
type settingsScreen struct {
	form    *recordForm // the settings form shown, to keep what is typed
	env     *env
	body    *fyne.Container
	backups []app.BackupFile // oldest first
}

func newSettingsScreen(e *env) *settingsScreen { return &settingsScreen{env: e} }

func (s *settingsScreen) content() fyne.CanvasObject {
	s.body = container.NewVBox()
	return newWheelScroll(container.NewPadded(s.body))
}

func (s *settingsScreen) reload() {
	if s.unsaved() {
		return // what was typed stays on the screen until it is saved
	}
	s.refresh()
}

// refresh reads the settings and shows them, whatever was typed.
func (s *settingsScreen) refresh() {
	var p models.Settings
	var backups []app.BackupFile
	s.env.load(func() (err error) {
		if p, _, err = s.env.store.Settings(); err != nil {
			return err
		}
		backups, err = s.env.store.Backups()
		return err
	}, func() {
		s.backups = backups
		s.render(p)
	})
}

// render lays out the settings form for p; Save keeps the version check.
func (s *settingsScreen) render(p models.Settings) {
	f := newRecordForm(s.env.win, "Settings")
	s.form = f
	f.readOnly = s.env.store.ReadOnly()
	org := f.entry("OrganisationName", "Organisation", p.OrganisationName)
	vision := f.multiline("VisionStatement", "CX vision statement", p.VisionStatement)
	reviewed := f.date("VisionReviewedOn", "Vision last reviewed", p.VisionReviewedOn)
	pillars := f.multiline("VisionPillars", "Vision pillars (one per line)", p.VisionPillars)
	goals := f.multiline("BusinessGoals", "Business goals (one per line)", p.BusinessGoals)
	stale := f.entry("StaleDays", "Initiative goes stale after (days)", itoa(p.StaleDays))
	cadence := f.entry("CadenceDays", "Committee meets every (days)", itoa(p.CadenceDays))
	quorum := f.entry("QuorumPercent", "Quorum: more than this % of departments", itoa(p.QuorumPercent))
	currency := f.entry("Currency", "Currency (ISO code, e.g. EUR, GBP, USD)", p.Currency)
	gather := func() (*models.Settings, error) {
		rec := p
		rec.OrganisationName, rec.VisionStatement = strings.TrimSpace(org.Text), strings.TrimSpace(vision.Text)
		rec.VisionPillars, rec.BusinessGoals = strings.TrimSpace(pillars.Text), strings.TrimSpace(goals.Text)
		rec.Currency = strings.ToUpper(strings.TrimSpace(currency.Text))
		var read problems
		rec.VisionReviewedOn = read.day(f.parseDate("VisionReviewedOn", "vision review date", reviewed.Text))
		rec.StaleDays = read.whole(parseInt("StaleDays", "staleness window in days", stale.Text))
		rec.CadenceDays = read.whole(parseInt("CadenceDays", "meeting cadence in days", cadence.Text))
		rec.QuorumPercent = read.whole(parseInt("QuorumPercent", "quorum", quorum.Text))
		return &rec, read.and(rec.Validate())
	}
	f.check = func() error { _, err := gather(); return err }
	f.submit = "Save settings"
	f.save = func() {
		rec, err := gather()
		if err == nil {
			err = s.env.store.SaveSettings(rec)
		}
		if err != nil {
			f.showError(err, s.refresh)
			return
		}
		s.render(*rec)
		s.env.changed()
	}
	s.body.Objects = []fyne.CanvasObject{heading("Programme settings"), f.form, f.buttons(""), f.problem, heading("About, data and backups"), s.dataCard()}
	s.body.Refresh()
	f.revalidate()
}

// dataCard shows where the committee is kept, its schema version, the
// backups folder and the last backup, with Back up now and Restore….
func (s *settingsScreen) dataCard() fyne.CanvasObject {
	st := s.env.store
	last := "none yet"
	if len(s.backups) > 0 {
		b := s.backups[len(s.backups)-1]
		last = b.Made.Format("2006-01-02 15:04") + " (" + filepath.Base(b.Path) + ")"
	}
	label := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapBreak
		return l
	}
	version := s.env.version
	if version == "" {
		version = "development build"
	}
	info := widget.NewForm(
		widget.NewFormItem("CX Committee", label("version "+version)),
		widget.NewFormItem("Database", label(st.Path())),
		widget.NewFormItem("Schema version", label(itoa(st.SchemaVersion()))),
		widget.NewFormItem("Backups folder", label(st.BackupsDir())),
		widget.NewFormItem("Last backup", label(last)),
	)
	backup := widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), s.backupNow)
	restore := widget.NewButtonWithIcon("Restore…", theme.HistoryIcon(), s.chooseRestore)
	if st.ReadOnly() != "" || st.OnServer() {
		backup.Disable()
		restore.Disable()
	}
	if st.OnServer() {
		info.Items[3].Widget = label("kept by the server's administrator (pg_dump)")
		info.Items[4].Widget = label("—")
	}
	note := widget.NewLabel("A backup is also made automatically on the first open of each day (the last 7 are kept) and before every upgrade or restore.")
	note.Wrapping = fyne.TextWrapWord
	move := widget.NewButtonWithIcon("Move to a shared database…", theme.UploadIcon(), s.moveToServer)
	if st.OnServer() {
		move.Hide()
	}
	return container.NewVBox(info, container.NewHBox(backup, restore, move), note)
}

// backupNow writes a backup into the backups folder and says where.
func (s *settingsScreen) backupNow() {
	var path string
	s.env.load(func() (err error) {
		path, err = s.env.store.Backup(context.Background(), "manual")
		return err
	}, func() {
		s.env.info("Backed up", "The committee was backed up to\n"+path)
		s.reload()
	})
}

// chooseRestore lets the user pick a backup, starting in the backups folder.
func (s *settingsScreen) chooseRestore() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.env.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.confirmRestore(path)
	}, s.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.SetView(dialog.ListView) // backup names are long and differ at the end
	d.Resize(fitWindow(s.env.win, fyne.NewSize(max(s.env.win.Canvas().Size().Width*0.8, 700), max(s.env.win.Canvas().Size().Height*0.8, 500))))
	if dir, err := storage.ListerForURI(storage.NewFileURI(s.env.store.BackupsDir())); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// confirmRestore asks before replacing the committee with the one in path.
func (s *settingsScreen) confirmRestore(path string) {
	msg := "Replace the whole committee with the one in\n" + path + "?\n\nThe committee as it is now is saved in the backups folder first."
	d := dialog.NewConfirm("Restore from a backup", msg, func(ok bool) {
		if ok {
			s.restoreFrom(path)
		}
	}, s.env.win)
	d.SetConfirmText("Restore")
	d.SetDismissText("Cancel")
	d.Show()
}

// restoreFrom restores the committee from path and says where the one it
// replaced was saved.
func (s *settingsScreen) restoreFrom(path string) {
	var saved string
	s.env.load(func() (err error) {
		saved, err = s.env.store.Restore(context.Background(), path)
		return err
	}, func() {
		s.env.info("Restored", "The committee was restored from\n"+path+"\n\nThe one it replaced is saved in\n"+saved)
		s.refresh() // the restored committee's settings, not those typed for the one replaced
	})
}

// moveToServer copies the committee into an empty PostgreSQL database, so
// that every desk can work on it.
func (s *settingsScreen) moveToServer() {
	f := newRecordForm(s.env.win, "Move to a shared database")
	addr := f.entry("URL", "Server database", "postgres://")
	addr.SetPlaceHolder("postgres://user@host/database")
	pw := f.entry("Password", "Password", "")
	pw.Password = true
	pw.SetPlaceHolder("blank when the server needs none (or ~/.pgpass has it)")
	f.submit = "Copy the committee"
	target := func() (string, error) { return serverURL(addr.Text, pw.Text) }
	f.show(func() error { _, err := target(); return err }, func() error {
		u, _ := target()
		f.close()
		s.copyTo(u)
		return nil
	}, func() {})
}

// serverURL checks a server URL and puts the password in it.
func serverURL(text, password string) (string, error) {
	text = strings.TrimSpace(text)
	u, err := url.Parse(text)
	if err != nil || !app.IsServerURL(text) || u.Path == "" || u.Path == "/" {
		return "", fieldError("URL", "write the server database as postgres://user@host/database")
	}
	if password != "" {
		u.User = url.UserPassword(u.User.Username(), password)
	}
	return u.String(), nil
}

// copyTo copies the committee into the server database at u.
func (s *settingsScreen) copyTo(u string) {
	var counts []app.TableCount
	s.env.load(func() error {
		dst, err := app.Open(u)
		if err != nil {
			return err
		}
		defer dst.Close()
		counts, err = app.Copy(context.Background(), s.env.store, dst)
		return err
	}, func() {
		var rows int64
		for _, c := range counts {
			rows += c.Rows
		}
		s.env.info("Copied to the shared database", fmt.Sprintf("The committee (%s in %s) is now in\n%s\n\n"+
			"Start the app on every desk with --db and that URL, or set CXCOMMITTEE_DB to it. This file stays as it was.",
			models.Count(int(rows), "row", "rows"), models.Count(len(counts), "table", "tables"), app.Redact(u)))
	})
}

// unsaved reports whether settings are being typed: another desk's change
// must not redraw them away.
func (s *settingsScreen) unsaved() bool { return s.form != nil && s.form.touched }
