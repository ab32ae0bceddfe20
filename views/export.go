package views

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app/report"
)

// exportDialog asks where to save the Excel status report (Ctrl+E). It asks
// for a folder and a file name rather than opening the file itself, so an
// existing report is only replaced once the new one is complete.
func (m *mainWindow) exportDialog() {
	f := newRecordForm(m.win, "Export the status report")
	folder := f.entry("Folder", "Folder", defaultFolder())
	browse := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, m.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(l)
		}
		d.Show()
	})
	f.form.Items[len(f.form.Items)-1].Widget = container.NewBorder(nil, nil, nil, browse, folder)
	name := f.entry("Name", "File name", "cx-status-report-"+m.today().String()+".xlsx")
	check := func() error {
		if info, err := os.Stat(strings.TrimSpace(folder.Text)); err != nil || !info.IsDir() {
			return fieldError("Folder", "choose a folder that exists")
		}
		n := strings.TrimSpace(name.Text)
		switch {
		case n == "":
			return fieldError("Name", "a file name is required")
		case strings.ContainsAny(n, `/\`):
			return fieldError("Name", "the file name cannot contain a folder separator")
		case !strings.EqualFold(filepath.Ext(n), ".xlsx"):
			return fieldError("Name", "the file name must end in .xlsx")
		}
		return nil
	}
	f.submit = "Export"
	f.show(check, func() error {
		path := filepath.Join(strings.TrimSpace(folder.Text), strings.TrimSpace(name.Text))
		if _, err := os.Stat(path); err == nil {
			dialog.ShowConfirm("Replace the report?", filepath.Base(path)+" already exists in this folder. Replace it? The old file stays until the new report is complete.",
				func(ok bool) {
					if ok {
						f.close()
						m.exportTo(path)
					}
				}, m.win)
			return errKeepOpen
		}
		f.close() // before the progress and result dialogs, which must stay on top
		m.exportTo(path)
		return nil
	}, func() {})
}

// exportTo writes the report in the background, showing progress, and says
// where it went.
func (m *mainWindow) exportTo(path string) {
	step := widget.NewLabel("Starting…")
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons("Exporting the status report", container.NewVBox(step, bar), m.win)
	progress.Show()
	var err error
	m.load(func() error {
		err = report.Export(m.store, path, m.today(), func(s string) {
			m.run.onUI(func() { step.SetText(s) })
		})
		return nil
	}, func() {
		bar.Stop()
		progress.Hide()
		if err != nil {
			m.showError(err)
			return
		}
		m.info("Report exported", "The status report as of "+m.today().String()+" was saved to\n"+path)
	})
}

func defaultFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
