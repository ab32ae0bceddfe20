package views

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"cxcommittee/app"
	"cxcommittee/models"
)

func TestRequestAndImportUpdatesFromTheApp(t *testing.T) {
	m, s := openApp(t, true)
	dir := t.TempDir()
	m.writePacksTo(dir)
	if msg := texts(top(t, m)); !strings.Contains(msg, "11 packs in "+dir) || !strings.Contains(msg, "cx-update-pack-Digital-2026-11-23.xlsx: 3 initiatives") {
		t.Fatalf("no list of the packs written:\n%s", msg)
	}
	m.closeTopDialog()
	file := filepath.Join(dir, "cx-update-pack-Digital-2026-11-23.xlsx")
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Initiatives", "J2", "amber")
	f.SetCellStr("Initiatives", "K2", "35%")
	f.SetCellStr("Initiatives", "L2", "Gateway passed its review")
	f.SetCellStr("Initiatives", "L3", "New owner named")
	f.Save()
	f.Close()
	// Another desk changes one of the pack's initiatives meanwhile.
	other, _ := s.Initiative(15)
	other.Description = "changed meanwhile"
	if err := s.SaveInitiative(&other, nil); err != nil {
		t.Fatal(err)
	}
	before := written(t, s)

	m.previewPack(file)
	msg := texts(top(t, m))
	if !strings.Contains(msg, "Bill shock alerts: health red → amber, 30% → 35%") || !strings.Contains(msg, "Chatbot hand-over to agents changed since the pack was issued") {
		t.Fatalf("the preview does not list the change and the conflict:\n%s", msg)
	}
	// Compared by what is stored, not the file's bytes, which the
	// store's checkpointer may rewrite at any moment.
	if after := written(t, s); after != before {
		t.Errorf("the preview changed the database: %s, then %s", before, after)
	}
	test.Tap(button(t, top(t, m), "Apply without the changed records"))
	if msg := texts(top(t, m)); !strings.Contains(msg, "Digital: 1 change applied") {
		t.Fatalf("no confirmation:\n%s", msg)
	}
	ini, _ := s.Initiative(3)
	if ini.Health != models.HealthAmber || ini.PercentComplete != 35 {
		t.Errorf("the import was not applied: %s %d%%", ini.Health, ini.PercentComplete)
	}
	chatbot, _ := s.Initiative(15)
	if chatbot.Description != "changed meanwhile" {
		t.Error("the changed record was overwritten")
	}
	h, _ := s.History(app.HistoryFilter{Kind: models.RecordInitiative, ID: 3})
	if last := h[len(h)-1]; last.Why != models.WhyImport {
		t.Errorf("the import is recorded as %+v", last)
	}
	m.closeTopDialog()
	m.previewPack(file)
	if msg := texts(top(t, m)); !strings.Contains(msg, "was applied on") {
		t.Errorf("a second import was not refused:\n%s", msg)
	}
}

// written sums up what a write would change: every record's version and
// the history's length.
func written(t *testing.T, s *app.Store) string {
	t.Helper()
	inis, err := app.List[models.Initiative](s, "id")
	if err != nil {
		t.Fatal(err)
	}
	hist, err := s.History(app.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	versions := 0
	for _, i := range inis {
		versions += i.Version
	}
	return fmt.Sprintf("%d initiatives at versions summing %d, %d history entries", len(inis), versions, len(hist))
}
