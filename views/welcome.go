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
	env     *env
	done    func() // shows the main window once the sample is loaded
	started func() // shows the main window on a committee just started
}

func newWelcome(e *env, done, started func()) *welcome {
	return &welcome{env: e, done: done, started: started}
}

func (w *welcome) content() fyne.CanvasObject {
	icon := widget.NewIcon(assets.Icon())
	iconBox := container.NewGridWrap(fyne.NewSize(96, 96), icon)
	title := widget.NewLabelWithStyle("Welcome to CX Committee", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	intro := widget.NewLabelWithStyle("Run your customer-experience committee: vision, initiatives, targets,\nmeetings, decisions and actions, in one place.", fyne.TextAlignCenter, fyne.TextStyle{})
	sample := widget.NewButtonWithIcon("Load sample committee", theme.DocumentIcon(), w.loadSample)
	own := widget.NewButtonWithIcon("Start my committee", theme.ContentAddIcon(), w.startOwn)
	own.Importance = widget.HighImportance
	where := widget.NewLabelWithStyle("Data file: "+w.env.store.Path(), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	return container.NewCenter(container.NewVBox(container.NewCenter(iconBox), title, intro,
		container.NewCenter(container.NewHBox(sample, own)), where))
}

func (w *welcome) loadSample() {
	progress := dialog.NewCustomWithoutButtons("Loading the sample committee", widget.NewProgressBarInfinite(), w.env.win)
	progress.Show()
	var err error
	w.env.load(func() error { err = w.env.store.LoadDemo(w.env.today()); return nil }, func() {
		progress.Hide()
		if err != nil {
			w.env.showError(err)
			return
		}
		w.done()
	})
}

func (w *welcome) startOwn() {
	f := newRecordForm(w.env.win, "Start my committee")
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
		if err := w.env.store.StartCommittee(p.OrganisationName, p.VisionStatement, strings.Split(depts.Text, "\n")); err != nil {
			return err
		}
		w.started()
		return nil
	}, func() {})
}
