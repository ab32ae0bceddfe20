package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// firstRunChecklist is what a new committee still lacks, drawn from the
// governance checks: each gap with a button that opens the form or the
// register that closes it, or a word that all is done.
func firstRunChecklist(e *env, checks []models.Check) fyne.CanvasObject {
	var gaps []fyne.CanvasObject
	for _, c := range checks {
		if c.Passed {
			continue
		}
		fix := widget.NewButtonWithIcon("Fix", theme.NavigateNextIcon(), func() { fixGap(e, c) })
		fix.Importance = widget.HighImportance
		gaps = append(gaps, checkRow(e, c, container.NewVBox(fix)))
	}
	if len(gaps) == 0 {
		done := heading("Getting started: all done. Every governance check passes.")
		return container.NewVBox(container.NewBorder(nil, nil, checkVerdict(models.Check{Passed: true}), nil, done), widget.NewSeparator())
	}
	title := heading(fmt.Sprintf("Getting started: %s to close", models.Count(len(gaps), "gap", "gaps")))
	intro := wrapped("Each gap is a governance check your committee does not pass yet. Fix opens where to close it; the list follows as you go.")
	return container.NewVBox(append([]fyne.CanvasObject{title, intro}, append(gaps, widget.NewSeparator())...)...)
}

// fixGap opens where a failing check is fixed: the records it names, or,
// when what is missing is a record, the form of a new one.
func fixGap(e *env, c models.Check) {
	e.router.openRecords(c.Kind, c.IDs)
	if len(c.IDs) == 0 {
		e.router.newRecord()
	}
}
