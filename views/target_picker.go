package views

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// targetPicker chooses any number of targets by name.
type targetPicker struct {
	group *widget.CheckGroup
	ids   map[string]uint
}

func newTargetPicker(names map[uint]string, selected []uint) *targetPicker {
	p := &targetPicker{ids: map[string]uint{}}
	var options, chosen []string
	for id, name := range names {
		p.ids[name] = id
		options = append(options, name)
	}
	sort.Strings(options)
	for _, id := range selected {
		if name, ok := names[id]; ok {
			chosen = append(chosen, name)
		}
	}
	p.group = widget.NewCheckGroup(options, nil)
	p.group.Horizontal = false
	p.group.SetSelected(chosen)
	return p
}

func (p *targetPicker) widget() fyne.CanvasObject { return p.group }

// selected returns the chosen target IDs.
func (p *targetPicker) selected() []uint {
	var ids []uint
	for _, name := range p.group.Selected {
		ids = append(ids, p.ids[name])
	}
	return ids
}
