package views

import (
	"image/color"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// column describes one column of a register table.
type column[T any] struct {
	title string
	// width is the most the column grows to for long text (never less
	// than shortestLimit); it is as narrow as its content allows.
	width  float32
	text   func(T) string
	colour func(T) color.Color // optional: shows a coloured dot beside the text
	less   func(a, b T) bool   // optional: otherwise the text is compared
}

// register is a filterable, sortable, virtualized table over a preloaded
// slice. Cell updates read the slice only, never the database.
type register[T any] struct {
	cols       []column[T]
	statusName string               // the status filter's label, "" for none
	statuses   []string             // choices of the status filter
	inStatus   func(T, string) bool // whether a row belongs under a status choice
	onOpen     func(T)              // open (edit or detail) the row
	onDelete   func(T)              // delete the row, after asking
	onNew      func()               // create a new record
	extra      []fyne.CanvasObject  // more toolbar buttons
	readOnly   bool                 // New and Delete are disabled
	only       func(T) bool         // when set, the only rows shown (see showOnly)
	kind       models.RecordKind    // what a row is, to show a record just saved
	key        func(T) uint         // a row's record ID; nil: the row's Key()
	sticky     int                  // leading columns kept in view when scrolling sideways; 0: one

	all, shown []T
	sortCol    int
	sortDesc   bool
	selected   int

	table     *registerTable
	filter    *widget.Entry
	statusSel *widget.Select
	count     *widget.Label
	edit, del *widget.Button
	notice    *savedNotice
	// hiddenSaved is the record just saved that the filter hides; 0: none.
	hiddenSaved uint
}

const allChoice = "All"

// build returns the register's screen: toolbar, filters and table.
func (r *register[T]) build() fyne.CanvasObject {
	r.selected = -1
	r.filter = widget.NewEntry()
	r.filter.SetPlaceHolder(filterHint)
	r.filter.OnChanged = func(string) { r.apply() }
	r.count = widget.NewLabel("")
	r.table = newRegisterTable(r.openSelected)
	r.table.Length = func() (int, int) { return len(r.shown), len(r.cols) }
	r.table.CreateCell = func() fyne.CanvasObject { return newBadge() }
	r.table.UpdateCell = r.updateCell
	r.table.ShowHeaderRow = true
	r.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	r.table.UpdateHeader = r.updateHeader
	r.table.StickyColumnCount = max(r.sticky, 1)
	// Fyne draws the separators of scrolled columns over the columns kept
	// in view, striking through the titles; rows read well without them.
	r.table.HideSeparators = true
	r.table.OnSelected = func(id widget.TableCellID) {
		r.selected = id.Row
		r.table.Refresh() // the cells kept in view show the selection themselves
		r.edit.Enable()
		if !r.readOnly {
			r.del.Enable()
		}
	}
	r.fitColumns()
	newBtn := widget.NewButtonWithIcon("New", theme.ContentAddIcon(), func() { r.onNew() })
	newBtn.Importance = widget.HighImportance
	r.edit = widget.NewButtonWithIcon("Open", theme.DocumentCreateIcon(), r.openSelected)
	r.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		if row, ok := r.current(); ok {
			r.onDelete(row)
		}
	})
	r.edit.Disable()
	r.del.Disable()
	if r.readOnly {
		newBtn.Disable()
	}
	tools := []fyne.CanvasObject{newBtn, r.edit, r.del}
	tools = append(tools, r.extra...)
	filters := []fyne.CanvasObject{}
	if r.statusName != "" {
		r.statusSel = widget.NewSelect(append([]string{allChoice}, r.statuses...), func(string) { r.apply() })
		r.statusSel.SetSelected(allChoice)
		filters = append(filters, widget.NewLabel(r.statusName), r.statusSel)
	}
	filters = append(filters, r.count)
	bar := container.NewBorder(nil, nil, container.NewHBox(tools...), container.NewHBox(filters...), r.filter)
	r.notice = newSavedNotice(r.clearFilter)
	return container.NewBorder(container.NewVBox(bar, r.notice.box), nil, nil, nil, r.table)
}

// setRows replaces the data (after a load) and re-applies filter and sort.
func (r *register[T]) setRows(rows []T) {
	r.all = rows
	if r.table != nil {
		r.fitColumns()
	}
	r.apply()
}

// openSelected opens the selected row, if any.
func (r *register[T]) openSelected() {
	if row, ok := r.current(); ok {
		r.onOpen(row)
	}
}

// current returns the selected row, if any.
func (r *register[T]) current() (T, bool) {
	var zero T
	if r.selected < 0 || r.selected >= len(r.shown) {
		return zero, false
	}
	return r.shown[r.selected], true
}

// apply filters and sorts r.all into r.shown.
func (r *register[T]) apply() {
	if r.table == nil {
		return
	}
	words := strings.Fields(strings.ToLower(r.filter.Text))
	status := allChoice
	if r.statusSel != nil {
		status = r.statusSel.Selected
	}
	r.shown = r.shown[:0]
	for _, row := range r.all {
		if status != allChoice && !r.inStatus(row, status) || r.only != nil && !r.only(row) {
			continue
		}
		if r.matches(row, words) {
			r.shown = append(r.shown, row)
		}
	}
	r.sortShown()
	r.selected = -1
	r.table.UnselectAll()
	r.edit.Disable()
	r.del.Disable()
	r.count.SetText(countText(len(r.shown), len(r.all)))
	r.table.Refresh()
}

// sortShown sorts the shown rows by the sort column: by its own order, or
// by its text, each row's text made once (not once per comparison).
func (r *register[T]) sortShown() {
	c := r.cols[r.sortCol]
	if c.less != nil {
		sort.SliceStable(r.shown, func(i, j int) bool {
			if r.sortDesc {
				return c.less(r.shown[j], r.shown[i])
			}
			return c.less(r.shown[i], r.shown[j])
		})
		return
	}
	type keyed struct {
		key string
		row T
	}
	rows := make([]keyed, len(r.shown))
	for i, row := range r.shown {
		rows[i] = keyed{strings.ToLower(c.text(row)), row}
	}
	slices.SortStableFunc(rows, func(a, b keyed) int {
		if r.sortDesc {
			a, b = b, a
		}
		return strings.Compare(a.key, b.key)
	})
	for i, k := range rows {
		r.shown[i] = k.row
	}
}

// matches reports whether every filter word appears in some column.
func (r *register[T]) matches(row T, words []string) bool {
	if len(words) == 0 {
		return true
	}
	var all strings.Builder
	for _, c := range r.cols {
		all.WriteString(strings.ToLower(c.text(row)))
		all.WriteByte(' ')
	}
	text := all.String()
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func countText(shown, all int) string {
	if shown == all {
		return models.Count(all, "record", "records")
	}
	return models.OfTotal(shown, all, "record", "records")
}

func (r *register[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(r.shown) || id.Col >= len(r.cols) {
		return
	}
	row, c := r.shown[id.Row], r.cols[id.Col]
	b := o.(*badge)
	var col color.Color
	if c.colour != nil {
		col = c.colour(row)
	}
	b.set(c.text(row), col)
	if id.Col < r.table.StickyColumnCount {
		back := theme.Color(theme.ColorNameBackground)
		if id.Row == r.selected {
			back = theme.Color(theme.ColorNameSelection)
		}
		b.cover(back)
	}
}

func (r *register[T]) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	btn := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(r.cols) {
		btn.SetText("")
		return
	}
	text := r.cols[id.Col].title
	btn.Importance = widget.LowImportance
	if id.Col == r.sortCol {
		text += map[bool]string{false: " ▲", true: " ▼"}[r.sortDesc]
	}
	btn.SetText(text)
	col := id.Col
	btn.OnTapped = func() { r.sortBy(col) }
}

// sortBy sorts by a column; a second tap reverses the order.
func (r *register[T]) sortBy(col int) {
	if r.sortCol == col {
		r.sortDesc = !r.sortDesc
	} else {
		r.sortCol, r.sortDesc = col, false
	}
	r.apply()
}

// loadRegister reads a register's rows and the names they refer to off the
// UI goroutine, then shows them.
func loadRegister[T any](e *env, reg *register[T], names *app.Names, rows func() ([]T, error)) {
	var list []T
	var n app.Names
	e.load(func() (err error) {
		if list, err = rows(); err != nil {
			return err
		}
		n, err = e.store.Names()
		return err
	}, func() {
		*names = n
		reg.setRows(list)
		reg.showSaved(e)
	})
}

// statusIs is the usual status filter: the row's status word is the choice.
func statusIs[T any](status func(T) string) func(T, string) bool {
	return func(row T, choice string) bool { return status(row) == choice }
}
