package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// agendaTab walks the agenda item by item: the list on the left, the item
// under discussion on the right with what can be done about it in place.
func (v *meetingView) agendaTab() fyne.CanvasObject {
	list := &widget.List{
		Length:     func() int { return len(v.agenda) },
		CreateItem: func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s%s", i+1, v.agenda[i].Topic, statusMark(v.agenda[i].Status)))
		},
	}
	detail := container.NewStack()
	show := func(i int) {
		v.s.env.saveTyped() // the notes of the item left
		v.current = i
		detail.Objects = []fyne.CanvasObject{v.itemPanel(list)}
		detail.Refresh()
	}
	list.OnSelected = func(i widget.ListItemID) { show(i) }
	topic := widget.NewEntry()
	topic.SetPlaceHolder("New agenda item")
	topic.SetText(v.typing) // kept when the screen redraws for another desk's change
	topic.OnChanged = func(s string) { v.typing = s }
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { v.addItem(topic.Text); v.typing = "" })
	topic.OnSubmitted = func(string) { add.OnTapped() } // Enter adds it too
	draft := widget.NewButtonWithIcon("Draft from matters arising", theme.DocumentIcon(), v.draftAgenda)
	tools := container.NewBorder(nil, nil, draft, add, topic)
	if v.locked() {
		tools.Hide()
	}
	if v.current >= len(v.agenda) { // the last item was removed: show the one before it
		v.current = max(0, len(v.agenda)-1)
	}
	if len(v.agenda) > 0 {
		list.Select(v.current)
	} else {
		detail.Objects = []fyne.CanvasObject{widget.NewLabel("No agenda yet: draft it from matters arising or add items.")}
	}
	split := container.NewHSplit(list, container.NewVScroll(detail))
	split.Offset = 0.45
	return container.NewBorder(tools, nil, nil, nil, split)
}

// itemPanel shows the current item and what can be done with it.
func (v *meetingView) itemPanel(list *widget.List) fyne.CanvasObject {
	it := v.agenda[v.current]
	// Previous and Next come first, so they stay in one place from item to
	// item whatever each item offers.
	prev := widget.NewButtonWithIcon("Previous", theme.NavigateBackIcon(), func() { list.Select(v.current - 1) })
	next := widget.NewButtonWithIcon("Next item", theme.NavigateNextIcon(), func() { list.Select(v.current + 1) })
	if v.current == 0 {
		prev.Disable()
	}
	if v.current == len(v.agenda)-1 {
		next.Disable()
	}
	box := container.NewVBox(container.NewHBox(prev, next), heading(fmt.Sprintf("Item %d of %d", v.current+1, len(v.agenda))), wrapped(it.Topic))
	var buttons []fyne.CanvasObject
	if it.LinkKind != "" && it.LinkID != nil {
		kind, id := it.LinkKind, *it.LinkID
		box.Add(widget.NewLabel("About the " + string(kind) + " " + v.linkName(kind, id)))
		buttons = append(buttons, widget.NewButtonWithIcon("Open "+string(kind), theme.SearchIcon(), func() { v.s.env.open(kind, id) }))
		if kind == models.RecordInitiative {
			buttons = append(buttons, widget.NewButtonWithIcon("Post update", theme.ContentAddIcon(), func() {
				v.s.env.router.open(route{kind: models.RecordInitiative, id: id, verb: verbPostUpdate})
			}))
		}
	}
	if !v.locked() {
		buttons = append(buttons,
			widget.NewButtonWithIcon("Record decision", theme.ConfirmIcon(), func() { v.recordDecision(&it) }),
			widget.NewButtonWithIcon("Record action", theme.ContentAddIcon(), func() { v.recordAction(&it) }))
	}
	box.Add(container.NewGridWithColumns(2, buttons...))
	box.Add(v.itemNotes(it))
	if !v.locked() {
		itemID := it.ID
		up := widget.NewButtonWithIcon("Move up", theme.MoveUpIcon(), func() { v.moveItem(itemID, -1) })
		down := widget.NewButtonWithIcon("Move down", theme.MoveDownIcon(), func() { v.moveItem(itemID, 1) })
		if v.current == 0 {
			up.Disable()
		}
		if v.current == len(v.agenda)-1 {
			down.Disable()
		}
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { v.removeItem(it) })
		box.Add(container.NewHBox(up, down, remove))
	}
	return box
}

// statusMark is how the agenda list shows an item's status.
func statusMark(s models.AgendaItemStatus) string {
	switch s {
	case models.AgendaCovered:
		return "  ✓ covered"
	case models.AgendaDeferred:
		return "  → deferred"
	}
	return ""
}

// itemNotes edits what the minutes say about an item: whether it was
// covered, and the notes taken on it.
func (v *meetingView) itemNotes(it models.AgendaItem) fyne.CanvasObject {
	status := widget.NewRadioGroup(models.Words(models.AgendaItemStatuses), nil)
	status.Horizontal = true
	status.Required = true
	status.SetSelected(string(it.Status))
	if it.Status == "" {
		status.SetSelected(string(models.AgendaOpen))
	}
	notes := widget.NewMultiLineEntry()
	notes.Wrapping = fyne.TextWrapWord
	notes.SetPlaceHolder("Notes for the minutes")
	notes.SetText(it.Notes)
	notes.SetMinRowsVisible(4)
	// What is typed is saved with the button, or when the user moves on.
	typed, key := &v.s.env.typed, notesKey(it)
	store := func() error {
		it.Status, it.Notes = models.AgendaItemStatus(status.Selected), notes.Text
		if err := app.Update(v.s.env.store, &it); err != nil {
			return err
		}
		if i := v.agendaIndex(it.ID); i >= 0 {
			v.agenda[i] = it // shown as saved when the user comes back to it
		}
		return nil
	}
	text := func() string { return status.Selected + ": " + notes.Text }
	notes.OnChanged = func(string) { typed.keep(key, store, text) }
	status.OnChanged = func(string) { typed.keep(key, store, text) }
	save := widget.NewButtonWithIcon("Save notes", theme.DocumentSaveIcon(), func() {
		if err := store(); err != nil {
			v.s.env.showError(err)
			return
		}
		typed.drop(key)
		v.reload()
	})
	if v.locked() {
		status.Disable()
		notes.Disable()
		save.Disable()
	}
	return container.NewVBox(heading("Minutes of this item"), status, notes, container.NewHBox(save))
}

func (v *meetingView) linkName(kind models.RecordKind, id uint) string {
	m := map[models.RecordKind]map[uint]string{models.RecordInitiative: v.names.Initiatives, models.RecordTarget: v.names.Targets,
		models.RecordMember: v.names.Members, models.RecordDepartment: v.names.Departments, models.RecordJourney: v.names.Journeys}[kind]
	if name, ok := m[id]; ok {
		return "“" + name + "”"
	}
	return fmt.Sprintf("#%d", id)
}

func (v *meetingView) addItem(topic string) {
	v.s.env.saveTyped()
	topic = strings.TrimSpace(topic)
	item := models.AgendaItem{MeetingID: v.id, Topic: topic, Position: len(v.agenda) + 1}
	if err := app.Create(v.s.env.store, &item); err != nil {
		v.s.env.showError(err)
		return
	}
	v.current = len(v.agenda)
	v.reload()
}

func (v *meetingView) draftAgenda() {
	v.s.env.saveTyped()
	n, err := v.s.env.store.DraftAgenda(v.id)
	if err != nil {
		v.s.env.showError(err)
		return
	}
	v.reload()
	if n == 0 {
		v.s.env.info("Agenda", "Every matter arising is already on the agenda.")
	}
}

func (v *meetingView) moveItem(id uint, delta int) {
	v.s.env.saveTyped() // before the move changes the items
	if err := v.s.env.store.MoveAgendaItem(id, delta); err != nil {
		v.s.env.showError(err)
		return
	}
	v.current = max(0, min(len(v.agenda)-1, v.current+delta))
	v.reload()
}

// agendaIndex is where agenda item id is in the agenda shown, or -1.
func (v *meetingView) agendaIndex(id uint) int {
	return slices.IndexFunc(v.agenda, func(x models.AgendaItem) bool { return x.ID == id })
}

// notesKey names an agenda item's notes among the texts typed.
func notesKey(it models.AgendaItem) string {
	return fmt.Sprintf("the notes on agenda item %d, “%s”", it.ID, it.Topic)
}

// removeItem takes an item off the agenda, once the user confirms.
func (v *meetingView) removeItem(it models.AgendaItem) {
	v.s.env.saveTyped() // its notes as typed, which the question then counts
	if i := v.agendaIndex(it.ID); i >= 0 {
		it = v.agenda[i]
	}
	impact := ""
	if it.Notes != "" {
		impact = "Its notes for the minutes go with it."
	}
	v.s.env.confirmDelete("the agenda item “"+it.Topic+"”", impact, func() error {
		return app.Delete[models.AgendaItem](v.s.env.store, it.ID)
	})
}

// recordDecision opens a decision form taken at this meeting, linked to
// what the agenda item is about.
func (v *meetingView) recordDecision(it *models.AgendaItem) {
	d := models.Decision{MeetingID: &v.id, DecidedOn: v.meeting.Date, Status: models.DecisionApproved}
	if v.meeting.Date.After(v.s.env.today()) {
		d.Status = models.DecisionProposed // the meeting has not decided yet
	}
	if it != nil && it.LinkID != nil {
		id := *it.LinkID
		switch it.LinkKind {
		case models.RecordInitiative:
			d.InitiativeID = &id
		case models.RecordTarget:
			d.TargetID = &id
		}
	}
	decisionForms{v.s.env}.decision(d, nil)
}

// recordAction opens an action form taken at this meeting.
func (v *meetingView) recordAction(it *models.AgendaItem) {
	a := models.ActionItem{MeetingID: &v.id, OpenedOn: v.meeting.Date, OriginalDueDate: v.meeting.Date.AddDays(14), Status: models.ActionOpen}
	if it != nil && it.LinkID != nil {
		id := *it.LinkID
		switch it.LinkKind {
		case models.RecordInitiative:
			a.InitiativeID = &id
		case models.RecordDecision:
			a.DecisionID = &id
		}
	}
	decisionForms{v.s.env}.action(a)
}
