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
		widget.NewFormItem("Kind", widget.NewLabel(fmt.Sprintf("%s, better when it should %s", t.Kind, t.Direction))),
		widget.NewFormItem("Baseline", widget.NewLabel(baseline)),
		widget.NewFormItem("Target", widget.NewLabel(fmt.Sprintf("%s by %s", models.FormatValue(t.TargetValue, t.Unit), t.TargetDate))),
		widget.NewFormItem("Owner", widget.NewLabel(models.OwnerOrNone(app.Of(d.names.Members, t.OwnerID)))),
		widget.NewFormItem("Hierarchy", hierarchy),
	)
	list := container.NewVBox(heading(fmt.Sprintf("Measurements (%d)", len(d.ms))))
	for i := len(d.ms) - 1; i >= 0; i-- {
		m := d.ms[i]
		line := fmt.Sprintf("%s   %s", m.Date, models.FormatValue(m.Value, t.Unit))
		if m.SampleSize > 0 {
			line += "   n=" + strconv.Itoa(m.SampleSize)
		}
		if m.Note != "" {
			line += "   " + m.Note
		}
		list.Add(widget.NewLabel(line))
	}
	add := widget.NewButtonWithIcon("Add measurement", theme.ContentAddIcon(), d.addMeasurement)
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

func (d *targetDetail) addMeasurement() {
	f := newRecordForm(d.s.env.win, "Add measurement: "+d.t.Name)
	date := f.date("Date", "Date", d.s.env.today())
	value := f.number("Value", "Value ("+models.OrDash(d.t.Unit)+")", "measured value", nil)
	sample := f.entry("SampleSize", "Sample size", "")
	note := f.entry("Note", "Note", "")
	gather := func() (*models.Measurement, error) {
		m := &models.Measurement{TargetID: d.t.ID, Note: strings.TrimSpace(note.Text)}
		var err error
		if m.Date, err = f.parseDate("Date", "measurement date", date.Text); err != nil {
			return nil, err
		}
		if m.Value, err = value.required(); err != nil {
			return nil, err
		}
		if err := d.t.InScale("measured value", m.Value); err != nil {
			return nil, err
		}
		if m.SampleSize, err = parseInt("SampleSize", "sample size", sample.Text); err != nil {
			return nil, err
		}
		return m, m.Validate()
	}
	showRecordForm(f, d.s.env, gather, func(m *models.Measurement) error {
		if err := d.s.env.store.RecordMeasurement(m); err != nil {
			return err
		}
		d.load(d.t.ID, d.render)
		return nil
	}, func() {})
	f.win.Canvas().Focus(value)
}
