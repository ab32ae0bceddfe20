package models

import "fmt"

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

// firstError returns the first non-nil error, so Validate reports fields in
// the order a form shows them.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
