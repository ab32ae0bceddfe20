package app

import (
	"cxcommittee/models"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// bulkBatch is how many rows one multi-row insert carries: well under
// both engines' limits on bound variables.
const bulkBatch = 200

// insertReturning inserts rows (values in the order of cols) into table
// with multi-row statements inside tx, and returns the new rows' ids in
// the order they were inserted. It skips the per-row work of the ORM, for
// imports of thousands of rows that the caller has already checked.
func insertReturning(tx *gorm.DB, table string, cols []string, rows [][]any) ([]int64, error) {
	server := dialectOf(tx).server()
	if !server {
		return insertPrepared(tx, table, cols, rows)
	}
	ids := make([]int64, 0, len(rows))
	for start := 0; start < len(rows); start += bulkBatch {
		batch := rows[start:min(start+bulkBatch, len(rows))]
		var sql strings.Builder
		sql.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, len(batch)*len(cols))
		for i, row := range batch {
			if i > 0 {
				sql.WriteString(", ")
			}
			sql.WriteByte('(')
			for j, v := range row {
				if j > 0 {
					sql.WriteString(", ")
				}
				args = append(args, v)
				if server {
					fmt.Fprintf(&sql, "$%d", len(args))
				} else {
					sql.WriteByte('?')
				}
			}
			sql.WriteByte(')')
		}
		sql.WriteString(" RETURNING id")
		got, err := queryIDs(tx, sql.String(), args)
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
	}
	return ids, nil
}

// insertOne inserts one row into table and returns its id, without the
// ORM's per-row work.
func insertOne(tx *gorm.DB, table string, cols []string, row []any) (uint, error) {
	var id uint
	err := rowIn(tx, insertSQL(table, cols, 1)+" RETURNING id", row...).Scan(&id)
	return id, ormError(tx, err) // as the ORM's own inserts: a clash or a missing link by its kind
}

// created is a new record that can be stamped with its creation time.
type created interface {
	Entity
	SetCreated(time.Time)
}

// insertCreated inserts a new record into table without the ORM: the
// timestamps and version 1, then cols with vals. It sets the record's id,
// version and timestamps (undone if the transaction fails) and returns its
// "created" history entry, for the caller to write with any others.
func insertCreated(tx *gorm.DB, rec created, table string, cols []string, vals []any) (models.HistoryEntry, error) {
	now := tx.NowFunc()
	id, err := insertOne(tx, table, append([]string{"created_at", "updated_at", "version"}, cols...), append([]any{now, now, 1}, vals...))
	if err != nil {
		return models.HistoryEntry{}, duplicate(err, rec)
	}
	rec.SetKey(id)
	rec.SetVer(1)
	rec.SetCreated(now)
	onUndo(tx, func() { rec.SetKey(0); rec.SetVer(0) })
	h := entry(tx, table, id, recordName(rec))
	h.New = "created"
	return h, nil
}

// insertValues inserts a few rows into table in one statement, without
// the ORM's per-row work.
func insertValues(tx *gorm.DB, table string, cols []string, rows [][]any) error {
	args := make([]any, 0, len(rows)*len(cols))
	for _, row := range rows {
		args = append(args, row...)
	}
	return execIn(tx, insertSQL(table, cols, len(rows)), args...)
}

// insertPrepared inserts rows into a file's table with prepared statements
// of a few dozen rows each: SQLite runs in-process, so a row costs no round
// trip, and a statement of many rows pays for its call, and for the table's
// id counter, once. The rows of one statement get consecutive ids ending at
// the last one inserted: each new id is one past the largest yet, and only
// this transaction writes. Times are bound as the text the driver writes.
func insertPrepared(tx *gorm.DB, table string, cols []string, rows [][]any) ([]int64, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("no columns to insert into %s", table)
	}
	per := max(1, sqliteBatchValues/len(cols))
	ids := make([]int64, 0, len(rows))
	var stmt *sql.Stmt
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	var times stampTexts
	args := make([]any, 0, per*len(cols))
	for start := 0; start < len(rows); start += per {
		batch := rows[start:min(start+per, len(rows))]
		if stmt == nil || len(batch) < per { // the first batch, and a shorter last one
			if stmt != nil {
				stmt.Close()
			}
			var err error
			stmt, err = tx.Statement.ConnPool.PrepareContext(tx.Statement.Context, insertSQL(table, cols, len(batch)))
			if err != nil {
				return nil, err
			}
		}
		args = args[:0]
		for _, row := range batch {
			for _, v := range row {
				args = append(args, times.of(v))
			}
		}
		res, err := stmt.ExecContext(tx.Statement.Context, args...)
		if err != nil {
			return nil, err
		}
		last, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err != nil || n != int64(len(batch)) {
			return nil, fmt.Errorf("inserting into %s: %d rows of %d were written (%v)", table, n, len(batch), err)
		}
		for k := range batch {
			ids = append(ids, last-int64(len(batch)-1-k))
		}
	}
	return ids, nil
}

// insertSQL is an INSERT of n rows of cols into table, a ? for each value.
func insertSQL(table string, cols []string, n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// sqliteBatchValues is how many values one multi-row statement on a file
// binds at most: well under SQLite's oldest limit of 999.
const sqliteBatchValues = 500

// stampTexts binds a time as the text the SQLite driver would write for
// it, formatting it once for all the values that share it (an import's
// rows share their stamps).
type stampTexts struct {
	last time.Time
	text string
}

// of is v with a time replaced by its text.
func (st *stampTexts) of(v any) any {
	t, ok := v.(time.Time)
	if !ok {
		return v
	}
	if st.text == "" || !t.Equal(st.last) || t.Location() != st.last.Location() {
		st.last, st.text = t, t.Format(sqlite3.SQLiteTimestampFormats[0])
	}
	return st.text
}

// queryIDs runs a statement returning ids on tx's connection, and returns
// them in ascending order: the order the rows were inserted in.
func queryIDs(tx *gorm.DB, sql string, args []any) ([]int64, error) {
	rows, err := tx.Statement.ConnPool.QueryContext(tx.Statement.Context, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(ids)
	return ids, nil
}

// storedInt reads a whole number column scanned as any, the way the
// lenient serializer does: what is not a whole number reads as zero.
func storedInt(v any) int {
	switch n := numberOf(v).(type) {
	case int64:
		return int(n)
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int(n)
		}
	}
	return 0
}

// storedFloat reads a stored number column as the lenient serializer
// does: nil when it holds no number.
func storedFloat(v any) *float64 {
	switch n := numberOf(v).(type) {
	case int64:
		f := float64(n)
		return &f
	case float64:
		return &n
	}
	return nil
}

// idsOf is the condition that column is one of ids, the rows one import
// just inserted, with its arguments, binding two variables however many
// rows there are: on a file, whose single writer gives the rows a run of
// ids, the run's ends; on a server, where other desks' rows may interleave,
// the ids as one array.
func idsOf(tx *gorm.DB, column string, ids []int64) (string, []any) {
	if !dialectOf(tx).server() {
		return column + " BETWEEN ? AND ?", []any{ids[0], ids[len(ids)-1]}
	}
	return anyOf(tx, column, ids)
}

// anyOf is the condition that column is one of ids, in any order, with
// its one argument: the ids as a JSON array on a file, as an array on a
// server. However many ids, one variable is bound.
func anyOf[ID uint | int64](tx *gorm.DB, column string, ids []ID) (string, []any) {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(int64(id), 10))
	}
	if !dialectOf(tx).server() {
		return column + " IN (SELECT value FROM json_each(?))", []any{"[" + b.String() + "]"}
	}
	return column + " = ANY(CAST(? AS bigint[]))", []any{"{" + b.String() + "}"}
}
