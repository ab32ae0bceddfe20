package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cxcommittee/app"
	"cxcommittee/models"
)

// benchRead is one read a screen makes, timed in this process.
type benchRead struct {
	name string
	run  func(s *app.Store, asOf models.Date) error
}

// benchReadList is what the dashboard, the registers and the scorecard read.
func benchReadList() []benchRead {
	return []benchRead{
		{"Dashboard (`Store.Dashboard`)", func(s *app.Store, d models.Date) error { _, err := s.Dashboard(d); return err }},
		{"Initiatives register (`InitiativeRows`)", func(s *app.Store, d models.Date) error { _, err := s.InitiativeRows(d); return err }},
		{"Actions register (`ActionRows`)", func(s *app.Store, d models.Date) error { _, err := s.ActionRows(d); return err }},
		{"Decisions register (`DecisionRows`)", func(s *app.Store, d models.Date) error { _, err := s.DecisionRows(d); return err }},
		{"Scorecard (`Scorecard`)", func(s *app.Store, d models.Date) error { _, err := s.Scorecard(d); return err }},
	}
}

// benchReads times the screens' reads and the agenda's drafting at each
// size against the demo committee (dbs[0]).
func benchReads(t *testing.T, p *benchPage, dbs []benchDB) {
	t.Helper()
	asOf := models.MustDate(benchAsOf)
	reads := benchReadList()
	times := make([][]time.Duration, len(reads)+1) // [read][size]; the last is the agenda
	for _, db := range dbs {
		s := openStore(t, db.path)
		for i, r := range reads {
			r.run(s, asOf) // warm: the first read of a connection pays for SQLite's caches
			times[i] = append(times[i], timeMedian(t, 7, func() error { return r.run(s, asOf) }))
		}
		s.Close()
		times[len(reads)] = append(times[len(reads)], timeAgenda(t, db, asOf))
	}
	s := benchSection{title: "Dashboard, registers and agenda",
		what: "In this process, through `app.Open` on each committee, as the window reads them: the median of 7 reads after one " +
			"untimed read; the agenda is `DraftAgenda` on the next planned meeting, which writes, so it is the median of 3 runs " +
			"each on a fresh copy of the file. In brackets: the ratio to the demo committee in the same run.",
		header: []string{"read"}}
	for _, db := range dbs {
		s.header = append(s.header, db.label())
	}
	s.header = append(s.header, "goal", "goal met?")
	names := make([]string, 0, len(reads)+1)
	for _, r := range reads {
		names = append(names, r.name)
	}
	for i, name := range append(names, "Draft agenda (`DraftAgenda`)") {
		row := []string{name}
		for _, d := range times[i] {
			row = append(row, fmt.Sprintf("%s (%s)", dur(d), ratio(d, times[i][0])))
		}
		goal, met := "", ""
		if i == 0 {
			big := times[0][len(dbs)-1]
			goal = "≤ 150 ms at " + dbs[len(dbs)-1].label()
			met = p.goal("dashboard ≤ 150 ms at "+dbs[len(dbs)-1].label(), dur(big), big <= 150*time.Millisecond)
		}
		s.rows = append(s.rows, append(row, goal, met))
	}
	p.add(s)
}

// timeAgenda is the median time of drafting the next meeting's agenda,
// each run on a fresh copy of the committee.
func timeAgenda(t *testing.T, db benchDB, asOf models.Date) time.Duration {
	t.Helper()
	var times []time.Duration
	for range 3 {
		s := openStore(t, copyDB(t, db.path))
		m, err := s.NextMeeting(asOf)
		if err != nil || m == nil {
			t.Fatalf("no next meeting on %s: %v", db.label(), err)
		}
		start := time.Now()
		added, err := s.DraftAgenda(m.ID)
		times = append(times, time.Since(start))
		if err != nil || added == 0 {
			t.Fatalf("drafting the agenda on %s: %d items, %v", db.label(), added, err)
		}
		s.Close()
	}
	return median(times)
}

// openStore opens a committee with app.Open, as the window does; the
// caller closes it.
func openStore(t *testing.T, path string) *app.Store {
	t.Helper()
	s, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// copyDB copies a closed committee file into a fresh folder.
func copyDB(t *testing.T, path string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), filepath.Base(path))
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return to
}
