package app

import (
	"context"
	"cxcommittee/models"
	"database/sql"
	"fmt"
	"reflect"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// TableCount is how many rows of one table a copy moved.
type TableCount struct {
	Table string
	Rows  int64
	ids   bool // the table numbers its rows with an id counter
}

// selfLinks are the columns that point at rows of their own table: a copy
// writes them after every row is in, so the order of ids never matters.
var selfLinks = map[string][]string{
	"targets":   {"parent_id"},
	"decisions": {"superseded_by_id", "supersedes_id"},
}

// Copy copies the whole committee from src into dst, which must be empty:
// every table, keeping ids, history and versions, in one transaction on
// dst. A committee holding values the app cannot use is refused (check
// lists them), so the copy holds exactly what the original shows.
func Copy(ctx context.Context, src, dst *Store) ([]TableCount, error) {
	if err := dst.writable(); err != nil {
		return nil, err
	}
	if empty, err := dst.IsEmpty(); err != nil {
		return nil, err
	} else if !empty {
		return nil, fmt.Errorf("%s: %w; copy only into an empty database", dst.Path(), ErrNotEmpty)
	}
	if problems, err := src.StoredProblems(); err != nil {
		return nil, err
	} else if len(problems) > 0 {
		return nil, fmt.Errorf("%s holds %s the app cannot use, which the copy could not keep; cxcommittee check lists them", src.Path(), models.Count(len(problems), "stored value", "stored values"))
	}
	// The source is read in one read transaction, so a desk saving
	// meanwhile cannot make the copy a mixture of before and after.
	var readOpts []*sql.TxOptions
	if src.OnServer() {
		readOpts = append(readOpts, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	}
	var counts []TableCount
	err := src.db.WithContext(ctx).Transaction(func(from *gorm.DB) (err error) {
		counts, err = copyInto(ctx, from, src.Path(), dst)
		return err
	}, readOpts...)
	if err != nil {
		return nil, fmt.Errorf("the copy failed and %s was left empty: %w", dst.Path(), translate(err, nil))
	}
	return counts, nil
}

// copyInto writes everything from reads into dst, in one transaction on
// dst, and returns the rows per table.
func copyInto(ctx context.Context, from *gorm.DB, srcName string, dst *Store) ([]TableCount, error) {
	var counts []TableCount
	var copied []models.HistoryEntry
	err := largeWrite(dst.historyOf(dst.db.WithContext(ctx), models.WhyCopy), func(tx *gorm.DB) error {
		for _, m := range allModels() {
			n, entries, err := copyTable(from, tx, m, "copied from "+srcName)
			if err != nil {
				return err
			}
			counts = append(counts, n)
			copied = append(copied, entries...)
		}
		n, err := copyLinks(from, tx)
		counts = append(counts, n)
		if err != nil {
			return err
		}
		for _, c := range counts {
			if err := copyCounter(from, tx, c); err != nil {
				return err
			}
		}
		// Each record's history says where it came from; these entries
		// follow the copied history, so they are numbered after it.
		if len(copied) == 0 {
			return nil
		}
		return tx.CreateInBatches(copied, 500).Error
	})
	return counts, err
}

// copyTable copies every row of one model's table, ids included, and
// returns the history entries that say so (none for history itself).
func copyTable(src, tx *gorm.DB, model any, note string) (TableCount, []models.HistoryEntry, error) {
	stmt := &gorm.Statement{DB: src}
	if err := stmt.Parse(model); err != nil {
		return TableCount{}, nil, err
	}
	table := stmt.Schema.Table
	key := strings.Join(stmt.Schema.PrimaryFieldDBNames, ", ") // links have two
	rows := reflect.New(reflect.SliceOf(reflect.TypeOf(model).Elem()))
	if err := src.Order(key).Find(rows.Interface()).Error; err != nil {
		return TableCount{Table: table}, nil, fmt.Errorf("reading %s: %w", table, err)
	}
	n := int64(rows.Elem().Len())
	counted := TableCount{Table: table, Rows: n, ids: key == "id"}
	if n == 0 {
		return counted, nil, nil
	}
	omit := append([]string{clause.Associations}, selfLinks[table]...)
	// Select("*") writes zero values too (a 0% quorum), which GORM would
	// otherwise leave to the column's default.
	if err := tx.Select("*").Omit(omit...).CreateInBatches(rows.Interface(), 200).Error; err != nil {
		return TableCount{Table: table}, nil, fmt.Errorf("writing %s: %w", table, err)
	}
	var entries []models.HistoryEntry
	for i := 0; i < rows.Elem().Len(); i++ {
		if rec, ok := rows.Elem().Index(i).Addr().Interface().(Entity); ok {
			h := entry(tx, table, rec.Key(), recordName(rec))
			h.New = note
			entries = append(entries, h)
		}
	}
	for _, col := range selfLinks[table] {
		var links []struct{ ID, Ref uint }
		if err := src.Table(table).Select("id, " + col + " AS ref").Where(col + " IS NOT NULL").Scan(&links).Error; err != nil {
			return TableCount{Table: table}, nil, err
		}
		for _, l := range links {
			if err := tx.Table(table).Where("id = ?", l.ID).UpdateColumn(col, l.Ref).Error; err != nil {
				return TableCount{Table: table}, nil, fmt.Errorf("linking %s: %w", table, err)
			}
		}
	}
	return counted, entries, nil
}

// copyLinks copies the initiative–target links.
func copyLinks(src, tx *gorm.DB) (TableCount, error) {
	var links []struct{ InitiativeID, TargetID uint }
	c := TableCount{Table: "initiative_targets"}
	if err := src.Table(c.Table).Order("initiative_id, target_id").Scan(&links).Error; err != nil {
		return c, err
	}
	c.Rows = int64(len(links))
	if len(links) == 0 {
		return c, nil
	}
	return c, tx.Table(c.Table).CreateInBatches(links, 500).Error
}

// copyCounter carries a table's id counter across, so an id the original
// once gave (and old minutes may name) is never given again by the copy.
func copyCounter(src, tx *gorm.DB, c TableCount) error {
	if !c.ids {
		return nil
	}
	table := c.Table
	used, err := lastID(src, table)
	if err != nil {
		return err
	}
	if used == 0 {
		return nil
	}
	if dialectOf(tx).server() {
		return tx.Exec("SELECT setval(pg_get_serial_sequence(?, 'id'), ?)", table, used).Error
	}
	if err := tx.Exec("DELETE FROM sqlite_sequence WHERE name = ?", table).Error; err != nil {
		return err
	}
	return tx.Exec("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, used).Error
}

// lastID is the highest id a table has ever given.
func lastID(db *gorm.DB, table string) (int64, error) {
	var n int64
	if dialectOf(db).server() {
		err := db.Raw("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + quoteIdent(table+"_id_seq")).Scan(&n).Error
		return n, err
	}
	err := db.Raw("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), (SELECT MAX(id) FROM "+quoteIdent(table)+"), 0)", table).Scan(&n).Error
	return n, err
}

func quoteIdent(name string) string { return `"` + name + `"` }
