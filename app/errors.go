package app

import (
	"errors"
	"fmt"
	"strings"

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

// translate turns database errors into messages in words.
func translate(err error, dup func() string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return &DuplicateError{Message: dup()}
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return errors.New("a linked record no longer exists; reload and choose again")
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("the record %w", ErrNotFound)
	case strings.Contains(err.Error(), "database is locked"), strings.Contains(err.Error(), "database is busy"):
		return errors.New("the database is busy in another program; try again in a moment")
	case strings.Contains(err.Error(), "readonly database"):
		return errors.New("the database file is read-only; nothing was saved")
	case strings.Contains(err.Error(), "malformed"), strings.Contains(err.Error(), "not a database"):
		return fmt.Errorf("the database file is damaged (%v); restore it from a backup", err)
	}
	return err
}
