package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestExportShortcutWritesTheReport(t *testing.T) {
	m, _ := openApp(t, true)
	m.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	f := topForm(t, m)
	dir := t.TempDir()
	set(t, f, "Folder", filepath.Join(dir, "missing"))
	if !strings.Contains(texts(top(t, m)), "choose a folder that exists") {
		t.Error("a missing folder is not refused")
	}
	set(t, f, "Folder", dir)
	set(t, f, "File name", "status.csv")
	if !strings.Contains(texts(top(t, m)), "must end in .xlsx") {
		t.Error("a non-xlsx name is not refused")
	}
	set(t, f, "File name", "status.xlsx")
	test.Tap(button(t, top(t, m), "Export"))
	msg := texts(top(t, m))
	path := filepath.Join(dir, "status.xlsx")
	if !strings.Contains(msg, path) {
		t.Errorf("the path is not shown when done: %s", msg)
	}
	if info, err := os.Stat(path); err != nil || info.Size() < 10000 {
		t.Fatalf("no report written: %v", err)
	}
}

func TestExportAsksBeforeReplacingAReport(t *testing.T) {
	m, _ := openApp(t, true)
	dir := t.TempDir()
	path := filepath.Join(dir, "status.xlsx")
	os.WriteFile(path, []byte("old report"), 0o644)
	test.Tap(button(t, m.root, "Export report"))
	f := topForm(t, m)
	set(t, f, "Folder", dir)
	set(t, f, "File name", "status.xlsx")
	test.Tap(button(t, top(t, m), "Export"))
	if !strings.Contains(texts(top(t, m)), "already exists") {
		t.Fatal("no question before replacing")
	}
	test.Tap(button(t, top(t, m), "No"))
	if got, _ := os.ReadFile(path); string(got) != "old report" {
		t.Error("the old report was touched without consent")
	}
}
