package views

import (
	"errors"
	"strings"
	"testing"

	"cxcommittee/models"
)

func TestLoadShowsErrorsAndStopsTheSpinner(t *testing.T) {
	m, _ := openApp(t, true)
	done := false
	m.load(func() error {
		if !m.busy.spinner.Visible() {
			t.Error("the spinner does not turn while a load runs")
		}
		return errors.New("the database is busy in another program")
	}, func() { done = true })
	if done {
		t.Error("done ran after a failed load")
	}
	if m.busy.spinner.Visible() || m.busy.running != 0 {
		t.Error("the spinner still turns after the load")
	}
	if msg := texts(top(t, m)); !strings.Contains(msg, "busy in another program") {
		t.Errorf("the error is not shown: %s", msg)
	}
}

func TestRouterOpensRecordsOnTheScreenThatOwnsThem(t *testing.T) {
	m, s := openApp(t, true)
	rows, err := s.InitiativeRows(testDay)
	if err != nil {
		t.Fatal(err)
	}
	m.open(models.RecordInitiative, rows[0].ID)
	if msg := texts(top(t, m)); !strings.Contains(msg, "Post update") {
		t.Fatalf("the initiative's detail did not open:\n%s", msg)
	}
	m.closeTopDialog()
	m.router.open(route{kind: "no such kind", id: 1})
	noDialog(t, m)
	meetings, _ := s.MeetingRows()
	m.open(models.RecordMeeting, meetings[0].ID)
	if m.currentScreen() != m.meetings || m.meetings.live == nil {
		t.Error("opening a meeting did not show the meeting screen")
	}
}
