package models

import (
	"regexp"
	"strings"
	"time"
)

// HistoryEntry is one recorded change to a record: when, by whom, which
// record (kept under its last name after deletion), which field with its
// old and new value in words, and why. Creation and deletion are entries
// with no field. History is only ever added to, never edited.
type HistoryEntry struct {
	ID         uint       `gorm:"primaryKey"`
	At         time.Time  `gorm:"not null;index"`
	AuthorID   *uint      // the member who made the change, if known
	Author     string     // their name at the time
	Kind       RecordKind `gorm:"not null;index:idx_history_record,priority:1"`
	RecordID   uint       `gorm:"not null;index:idx_history_record,priority:2"`
	RecordName string
	Field      string // "" when the record was created or deleted
	Old, New   string
	Why        Why `gorm:"not null"`
}

// TableName names the table history.
func (HistoryEntry) TableName() string { return "history" }

// Why says what made a change.
type Why string

// The reasons a change is recorded with.
const (
	WhyEdit         Why = "edit"
	WhyStatusUpdate Why = "status update"
	WhyImport       Why = "import"
	WhyMeetingClose Why = "meeting closed"
	WhyCarryOver    Why = "carry-over"
	WhyCopy         Why = "copy"
	WhyMigration    Why = "migration"
	WhyDemo         Why = "demo"
)

// What says the entry in words: "created", "deleted", or
// "due date: 2026-11-30 → 2026-12-14".
func (h HistoryEntry) What() string {
	switch h.Field {
	case "":
		return h.New
	}
	old, nw := HistoryValue(h.Old), HistoryValue(h.New)
	if old == "" {
		old = "(none)"
	}
	if nw == "" {
		nw = "(none)"
	}
	return h.Field + ": " + old + " → " + nw
}

// garbled is how earlier versions recorded a number the model reads
// leniently: Go's print of GORM's serializer, the value last.
var garbled = regexp.MustCompile(`^\{0x[0-9a-f]+ <nil> \{\} <\*models\.\w+ Value> context\.Background <nil> (.*)\}$`)

// HistoryValue is a recorded value as people (and rules) read it. An
// entry garbled by an earlier version (left as stored) shows the number
// it holds, or "(not recorded)" where it holds only a memory address.
func HistoryValue(s string) string {
	m := garbled.FindStringSubmatch(s)
	switch {
	case m == nil:
		return s
	case m[1] == "<nil>":
		return ""
	case strings.HasPrefix(m[1], "0x"):
		return "(not recorded)"
	}
	return m[1]
}

// PackImport records that an update pack was applied, so that importing it
// again changes nothing.
type PackImport struct {
	PackID     string `gorm:"primaryKey"`
	Department string `gorm:"not null"`
	File       string
	AppliedAt  time.Time `gorm:"not null"`
	By         string
}
