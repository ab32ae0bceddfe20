package app

import (
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestBulkInsertsReturnTheIdsOfTheirRows: the ids a bulk insert returns
// are its rows', in order, across its statements (a full one, a short
// last one) and after the highest id was deleted (never reused).
func TestBulkInsertsReturnTheIdsOfTheirRows(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var top, initiative int64
		s.db.Raw("SELECT MAX(id) FROM status_updates").Scan(&top)
		s.db.Raw("SELECT MIN(id) FROM initiatives").Scan(&initiative)
		if err := s.db.Exec("DELETE FROM status_updates WHERE id = ?", top).Error; err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		rows := make([][]any, 130) // more than two statements' worth
		for i := range rows {
			rows[i] = []any{now, now, 1, initiative, "2026-11-23", "green", i % 101, fmt.Sprintf("bulk row %d", i)}
		}
		var ids []int64
		err := s.db.Transaction(func(tx *gorm.DB) error {
			var err error
			ids, err = insertReturning(tx, "status_updates",
				[]string{"created_at", "updated_at", "version", "initiative_id", "date", "health", "percent_complete", "note"}, rows)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != len(rows) {
			t.Fatalf("%d ids for %d rows", len(ids), len(rows))
		}
		for i, id := range ids {
			if id <= top {
				t.Fatalf("row %d got id %d, not past the deleted %d", i, id, top)
			}
			var note string
			s.db.Raw("SELECT note FROM status_updates WHERE id = ?", id).Scan(&note)
			if want := fmt.Sprintf("bulk row %d", i); note != want {
				t.Fatalf("id %d holds %q, want %q", id, note, want)
			}
		}
	})
}
