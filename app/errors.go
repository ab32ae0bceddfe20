package app

import (
	"cxcommittee/models"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

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
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
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
	case errors.As(err, &pe):
		if msg := serverMessage(pe); msg != "" {
			return &DatabaseError{Message: msg, Cause: err}
		}
	case errors.As(err, &ce):
		return &DatabaseError{Message: "cannot reach the database server (" + redactError(ce) + ")", Cause: err}
	}
	return err
}

// serverMessage says in words what a PostgreSQL SQLSTATE means for the
// user; codes, never message text, decide.
func serverMessage(pe *pgconn.PgError) string {
	switch {
	case pe.Code == "40001" || pe.Code == "40P01":
		return "the change clashed with one made at the same moment on another desk; nothing was saved, try again"
	case pe.Code == "55P03":
		return "the record is locked by another desk; try again in a moment"
	case pe.Code == "25006":
		return "the database is open read-only; nothing was saved"
	case pe.Code == "28P01" || pe.Code == "28000":
		return "the database server refused the login (" + pe.Message + ")"
	case pe.Code == "3D000":
		return "the database does not exist on the server (" + pe.Message + ")"
	case pe.Code == "42501":
		return "the login may not do this on the server (" + pe.Message + "); ask the administrator for the rights the README lists"
	case strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03":
		return "the connection to the database server was lost; nothing was saved"
	case strings.HasPrefix(pe.Code, "53"):
		return "the database server is out of resources (" + pe.Message + "); nothing was saved"
	}
	return ""
}

// retryable reports whether a transaction failed only because another
// desk's ran at the same moment: running it again may succeed.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// redactError says why a connection failed without any password.
func redactError(ce *pgconn.ConnectError) string {
	msg := ce.Error()
	if ce.Config != nil && ce.Config.Password != "" {
		msg = strings.ReplaceAll(msg, ce.Config.Password, "xxxxx")
	}
	return msg
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
	if errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %w", what, ErrNotFound)
	}
	return translate(err, nil)
}

// fieldErrors is every problem in err when each is about a field.
func fieldErrors(err error) ([]*models.FieldError, bool) {
	var out []*models.FieldError
	for _, p := range models.ProblemList(err) {
		var fe *models.FieldError
		if !errors.As(p, &fe) {
			return nil, false
		}
		out = append(out, fe)
	}
	return out, len(out) > 0
}
