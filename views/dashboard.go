package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// dashboardScreen is what the chair looks at before a meeting.
type dashboardScreen struct {
	env  *env
	data app.Dashboard
	// loaded is the store's generation the data was read at; the
	// dashboard reads again only when the store has changed since, or the
	// day has.
	loaded int64
	body   *fyne.Container
	width  *widthSource // its columns stack when it is narrow
	// firstRun shows the first-run checklist (after Start my committee).
	firstRun bool
}

func newDashboardScreen(e *env) *dashboardScreen {
	return &dashboardScreen{env: e, width: &widthSource{}}
}

func (d *dashboardScreen) content() fyne.CanvasObject {
	loading := widget.NewActivity()
	loading.Start()
	d.body = container.NewVBox(container.NewHBox(loading, widget.NewLabel("Reading the committee…")))
	d.loaded = -1
	return container.New(d.width, container.NewVScroll(container.NewPadded(d.body)))
}

// Widths below which the dashboard's columns stack.
const (
	chartColumn = 260 // a bar chart or the governance summary
	listColumn  = 320 // a list of records, a target of the scorecard
)

func (d *dashboardScreen) reload() {
	day, generation := d.env.today(), d.env.store.Generation()
	if d.loaded == generation && d.data.AsOf == day && d.env.store.Watching() {
		return // nothing changed since it was drawn, here or elsewhere
	}
	var data app.Dashboard
	d.env.load(func() (err error) {
		data, err = d.env.store.Dashboard(day)
		return err
	}, func() {
		d.data = data
		d.loaded = generation
		d.render()
	})
}

// render rebuilds the dashboard from d.data.
func (d *dashboardScreen) render() {
	data := d.data
	org := data.Settings.OrganisationName
	title := widget.NewLabelWithStyle(org+" — CX programme as of "+data.AsOf.String(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	vision := wrapped("“" + data.Settings.VisionStatement + "”")
	vision.TextStyle = fyne.TextStyle{Italic: true}
	if data.Settings.VisionStatement == "" {
		vision.SetText("No CX vision recorded yet: add it in Settings.")
	}
	charts := newColumns(d.width, chartColumn, d.healthChart(), d.statusChart())
	lists := newColumns(d.width, listColumn,
		container.NewVBox(d.attentionList(), d.decisionList()),
		container.NewVBox(d.actionList(), d.gapList(), d.nextMeeting()),
	)
	d.body.Objects = []fyne.CanvasObject{title, vision, widget.NewSeparator()}
	if d.firstRun {
		d.body.Objects = append(d.body.Objects, firstRunChecklist(d.env, data.Checks))
	}
	// What needs the chair's attention comes before the scorecard, in
	// reach without scrolling far.
	d.body.Objects = append(d.body.Objects,
		charts, widget.NewSeparator(),
		lists, widget.NewSeparator(),
		d.checkSummary(), widget.NewSeparator(),
		d.scorecard(), widget.NewSeparator(),
		d.checks(),
	)
	d.body.Refresh()
}

func (d *dashboardScreen) healthChart() fyne.CanvasObject {
	var bars []bar
	for _, h := range models.Healths {
		bars = append(bars, bar{string(h), d.data.ByHealth[h], healthColour(h)})
	}
	return barChart("Initiatives under way, by health", bars)
}

func (d *dashboardScreen) statusChart() fyne.CanvasObject {
	var bars []bar
	for _, s := range models.InitiativeStatuses {
		bars = append(bars, bar{string(s), d.data.ByStatus[s], colourGrey})
	}
	return barChart("Initiatives by status", bars)
}

// scorecard shows each target with its value, goal, progress and reason.
func (d *dashboardScreen) scorecard() fyne.CanvasObject {
	var cards []fyne.CanvasObject
	for _, r := range d.data.Scorecard {
		row := r
		name := widget.NewHyperlink(r.Target.Name, nil)
		name.OnTapped = func() { d.env.open(models.RecordTarget, row.Target.ID) }
		current := "no data"
		if r.Reading.HasData {
			current = models.FormatValue(r.Reading.Current, r.Target.Unit)
		}
		values := widget.NewLabel(current + " → " + models.FormatValue(r.Target.TargetValue, r.Target.Unit))
		progress := progressBar(r.Reading)
		reason := wrapped(r.Reading.Reason)
		top := container.NewBorder(nil, nil, nil, targetBadge(r.Reading.Status), name)
		cards = append(cards, container.NewVBox(top, container.NewGridWithColumns(2, values, progress), reason, widget.NewSeparator()))
	}
	if len(cards) == 0 {
		cards = append(cards, widget.NewLabel("No targets yet: add them under Targets."))
	}
	title := "Targets scorecard"
	all := len(d.data.TargetStatuses)
	if all > len(d.data.Scorecard) {
		title = fmt.Sprintf("Targets scorecard: the %d key targets of %s", len(d.data.Scorecard), models.Whole(all))
	}
	box := container.NewVBox(heading(title), newColumns(d.width, listColumn, cards...))
	if more := all - len(d.data.Scorecard); more > 0 {
		box.Add(d.more(more, "more target", "more targets", listTargets))
	}
	return box
}

// progressBar shows progress towards a target; "no data" is never 0 %.
func progressBar(r models.TargetReading) fyne.CanvasObject {
	if !r.HasData {
		return widget.NewLabel("no data")
	}
	p := widget.NewProgressBar()
	p.SetValue(max(0, min(1, r.Progress)))
	share := r.Progress
	p.TextFormatter = func() string { return models.FormatPercent(share) + " of the way" }
	return p
}

// link is a clickable line that opens a record, with a reason under it.
func link(text, reason string, open func()) fyne.CanvasObject {
	h := widget.NewHyperlink(text, nil)
	h.OnTapped = open
	h.Truncation = fyne.TextTruncateEllipsis
	if reason == "" {
		return h
	}
	r := wrapped(reason)
	r.Importance = widget.MediumImportance
	return container.NewVBox(h, r)
}

// listBox is a heading and its items, built in one go: adding items one by
// one to a shown box lays it out again for each.
func listBox(title string, empty string, items []fyne.CanvasObject) fyne.CanvasObject {
	objs := append([]fyne.CanvasObject{heading(title)}, items...)
	if len(items) == 0 {
		objs = append(objs, widget.NewLabel(empty))
	}
	return container.NewVBox(objs...)
}

// screenListCap is how many records a list on a record's screen (a
// meeting's decisions, say) shows before "… and N more".
const screenListCap = 25

// firstRows builds the rows of the first screenListCap of n records, and a
// last line for the rest: a link calling more, or words when more is nil.
// A meeting of a large committee can name thousands of records; drawing
// them all would stall the window.
func firstRows(n int, row func(i int) fyne.CanvasObject, more func(), rest string) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, min(n, screenListCap)+1)
	for i := range min(n, screenListCap) {
		rows = append(rows, row(i))
	}
	if left := n - screenListCap; left > 0 {
		rows = append(rows, moreLine("… and "+models.Whole(left)+" more"+rest, more))
	}
	return rows
}

// moreLine is the last line of a list that shows its first records: a
// link that opens the rest, or words when nothing can (tap is nil).
func moreLine(text string, tap func()) fyne.CanvasObject {
	if tap == nil {
		return widget.NewLabel(text)
	}
	h := widget.NewHyperlink(text, nil)
	h.OnTapped = tap
	return h
}

// more is the line under a dashboard list: "… and 3 more", opening the
// register with the whole list.
func (d *dashboardScreen) more(n int, one, many string, l dashList) fyne.CanvasObject {
	return moreLine("… and "+models.Count(n, one, many), func() { d.env.router.openList(l) })
}

// withMore adds the "… and N more" line when a list holds more than it shows.
func (d *dashboardScreen) withMore(items []fyne.CanvasObject, all int, l dashList) []fyne.CanvasObject {
	if more := all - len(items); more > 0 {
		items = append(items, d.more(more, "more", "more", l))
	}
	return items
}

func (d *dashboardScreen) attentionList() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, i := range d.data.NeedsAttention {
		id := i.ID
		items = append(items, container.NewBorder(nil, nil, fixedWidth(healthBadge(i.Health), 84), nil,
			link(i.Title, i.Concern(), func() { d.env.open(models.RecordInitiative, id) })))
	}
	return listBox("Initiatives needing attention ("+models.Whole(d.data.Attention)+")", "None: every initiative is fresh and on time.",
		d.withMore(items, d.data.Attention, listAttention))
}

func (d *dashboardScreen) actionList() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, a := range d.data.OverdueActions {
		id := a.ID
		items = append(items, link(a.Description, fmt.Sprintf("%s · due %s · %s overdue", models.OwnerOrNone(a.Owner), a.DueDate(), models.Count(a.DaysOverdue, "day", "days")),
			func() { d.env.open(models.RecordAction, id) }))
	}
	return listBox("Overdue actions ("+models.Whole(d.data.Overdue)+")", "None: all actions are on time.",
		d.withMore(items, d.data.Overdue, listOverdue))
}

func (d *dashboardScreen) decisionList() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, x := range d.data.DecisionsDue {
		id := x.ID
		items = append(items, link(x.Statement, fmt.Sprintf("%s · review due %s · %s", x.Status, x.ReviewDate, models.OwnerOrNone(x.Owner)),
			func() { d.env.open(models.RecordDecision, id) }))
	}
	return listBox("Decisions due for review ("+models.Whole(d.data.DueForReview)+")", "None due.",
		d.withMore(items, d.data.DueForReview, listReviewDue))
}

func (d *dashboardScreen) gapList() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, dep := range d.data.Uncovered {
		id := dep.ID
		items = append(items, link(dep.Name, "no active representative with decision authority", func() { d.env.open(models.RecordDepartment, id) }))
	}
	return listBox(fmt.Sprintf("Departments without a representative (%d)", len(items)), "None: every department can commit.", items)
}

func (d *dashboardScreen) nextMeeting() fyne.CanvasObject {
	if d.data.NextMeeting == nil {
		return listBox("Next meeting", "No meeting planned: plan one under Meetings.", nil)
	}
	mt := *d.data.NextMeeting
	days := d.data.AsOf.DaysUntil(mt.Date)
	return listBox("Next meeting", "", []fyne.CanvasObject{
		link(mt.Title, fmt.Sprintf("%s, in %s", mt.Date, models.Count(days, "day", "days")), func() { d.env.open(models.RecordMeeting, mt.ID) }),
	})
}

// checks lists every governance check with its reason; each opens the
// records it names.
func (d *dashboardScreen) checks() fyne.CanvasObject {
	passed := 0
	var rows []fyne.CanvasObject
	for _, c := range d.data.Checks {
		if c.Passed {
			passed++
		}
		rows = append(rows, checkRow(d.env, c, nil))
	}
	return container.NewVBox(heading(fmt.Sprintf("Governance health check: %d of %d pass", passed, len(d.data.Checks))), container.NewVBox(rows...))
}

// checkSummary names the failing governance checks in brief; each opens
// the records it names.
func (d *dashboardScreen) checkSummary() fyne.CanvasObject {
	var failing []fyne.CanvasObject
	for _, c := range d.data.Checks {
		if !c.Passed {
			name := checkLink(d.env, c)
			name.TextStyle = fyne.TextStyle{}
			failing = append(failing, container.NewBorder(nil, nil, failMark(), nil, name))
		}
	}
	title := fmt.Sprintf("Governance: %d of %d checks fail", len(failing), len(d.data.Checks))
	return listBox(title, "Every check passes.", failing)
}

// fixedWidth keeps obj at its minimum height, top-aligned, in a column of width w.
func fixedWidth(obj fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewVBox(container.NewGridWrap(fyne.NewSize(w, obj.MinSize().Height), obj))
}
