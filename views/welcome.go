package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/assets"
	"cxcommittee/models"
)

// welcome is the first-run screen on an empty database: load the sample
// committee, or start one's own.
type welcome struct {
	m *mainWindow
}

func newWelcome(m *mainWindow) *welcome { return &welcome{m: m} }

func (w *welcome) content() fyne.CanvasObject {
	icon := widget.NewIcon(assets.Icon())
	iconBox := container.NewGridWrap(fyne.NewSize(96, 96), icon)
	title := widget.NewLabelWithStyle("Welcome to CX Committee", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	intro := widget.NewLabelWithStyle("Run your customer-experience committee: vision, initiatives, targets,\nmeetings, decisions and actions, in one place.", fyne.TextAlignCenter, fyne.TextStyle{})
	sample := widget.NewButtonWithIcon("Load sample committee", theme.DocumentIcon(), w.loadSample)
	own := widget.NewButtonWithIcon("Start my committee", theme.ContentAddIcon(), w.startOwn)
	own.Importance = widget.HighImportance
	where := widget.NewLabelWithStyle("Data file: "+w.m.store.Path(), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	return container.NewCenter(container.NewVBox(container.NewCenter(iconBox), title, intro,
		container.NewCenter(container.NewHBox(sample, own)), where))
}

func (w *welcome) loadSample() {
	progress := dialog.NewCustomWithoutButtons("Loading the sample committee", widget.NewProgressBarInfinite(), w.m.win)
	progress.Show()
	w.m.load(func() error { return w.m.store.LoadDemo(w.m.today()) }, func() {
		progress.Hide()
		w.m.showMain()
	})
	if !w.m.async {
		progress.Hide()
	}
}

func (w *welcome) startOwn() {
	f := newRecordForm(w.m.win, "Start my committee")
	org := f.entry("OrganisationName", "Organisation", "")
	vision := f.multiline("VisionStatement", "CX vision statement", "")
	vision.SetPlaceHolder("What every customer should feel when they deal with you")
	depts := f.multiline("Departments", "Departments (one per line)", "Customer Service\nSales\nMarketing\nIT\nOperations\nSupply Chain\nHR\nFinance")
	gather := func() (*models.Settings, error) {
		p := models.NewSettings(strings.TrimSpace(org.Text))
		p.VisionStatement = strings.TrimSpace(vision.Text)
		return &p, p.Validate()
	}
	f.show(func() error { _, err := gather(); return err }, func() error {
		p, err := gather()
		if err != nil {
			return err
		}
		if err := w.m.store.StartCommittee(p.OrganisationName, p.VisionStatement, strings.Split(depts.Text, "\n")); err != nil {
			return err
		}
		w.m.showMain()
		return nil
	}, func() {})
}
