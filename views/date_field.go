package views

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// isoDate is how the app writes dates, in forms as in the registers.
const isoDate = "2006-01-02"

// dateField is a form's date: typed as YYYY-MM-DD or picked from Fyne's
// calendar (a picked date, or one typed the locale's way, is rewritten as
// YYYY-MM-DD). The form's rules judge the text, so a stored value that is
// not a date can be shown and kept as it was.
type dateField struct {
	widget.DateEntry
	onEscape, onLeave func()
	onText            func(string) // the form's reaction to any change
}

func newDateField(onEscape, onLeave func()) *dateField {
	d := &dateField{onEscape: onEscape, onLeave: onLeave}
	d.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	d.ExtendBaseWidget(d)
	d.DateEntry.OnChanged = d.picked
	return d
}

// CreateRenderer keeps the form's validator and change handler, which the
// date entry would replace with its own.
func (d *dateField) CreateRenderer() fyne.WidgetRenderer {
	validator := d.Validator
	r := d.DateEntry.CreateRenderer()
	d.Validator = validator
	own := d.Entry.OnChanged
	d.Entry.OnChanged = func(text string) {
		own(text)
		if d.onText != nil {
			d.onText(text)
		}
	}
	return r
}

// picked writes a date the calendar (or the locale's format) gave as
// YYYY-MM-DD.
func (d *dateField) picked(t *time.Time) {
	if t == nil {
		return
	}
	if iso := t.Format(isoDate); d.Text != iso {
		d.SetText(iso)
	}
}

// TypedKey closes the dialog on Escape and otherwise types as usual.
func (d *dateField) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && d.onEscape != nil {
		d.onEscape()
		return
	}
	d.DateEntry.TypedKey(k)
}

// FocusLost tells the form the field was left, so its message may show.
func (d *dateField) FocusLost() {
	d.DateEntry.FocusLost()
	if d.onLeave != nil {
		d.onLeave()
	}
}

// date adds a date field. A stored value that is not a date is shown as
// stored and marked; left unchanged it is saved back as it was.
func (f *recordForm) date(field, label string, v models.Date) *dateField {
	d := newDateField(f.escape, f.leaving(field))
	text := v.String()
	if v.Invalid() {
		f.stored[field] = v
		text = v.Raw()
	}
	d.SetText(text)
	d.SetPlaceHolder("YYYY-MM-DD")
	f.watch(field, label, d, &d.Entry)
	d.onText = func(string) { f.touched = true; f.revalidate() }
	d.OnSubmitted = func(string) { f.trySave() }
	if v.Invalid() {
		f.form.Items[len(f.form.Items)-1].HintText = "Stored as \"" + models.Shorten(v.Raw(), 40) + "\", which is not a date (YYYY-MM-DD); kept unless you type a date"
	}
	return d
}
