package app

import (
	"context"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gorm.io/gorm/schema"
)

// The number columns of the models carry `serializer:lenient`: a value
// another tool left there that is not a number ("n/a" in a percent, 35.5 in
// a whole-number column) reads as not set instead of stopping the whole
// read. The stored value itself is listed by StoredProblems and kept by
// every save that does not replace it.
func init() { schema.RegisterSerializer("lenient", lenientNumber{}) }

// lenientNumber reads number columns without failing on what is not one.
type lenientNumber struct{}

// Scan sets the field from a stored value, or to zero when it is not a
// number the field can hold.
func (lenientNumber) Scan(ctx context.Context, field *schema.Field, dst reflect.Value, dbValue any) error {
	v := numberOf(dbValue)
	kind := field.IndirectFieldType.Kind()
	if f, ok := v.(float64); ok && kind >= reflect.Int && kind <= reflect.Uint64 {
		if f != math.Trunc(f) || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) >= 1<<53 {
			v = nil
		} else {
			v = int64(f)
		}
	}
	if n, ok := v.(int64); ok && kind >= reflect.Int && kind <= reflect.Int64 && reflect.Zero(field.IndirectFieldType).OverflowInt(n) {
		v = nil
	}
	if kind == reflect.Bool {
		if n, ok := v.(int64); ok {
			v = n != 0
		}
	}
	if v == nil {
		field.ReflectValueOf(ctx, dst).Set(reflect.Zero(field.FieldType))
		return nil
	}
	return field.Set(ctx, dst, v)
}

// numberOf returns a stored value as int64, float64 or bool, or nil.
func numberOf(dbValue any) any {
	switch x := dbValue.(type) {
	case int64, float64, bool:
		return x
	case []byte:
		return parseStoredNumber(string(x))
	case string:
		return parseStoredNumber(x)
	}
	return nil
}

func parseStoredNumber(s string) any {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return nil
}

// Value stores the field as a plain number (NULL for an unset pointer).
func (lenientNumber) Value(_ context.Context, _ *schema.Field, _ reflect.Value, fieldValue any) (any, error) {
	v := reflect.ValueOf(fieldValue)
	for v.IsValid() && v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, nil
		}
		v = v.Elem()
	}
	switch {
	case !v.IsValid():
		return nil, nil
	case v.CanInt():
		return v.Int(), nil
	case v.CanUint():
		return int64(v.Uint()), nil
	case v.CanFloat():
		return v.Float(), nil
	case v.Kind() == reflect.Bool:
		return v.Bool(), nil
	}
	return fieldValue, nil
}
