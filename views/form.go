package views

import (
	"cmp"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// escEntry is a form's text field: Escape closes its dialog, and the form
// is told when the user leaves the field.
type escEntry struct {
	widget.Entry
	onEscape func()
	onLeave  func()
}

func newEscEntry(onEscape, onLeave func()) *escEntry {
	e := &escEntry{onEscape: onEscape, onLeave: onLeave}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Escape and otherwise types as usual.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// FocusLost tells the form the field was left, so its message may show.
func (e *escEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// formField is what a form keeps of each text field: a plain or a date entry.
type formField interface {
	fyne.CanvasObject
	fyne.Focusable
	SetValidationError(error)
}

// reservedLine is the hint under each text field while it has no message:
// the line is always there, so a message coming or going moves nothing.
const reservedLine = " "

// hintLength is the most characters a message under a field shows: the
// line does not wrap, and a longer one would widen the form past its
// dialog. The whole message is in the line under the form.
const hintLength = 64

// recordForm is an add/edit dialog. Every field is checked by the record's
// own Validate (through check), so the messages are the ones app/ and
// models/ give. A field's message shows on the line kept under it once the
// user has left the field or pressed Save (or Enter), never before; from
// then on Save stays disabled while the field is invalid, and the line
// under the form says why.
type recordForm struct {
	win     fyne.Window
	title   string
	form    *widget.Form
	fields  map[string]formField // by the model's field name
	judges  map[string]func()    // by field: from now on, judge the field
	places  map[string]int       // by field: its row on the form
	left    map[string]bool      // fields the user has left: their messages show
	tried   bool                 // Save (or Enter) was pressed: every message shows
	save    func()               // stores the record once it is savable
	saveBtn *widget.Button       // Save: disabled only after a try, while invalid
	decimal rune                 // the decimal mark of the user's locale
	problem *widget.Label
	dlg     *dialog.CustomDialog
	check   func() error // gathers the fields and validates; nil when savable
	submit  string       // the text of the confirm button
	busy    bool
	// stored holds dates read from the file that are not dates, by field:
	// left as shown, they are saved back unchanged.
	stored   map[string]models.Date
	notes    *widget.Label // stored values the app cannot use
	readOnly string        // why nothing can be saved; "" when it can
	history  func()        // shows the record's history; nil for a new one
	onClose  func()
	recheck  func() // compares the record with the database (watchForChanges)
	touched  bool   // the user has typed in a field since it was shown
}

func newRecordForm(win fyne.Window, title string) *recordForm {
	f := &recordForm{win: win, title: title, form: widget.NewForm(), fields: map[string]formField{}, judges: map[string]func(){}, places: map[string]int{}, left: map[string]bool{}, submit: "Save", stored: map[string]models.Date{}}
	f.decimal = userDecimalMark()
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.notes = widget.NewLabel("")
	f.notes.Importance = widget.WarningImportance
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.Hide()
	return f
}

// entry adds a one-line text field for the model field `field`; Enter in
// it saves the form.
func (f *recordForm) entry(field, label, value string) *escEntry {
	e := newEscEntry(f.escape, f.leaving(field))
	e.SetText(value)
	f.watch(field, label, e, &e.Entry)
	e.OnChanged = func(string) { f.touched = true; f.revalidate() }
	e.OnSubmitted = func(string) { f.trySave() }
	return e
}

// watch adds e as the field `field`: checked by the record's rules, with
// its line for messages kept. The field is judged (its message, or Fyne's
// ✓) only once the user has left it or pressed Save: a ✓ beside a value
// still being typed would promise what Save may refuse.
func (f *recordForm) watch(field, label string, w formField, e *widget.Entry) {
	f.judges[field] = func() {
		if e.Validator != nil {
			return
		}
		e.Validator = func(string) error {
			if err := f.fieldProblem(field); err != nil {
				return errors.New(models.Shorten(err.Error(), hintLength))
			}
			return nil
		}
	}
	f.fields[field] = w
	f.places[field] = len(f.form.Items)
	f.form.AppendItem(&widget.FormItem{Text: label, Widget: w, HintText: reservedLine})
}

// leaving returns what a field does when the user leaves it: from then
// on its message shows.
func (f *recordForm) leaving(field string) func() {
	return func() {
		if !f.left[field] {
			f.left[field] = true
			f.revalidate()
		}
	}
}

// multiline adds a text area (Enter starts a new line there).
func (f *recordForm) multiline(field, label, value string) *escEntry {
	e := f.entry(field, label, value)
	e.OnSubmitted = nil
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// parseDate reads a date field, naming the field on error; a stored value
// that is not a date, left as shown, is kept.
func (f *recordForm) parseDate(field, what, text string) (models.Date, error) {
	if d, ok := f.stored[field]; ok && text == d.Raw() {
		return d, nil
	}
	d, err := models.ParseDate(text)
	if err != nil {
		return d, &models.FieldError{Field: field, Message: what + ": " + err.Error()}
	}
	return d, nil
}

// noteStored lists, above the fields, the values stored in the record that
// the app cannot use; saving keeps them unless a new value replaces them.
func (f *recordForm) noteStored(problems []app.StoredProblem) {
	if len(problems) == 0 {
		return
	}
	lines := []string{"Stored values this app cannot use are kept as they are unless you replace them:"}
	for _, p := range problems {
		lines = append(lines, "• "+p.Column+" holds \""+p.Raw+"\"; expected "+p.Expected)
	}
	f.notes.SetText(strings.Join(lines, "\n"))
	f.notes.Show()
}

// choice adds a drop-down list.
func (f *recordForm) choice(label string, options []string, selected string) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.SetSelected(selected)
	s.OnChanged = func(string) { f.touched = true; f.revalidate() } // the user's choices, not the one shown
	f.form.Append(label, s)
	return s
}

// flag adds a check box.
func (f *recordForm) flag(label, text string, on bool) *widget.Check {
	c := widget.NewCheck(text, nil)
	c.SetChecked(on)
	c.OnChanged = func(bool) { f.touched = true; f.revalidate() }
	f.form.Append(label, c)
	return c
}

// noneChoice is the picker's entry for "no link".
const noneChoice = "(none)"

// ref adds a picker of named records, sorted by name; with optional,
// "(none)" is offered.
func (f *recordForm) ref(label string, names map[uint]string, selected *uint, optional bool) *recordPicker {
	return f.pick(label, byName(names), selected, optional)
}

// pick adds a picker of one record out of opts.
func (f *recordForm) pick(label string, opts []pickOption, selected *uint, optional bool) *recordPicker {
	var ids []uint
	if selected != nil {
		ids = append(ids, *selected)
	}
	return f.addPicker(label, newRecordPicker(f.win, label, opts, false, optional), ids)
}

// refNewest adds a picker of named records, the newest first (decisions,
// meetings: the one just recorded is the one wanted).
func (f *recordForm) refNewest(label string, names map[uint]string, selected *uint, optional bool) *recordPicker {
	opts := byName(names)
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].id > opts[j].id })
	return f.pick(label, opts, selected, optional)
}

// refs adds a picker of any number of named records, sorted by name.
func (f *recordForm) refs(label string, names map[uint]string, selected []uint) *recordPicker {
	p := newRecordPicker(f.win, label, byName(names), true, false)
	p.none = "none linked"
	return f.addPicker(label, p, selected)
}

// addPicker shows p, with the records ids chosen, as the field label.
func (f *recordForm) addPicker(label string, p *recordPicker, ids []uint) *recordPicker {
	p.set(ids...)
	p.onChanged = func() { f.touched = true; f.revalidate() }
	f.form.Append(label, p)
	return p
}

// byName lists named records in name order; a name two records share is
// told apart by the record number.
func byName(names map[uint]string) []pickOption {
	count := map[string]int{}
	for _, name := range names {
		count[name]++
	}
	opts := make([]pickOption, 0, len(names))
	for id, name := range names {
		if count[name] > 1 {
			name += " (#" + strconv.Itoa(int(id)) + ")"
		}
		opts = append(opts, pickOption{id: id, name: name})
	}
	sort.Slice(opts, func(i, j int) bool {
		a, b := strings.ToLower(opts[i].name), strings.ToLower(opts[j].name)
		return a < b || (a == b && opts[i].id < opts[j].id)
	})
	return opts
}

// fieldProblem returns the record's current problem with field, if any.
func (f *recordForm) fieldProblem(field string) error {
	if f.check == nil {
		return nil
	}
	for _, p := range models.ProblemList(f.check()) {
		if fieldOf(p) == field {
			return p
		}
	}
	return nil
}

// fieldOf is the field a problem is about; "" when it is the form's.
func fieldOf(err error) string {
	var fe *models.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

// revalidate re-runs every field's check (a change to one field can mend
// or break another, like start and due dates) and says what blocks saving.
func (f *recordForm) revalidate() {
	if f.check == nil || f.busy {
		return
	}
	f.busy = true
	defer func() { f.busy = false }()
	// Every field is checked: the form's own Validate stops at the first
	// field in error, and would leave the messages below it as they were.
	for field, judge := range f.judges {
		if f.tried || f.left[field] {
			judge()
		}
		if v, ok := f.fields[field].(fyne.Validatable); ok {
			v.Validate()
		}
	}
	if f.readOnly != "" {
		f.problem.SetText("Read-only: " + f.readOnly + "; changes cannot be saved.")
		return
	}
	err := f.check()
	if f.saveBtn != nil {
		if f.tried && err != nil {
			f.saveBtn.Disable()
		} else {
			f.saveBtn.Enable()
		}
	}
	if told := f.told(err); told != nil {
		f.problem.SetText("Cannot save yet: " + told.Error())
		f.form.Refresh()
		return
	}
	f.problem.SetText("")
}

// buttons are Cancel and Save, below the fields. Save is the form's own
// button, not widget.Form's: that one is disabled as soon as a field turns
// invalid, which happens when a click on Save takes the focus off a field,
// so the click would be lost. A read-only form has Close only.
func (f *recordForm) buttons(cancel string) fyne.CanvasObject {
	if f.readOnly != "" {
		return container.NewHBox(layout.NewSpacer(), widget.NewButton("Close", f.close))
	}
	f.saveBtn = widget.NewButtonWithIcon(f.submit, theme.ConfirmIcon(), f.trySave)
	f.saveBtn.Importance = widget.HighImportance
	if cancel == "" {
		return container.NewHBox(layout.NewSpacer(), f.saveBtn)
	}
	return container.NewHBox(layout.NewSpacer(), widget.NewButtonWithIcon(cancel, theme.CancelIcon(), f.close), f.saveBtn)
}

// told is what of err may be shown yet: all of it after a save attempt,
// else the problems with fields the user has left; nil when nothing.
func (f *recordForm) told(err error) error {
	var shown []error
	for _, p := range f.inFormOrder(err) {
		if field := fieldOf(p); f.tried || field != "" && f.left[field] {
			shown = append(shown, p)
		}
	}
	return models.JoinProblems(shown...)
}

// inFormOrder lists the problems in err by where their fields are on the
// form, top to bottom; problems with no field of the form come last.
func (f *recordForm) inFormOrder(err error) []error {
	place := func(p error) int {
		if i, ok := f.places[fieldOf(p)]; ok {
			return i
		}
		return len(f.form.Items)
	}
	list := slices.Clone(models.ProblemList(err))
	slices.SortStableFunc(list, func(a, b error) int { return cmp.Compare(place(a), place(b)) })
	return list
}

// trySave is Save and Enter: from now on every message shows; with a
// problem the first field it names is focused, otherwise the record is
// stored.
func (f *recordForm) trySave() {
	if f.save == nil || f.readOnly != "" {
		return
	}
	f.tried = true
	f.revalidate()
	if err := f.check(); err != nil {
		for _, p := range f.inFormOrder(err) { // the topmost field that needs work
			if w := f.fields[fieldOf(p)]; w != nil {
				f.win.Canvas().Focus(w)
				break
			}
		}
		return
	}
	f.save()
}

// show opens the dialog. save stores the record; on an error the dialog
// stays open and shows it beside the field it names. On a conflict it
// offers reload, which closes the form and calls reload.
func (f *recordForm) show(check func() error, save func() error, reload func()) {
	f.check = check
	f.save = func() {
		err := save()
		if err == nil {
			f.close()
			return
		}
		f.showError(err, reload)
	}
	content := container.NewVBox(f.notes, f.form, f.buttons("Cancel"), f.problem)
	if f.history != nil {
		content.Add(container.NewHBox(widget.NewButtonWithIcon("History…", theme.HistoryIcon(), f.history)))
	}
	f.dlg = dialog.NewCustomWithoutButtons(shortTitle(f.title), newFormBody(f, newWheelScroll(content)), f.win)
	f.dlg.Resize(fitWindow(f.win, fyne.NewSize(640, min(content.MinSize().Height+100, 740)))) // the title, and room for the problem to wrap
	f.dlg.Show()
	f.revalidate()
	for _, it := range f.form.Items {
		if e, ok := it.Widget.(formField); ok {
			f.win.Canvas().Focus(e)
			break
		}
	}
}

// errKeepOpen tells the form to stay open without a message: the save went
// on to ask the user something.
var errKeepOpen = errors.New("keep the form open")

// showError places an error from app/ beside its field, or below the form.
func (f *recordForm) showError(err error, reload func()) {
	if errors.Is(err, errKeepOpen) {
		return
	}
	if errors.Is(err, app.ErrConflict) {
		dialog.ShowConfirm("Changed meanwhile",
			err.Error()+".\n\nReload it now? The changes in this form will be lost.",
			func(ok bool) {
				if ok {
					f.close()
					reload()
				}
			}, f.win)
		return
	}
	for _, p := range models.ProblemList(err) {
		if e, ok := f.fields[fieldOf(p)]; ok {
			f.left[fieldOf(p)] = true
			f.judges[fieldOf(p)]()
			e.SetValidationError(errors.New(models.Shorten(p.Error(), hintLength)))
		}
	}
	f.problem.SetText("Not saved: " + err.Error())
}

// formBody is a form's dialog content: Escape pressed where no field has
// the focus runs the form's escape, and the form is found through it
// (formIn).
type formBody struct {
	escapeBody
	form *recordForm
}

func newFormBody(f *recordForm, content fyne.CanvasObject) *formBody {
	b := &formBody{escapeBody: escapeBody{content: content, onEscape: f.escape}, form: f}
	b.ExtendBaseWidget(b)
	return b
}

// formIn finds the form a dialog shows, or nil.
func formIn(o fyne.CanvasObject) *recordForm {
	if b, ok := inDialog[*formBody](o); ok {
		return b.form
	}
	return nil
}

// escape is Escape in the form: it closes a form nothing was typed in,
// and asks first when something was, so a stray key loses nothing.
func (f *recordForm) escape() {
	if !f.touched || f.dlg == nil { // nothing typed, or a form in a screen (Settings), which stays
		f.close()
		return
	}
	askDiscard(f.win, "Close "+shortTitle(f.title)+" without saving what you typed?", f.close)
}

func (f *recordForm) close() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	if f.onClose != nil {
		f.onClose()
	}
}

// parseNumber reads a number typed the user's locale's way ("3.55", or
// "3,55" where a comma marks decimals); blank gives nil, and an ambiguous
// number is refused in words.
func (f *recordForm) parseNumber(field, what, text string) (*float64, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	v, err := models.ParseDecimal(text, f.decimal)
	if err != nil {
		return nil, &models.FieldError{Field: field, Message: what + " " + strconv.Quote(text) + " " + err.Error()}
	}
	return &v, nil
}

// numberField is a number entry that reads itself, naming its field.
type numberField struct {
	*escEntry
	form        *recordForm
	field, what string
	unit        string // the value's unit, which may be typed with it ("81.2%")
}

// in says the number is in unit, which the user may type with it.
func (n numberField) in(unit string) numberField {
	n.unit = unit
	return n
}

// number adds a number field showing v (blank when nil) the locale's way.
func (f *recordForm) number(field, label, what string, v *float64) numberField {
	text := ""
	if v != nil {
		text = models.FormatDecimal(*v, f.decimal)
	}
	return numberField{escEntry: f.entry(field, label, text), form: f, field: field, what: what}
}

// optional reads the number; blank gives nil.
func (n numberField) optional() (*float64, error) {
	return n.form.parseNumber(n.field, n.what, models.WithoutUnit(n.Text, n.unit))
}

// required reads the number and refuses a blank.
func (n numberField) required() (float64, error) {
	v, err := n.optional()
	if err == nil && v == nil {
		err = &models.FieldError{Field: n.field, Message: n.what + " is required"}
	}
	if err != nil {
		return 0, err
	}
	return *v, nil
}

// orZero reads the number; blank gives 0.
func (n numberField) orZero() (float64, error) {
	v, err := n.optional()
	if err != nil || v == nil {
		return 0, err
	}
	return *v, nil
}

// parseInt reads a whole-number field; blank gives 0.
func parseInt(field, what, text string) (int, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(text)
	if err != nil {
		return 0, &models.FieldError{Field: field, Message: what + " " + strconv.Quote(text) + " is not a whole number"}
	}
	return v, nil
}

// saveRecord creates a new record or updates an existing one.
func saveRecord[T any, P interface {
	*T
	app.Entity
}](s *app.Store, rec P) error {
	if rec.Key() == 0 {
		return app.Create(s, rec)
	}
	return app.Update(s, rec)
}

// showRecordForm opens f for a record that gather reads from the fields and
// save stores; after a save the current screen reloads.
func showRecordForm[T any](f *recordForm, e *env, gather func() (*T, error), save func(*T) error, reload func()) {
	f.readOnly = e.store.ReadOnly()
	if rec, _ := gather(); rec != nil {
		if entity, ok := any(rec).(app.Entity); ok {
			if id := entity.Key(); id != 0 {
				kind := e.store.KindOf(entity)
				f.history = func() { showHistory(e, kind, id, f.title) }
				watchForChanges(f, e, entity, reload)
			}
			problems, err := e.store.StoredProblemsFor(entity)
			if err != nil {
				e.showError(err)
			}
			f.noteStored(problems)
		}
	}
	f.show(func() error { _, err := gather(); return err }, func() error {
		rec, err := gather()
		if err != nil {
			return err
		}
		if err := save(rec); err != nil {
			return err
		}
		if entity, ok := any(rec).(app.Entity); ok {
			e.saved = savedRecord{kind: e.store.KindOf(entity), id: entity.Key()}
		}
		e.changed()
		return nil
	}, reload)
}

// fieldError is a problem with one field of a form that is not a record.
func fieldError(field, msg string) error { return &models.FieldError{Field: field, Message: msg} }

// watchForChanges makes the open form say so, and offer to reload, as soon
// as another desk saves its record, instead of only when Save is refused.
func watchForChanges(f *recordForm, e *env, rec app.Entity, reload func()) {
	check := func() {
		var now int
		var gone error
		e.run.background(func() { now, gone = e.store.VersionOf(rec) }, func() {
			if e.editing != f {
				return
			}
			if gone != nil {
				e.editing = nil // say it once, then stop watching
				f.problem.SetText("Not saved yet: " + gone.Error() + " (it may have been deleted on another desk)")
				return
			}
			if now != rec.Ver() {
				e.editing = nil // the conflict dialog offers reload; say it once
				f.showError(&app.ConflictError{What: "this record"}, reload)
			}
		})
	}
	f.recheck = check
	e.editing = f
	f.onClose = func() {
		if e.editing == f {
			e.editing = nil
		}
	}
}
