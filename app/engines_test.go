package app

import (
	"path/filepath"
	"testing"

	"cxcommittee/app/testserver"
	"cxcommittee/models"
)

// engine is one way to keep a committee: a file, or a database on the
// PostgreSQL test server.
type engine struct {
	name string
	db   func(t *testing.T) string // a fresh, empty database
}

// engines lists both.
func engines() []engine {
	return []engine{
		{"file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "committee.db") }},
		{"server", func(t *testing.T) string { return testserver.Database(t) }},
	}
}

// onEngines runs a test once on each engine.
func onEngines(t *testing.T, test func(t *testing.T, e engine)) {
	t.Helper()
	for _, e := range engines() {
		t.Run(e.name, func(t *testing.T) { test(t, e) })
	}
}

// open opens a fresh database of the engine.
func (e engine) open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(e.db(t))
	if err != nil {
		t.Fatalf("Open on %s: %v", e.name, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// scaled opens a fresh database of the engine holding the sample
// committee's programme n times over, as of asOf.
func (e engine) scaled(t *testing.T, asOf string, n int) *Store {
	t.Helper()
	s := e.open(t)
	if err := s.LoadScaledDemo(models.MustDate(asOf), n); err != nil {
		t.Fatalf("LoadScaledDemo(%d) on %s: %v", n, e.name, err)
	}
	return s
}

// demo opens a fresh database of the engine holding the sample committee.
func (e engine) demo(t *testing.T, asOf string) *Store {
	t.Helper()
	s := e.open(t)
	if err := s.LoadDemo(models.MustDate(asOf)); err != nil {
		t.Fatalf("LoadDemo on %s: %v", e.name, err)
	}
	return s
}
