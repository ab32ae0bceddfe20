package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// journeyPage shows one key journey: its owner, its initiatives with their
// health, the targets they move, and whether the journey is covered.
type journeyPage struct {
	s    *journeysScreen
	data app.JourneyPage
	detailDialog
}

// openPage reads journey id's page, then shows it.
func (s *journeysScreen) openPage(id uint) {
	s.env.router.show(s)
	var data app.JourneyPage
	s.env.load(func() (err error) {
		data, err = s.env.store.JourneyPage(id, s.env.today())
		return err
	}, func() {
		p := &journeyPage{s: s, data: data}
		p.open(s.env.win, "Journey: "+data.Journey.Name, fyne.NewSize(820, 600), p.render)
	})
}

func (p *journeyPage) render() {
	j := p.data.Journey
	facts := widget.NewForm(
		widget.NewFormItem("Owner", widget.NewLabel(models.OwnerOrNone(p.data.Owner))),
		widget.NewFormItem("Priority", widget.NewLabel(itoa(j.Priority))),
		widget.NewFormItem("Covered", p.coverage()),
		widget.NewFormItem("Description", wrapped(models.OrDash(j.Description))),
	)
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() {
		p.close()
		p.s.edit(j)
	})
	buttons := container.NewHBox(edit, widget.NewButton("Close", p.close))
	lists := container.NewVBox(facts, widget.NewSeparator(), p.initiatives(), widget.NewSeparator(), p.targets())
	p.set(container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(lists)))
}

// coverage says in words whether an active initiative serves the journey,
// as the governance check judges it.
func (p *journeyPage) coverage() fyne.CanvasObject {
	b := newBadge()
	b.label.Truncation = fyne.TextTruncateOff
	if p.data.Covered {
		b.set("yes", colourGreen)
		return container.NewVBox(fixedWidth(b, 70), wrapped("An active initiative serves this journey."))
	}
	b.set("no", colourRed)
	return container.NewVBox(fixedWidth(b, 70), wrapped("No active initiative serves this journey, so the governance check "+
		"“Key journeys are defined, each with an active initiative” fails."))
}

// initiatives lists the journey's initiatives with their health; each opens.
func (p *journeyPage) initiatives() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, i := range p.data.Initiatives {
		id := i.ID
		reason := fmt.Sprintf("%s · %d%% complete · %s", i.Status, i.PercentComplete, models.OwnerOrNone(i.Owner))
		if i.HealthReason != "" {
			reason += " · " + i.HealthReason
		}
		items = append(items, container.NewBorder(nil, nil, fixedWidth(healthBadge(i.Health), 84), nil,
			link(i.Title, reason, func() { p.follow(models.RecordInitiative, id) })))
	}
	return listBox(fmt.Sprintf("Initiatives (%d)", len(items)), "No initiative is on this journey yet.", items)
}

// targets lists the targets the journey's initiatives move; each opens.
func (p *journeyPage) targets() fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, r := range p.data.Targets {
		id := r.Target.ID
		items = append(items, container.NewBorder(nil, nil, fixedWidth(targetBadge(r.Reading.Status), 110), nil,
			link(r.Target.Name, r.Reading.Reason, func() { p.follow(models.RecordTarget, id) })))
	}
	return listBox(fmt.Sprintf("Targets its initiatives move (%d)", len(items)), "None: link targets to its initiatives.", items)
}

// follow closes the page and opens a record it lists.
func (p *journeyPage) follow(kind models.RecordKind, id uint) {
	p.close()
	p.s.env.open(kind, id)
}
