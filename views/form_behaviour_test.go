package views

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// hints joins the small lines under a form's fields.
func hints(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(x fyne.CanvasObject) bool {
		if t, ok := x.(*canvas.Text); ok && t.Visible() {
			b.WriteString(t.Text + "\n")
		}
		return true
	})
	return b.String()
}

// fieldY is the height on the window at which the field labelled label is.
func fieldY(t *testing.T, f *widget.Form, label string) float32 {
	t.Helper()
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(field(t, f, label)).Y
}

func TestFormSaysNothingBeforeAFieldIsLeftAndNothingMoves(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.targets)
	test.Tap(button(t, m.body, "New"))
	f := topForm(t, m)
	if got := hints(top(t, m)) + texts(top(t, m)); strings.Contains(got, "required") {
		t.Fatalf("the empty form complains before anything is typed:\n%s", got)
	}
	kind := fieldY(t, f, "Kind")
	name := field(t, f, "Name").(*escEntry)
	test.Type(name, "x")
	name.SetText("")
	if strings.Contains(hints(top(t, m)), "target name is required") {
		t.Error("the message shows while the field is still being typed in")
	}
	name.FocusLost()
	if !strings.Contains(hints(top(t, m)), "target name is required") {
		t.Errorf("leaving the blank name says nothing:\n%s", hints(top(t, m)))
	}
	if y := fieldY(t, f, "Kind"); y != kind {
		t.Errorf("the message moved the next field from %v to %v", kind, y)
	}
	set(t, f, "Name", "Digital self-service rate")
	if strings.Contains(hints(top(t, m)), "target name is required") {
		t.Error("the message stays after the name is typed")
	}
	if y := fieldY(t, f, "Kind"); y != kind {
		t.Errorf("the message going moved the next field from %v to %v", kind, y)
	}
}

func TestEnterSavesTheForm(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.committee)
	m.committee.tabs.tabs.SelectIndex(1)
	m.committee.newRecord()
	name := field(t, topForm(t, m), "Name").(*escEntry)
	test.Type(name, "Procurement")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	noDialog(t, m)
	depts, _ := app.List[models.Department](s, "id")
	if depts[len(depts)-1].Name != "Procurement" {
		t.Errorf("Enter did not save: last department is %q", depts[len(depts)-1].Name)
	}
}

func TestEnterOnAnInvalidFormSaysWhy(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.committee)
	m.committee.tabs.tabs.SelectIndex(1)
	m.committee.newRecord()
	field(t, topForm(t, m), "Head of department").(*escEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(texts(top(t, m)), "department name is required") {
		t.Errorf("Enter on a blank form does not say what is missing:\n%s", texts(top(t, m)))
	}
}

// newTargetValue types value as the target value of a new target and
// saves; it returns what the form says when it stays open.
func newTargetValue(t *testing.T, m *mainWindow, value string) string {
	t.Helper()
	m.showSection(m.targets)
	test.Tap(button(t, m.body, "New"))
	f := topForm(t, m)
	set(t, f, "Name", "Callback rate")
	set(t, f, "Baseline value", "")
	set(t, f, "Target value", value)
	pressSave(t, m)
	if o := m.win.Canvas().Overlays().Top(); o != nil {
		return texts(o)
	}
	return ""
}

func TestNumbersFollowTheLocale(t *testing.T) {
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	t.Setenv("LANG", "de_DE.UTF-8")
	m, s := openApp(t, true)
	if msg := newTargetValue(t, m, "3,55"); msg != "" {
		t.Fatalf("3,55 refused where a comma marks decimals:\n%s", msg)
	}
	targets, _ := app.List[models.Target](s, "id")
	if got := targets[len(targets)-1].TargetValue; got != 3.55 {
		t.Errorf("3,55 stored as %v, want 3.55", got)
	}
}

func TestAnAmbiguousNumberIsRefusedInWords(t *testing.T) {
	t.Setenv("LC_ALL", "en_GB.UTF-8")
	t.Setenv("LANG", "en_GB.UTF-8")
	m, s := openApp(t, true)
	msg := newTargetValue(t, m, "3,55")
	if !strings.Contains(msg, `target value "3,55" is ambiguous: write decimals with a point (3.55)`) {
		t.Errorf("3,55 not refused in words:\n%s", msg)
	}
	targets, _ := app.List[models.Target](s, "id")
	if targets[len(targets)-1].TargetValue == 355 {
		t.Error("3,55 was stored as 355")
	}
}

func TestDateFieldsPickFromACalendar(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.initiatives)
	m.initiatives.newRecord()
	due := field(t, topForm(t, m), "Due date").(*dateField)
	test.Tap(due.ActionItem.(*widget.Button))
	var day *widget.Button
	walk(m.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "15" {
			day = b
		}
		return day == nil
	})
	if day == nil {
		t.Fatal("no calendar opened")
	}
	test.Tap(day)
	if !regexp.MustCompile(`^\d{4}-\d{2}-15$`).MatchString(due.Text) {
		t.Errorf("the picked date reads %q, want YYYY-MM-15", due.Text)
	}
}

func TestWheelScrollsTheFormOverAField(t *testing.T) {
	m, _ := openApp(t, true)
	m.win.Resize(fyne.NewSize(900, 480))
	m.showSection(m.initiatives)
	m.initiatives.newRecord()
	f := topForm(t, m)
	problem := field(t, f, "Customer problem")
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(problem).Add(fyne.NewPos(20, 20))
	var layer *wheelLayer
	walk(top(t, m), func(o fyne.CanvasObject) bool {
		if w, ok := o.(*wheelLayer); ok {
			layer = w
		}
		return layer == nil
	})
	if layer == nil {
		t.Fatal("the form does not scroll")
	}
	test.Scroll(m.win.Canvas(), at, 0, -120)
	if layer.scroll.Offset.Y <= 0 {
		t.Error("the wheel over a text area did not scroll the form")
	}
}

// Escape closes a form nothing was typed in at once; once something was
// typed it asks first, and Keep editing keeps what was typed.
func TestEscapeAsksBeforeDiscardingWhatWasTyped(t *testing.T) {
	m, s := openApp(t, true)
	m.showSection(m.journeys)
	before, _ := app.List[models.Journey](s, "id")
	for _, via := range []string{"the field", "the window"} {
		t.Run(via, func(t *testing.T) {
			escape := func(e *escEntry) {
				if via == "the field" {
					e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
				} else {
					m.closeTopDialog()
				}
			}
			ctrlKey(m, fyne.KeyN)
			e := field(t, topForm(t, m), "Journey").(*escEntry)
			escape(e)
			noDialog(t, m)

			ctrlKey(m, fyne.KeyN)
			e = field(t, topForm(t, m), "Journey").(*escEntry)
			test.Type(e, "Returns")
			escape(e)
			if !strings.Contains(texts(top(t, m)), "without saving what you typed") {
				t.Fatalf("Escape after typing did not ask:\n%s", texts(top(t, m)))
			}
			test.Tap(button(t, top(t, m), "Keep editing"))
			if e := field(t, topForm(t, m), "Journey").(*escEntry); e.Text != "Returns" {
				t.Errorf("Keep editing left %q in the form", e.Text)
			}
			escape(e)
			test.Tap(button(t, top(t, m), "Discard"))
			noDialog(t, m)
		})
	}
	if after, _ := app.List[models.Journey](s, "id"); len(after) != len(before) {
		t.Errorf("discarding saved a journey: %d → %d", len(before), len(after))
	}
}

// A choice changed in a form counts as something typed: Escape asks
// before throwing it away. Escape in the Settings screen, which is not a
// dialog, asks nothing.
func TestEscapeAsksAfterAChoiceAndNotInSettings(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.initiatives)
	ctrlKey(m, fyne.KeyN)
	f := topForm(t, m)
	choose(t, f, "Status", string(models.InitiativeActive))
	m.closeTopDialog()
	if !strings.Contains(texts(top(t, m)), "without saving what you typed") {
		t.Fatalf("Escape after a choice did not ask:\n%s", texts(top(t, m)))
	}
	test.Tap(button(t, top(t, m), "Discard"))
	noDialog(t, m)

	m.showSection(m.settings)
	e := field(t, m.settings.form.form, "Organisation").(*escEntry)
	test.Type(e, " Ltd")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if o := m.win.Canvas().Overlays().Top(); o != nil {
		t.Errorf("Escape in Settings asked:\n%s", texts(o))
	}
}

// Settings typed and not saved are kept on the Settings screen when the
// user goes elsewhere, and they are told.
func TestUnsavedSettingsAreKeptAndMentioned(t *testing.T) {
	m, _ := openApp(t, true)
	m.showSection(m.settings)
	e := field(t, m.settings.form.form, "Organisation").(*escEntry)
	test.Type(e, " Ltd")
	typed := e.Text
	m.show(0)
	if got := texts(top(t, m)); !strings.Contains(got, "not saved yet") {
		t.Errorf("leaving Settings with changes says:\n%s", got)
	}
	m.closeTopDialog()
	m.showSection(m.settings)
	if got := field(t, m.settings.form.form, "Organisation").(*escEntry).Text; got != typed {
		t.Errorf("back on Settings the organisation reads %q, want %q as typed", got, typed)
	}
}

// Quitting with Settings typed and not saved asks first.
func TestQuitAsksAboutUnsavedSettings(t *testing.T) {
	m, _ := openApp(t, true)
	closed := false
	m.closing = func() { closed = true }
	m.showSection(m.settings)
	test.Type(field(t, m.settings.form.form, "Organisation").(*escEntry), " Ltd")
	m.quit()
	if closed || !strings.Contains(texts(top(t, m)), "Quit without saving your changes to Settings?") {
		t.Fatalf("quit with unsaved settings closed %v, asked:\n%s", closed, texts(top(t, m)))
	}
	test.Tap(button(t, top(t, m), "Quit without saving"))
	if !closed {
		t.Error("Quit without saving did not close the window")
	}
}

// TestSaveNamesEveryFieldThatNeedsWork: Save on a form with several
// problems marks each field under it and lists all of them, topmost first,
// with the focus on the topmost field; nothing is saved.
func TestSaveNamesEveryFieldThatNeedsWork(t *testing.T) {
	m, s := openApp(t, true)
	before, _ := app.List[models.Initiative](s, "id")
	f := newRecordIn(t, m, m.initiatives)
	set(t, f, "Title", "")
	choose(t, f, "Health", "red")
	set(t, f, "Health reason", "")
	set(t, f, "Percent complete", "half")
	set(t, f, "Due date", "soon")
	pressSave(t, m)
	want := []string{"initiative title is required", "a reason is required when health is red",
		`percent complete "half" is not a whole number`, "due date"}
	under := hints(f) // the lines under the fields, not the one under the form
	for _, w := range want {
		if !strings.Contains(under, w) {
			t.Errorf("no message %q under its field:\n%s", w, under)
		}
	}
	line := texts(top(t, m))
	at := -1
	for _, w := range want {
		i := strings.Index(line, w)
		if i < at {
			t.Errorf("%q is not listed after the field above it:\n%s", w, line)
		}
		at = i
	}
	if focused := m.win.Canvas().Focused(); any(focused) != any(field(t, f, "Title")) {
		t.Errorf("the focus is on %T, want the title, the topmost field that needs work", focused)
	}
	after, _ := app.List[models.Initiative](s, "id")
	if len(after) != len(before) {
		t.Error("a form with problems saved a record")
	}
}

// TestNoTickBeforeAFieldIsJudged: a number typed in a form the app will
// refuse ("6,5 %" as a whole number) shows no ✓ while it is typed; leaving
// the field says what is wrong, and a good value then earns the ✓.
func TestNoTickBeforeAFieldIsJudged(t *testing.T) {
	m, _ := openApp(t, true)
	f := newRecordIn(t, m, m.initiatives)
	pct := field(t, f, "Percent complete").(*escEntry)
	m.win.Canvas().Focus(pct)
	pct.SetText("")
	test.Type(pct, "6,5 %")
	if ticked(pct) {
		t.Error("6,5 % shows a ✓ while it is typed, though Save refuses it")
	}
	pct.FocusLost()
	if ticked(pct) || !strings.Contains(hints(f), `percent complete "6,5 %" is not a whole number`) {
		t.Errorf("leaving 6,5 %% does not say it is refused:\n%s", hints(f))
	}
	pct.SetText("65")
	if !ticked(pct) {
		t.Error("65, once the field was judged, shows no ✓")
	}
}

// ticked says whether a field shows Fyne's ✓ (the confirm icon).
func ticked(e fyne.Widget) bool {
	found := false
	walk(e, func(o fyne.CanvasObject) bool {
		if img, ok := o.(*canvas.Image); ok && img.Visible() && img.Resource != nil &&
			strings.Contains(img.Resource.Name(), theme.ConfirmIcon().Name()) {
			found = true
		}
		return !found
	})
	return found
}

// TestAFieldsMessageFollowsTheOthers: after Save, choosing red health
// puts "a reason is required" under the reason, though a field above it is
// still blank, and choosing green again takes it away.
func TestAFieldsMessageFollowsTheOthers(t *testing.T) {
	m, _ := openApp(t, true)
	f := newRecordIn(t, m, m.initiatives)
	pressSave(t, m) // the blank title stays wrong throughout
	choose(t, f, "Health", "red")
	if !strings.Contains(hints(f), "a reason is required when health is red") {
		t.Errorf("red health without a reason says nothing under the reason:\n%s", hints(f))
	}
	choose(t, f, "Health", "green")
	if strings.Contains(hints(f), "a reason is required") {
		t.Errorf("the reason's message stays after health is green again:\n%s", hints(f))
	}
}

// newRecordIn opens sc and its New form, and returns the form.
func newRecordIn(t *testing.T, m *mainWindow, sc screen) *widget.Form {
	t.Helper()
	m.showSection(sc)
	test.Tap(button(t, m.body, "New"))
	return topForm(t, m)
}
