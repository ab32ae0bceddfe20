// Package models holds CX Committee's entities (initiatives, targets,
// meetings, decisions, actions, the committee itself) and the domain rules
// that judge them: target progress and status, staleness, quorum, the
// governance health check, matters arising. It is pure Go: no database, no
// screens, no files.
package models

import "time"

// Record holds the columns every register shares: the key, audit times and
// the Version used for optimistic locking. An update names the Version it
// read; if someone saved meanwhile the update fails instead of overwriting.
type Record struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int `gorm:"not null"`
}

// Key returns the record's ID.
func (r *Record) Key() uint { return r.ID }

// SetKey sets the record's ID (back to 0 when an insert is undone).
func (r *Record) SetKey(id uint) { r.ID = id }

// Ver returns the version the record was read at.
func (r *Record) Ver() int { return r.Version }

// SetVer sets the version.
func (r *Record) SetVer(v int) { r.Version = v }

// SetCreated sets when a new record was created (and so last updated).
func (r *Record) SetCreated(at time.Time) { r.CreatedAt, r.UpdatedAt = at, at }
