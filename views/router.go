package views

import (
	"cxcommittee/models"
)

// verb says what to do with the record a route names.
type verb string

// The verbs screens answer to.
const (
	verbOpen       verb = ""            // show the record
	verbPostUpdate verb = "post update" // an initiative's Post update form
)

// route names a record and what to do with it, as supersonic's Route names
// a page.
type route struct {
	kind models.RecordKind
	id   uint
	verb verb
}

// target is what a route is dispatched on: its kind and verb.
type target struct {
	kind models.RecordKind
	verb verb
}

// router opens records on the screen that owns their kind, and switches the
// window to a screen. Screens register what they answer to; none calls
// another.
type router struct {
	handlers map[target]func(id uint)
	// lists show a register of a kind filtered to some of its records.
	lists map[models.RecordKind]func(ids []uint, named string)
	// named show the register behind one of the dashboard's lists.
	named map[dashList]func()
	// show switches the window to the section of a screen.
	show func(screen)
	// newRecord opens the new-record form of the screen shown (Ctrl+N).
	newRecord func()
}

func newRouter() *router {
	return &router{handlers: map[target]func(uint){}, lists: map[models.RecordKind]func([]uint, string){},
		named: map[dashList]func(){}, show: func(screen) {}, newRecord: func() {}}
}

// handle registers how a screen answers a kind of record and a verb.
func (r *router) handle(kind models.RecordKind, v verb, fn func(id uint)) {
	r.handlers[target{kind, v}] = fn
}

// open follows a route; one nobody answers does nothing.
func (r *router) open(to route) {
	if fn, ok := r.handlers[target{to.kind, to.verb}]; ok {
		fn(to.id)
	}
}

// handleRecords registers how the register of a kind shows just the
// records named (all of them when none are), saying who named them.
func (r *router) handleRecords(kind models.RecordKind, fn func(ids []uint, named string)) {
	r.lists[kind] = fn
}

// openRecords opens the records a governance check names: the record
// itself when it names one, else its register filtered to those it names,
// or the whole register when it names none.
func (r *router) openRecords(kind models.RecordKind, ids []uint) {
	r.openNamed(kind, ids, "a governance check names")
}

// openNamed opens records as openRecords does; named says, in the
// register's filter, who named them ("this meeting took").
func (r *router) openNamed(kind models.RecordKind, ids []uint, named string) {
	if fn, ok := r.handlers[target{kind, verbOpen}]; ok && len(ids) == 1 {
		fn(ids[0])
		return
	}
	if fn, ok := r.lists[kind]; ok {
		fn(ids, named)
	}
}

// dashList names a list the dashboard shows the first records of; its
// register shows them all.
type dashList string

// The dashboard's lists.
const (
	listAttention dashList = "initiatives needing attention"
	listOverdue   dashList = "overdue actions"
	listReviewDue dashList = "decisions due for review"
	listTargets   dashList = "targets"
)

// handleList registers how a register shows the whole of a list.
func (r *router) handleList(l dashList, fn func()) { r.named[l] = fn }

// openList shows the whole of a list in its register.
func (r *router) openList(l dashList) {
	if fn, ok := r.named[l]; ok {
		fn()
	}
}
