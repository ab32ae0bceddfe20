package views

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	_ "github.com/mattn/go-sqlite3"

	"cxcommittee/app"
	"cxcommittee/models"
)

// sqlOn runs SQL on the database file as another tool would.
func sqlOn(t *testing.T, path string, queries ...string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var last string
	for _, q := range queries {
		if strings.HasPrefix(q, "SELECT") {
			if err := db.QueryRow(q).Scan(&last); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			continue
		}
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return last
}

func TestReadOnlyCommitteeSaysSoOnceAndCannotBeEdited(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "committee.db")
	s, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadDemo(testDay); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := app.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	m := newMainWindow(w, ro, func() models.Date { return testDay }, inPlace{})
	m.start()

	msg := texts(top(t, m))
	if !strings.Contains(msg, "can be read but not changed") || !strings.Contains(msg, "Changes cannot be saved") {
		t.Fatalf("no read-only notice:\n%s", msg)
	}
	test.Tap(button(t, top(t, m), "OK"))
	noDialog(t, m)

	m.show(1) // Initiatives
	r := m.initiatives.reg
	if !button(t, m.sections[1].built, "New").Disabled() {
		t.Error("New is enabled on a read-only committee")
	}
	selectRow(t, r, "Paperless move-out")
	if !r.del.Disabled() {
		t.Error("Delete is enabled on a read-only committee")
	}
	row, _ := r.current()
	m.initiatives.openEditor(row.ID)
	form := top(t, m)
	if hasButton(form, "Save") {
		t.Error("the edit form offers Save on a read-only committee")
	}
	if !strings.Contains(texts(form), "Read-only") {
		t.Errorf("the edit form does not say why it cannot save:\n%s", texts(form))
	}
}

func TestFormShowsStoredValuesAsTheyAreAndKeepsThem(t *testing.T) {
	m, s := openApp(t, true)
	sqlOn(t, s.Path(), "UPDATE initiatives SET due_date = '23/11/2026', percent_complete = 'abc' WHERE title = 'Paperless move-out'")
	m.show(1)
	r := m.initiatives.reg
	selectRow(t, r, "Paperless move-out")
	row, _ := r.current()
	m.initiatives.openEditor(row.ID)
	f := topForm(t, m)
	due := field(t, f, "Due date").(*dateField)
	if due.Text != "23/11/2026" {
		t.Errorf("due date shows %q, want the stored 23/11/2026", due.Text)
	}
	var hint string
	for _, it := range f.Items {
		if it.Text == "Due date" {
			hint = it.HintText
		}
	}
	if !strings.Contains(hint, "not a date") {
		t.Errorf("the stored due date is not marked: hint %q", hint)
	}
	if msg := texts(top(t, m)); !strings.Contains(msg, `percent_complete holds "abc"`) {
		t.Errorf("the form does not list the stored percent:\n%s", msg)
	}
	set(t, f, "Title", "Paperless move-out (edited)")
	save(t, m)
	got := sqlOn(t, s.Path(), "SELECT due_date || ' ' || percent_complete FROM initiatives WHERE id = "+itoa(int(row.ID)))
	if got != "23/11/2026 abc" {
		t.Errorf("after saving, the stored values are %q, want them kept", got)
	}
}

func TestSettingsBackUpNowAndRestore(t *testing.T) {
	m, s := openApp(t, true)
	m.show(len(m.sections) - 1) // Settings
	screen := m.sections[len(m.sections)-1].built
	if msg := texts(screen); !strings.Contains(msg, s.BackupsDir()) || !strings.Contains(msg, "none yet") {
		t.Errorf("settings do not show the backups folder and the last backup:\n%s", msg)
	}
	test.Tap(button(t, screen, "Back up now"))
	msg := texts(top(t, m))
	if !strings.Contains(msg, "backed up to") {
		t.Fatalf("no confirmation of the backup:\n%s", msg)
	}
	test.Tap(button(t, top(t, m), "OK"))
	list, err := s.Backups()
	if err != nil || len(list) == 0 {
		t.Fatalf("no backup in %s: %v", s.BackupsDir(), err)
	}
	manual := list[len(list)-1].Path
	if !strings.HasSuffix(manual, "-manual.db") {
		t.Fatalf("latest backup is %s", manual)
	}
	if !strings.Contains(texts(m.sections[len(m.sections)-1].built), filepath.Base(manual)) {
		t.Error("the last backup is not shown after backing up")
	}

	rows, _ := s.InitiativeRows(testDay)
	if err := app.Delete[models.Initiative](s, rows[0].ID); err != nil {
		t.Fatal(err)
	}
	m.settings.confirmRestore(manual)
	test.Tap(button(t, top(t, m), "Restore"))
	msg = texts(top(t, m))
	if !strings.Contains(msg, "restored from") || !strings.Contains(msg, "before-restore") {
		t.Fatalf("no confirmation of the restore:\n%s", msg)
	}
	if after, _ := s.InitiativeRows(testDay); len(after) != len(rows) {
		t.Errorf("%d initiatives after the restore, want %d", len(after), len(rows))
	}
	if _, err := os.Stat(manual); err != nil {
		t.Errorf("the backup restored from is gone: %v", err)
	}
}
