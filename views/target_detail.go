package views

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// targetDetail shows a target's measurements as a chart, its place in the
// hierarchy (parent and children open in turn) and "Add measurement".
type targetDetail struct {
	s *targetsScreen
	targetData
	detailDialog
}

// targetData is what the detail shows, read off the UI goroutine.
type targetData struct {
	t        models.Target
	ms       []models.Measurement
	children []models.Target
	names    app.Names
}

// openDetail shows the detail of target id.
func (s *targetsScreen) openDetail(id uint) {
	d := &targetDetail{s: s}
	d.load(id, func() { d.open(s.env.win, d.t.Name, fyne.NewSize(960, 680), d.render) })
}

// load reads target id off the UI goroutine, then calls done.
func (d *targetDetail) load(id uint, done func()) {
	var data targetData
	d.s.env.load(func() (err error) {
		data, err = readTarget(d.s.env.store, id)
		return err
	}, func() {
		d.targetData = data
		done()
	})
}

func readTarget(st *app.Store, id uint) (targetData, error) {
	var d targetData
	var err error
	if d.t, err = app.Get[models.Target](st, id); err != nil {
		return d, err
	}
	if d.ms, err = st.Measurements(id); err != nil {
		return d, err
	}
	if d.children, err = st.ChildTargets(id); err != nil {
		return d, err
	}
	d.names, err = st.Names()
	return d, err
}

func (d *targetDetail) render() {
	t := d.t
	r := models.Evaluate(t, d.ms, d.s.env.today())
	baseline := "none recorded"
	if t.BaselineValue != nil {
		baseline = fmt.Sprintf("%s on %s", models.FormatValue(*t.BaselineValue, t.Unit), models.OrDash(t.BaselineDate.String()))
	}
	hierarchy := container.NewVBox()
	if t.ParentID != nil {
		pid := *t.ParentID
		hierarchy.Add(link("↑ "+d.names.Targets[pid], "feeds this parent", func() { d.reopen(pid) }))
	}
	for _, c := range d.children {
		cid := c.ID
		hierarchy.Add(link("↓ "+c.Name, string(c.Kind)+" metric feeding this one", func() { d.reopen(cid) }))
	}
	if len(hierarchy.Objects) == 0 {
		hierarchy.Add(widget.NewLabel("Not linked to other targets"))
	}
	facts := widget.NewForm(
		widget.NewFormItem("Status", container.NewHBox(targetBadge(r.Status))),
		widget.NewFormItem("Why", wrapped(r.Reason)),
		widget.NewFormItem("Kind", wrapped(fmt.Sprintf("%s, better when it should %s", t.Kind, t.Direction))),
		widget.NewFormItem("Baseline", wrapped(baseline)),
		widget.NewFormItem("Target", wrapped(fmt.Sprintf("%s by %s", models.FormatValue(t.TargetValue, t.Unit), t.TargetDate))),
		widget.NewFormItem("Owner", wrapped(models.OwnerOrNone(app.Of(d.names.Members, t.OwnerID)))),
		widget.NewFormItem("Hierarchy", hierarchy),
	)
	rows := []fyne.CanvasObject{heading(fmt.Sprintf("Measurements (%d)", len(d.ms)))}
	for i := len(d.ms) - 1; i >= 0; i-- {
		rows = append(rows, d.measurementRow(d.ms[i]))
	}
	list := container.NewVBox(rows...)
	add := widget.NewButtonWithIcon("Add measurement", theme.ContentAddIcon(), func() { d.measurementForm(models.Measurement{TargetID: t.ID, Date: d.s.env.today()}) })
	add.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { d.close(); d.s.edit(d.t) })
	closeBtn := widget.NewButton("Close", d.close)
	right := container.NewBorder(nil, container.NewHBox(add, edit, closeBtn), nil, nil, container.NewVScroll(container.NewVBox(facts, list)))
	split := container.NewHSplit(newTargetChart(t, d.ms), right)
	split.Offset = 0.55
	d.set(container.NewAppTabs(
		container.NewTabItem("Overview", split),
		container.NewTabItem("History", historyList(d.s.env, models.RecordTarget, d.t.ID))))
}

// reopen walks the hierarchy: shows another target in this dialog.
func (d *targetDetail) reopen(id uint) {
	d.close()
	d.s.openDetail(id)
}

// measurementRow is one reading in the list, with Edit and Delete.
func (d *targetDetail) measurementRow(m models.Measurement) fyne.CanvasObject {
	line := fmt.Sprintf("%s   %s", m.Date, models.FormatValue(m.Value, d.t.Unit))
	if m.SampleSize > 0 {
		line += "   n=" + strconv.Itoa(m.SampleSize)
	}
	if m.Note != "" {
		line += "   " + m.Note
	}
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { d.measurementForm(m) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.deleteMeasurement(m) })
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), wrapped(line))
}

// reading names a measurement for the user: "32% on 2026-10-01".
func (d *targetDetail) reading(m models.Measurement) string {
	return models.FormatValue(m.Value, d.t.Unit) + " on " + m.Date.String()
}

// deleteMeasurement asks, naming the reading, then deletes it.
func (d *targetDetail) deleteMeasurement(m models.Measurement) {
	d.s.env.confirmDelete("the measurement "+d.reading(m), "", func() error {
		if err := app.Delete[models.Measurement](d.s.env.store, m.ID); err != nil {
			return err
		}
		d.load(d.t.ID, d.render)
		return nil
	})
}

// measurementForm adds a measurement (m.ID is 0) or edits one.
func (d *targetDetail) measurementForm(m models.Measurement) {
	title := "Add measurement: " + d.t.Name
	var value *float64
	if m.ID != 0 {
		title = "Edit measurement: " + d.t.Name
		value = &m.Value
	}
	sampleText := ""
	if m.SampleSize > 0 {
		sampleText = strconv.Itoa(m.SampleSize)
	}
	f := newRecordForm(d.s.env.win, title)
	date := f.date("Date", "Date", m.Date)
	val := f.number("Value", "Value ("+models.OrDash(d.t.Unit)+")", "measured value", value).in(d.t.Unit)
	sample := f.entry("SampleSize", "Sample size", sampleText)
	note := f.entry("Note", "Note", m.Note)
	gather := func() (*models.Measurement, error) {
		rec := m
		rec.Note = strings.TrimSpace(note.Text)
		var read problems
		rec.Date = read.day(f.parseDate("Date", "measurement date", date.Text))
		for _, other := range d.ms { // one reading a day: a second one is most often the first typed again
			if other.ID != rec.ID && !other.Date.IsZero() && other.Date.Equal(rec.Date) {
				read.add(fieldError("Date", "there is already a reading on "+rec.Date.String()+" ("+
					models.FormatValue(other.Value, d.t.Unit)+"): edit that one instead"))
				break
			}
		}
		rec.Value = read.amount(val.required())
		rec.SampleSize = read.whole(parseInt("SampleSize", "sample size", sample.Text))
		return &rec, read.and(models.JoinProblems(d.t.InScale("measured value", rec.Value), rec.Validate()))
	}
	showRecordForm(f, d.s.env, gather, func(rec *models.Measurement) error {
		save := d.s.env.store.RecordMeasurement
		if rec.ID != 0 {
			save = func(rec *models.Measurement) error { return app.Update(d.s.env.store, rec) }
		}
		if err := save(rec); err != nil {
			return err
		}
		d.load(d.t.ID, d.render)
		return nil
	}, func() { d.load(d.t.ID, d.render) })
	f.win.Canvas().Focus(val)
}
