package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"cxcommittee/models"
)

// importRows are 10,000 measurements of the demo's targets, as an
// onboarding sheet would hold them.
func importRows(b *testing.B, s *Store) Sheet {
	b.Helper()
	targets, err := List[models.Target](s, "id")
	if err != nil {
		b.Fatal(err)
	}
	sh := Sheet{Register: "Measurements", Header: []string{"Target", "Date", "Value", "Sample size"}}
	for i := 0; i < 10000; i++ {
		t := targets[i%len(targets)]
		v := t.TargetValue
		sh.Rows = append(sh.Rows, []string{t.Name, models.MustDate("2020-01-01").AddDays(i / len(targets)).String(), fmt.Sprint(v), "100"})
	}
	return sh
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "committee.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.LoadDemo(models.MustDate("2026-11-23")); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkImport10000Rows imports 10,000 rows in one transaction through
// the models' rules and history.
func BenchmarkImport10000Rows(b *testing.B) {
	for range b.N {
		b.StopTimer()
		s := benchStore(b)
		sh := importRows(b, s)
		b.StartTimer()
		r, err := s.ImportRegisters([]Sheet{sh}, models.MustDate("2026-11-23"), ImportOptions{})
		if err != nil || !r.Applied || len(r.Changes) != 10000 {
			b.Fatalf("import: %v, %d changes, problems %v", err, len(r.Changes), r.Problems[:min(3, len(r.Problems))])
		}
	}
}

// BenchmarkRawInsert10000Rows is the baseline: the same rows as raw SQL
// inserts in one transaction, with no rules and no history.
func BenchmarkRawInsert10000Rows(b *testing.B) {
	for range b.N {
		b.StopTimer()
		s := benchStore(b)
		sh := importRows(b, s)
		ids := map[string]uint{}
		targets, _ := List[models.Target](s, "id")
		for _, t := range targets {
			ids[t.Name] = t.ID
		}
		b.StartTimer()
		tx := s.db.Begin()
		for _, r := range sh.Rows {
			if err := tx.Exec("INSERT INTO measurements (created_at, updated_at, version, target_id, date, value, sample_size) VALUES (datetime(), datetime(), 1, ?, ?, ?, ?)",
				ids[r[0]], r[1], r[2], r[3]).Error; err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit().Error; err != nil {
			b.Fatal(err)
		}
	}
}
