package views

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/app/pack"
	"cxcommittee/models"
)

// requestUpdates writes every department's update pack into a chosen
// folder, lists them and opens the folder.
func (m *mainWindow) requestUpdates() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if u != nil {
			m.writePacksTo(u.Path())
		}
	}, m.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(defaultFolder())); err == nil {
		d.SetLocation(l)
	}
	d.SetTitleText("Choose the folder for the departments' update packs")
	d.SetConfirmText("Write the packs here")
	d.Show()
}

// writePacksTo writes the packs into dir off the UI goroutine.
func (m *mainWindow) writePacksTo(dir string) {
	var lines []string
	m.load(func() error {
		packs, err := m.store.PackContents(nil, m.today())
		if err != nil {
			return err
		}
		for _, p := range packs {
			file := filepath.Join(dir, pack.FileName(p))
			if err := pack.Write(p, file); err != nil {
				return err
			}
			lines = append(lines, filepath.Base(file)+": "+models.Count(len(p.Initiatives), "initiative", "initiatives")+", "+models.Count(len(p.Targets), "target", "targets")+", "+models.Count(len(p.Actions), "action", "actions"))
		}
		return nil
	}, func() {
		m.info("Update packs written", fmt.Sprintf("%s in %s, to send to each department:\n\n%s", models.Count(len(lines), "pack", "packs"), dir, strings.Join(lines, "\n")))
		if u, err := url.Parse(storage.NewFileURI(dir).String()); err == nil {
			fyne.CurrentApp().OpenURL(u)
		}
	})
}

// importUpdates asks for a filled pack and previews it.
func (m *mainWindow) importUpdates() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.previewPack(path)
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// previewPack reads a filled pack and shows every change it would make
// before anything is written; stale rows are the leader's choice.
func (m *mainWindow) previewPack(path string) {
	var p app.FilledPack
	var r app.ImportResult
	m.load(func() (err error) {
		if p, err = pack.Read(path); err != nil {
			return err
		}
		r, err = m.store.ImportPack(p, m.today(), app.ImportOptions{Actor: m.store.Actor(), DryRun: true, Conflicts: app.SkipConflicts})
		return err
	}, func() { m.showPreview(path, p, r) })
}

func (m *mainWindow) showPreview(path string, p app.FilledPack, r app.ImportResult) {
	if r.AppliedAt != nil {
		m.info("Already applied", fmt.Sprintf("%s (%s) was applied on %s; nothing changes.", filepath.Base(path), p.Department, r.AppliedAt.Local().Format("2006-01-02 15:04")))
		return
	}
	var lines []string
	for _, c := range r.Changes {
		lines = append(lines, "• "+c)
	}
	if len(lines) == 0 {
		lines = append(lines, "Nothing: no row was filled in.")
	}
	for _, c := range r.Conflicts {
		lines = append(lines, "⚠ "+c)
	}
	for _, pr := range r.Problems {
		lines = append(lines, "✗ "+pr.String())
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	apply := func(c app.Conflicts) func() {
		return func() { dlg.Hide(); m.applyPack(path, p, c) }
	}
	buttons := []fyne.CanvasObject{widget.NewButton("Cancel", func() { dlg.Hide() })}
	switch {
	case len(r.Problems) > 0:
		if out, err := pack.WriteProblems(path, r.Problems); err == nil {
			text.SetText(text.Text + "\n\nNothing can be applied until these are fixed; they are marked in " + out)
		}
	case len(r.Conflicts) > 0:
		skip := widget.NewButton("Apply without the changed records", apply(app.SkipConflicts))
		over := widget.NewButton("Apply, overwriting them", apply(app.OverwriteConflicts))
		over.Importance = widget.DangerImportance
		buttons = append(buttons, skip, over)
	default:
		ok := widget.NewButton("Apply", apply(app.SkipConflicts))
		ok.Importance = widget.HighImportance
		buttons = append(buttons, ok)
	}
	title := fmt.Sprintf("Import %s: %s", p.Department, filepath.Base(path))
	dlg = dialog.NewCustomWithoutButtons(shortTitle(title), container.NewVScroll(text), m.win)
	dlg.SetButtons(buttons)
	dlg.Resize(fitWindow(m.win, fyne.NewSize(760, 520)))
	dlg.Show()
}

// applyPack applies the pack and says what happened.
func (m *mainWindow) applyPack(path string, p app.FilledPack, c app.Conflicts) {
	var r app.ImportResult
	m.load(func() (err error) {
		r, err = m.store.ImportPack(p, m.today(), app.ImportOptions{Actor: m.store.Actor(), Conflicts: c})
		return err
	}, func() {
		if !r.Applied {
			m.showPreview(path, p, r)
			return
		}
		m.info("Updates imported", fmt.Sprintf("%s: %s applied.", p.Department, models.Count(len(r.Changes), "change", "changes")))
		m.changed()
	})
}
