package app

import (
	"context"
	"reflect"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// scanList reads the rows of a query into records of type T, matching each
// column to the field GORM maps it to and converting it the way GORM does
// (serializers, pointers, models.Date), but without GORM's per-row work:
// at 10,000 initiatives GORM's Find spends four times as long growing its
// slice and reflecting over rows as SQLite spends reading them. Columns
// that match no field are skipped.
func scanList[T any](db *gorm.DB, query string, args ...any) ([]T, error) {
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(new(T)); err != nil {
		return nil, err
	}
	sch := stmt.Schema
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		return nil, translate(err, nil)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, translate(err, nil)
	}
	fields := make([]*schema.Field, len(cols))
	for i, c := range cols {
		fields[i] = sch.LookUpField(c)
	}
	values := make([]any, len(cols))
	dest := make([]any, len(cols))
	for i := range values {
		dest[i] = &values[i]
	}
	ctx := context.Background()
	// Records are read into fixed chunks and copied once into the result:
	// growing a slice of large records as rows come copies them again and
	// again, which costs more than reading them.
	var chunks [][]T
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, translate(err, nil)
		}
		if n%scanChunk == 0 {
			chunks = append(chunks, make([]T, scanChunk))
		}
		rec := reflect.ValueOf(&chunks[n/scanChunk][n%scanChunk]).Elem()
		n++
		for i, f := range fields {
			if err := setField(ctx, f, rec, values[i]); err != nil {
				return nil, translate(err, nil)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, nil)
	}
	list := make([]T, 0, n)
	for _, c := range chunks {
		list = append(list, c[:min(len(c), n-len(list))]...)
	}
	return list, nil
}

// scanChunk is how many records scanList reads before starting a new chunk.
const scanChunk = 1024

// setField sets one field of rec from a stored value, as GORM would.
func setField(ctx context.Context, f *schema.Field, rec reflect.Value, v any) error {
	switch {
	case f == nil:
		return nil
	case f.Serializer != nil:
		if _, lenient := f.Serializer.(lenientNumber); lenient && setPlain(ctx, f, rec, v) {
			return nil
		}
		return f.Serializer.Scan(ctx, f, rec, v)
	case v == nil:
		f.ReflectValueOf(ctx, rec).SetZero()
		return nil
	case setPlain(ctx, f, rec, v):
		return nil
	}
	return f.Set(ctx, rec, v)
}

// setPlain sets the commonest fields directly: a text into a field of a
// text kind (statuses, healths, names), a whole number into a field of a
// whole-number kind (ids, counts) and a real number into a float64
// (amounts, values), as GORM's setter and the lenient serializer would
// but without their reflection, which at scale was a fifth of reading. It
// reports whether it set the field; anything else is left to them.
func setPlain(ctx context.Context, f *schema.Field, rec reflect.Value, v any) bool {
	switch x := v.(type) {
	case string:
		if f.FieldType.Kind() == reflect.String {
			f.ReflectValueOf(ctx, rec).SetString(x)
			return true
		}
	case int64:
		switch f.FieldType.Kind() {
		case reflect.Int, reflect.Int64:
			f.ReflectValueOf(ctx, rec).SetInt(x)
			return true
		case reflect.Uint, reflect.Uint64:
			if x >= 0 {
				f.ReflectValueOf(ctx, rec).SetUint(uint64(x))
				return true
			}
		}
	case float64:
		if f.FieldType.Kind() == reflect.Float64 {
			f.ReflectValueOf(ctx, rec).SetFloat(x)
			return true
		}
	}
	return false
}
