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

// initiativeDetail shows one initiative, its status history as a timeline,
// and the representative's main flow: Post update.
type initiativeDetail struct {
	s *initiativesScreen
	initiativeData
	detailDialog
}

// initiativeData is what the detail shows, read off the UI goroutine.
type initiativeData struct {
	ini      models.Initiative
	names    app.Names
	hist     []models.StatusUpdate
	currency string // the organisation's, for the money
}

func readInitiative(st *app.Store, id uint) (initiativeData, error) {
	var d initiativeData
	var err error
	if d.ini, err = st.Initiative(id); err != nil {
		return d, err
	}
	if d.names, err = st.Names(); err != nil {
		return d, err
	}
	p, _, err := st.Settings()
	if err != nil {
		return d, err
	}
	d.currency = p.Currency
	d.hist, err = st.StatusUpdates(id)
	return d, err
}

// withInitiative reads initiative id, then calls show with its detail.
func (s *initiativesScreen) withInitiative(id uint, show func(*initiativeDetail)) {
	var data initiativeData
	s.env.load(func() (err error) {
		data, err = readInitiative(s.env.store, id)
		return err
	}, func() { show(&initiativeDetail{s: s, initiativeData: data}) })
}

// openDetail shows the detail of initiative id.
func (s *initiativesScreen) openDetail(id uint) {
	s.withInitiative(id, func(d *initiativeDetail) {
		d.open(s.env.win, d.ini.Title, fyne.NewSize(900, 640), d.render)
	})
}

// postUpdateFor opens "Post update" for initiative id without its detail.
func (s *initiativesScreen) postUpdateFor(id uint) {
	s.withInitiative(id, func(d *initiativeDetail) { d.postUpdate() })
}

// refresh re-reads and redraws an open detail after a change.
func (d *initiativeDetail) refresh() {
	if !d.shown() {
		return
	}
	var data initiativeData
	d.s.env.load(func() (err error) {
		data, err = readInitiative(d.s.env.store, d.ini.ID)
		return err
	}, func() {
		d.initiativeData = data
		d.render()
	})
}

func (d *initiativeDetail) render() {
	i := d.ini
	facts := widget.NewForm(
		widget.NewFormItem("Status", wrapped(string(i.Status))),
		widget.NewFormItem("Health", container.NewVBox(fixedWidth(healthBadge(i.Health), 90), wrapped(i.HealthReason))),
		widget.NewFormItem("Complete", widget.NewLabel(strconv.Itoa(i.PercentComplete)+"%")),
		widget.NewFormItem("Owner", wrapped(models.OwnerOrNone(app.Of(d.names.Members, i.OwnerID)))),
		widget.NewFormItem("Department", wrapped(app.Of(d.names.Departments, i.LeadDepartmentID))),
		widget.NewFormItem("Journey", wrapped(app.Of(d.names.Journeys, i.JourneyID))),
		widget.NewFormItem("Pillar / goal", wrapped(i.Pillar+" / "+i.BusinessGoal)),
		widget.NewFormItem("Expected benefit", wrapped(benefitText(i.ExpectedBenefit, d.currency))),
		widget.NewFormItem("Money", wrapped(moneyText(i, d.currency))),
		widget.NewFormItem("Dates", widget.NewLabel(fmt.Sprintf("%s → %s", models.OrDash(i.StartDate.String()), models.OrDash(i.DueDate.String())))),
		widget.NewFormItem("Targets", wrapped(d.targetNames())),
		widget.NewFormItem("Problem", wrapped(i.Description)),
	)
	post := widget.NewButtonWithIcon("Post update", theme.ContentAddIcon(), d.postUpdate)
	post.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() {
		d.close()
		d.s.edit(d.ini, targetIDsOf(d.ini))
	})
	closeBtn := widget.NewButton("Close", d.close)
	buttons := container.NewHBox(post, edit, closeBtn)
	rows := []fyne.CanvasObject{heading("Status history (" + models.Count(len(d.hist), "update", "updates") + ")")}
	if len(d.hist) == 0 {
		rows = append(rows, widget.NewLabel("No status update yet. Post the first one."))
	}
	for _, u := range d.hist {
		who := app.Of(d.names.Members, u.AuthorID)
		line := heading(fmt.Sprintf("%s · %s · %d%% complete", u.Date, models.OrDash(who), u.PercentComplete))
		line.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, fixedWidth(healthBadge(u.Health), 84), nil, container.NewVBox(line, wrapped(u.Note))),
			widget.NewSeparator())
	}
	timeline := container.NewVBox(rows...)
	left := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(facts))
	split := container.NewHSplit(left, container.NewVScroll(timeline))
	split.Offset = 0.5
	d.set(container.NewAppTabs(
		container.NewTabItem("Overview", split),
		container.NewTabItem("History", historyList(d.s.env, models.RecordInitiative, i.ID))))
}

func (d *initiativeDetail) targetNames() string {
	var n []string
	for _, t := range d.ini.Targets {
		n = append(n, d.names.Targets[t.ID])
	}
	if len(n) == 0 {
		return "none linked"
	}
	return strings.Join(n, ", ")
}

// postUpdate asks for health, progress, note and author, and records them.
func (d *initiativeDetail) postUpdate() {
	f := newRecordForm(d.s.env.win, "Post update: "+d.ini.Title)
	health := f.choice("Health", models.Words(models.Healths), string(d.ini.Health))
	pct := f.entry("PercentComplete", "Percent complete", strconv.Itoa(d.ini.PercentComplete))
	note := f.multiline("Note", "Note", "")
	note.SetPlaceHolder("What moved, what is blocked, what you need from the committee")
	author := f.ref("Author", d.names.Members, firstRef(d.s.env.me, d.ini.OwnerID), false)
	date := f.date("Date", "Date", d.s.env.today())
	gather := func() (*models.StatusUpdate, error) {
		u := &models.StatusUpdate{InitiativeID: d.ini.ID, Health: models.Health(health.Selected), Note: strings.TrimSpace(note.Text), AuthorID: author.id()}
		var read problems
		u.PercentComplete = read.whole(parseInt("PercentComplete", "percent complete", pct.Text))
		u.Date = read.day(f.parseDate("Date", "update date", date.Text))
		return u, read.and(u.Validate())
	}
	showRecordForm(f, d.s.env, gather, func(u *models.StatusUpdate) error {
		if err := d.s.env.store.PostStatusUpdate(u); err != nil {
			return err
		}
		d.refresh()
		return nil
	}, func() {})
	f.win.Canvas().Focus(note)
}

// firstRef is the first link that is set.
func firstRef(ids ...*uint) *uint {
	for _, id := range ids {
		if id != nil {
			return id
		}
	}
	return nil
}

// benefitText is the expected annual benefit with its thousands grouped
// the user's way; the settings name no currency, so none is shown.
func benefitText(v float64, currency string) string {
	if v == 0 {
		return "not stated"
	}
	return money(v, currency) + " a year"
}

// moneyText says an initiative's budget, spend and realised benefit.
func moneyText(i models.Initiative, currency string) string {
	if i.Budget == 0 && i.SpendToDate == 0 && i.RealisedBenefit == 0 {
		return "no budget, spend or realised benefit recorded"
	}
	spent := "spent " + money(i.SpendToDate, currency)
	if i.Budget > 0 {
		spent += fmt.Sprintf(" (%.0f%%)", 100*models.Share(i.SpendToDate, i.Budget))
	}
	return "budget " + money(i.Budget, currency) + " · " + spent + " · benefit realised " + money(i.RealisedBenefit, currency)
}

// money writes an amount with the locale's thousands grouping and the
// organisation's currency.
func money(v float64, currency string) string {
	n := models.FormatGrouped(v, userDecimalMark())
	if sym := models.CurrencySymbol(currency); sym != "" {
		return sym + n
	}
	if currency != "" {
		return n + " " + currency
	}
	return n
}
