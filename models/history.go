package models

import "time"

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
	old, nw := h.Old, h.New
	if old == "" {
		old = "(none)"
	}
	if nw == "" {
		nw = "(none)"
	}
	return h.Field + ": " + old + " → " + nw
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
