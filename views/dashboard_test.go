package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

func TestDashboardShowsTheDemoCommittee(t *testing.T) {
	m, _ := openApp(t, true)
	d := m.dashboard.data
	// The two proposals not started have no health to count.
	if d.ByHealth[models.HealthGreen] != 3 || d.ByHealth[models.HealthAmber] != 5 || d.ByHealth[models.HealthRed] != 2 {
		t.Errorf("initiatives under way by health = %v, want 3 green, 5 amber, 2 red", d.ByHealth)
	}
	if d.ByStatus[models.InitiativeActive] != 9 || d.ByStatus[models.InitiativeDone] != 2 {
		t.Errorf("by status = %v", d.ByStatus)
	}
	shown := texts(m.dashboard.body)
	for _, want := range []string{
		"Initiatives needing attention (5)", "Overdue actions (4)", "Decisions due for review (2)",
		"Departments without a representative (2)", "Legal", "CX Committee – December 2026",
		"Governance health check: 5 of 12 pass", "Targets scorecard", "Net Promoter Score",
		"Every customer finds us easy to deal with",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("dashboard does not show %q", want)
		}
	}
}

func TestDashboardMovesWhenAnUpdateIsPosted(t *testing.T) {
	m, s := openApp(t, true)
	// Dashboard → click the red initiative → Post update → Save: three clicks.
	click(linkTo(t, m.dashboard.body, "Bill shock alerts"))
	test.Tap(button(t, top(t, m), "Post update"))
	f := topForm(t, m)
	choose(t, f, "Health", "green")
	set(t, f, "Percent complete", "50")
	set(t, f, "Note", "Gateway passed its security review on retest.")
	save(t, m)
	test.Tap(button(t, top(t, m), "Close"))
	m.dashboard.reload()
	d := m.dashboard.data
	if d.ByHealth[models.HealthRed] != 1 || d.ByHealth[models.HealthGreen] != 4 {
		t.Errorf("after the update: %v, want 1 red and 4 green", d.ByHealth)
	}
	if strings.Contains(texts(m.dashboard.body), "red: SMS gateway") {
		t.Error("the initiative still shows as red on the dashboard")
	}
	hist, err := s.StatusUpdates(m.dashboard.data.NeedsAttention[0].ID)
	if err != nil || len(hist) == 0 {
		t.Errorf("no history: %d updates, %v", len(hist), err)
	}
}

func TestDashboardOpensRecordsWhenClicked(t *testing.T) {
	m, _ := openApp(t, true)
	click(linkTo(t, m.dashboard.body, "Draft the payment-plan policy with Legal"))
	if got := field(t, topForm(t, m), "Action (start with a verb)").(*escEntry).Text; got != "Draft the payment-plan policy with Legal" {
		t.Errorf("opened action %q", got)
	}
	if m.current != 4 {
		t.Errorf("section %d shown, want Decisions & actions", m.current)
	}
}

func TestDashboardFits1024By700AndStacksWhenNarrow(t *testing.T) {
	m, _ := openApp(t, true)
	m.win.Resize(fyne.NewSize(1024, 700))
	if min := m.win.Content().MinSize(); min.Width > 800 || min.Height > 700 {
		t.Errorf("the window needs at least %v, want at most 800 wide and 700 high", min)
	}
	d := fyne.CurrentApp().Driver()
	walk(m.dashboard.body, func(o fyne.CanvasObject) bool {
		if right := d.AbsolutePositionForObject(o).X + o.Size().Width; o.Visible() && right > 1024+0.5 {
			t.Errorf("%T %q ends at x=%.0f, beyond the 1024-pixel window", o, texts(o), right)
			return false
		}
		return true
	})
	health, status := labelled(t, m.dashboard.body, "Initiatives under way, by health"), labelled(t, m.dashboard.body, "Initiatives by status")
	if y1, y2 := d.AbsolutePositionForObject(health).Y, d.AbsolutePositionForObject(status).Y; y1 != y2 {
		t.Errorf("at 1024 pixels the charts are stacked (y %.0f and %.0f), want side by side", y1, y2)
	}
	m.win.Resize(fyne.NewSize(800, 700))
	if x1, x2 := d.AbsolutePositionForObject(health).X, d.AbsolutePositionForObject(status).X; x1 != x2 {
		t.Errorf("at 800 pixels the charts are side by side (x %.0f and %.0f), want stacked", x1, x2)
	}
}

// labelled finds the label with the given text inside o.
func labelled(t *testing.T, o fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	var found *widget.Label
	walk(o, func(x fyne.CanvasObject) bool {
		if l, ok := x.(*widget.Label); ok && l.Text == text {
			found = l
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no label %q", text)
	}
	return found
}

func TestGovernanceChecksWrapAndOpenTheirRecords(t *testing.T) {
	m, _ := openApp(t, true)
	m.win.Resize(fyne.NewSize(1024, 700))
	long := linkTo(t, m.dashboard.body, "Every department is represented by someone with decision authority")
	if long.Wrapping != fyne.TextWrapWord || long.Truncation != fyne.TextTruncateOff || long.Size().Width > m.dashboard.body.Size().Width {
		t.Errorf("the long check name (%.0f wide in %.0f) is cut or runs off the dashboard instead of wrapping", long.Size().Width, m.dashboard.body.Size().Width)
	}
	var linked models.Check
	for _, c := range m.dashboard.data.Checks {
		if c.Name == "Every active initiative has a fresh status update" {
			linked = c
		}
	}
	if len(linked.IDs) < 2 {
		t.Fatalf("the demo should fail the fresh-update check on several initiatives: %+v", linked)
	}
	click(linkTo(t, m.dashboard.body, linked.Name))
	reg := m.initiatives.reg
	if m.current != 1 || len(reg.shown) != len(linked.IDs) || len(reg.all) <= len(linked.IDs) {
		t.Fatalf("section %d shows %d of %d initiatives, want the %d the check names", m.current, len(reg.shown), len(reg.all), len(linked.IDs))
	}
	for _, row := range reg.shown {
		if !strings.Contains(linked.Reason, row.Title) {
			t.Errorf("%q is shown but the check does not name it", row.Title)
		}
	}
	test.Type(reg.filter, "a")
	reg.filter.SetText("")
	if len(reg.shown) != len(reg.all) {
		t.Errorf("after typing in the filter %d of %d initiatives are shown, want all", len(reg.shown), len(reg.all))
	}

	m.showSection(m.dashboard)
	click(linkTo(t, m.dashboard.body, linked.Name))
	m.nav.Select(0)
	m.nav.Select(1)
	if len(reg.shown) != len(reg.all) {
		t.Errorf("after picking Initiatives in the sidebar %d of %d initiatives are shown, want all", len(reg.shown), len(reg.all))
	}

	m.showSection(m.dashboard)
	click(linkTo(t, m.dashboard.body, "Every department is represented by someone with decision authority"))
	if m.current != 5 || len(m.committee.depts.shown) != 2 || m.committee.tabs.tabs.SelectedIndex() != 1 {
		t.Errorf("section %d tab %d shows %d departments, want the 2 without a representative",
			m.current, m.committee.tabs.tabs.SelectedIndex(), len(m.committee.depts.shown))
	}
}

func TestGovernanceCheckNamingOneRecordOpensIt(t *testing.T) {
	m, _ := openApp(t, true)
	m.router.openRecords(models.RecordDecision, []uint{m.dashboard.data.DecisionsDue[0].ID})
	if got := field(t, topForm(t, m), "Statement").(*escEntry).Text; got != m.dashboard.data.DecisionsDue[0].Statement {
		t.Errorf("opened decision %q", got)
	}
}

// A large committee's dashboard shows the first records of each list and
// counts the rest; "… and N more" opens the register with the whole list.
func TestDashboardListsShowTheFirstAndOpenTheRest(t *testing.T) {
	m, _ := openScaled(t, 6)
	d := m.dashboard.data
	if d.Attention <= app.DashboardListCap || len(d.NeedsAttention) != app.DashboardListCap {
		t.Fatalf("%d initiatives need attention, %d kept; want more than %d, %d kept", d.Attention, len(d.NeedsAttention), app.DashboardListCap, app.DashboardListCap)
	}
	shown := texts(m.dashboard.body)
	for _, want := range []string{
		fmt.Sprintf("Initiatives needing attention (%d)", d.Attention),
		fmt.Sprintf("… and %d more", d.Attention-app.DashboardListCap),
		fmt.Sprintf("… and %d more", d.Overdue-app.DashboardListCap),
		fmt.Sprintf("the %d key targets of %d", app.KeyTargets, len(d.TargetStatuses)),
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dashboard does not show %q", want)
		}
	}
	if n := strings.Count(shown, "stale:") + strings.Count(shown, "red:") + strings.Count(shown, "overdue:"); n == 0 || n > 3*app.DashboardListCap {
		t.Errorf("%d concerns drawn, want at most those of %d initiatives", n, app.DashboardListCap)
	}
	click(linkTo(t, m.dashboard.body, fmt.Sprintf("… and %d more", d.Attention-app.DashboardListCap)))
	reg := m.initiatives.reg
	if m.current != 1 || len(reg.shown) != d.Attention || len(reg.all) <= d.Attention {
		t.Fatalf("section %d shows %d of %d initiatives, want the %d needing attention", m.current, len(reg.shown), len(reg.all), d.Attention)
	}
	for _, row := range reg.shown {
		if len(row.Concerns) == 0 {
			t.Errorf("%q is shown but needs no attention", row.Title)
		}
	}
	m.showSection(m.dashboard)
	click(linkTo(t, m.dashboard.body, fmt.Sprintf("… and %d more", d.Overdue-app.DashboardListCap)))
	if acts := m.decisions.actions; m.current != 4 || len(acts.shown) != d.Overdue || m.decisions.tabs.tabs.SelectedIndex() != 1 {
		t.Errorf("section %d shows %d actions, want the %d overdue", m.current, len(acts.shown), d.Overdue)
	}
}

// The dashboard reads the committee again only when something changed:
// coming back to it after looking elsewhere keeps what is drawn, as long as
// changes made elsewhere are heard of; otherwise every visit reads again.
func TestDashboardReloadsOnlyWhenSomethingChanged(t *testing.T) {
	m, s := openApp(t, true)
	drawn := m.dashboard.body.Objects[0]
	m.showSection(m.initiatives)
	m.showSection(m.dashboard)
	if m.dashboard.body.Objects[0] == drawn {
		t.Error("without a watch on other desks' changes the dashboard was not read again")
	}
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	if err := s.Watch(ctx, func() {}); err != nil {
		t.Fatal(err)
	}
	drawn = m.dashboard.body.Objects[0]
	m.showSection(m.initiatives)
	m.showSection(m.dashboard)
	if m.dashboard.body.Objects[0] != drawn {
		t.Error("the dashboard was drawn again although nothing changed")
	}
	before := m.dashboard.data.Attention
	red := m.dashboard.data.NeedsAttention[0]
	u := &models.StatusUpdate{InitiativeID: red.ID, Date: testDay, AuthorID: red.OwnerID, Health: models.HealthGreen, PercentComplete: 90, Note: "Back on track."}
	if err := s.PostStatusUpdate(u); err != nil {
		t.Fatal(err)
	}
	m.showSection(m.initiatives)
	m.showSection(m.dashboard)
	if m.dashboard.body.Objects[0] == drawn || m.dashboard.data.Attention >= before {
		t.Errorf("after an update elsewhere the dashboard still shows %d needing attention (was %d)", m.dashboard.data.Attention, before)
	}
}
