package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
)

// registerTab is one register shown as a tab of a screen.
type registerTab struct {
	title  string
	body   fyne.CanvasObject
	filter func() *widget.Entry
	onNew  func()
}

// registerTabs shows several registers as tabs; Ctrl+N and Ctrl+F act on
// the one shown.
type registerTabs struct {
	tabs  *container.AppTabs
	items []registerTab
}

func newRegisterTabs(items ...registerTab) *registerTabs {
	r := &registerTabs{tabs: container.NewAppTabs(), items: items}
	for _, it := range items {
		r.tabs.Append(container.NewTabItem(it.title, it.body))
	}
	return r
}

func (r *registerTabs) current() registerTab { return r.items[r.tabs.SelectedIndex()] }

func (r *registerTabs) focusFilter(c fyne.Canvas) { c.Focus(r.current().filter()) }

func (r *registerTabs) newRecord() { r.current().onNew() }

// openRecord shows tab i of screen sc and opens record id in edit.
func openRecord[T any](e *env, sc screen, tabs func() *registerTabs, i int, id uint, edit func(T)) {
	e.router.show(sc)
	tabs().tabs.SelectIndex(i)
	rec, err := app.Get[T](e.store, id)
	if err != nil {
		e.showError(err)
		return
	}
	edit(rec)
}
