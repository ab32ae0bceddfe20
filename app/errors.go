package app

import (
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// Errors a caller can test for with errors.Is.
var (
	// ErrConflict means the record was changed by someone else after it was read.
	ErrConflict = errors.New("changed by someone else since it was opened")
	// ErrNotFound means the record does not exist (any more).
	ErrNotFound = errors.New("no longer exists")
	// ErrNotDatabase means the file is not a CX Committee database.
	ErrNotDatabase = errors.New("not a CX Committee database")
	// ErrNotEmpty means the database already holds data.
	ErrNotEmpty = errors.New("the database already holds data")
	// ErrReadOnly means the database is open read-only: nothing can be saved.
	ErrReadOnly = errors.New("the database is open read-only")
	// ErrNewerSchema means a newer version of the app wrote the database.
	ErrNewerSchema = errors.New("written by a newer version of CX Committee")
	// ErrOlderSchema means the database needs `cxcommittee migrate` first.
	ErrOlderSchema = errors.New("written by an older version of CX Committee")
)

// DuplicateError reports a clash with a unique field, in words.
type DuplicateError struct{ Message string }

// Error returns the message.
func (e *DuplicateError) Error() string { return e.Message }

// ConflictError names the record another user changed first.
type ConflictError struct{ What string }

// Error explains the conflict and what to do.
func (e *ConflictError) Error() string {
	return e.What + " was " + ErrConflict.Error() + "; reload it to see the latest version"
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// DatabaseError is a failure of the database itself (busy, read-only,
// disk, damage) said in words; the driver's error stays its cause.
type DatabaseError struct {
	Message string
	Cause   error
}

// Error returns the message.
func (e *DatabaseError) Error() string { return e.Message }

// Unwrap returns the driver's error.
func (e *DatabaseError) Unwrap() error { return e.Cause }

// translate turns database errors into messages in words. dup gives the
// message for a unique-key clash; nil means a general one. Driver errors are
// recognised by their codes, never by their text.
func translate(err error, dup func() string) error {
	var se sqlite3.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrDuplicatedKey):
		if dup == nil {
			return &DuplicateError{Message: "a record with the same name already exists"}
		}
		return &DuplicateError{Message: dup()}
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return errors.New("a linked record no longer exists; reload and choose again")
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("the record %w", ErrNotFound)
	case errors.As(err, &se):
		if msg := sqliteMessage(se); msg != "" {
			return &DatabaseError{Message: msg, Cause: err}
		}
	}
	return err
}

// sqliteMessage says in words what an SQLite error code means for the user.
func sqliteMessage(se sqlite3.Error) string {
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return "the database is busy in another program; try again in a moment"
	case sqlite3.ErrReadonly:
		return "the database cannot be written (the file or its folder is read-only); nothing was saved"
	case sqlite3.ErrFull:
		return "the disk is full; nothing was saved"
	case sqlite3.ErrIoErr:
		return "the disk could not be read or written (" + se.Error() + "); nothing was saved"
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return "the database file is damaged (" + se.Error() + "); restore it from a backup (cxcommittee restore)"
	case sqlite3.ErrCantOpen:
		return "the database file cannot be opened (" + se.Error() + ")"
	case sqlite3.ErrPerm, sqlite3.ErrAuth:
		return "the database refused access (" + se.Error() + ")"
	}
	return ""
}

// missing reads the error of loading one record named what ("the meeting"):
// only a missing record becomes "no longer exists"; any other failure
// (busy, read-only, disk) says what it is.
func missing(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s %w", what, ErrNotFound)
	}
	return translate(err, nil)
}
