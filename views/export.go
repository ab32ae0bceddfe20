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

// exportDialog asks where to save the Excel status report (Ctrl+E).
func (m *mainWindow) exportDialog() {
	m.saveFile("Export the status report", "Export", "cx-status-report-"+m.today().String()+".xlsx", m.exportTo)
}

// saveFile asks for a folder and a file name (ending like defaultName) and
// hands the path to write. It asks rather than opening the file itself, so
// an existing file is only replaced once the new one is complete.
func (e *env) saveFile(title, submit, defaultName string, write func(path string)) {
	ext := filepath.Ext(defaultName)
	f := newRecordForm(e.win, title)
	folder := f.entry("Folder", "Folder", defaultFolder())
	browse := widget.NewButton("Choose…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, e.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(l)
		}
		d.Show()
	})
	f.form.Items[len(f.form.Items)-1].Widget = container.NewBorder(nil, nil, nil, browse, folder)
	name := f.entry("Name", "File name", defaultName)
	check := func() error {
		var read problems
		if info, err := os.Stat(strings.TrimSpace(folder.Text)); err != nil || !info.IsDir() {
			read.add(fieldError("Folder", "choose a folder that exists"))
		}
		n := strings.TrimSpace(name.Text)
		switch {
		case n == "":
			read.add(fieldError("Name", "a file name is required"))
		case strings.ContainsAny(n, `/\`):
			read.add(fieldError("Name", "the file name cannot contain a folder separator"))
		case !strings.EqualFold(filepath.Ext(n), ext):
			read.add(fieldError("Name", "the file name must end in "+ext))
		}
		return read.and(nil)
	}
	f.submit = submit
	f.show(check, func() error {
		path := filepath.Join(strings.TrimSpace(folder.Text), strings.TrimSpace(name.Text))
		if _, err := os.Stat(path); err == nil {
			dialog.ShowConfirm("Replace the file?", filepath.Base(path)+" already exists in this folder. Replace it? The old file stays until the new one is complete.",
				func(ok bool) {
					if ok {
						f.close()
						write(path)
					}
				}, e.win)
			return errKeepOpen
		}
		f.close() // before the progress and result dialogs, which must stay on top
		write(path)
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
