package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// pickOption is one record a picker offers.
type pickOption struct {
	id   uint
	name string
}

// recordPicker chooses a record (or, with multi, any number of records) by
// name. It shows the choice on a button; the button opens a dialog with a
// filter and a scrolling, virtualized list, sized to fit the window, so
// every record (the newest too) is reachable however many there are.
type recordPicker struct {
	widget.BaseWidget
	win       fyne.Window
	label     string       // the field's label, the dialog's title: "Owner"
	options   []pickOption // in the order offered
	chosen    map[uint]bool
	multi     bool
	optional  bool   // single choice: "(none)" is offered
	none      string // shown when nothing is chosen
	onChanged func()
	text      *widget.Label
	open      *widget.Button
	dlg       dialog.Dialog // the open choice dialog; nil when closed
}

func newRecordPicker(win fyne.Window, label string, options []pickOption, multi, optional bool) *recordPicker {
	p := &recordPicker{win: win, label: label, options: options, chosen: map[uint]bool{}, multi: multi, optional: optional, none: noneChoice}
	p.text = widget.NewLabel("")
	p.text.Truncation = fyne.TextTruncateEllipsis
	p.open = widget.NewButton("", p.showChoices)
	p.ExtendBaseWidget(p)
	p.showChosen()
	return p
}

// CreateRenderer draws the choice over the button that opens the list.
func (p *recordPicker) CreateRenderer() fyne.WidgetRenderer {
	arrow := widget.NewIcon(theme.MenuDropDownIcon())
	return widget.NewSimpleRenderer(container.NewStack(p.open, container.NewBorder(nil, nil, nil, arrow, p.text)))
}

// set chooses the records ids (ignoring ones not offered).
func (p *recordPicker) set(ids ...uint) {
	p.chosen = map[uint]bool{}
	for _, id := range ids {
		for _, o := range p.options {
			if o.id == id {
				p.chosen[id] = true
			}
		}
	}
	p.showChosen()
}

// choose picks the option named name, as a click on it in the list would;
// false when no option has that name.
func (p *recordPicker) choose(name string) bool {
	for _, o := range p.shownOptions("") {
		if o.name == name {
			p.toggle(o)
			return true
		}
	}
	return false
}

// ids returns the chosen record IDs in the order offered.
func (p *recordPicker) ids() []uint {
	var ids []uint
	for _, o := range p.options {
		if p.chosen[o.id] {
			ids = append(ids, o.id)
		}
	}
	return ids
}

// id returns the chosen record's ID, or nil for none.
func (p *recordPicker) id() *uint {
	ids := p.ids()
	if len(ids) == 0 {
		return nil
	}
	return &ids[0]
}

// selected is the text the picker shows.
func (p *recordPicker) selected() string { return p.text.Text }

func (p *recordPicker) showChosen() {
	var names []string
	for _, o := range p.options {
		if p.chosen[o.id] {
			names = append(names, o.name)
		}
	}
	switch {
	case len(names) == 0:
		p.text.SetText(p.none)
	case p.multi:
		p.text.SetText(strings.Join(names, "; "))
	default:
		p.text.SetText(names[0])
	}
}

// shownOptions are the options whose name holds every word of filter,
// with "(none)" first when a single choice is optional.
func (p *recordPicker) shownOptions(filter string) []pickOption {
	words := strings.Fields(strings.ToLower(filter))
	var shown []pickOption
	if p.optional && !p.multi && len(words) == 0 {
		shown = append(shown, pickOption{name: noneChoice})
	}
	for _, o := range p.options {
		name := strings.ToLower(o.name)
		match := true
		for _, w := range words {
			match = match && strings.Contains(name, w)
		}
		if match {
			shown = append(shown, o)
		}
	}
	return shown
}

// toggle picks o: a single choice closes the list, a multiple one ticks or
// unticks it.
func (p *recordPicker) toggle(o pickOption) {
	switch {
	case p.multi:
		p.chosen[o.id] = !p.chosen[o.id]
		if !p.chosen[o.id] {
			delete(p.chosen, o.id)
		}
	case o.id == 0:
		p.chosen = map[uint]bool{}
	default:
		p.chosen = map[uint]bool{o.id: true}
	}
	p.showChosen()
	if p.onChanged != nil {
		p.onChanged()
	}
	if !p.multi {
		p.closeChoices()
	}
}

func (p *recordPicker) closeChoices() {
	if p.dlg != nil {
		p.dlg.Hide()
	}
}

// tickFor is the icon beside an option in the list: a box for each
// option of a multiple choice, a tick beside a single one.
func (p *recordPicker) tickFor(o pickOption) fyne.Resource {
	on := p.chosen[o.id] || (o.id == 0 && len(p.chosen) == 0)
	switch {
	case p.multi && on:
		return theme.CheckButtonCheckedIcon()
	case p.multi:
		return theme.CheckButtonIcon()
	case on:
		return theme.ConfirmIcon()
	}
	return nil // a blank the width of a tick, so the names line up
}

// showChoices opens the dialog listing the options, with a filter on top.
func (p *recordPicker) showChoices() {
	filter := newEscEntry(p.closeChoices, nil) // Escape closes the list, not the form
	filter.SetPlaceHolder("Type to filter " + models.Count(len(p.options), "choice", "choices"))
	shown := p.shownOptions("")
	list := &widget.List{Length: func() int { return len(shown) }}
	list.CreateItem = func() fyne.CanvasObject {
		tick := widget.NewIcon(theme.ConfirmIcon())
		name := widget.NewLabel("")
		name.Truncation = fyne.TextTruncateEllipsis
		return container.NewBorder(nil, nil, tick, nil, name)
	}
	list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container)
		row.Objects[0].(*widget.Label).SetText(shown[i].name)
		row.Objects[1].(*widget.Icon).SetResource(p.tickFor(shown[i]))
	}
	list.OnSelected = func(i widget.ListItemID) {
		list.UnselectAll()
		p.toggle(shown[i])
		list.RefreshItem(i)
	}
	empty := widget.NewLabel("Nothing matches.")
	empty.Hide()
	filter.OnChanged = func(text string) {
		shown = p.shownOptions(text)
		empty.Hidden = len(shown) > 0
		empty.Refresh()
		list.Refresh()
		list.ScrollToTop()
	}
	filter.OnSubmitted = func(string) {
		if len(shown) > 0 {
			p.toggle(shown[0])
			list.Refresh()
		}
	}
	body := container.NewBorder(container.NewVBox(filter, empty), nil, nil, nil, list)
	done := "Cancel"
	if p.multi {
		done = "Done"
	}
	d := dialog.NewCustom(p.label, done, body, p.win)
	d.SetOnClosed(func() { p.dlg = nil })
	p.dlg = d
	d.Resize(fitWindow(p.win, fyne.NewSize(520, 560)))
	d.Show()
	p.win.Canvas().Focus(filter)
	for i, o := range shown {
		if p.chosen[o.id] {
			list.ScrollTo(i)
			break
		}
	}
}

// fitWindow is size, made no larger than the window leaves room for.
func fitWindow(win fyne.Window, size fyne.Size) fyne.Size {
	room := win.Canvas().Size().Subtract(fyne.NewSquareSize(4 * theme.Padding()))
	return fyne.NewSize(min(size.Width, room.Width), min(size.Height, room.Height))
}
