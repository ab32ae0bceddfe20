package models

import (
	"fmt"
	"strings"
)

// FieldError is a validation failure of one field, with a message in words
// that names the field, such as "initiative title is required".
type FieldError struct {
	Field   string // the Go field name, so a form can show the message beside it
	Message string
}

// Error returns the message.
func (e *FieldError) Error() string { return e.Message }

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Problems is everything wrong with a record at once, in the order a form
// shows its fields, so a form can mark every field that needs work instead
// of one at a time. Its message names them all on one line; errors.As
// finds the first.
type Problems []error

// Error joins the problems' messages on one line.
func (p Problems) Error() string {
	msgs := make([]string, len(p))
	for i, err := range p {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap lets errors.Is and errors.As look at each problem, first to last.
func (p Problems) Unwrap() []error { return p }

// JoinProblems returns nil when no error is given, the one error when one
// is, or all of them as Problems (problems within problems laid flat).
func JoinProblems(errs ...error) error {
	var all Problems
	for _, err := range errs {
		all = append(all, ProblemList(err)...)
	}
	switch len(all) {
	case 0:
		return nil
	case 1:
		return all[0]
	}
	return all
}

// ProblemList is each problem in err: the Problems it holds, or err alone;
// nothing for nil.
func ProblemList(err error) []error {
	if err == nil {
		return nil
	}
	if p, ok := err.(Problems); ok {
		return p
	}
	return []error{err}
}

func required(field, what, value string) error {
	if isBlank(value) {
		return fieldErr(field, "%s is required", what)
	}
	return nil
}

func maxLen(field, what, value string, limit int) error {
	if len([]rune(value)) > limit {
		return fieldErr(field, "%s is longer than %d characters", what, limit)
	}
	return nil
}

func percent(field, what string, value int) error {
	if value < 0 || value > 100 {
		return fieldErr(field, "%s must be between 0 and 100, not %d", what, value)
	}
	return nil
}

func dateOrder(field, startWhat string, start Date, endWhat string, end Date) error {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		return fieldErr(field, "%s %s is before %s %s", endWhat, end, startWhat, start)
	}
	return nil
}

// requiredDate insists on a date; a stored value that is not a date counts
// as given, so that saving a record keeps it rather than refusing.
func requiredDate(field, what string, d Date) error {
	if d.IsZero() && !d.Invalid() {
		return fieldErr(field, "%s is required", what)
	}
	return nil
}

func requiredRef(field, what string, id *uint) error {
	if id == nil || *id == 0 {
		return fieldErr(field, "%s is required", what)
	}
	return nil
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}
