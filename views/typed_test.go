package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"cxcommittee/app"
	"cxcommittee/models"
)

// notesEntry finds the notes field of the agenda item shown.
func notesEntry(t *testing.T, v *meetingView) *widget.Entry {
	t.Helper()
	var notes *widget.Entry
	walk(v.tabs.Items[1].Content, func(x fyne.CanvasObject) bool {
		if e, ok := x.(*widget.Entry); ok && e.PlaceHolder == "Notes for the minutes" {
			notes = e
		}
		return true
	})
	if notes == nil {
		t.Fatal("no notes field on the agenda item")
	}
	return notes
}

// Text typed into the minutes and not saved with its button is saved when
// the user moves on: to another section, another agenda item, back to all
// meetings, or by closing the meeting.
func TestTypedMinutesAreSavedWhenTheUserMovesOn(t *testing.T) {
	leave := []struct {
		name string
		move func(m *mainWindow, v *meetingView)
	}{
		{"another section", func(m *mainWindow, _ *meetingView) { m.show(0) }},
		{"all meetings", func(_ *mainWindow, v *meetingView) { test.Tap(button(t, v.body, "All meetings")) }},
		{"a change from another desk", func(m *mainWindow, _ *meetingView) { m.heardOfChange()() }},
	}
	for _, tc := range leave {
		t.Run(tc.name, func(t *testing.T) {
			m, s, v := openMeeting(t, models.MeetingPlanned)
			box := textBoxWith(t, v.tabs.Items[4].Content, "What was discussed")
			entry := box.Objects[1].(*widget.Entry)
			entry.SetText("")
			test.Type(entry, "The pilot goes ahead.")
			tc.move(m, v)
			if tc.name == "a change from another desk" {
				// The screen is not redrawn under the user's typing.
				if entry.Text != "The pilot goes ahead." || m.meetings.live != v {
					t.Fatalf("the screen was redrawn under the typing: %q", entry.Text)
				}
				m.show(0)
			}
			if mt, _ := app.Get[models.Meeting](s, v.id); mt.Summary != "The pilot goes ahead." {
				t.Errorf("summary stored as %q", mt.Summary)
			}
			if m.typed.pending() {
				t.Error("the text is still waiting to be saved")
			}
		})
	}
}

// Notes typed on an agenda item are there when the user steps to the
// next item and back, and stored.
func TestAgendaNotesSurviveSteppingThroughTheItems(t *testing.T) {
	_, s, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	if len(v.agenda) < 2 {
		t.Fatalf("the sample meeting has %d agenda items", len(v.agenda))
	}
	first := v.agenda[0].ID
	notes := notesEntry(t, v)
	notes.SetText("")
	test.Type(notes, "Finance will fund the pilot.")
	test.Tap(button(t, v.tabs.Items[1].Content, "Next item"))
	if v.current != 1 {
		t.Fatalf("Next item showed item %d", v.current+1)
	}
	test.Tap(button(t, v.tabs.Items[1].Content, "Previous"))
	if got := notesEntry(t, v).Text; got != "Finance will fund the pilot." {
		t.Errorf("back on the first item, its notes read %q", got)
	}
	items, _ := s.AgendaItems(v.id)
	for _, it := range items {
		if it.ID == first && it.Notes != "Finance will fund the pilot." {
			t.Errorf("first item's notes stored as %q", it.Notes)
		}
	}
}

// Removing an agenda item asks first; Cancel keeps it.
func TestRemovingAnAgendaItemAsksFirst(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	before, _ := s.AgendaItems(v.id)
	test.Tap(button(t, v.tabs.Items[1].Content, "Remove"))
	if !strings.Contains(texts(top(t, m)), before[0].Topic) {
		t.Fatalf("the question does not name the item:\n%s", texts(top(t, m)))
	}
	test.Tap(button(t, top(t, m), "Cancel"))
	if after, _ := s.AgendaItems(v.id); len(after) != len(before) {
		t.Fatalf("Cancel removed the item: %d → %d", len(before), len(after))
	}
	test.Tap(button(t, m.meetings.live.tabs.Items[1].Content, "Remove"))
	test.Tap(button(t, top(t, m), "Delete"))
	if after, _ := s.AgendaItems(v.id); len(after) != len(before)-1 {
		t.Errorf("Delete left %d of %d items", len(after), len(before))
	}
}

// Move up is off on the first item and Move down on the last.
func TestAgendaMovesOnlyWhereTheyCan(t *testing.T) {
	_, _, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	panel := v.tabs.Items[1].Content
	if !button(t, panel, "Move up").Disabled() || button(t, panel, "Move down").Disabled() {
		t.Error("on the first item Move up should be off and Move down on")
	}
}

// Previous and Next item stay in one place from item to item, whatever
// each item offers, so clicking the same spot steps back and forth; the
// Record buttons stay above the meeting's lists.
func TestAgendaStepsFromTheSamePlace(t *testing.T) {
	m, _, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	m.win.Resize(fyne.NewSize(1000, 700))
	where := func() fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(button(t, v.tabs.Items[1].Content, "Next item"))
	}
	first := where()
	for i := 0; i < len(v.agenda)-1; i++ {
		test.Tap(button(t, v.tabs.Items[1].Content, "Next item"))
		if i < len(v.agenda)-2 && where() != first {
			t.Fatalf("on item %d Next item moved from %v to %v", v.current+1, first, where())
		}
	}
	records := v.tabs.Items[2].Content
	if _, ok := records.(*fyne.Container); !ok || !hasButton(records.(*fyne.Container).Objects[1], "Record decision") {
		t.Error("Record decision is not above the meeting's lists")
	}
}

// Notes typed on an agenda item survive moving it; notes that cannot be
// saved (the item changed on another desk meanwhile) are given back in
// words, and do not stay waiting.
func TestTypedNotesSurviveAMoveAndAConflictGivesThemBack(t *testing.T) {
	m, s, v := openMeeting(t, models.MeetingPlanned)
	v.tabs.SelectIndex(1)
	first := v.agenda[0].ID
	notes := notesEntry(t, v)
	notes.SetText("")
	test.Type(notes, "Agreed to pilot.")
	test.Tap(button(t, v.tabs.Items[1].Content, "Move down"))
	items, _ := s.AgendaItems(v.id)
	for _, it := range items {
		if it.ID == first && it.Notes != "Agreed to pilot." {
			t.Errorf("after Move down the item's notes are %q", it.Notes)
		}
	}
	noDialog(t, m)

	v = m.meetings.live
	v.tabs.SelectIndex(1)
	notes = notesEntry(t, v)
	it := v.agenda[v.current]
	other := it // another desk saves the item meanwhile
	other.Notes = "Changed elsewhere."
	if err := app.Update(s, &other); err != nil {
		t.Fatal(err)
	}
	test.Type(notes, " Mine.")
	m.show(0)
	msg := texts(top(t, m))
	if !strings.Contains(msg, "could not be saved") || !strings.Contains(msg, "Mine.") {
		t.Errorf("the text that could not be saved is not given back:\n%s", msg)
	}
	if m.typed.pending() {
		t.Error("the text that failed still waits to be saved")
	}
}
