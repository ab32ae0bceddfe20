package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// savedRecord names the record a form saved last, so the register that
// lists it can select it once it has reloaded.
type savedRecord struct {
	kind models.RecordKind
	id   uint
}

// savedNotice is the line above a register that says a record just saved
// is hidden by the filter, and offers to clear the filter.
type savedNotice struct {
	box   *fyne.Container
	label *widget.Label
}

func newSavedNotice(clearFilter func()) *savedNotice {
	n := &savedNotice{label: widget.NewLabel("")}
	n.label.Importance = widget.WarningImportance
	n.label.Truncation = fyne.TextTruncateEllipsis
	clear := widget.NewButtonWithIcon("Clear filter", theme.ContentClearIcon(), clearFilter)
	n.box = container.NewBorder(nil, nil, nil, clear, n.label)
	n.box.Hide()
	return n
}

func (n *savedNotice) say(text string) {
	n.label.SetText(text)
	n.box.Show()
}

// rowKey is the record ID of a row.
func (r *register[T]) rowKey(row T) uint {
	if r.key != nil {
		return r.key(row)
	}
	if k, ok := any(&row).(interface{ Key() uint }); ok {
		return k.Key()
	}
	return 0
}

// showSaved selects and scrolls to the record a form just saved, if this
// register lists its kind; when the filter hides it, the notice says so.
func (r *register[T]) showSaved(e *env) {
	if r.table == nil || r.kind == "" || e.saved.kind != r.kind {
		return
	}
	id := e.saved.id
	e.saved = savedRecord{}
	r.notice.box.Hide()
	if r.selectRecord(id) {
		return
	}
	for _, row := range r.all {
		if r.rowKey(row) == id {
			r.hiddenSaved = id
			r.notice.say("Saved “" + models.Shorten(r.titleOf(row), 60) + "”, but the filter hides it.")
			return
		}
	}
}

// selectRecord selects and scrolls to the shown row of record id; false
// when no shown row is that record.
func (r *register[T]) selectRecord(id uint) bool {
	for i, row := range r.shown {
		if r.rowKey(row) == id {
			cell := widget.TableCellID{Row: i, Col: 0}
			r.table.Select(cell)
			r.table.ScrollTo(cell)
			return true
		}
	}
	return false
}

// clearFilter shows every row again and selects the saved record the
// filter hid.
func (r *register[T]) clearFilter() {
	r.filter.SetText("")
	if r.statusSel != nil {
		r.statusSel.SetSelected(allChoice)
	}
	r.notice.box.Hide()
	r.selectRecord(r.hiddenSaved)
	r.hiddenSaved = 0
}

// titleOf is the text that names a row: its last column kept in view.
func (r *register[T]) titleOf(row T) string {
	return r.cols[r.table.StickyColumnCount-1].text(row)
}
