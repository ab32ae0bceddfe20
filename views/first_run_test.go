package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/models"
)

// startMyCommittee answers the welcome screen's Start my committee form.
func startMyCommittee(t *testing.T, m *mainWindow) {
	t.Helper()
	test.Tap(button(t, m.root, "Start my committee"))
	f := topForm(t, m)
	set(t, f, "Organisation", "Acme Water")
	set(t, f, "CX vision statement", "Water you never have to think about.")
	set(t, f, "Departments (one per line)", "Customer Service\nIT")
	save(t, m)
}

// fixButtonFor returns the Fix button beside the check named name.
func fixButtonFor(t *testing.T, o fyne.CanvasObject, name string) *widget.Button {
	t.Helper()
	fix := findFix(o, name)
	if fix == nil {
		t.Fatalf("no Fix button beside %q in:\n%s", name, texts(o))
	}
	return fix
}

// findFix returns the Fix button beside the check named name, or nil.
func findFix(o fyne.CanvasObject, name string) *widget.Button {
	var fix *widget.Button
	walk(o, func(x fyne.CanvasObject) bool {
		c, ok := x.(*fyne.Container)
		if !ok || fix != nil || !strings.HasPrefix(texts(c), name+"\n") {
			return fix == nil
		}
		var buttons []*widget.Button
		walk(c, func(y fyne.CanvasObject) bool {
			if b, ok := y.(*widget.Button); ok && b.Text == "Fix" {
				buttons = append(buttons, b)
			}
			return true
		})
		if len(buttons) == 1 {
			fix = buttons[0]
		}
		return fix == nil
	})
	return fix
}

func TestFirstRunChecklistFixesEachGap(t *testing.T) {
	m, _ := openApp(t, false)
	startMyCommittee(t, m)
	shown := texts(m.dashboard.body)
	if !strings.Contains(shown, "Getting started: ") || !strings.Contains(shown, " gaps to close") {
		t.Fatalf("no first-run checklist after Start my committee:\n%s", shown)
	}
	const sponsor = "An executive sponsor is named"
	test.Tap(fixButtonFor(t, m.dashboard.body, sponsor))
	f := topForm(t, m)
	set(t, f, "Name", "Rita Moreno")
	set(t, f, "Email", "rita@acme.example")
	choose(t, f, "Committee role", string(models.RoleSponsor))
	save(t, m)
	if m.current != 5 {
		t.Errorf("the sponsor's Fix showed section %d, want Committee", m.current)
	}
	m.showSection(m.dashboard)
	if findFix(m.dashboard.body, sponsor) != nil {
		t.Error("the sponsor gap is still listed after a sponsor was added")
	}

	test.Tap(fixButtonFor(t, m.dashboard.body, "Key journeys are defined, each with an active initiative"))
	if field(t, topForm(t, m), "Journey") == nil || m.current != 6 {
		t.Error("the journeys' Fix did not open a new journey form")
	}
}

func TestFirstRunChecklistSaysAllDone(t *testing.T) {
	m, _ := openApp(t, true)
	list := firstRunChecklist(m.env, []models.Check{{Name: "Vision", Passed: true}})
	if hasButton(list, "Fix") || !strings.Contains(texts(list), "all done") {
		t.Errorf("with every check passing the checklist shows:\n%s", texts(list))
	}
	if strings.Contains(texts(m.dashboard.body), "Getting started") {
		t.Error("the sample committee, not just started, shows the first-run checklist")
	}
}
