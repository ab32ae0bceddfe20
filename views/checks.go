package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// checkVerdict is a check's word and colour: "pass" in green, "fail" in red.
func checkVerdict(c models.Check) fyne.CanvasObject {
	word, col := "fail", colourRed
	if c.Passed {
		word, col = "pass", colourGreen
	}
	b := newBadge()
	b.set(word, col)
	b.label.Truncation = fyne.TextTruncateOff
	return fixedWidth(b, 70)
}

// checkLink is a check's name, wrapped, opening the records it names: the
// record itself, its register filtered to them, or the register (or
// Settings) where what is missing is added.
func checkLink(e *env, c models.Check) *widget.Hyperlink {
	h := widget.NewHyperlink(c.Name, nil)
	h.Wrapping = fyne.TextWrapWord
	h.TextStyle = fyne.TextStyle{Bold: !c.Passed}
	h.OnTapped = func() { e.router.openRecords(c.Kind, c.IDs) }
	return h
}

// failMark is a red dot, top-aligned with the first line of a label beside it.
func failMark() fyne.CanvasObject {
	dot := canvas.NewCircle(colourRed)
	return container.NewVBox(container.NewPadded(container.NewGridWrap(fyne.NewSize(12, 12), dot)))
}

// checkRow is a check's verdict, its name opening its records, and its
// reason, all wrapped.
func checkRow(e *env, c models.Check, trailing fyne.CanvasObject) fyne.CanvasObject {
	body := container.NewVBox(checkLink(e, c), wrapped(c.Reason))
	return container.NewBorder(nil, nil, checkVerdict(c), trailing, body)
}
