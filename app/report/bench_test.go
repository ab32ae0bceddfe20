package report

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"cxcommittee/app"
	"cxcommittee/models"
)

const (
	benchInitiatives  = 10000
	benchTargets      = 50
	benchMeasurements = 100000
)

// bigDatabase writes a committee with 10,000 initiatives and 100,000
// measurements straight into a database file, as any SQLite tool could.
func bigDatabase(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.db")
	s, err := app.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.LoadDemo(asOf); err != nil {
		b.Fatal(err)
	}
	s.Close()
	db, err := gorm.Open(sqlite.Open(path+"?_foreign_keys=on&_journal_mode=WAL"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		b.Fatal(err)
	}
	err = db.Transaction(func(tx *gorm.DB) error {
		targets := make([]models.Target, benchTargets)
		for i := range targets {
			targets[i] = models.Target{Record: models.Record{Version: 1}, Name: fmt.Sprintf("Operational metric %03d", i), Kind: models.KindOperational,
				Unit: "%", Direction: models.DirectionIncrease, BaselineValue: models.Ptr(50.0), BaselineDate: asOf.AddMonths(-24),
				TargetValue: 80, TargetDate: asOf.AddMonths(12), AmberTolerance: 2}
		}
		if err := tx.CreateInBatches(targets, 100).Error; err != nil {
			return err
		}
		inis := make([]models.Initiative, benchInitiatives)
		for i := range inis {
			inis[i] = models.Initiative{Record: models.Record{Version: 1}, Title: fmt.Sprintf("Initiative %05d: improve a customer moment", i),
				Description: "A customer problem described in a sentence or two.", Status: models.InitiativeStatuses[i%5],
				Health: models.Healths[i%3], HealthReason: "Reason given by the owner in the last update.", PercentComplete: i % 101,
				StartDate: asOf.AddDays(-(i % 400)), DueDate: asOf.AddDays(i%300 - 100), ExpectedBenefit: float64(i * 10), Pillar: "Effortless", BusinessGoal: "Reduce churn"}
		}
		if err := tx.Omit("Targets").CreateInBatches(inis, 500).Error; err != nil {
			return err
		}
		ms := make([]models.Measurement, benchMeasurements)
		for i := range ms {
			ms[i] = models.Measurement{Record: models.Record{Version: 1}, TargetID: targets[i%benchTargets].ID,
				Date: asOf.AddDays(-(i / benchTargets) % 700), Value: 50 + float64(i%300)/10, SampleSize: 100 + i%50}
		}
		return tx.CreateInBatches(ms, 1000).Error
	})
	if err != nil {
		b.Fatal(err)
	}
	sqlDB, _ := db.DB()
	sqlDB.Close()
	return path
}

// BenchmarkExport exports the big committee: reading, the Summary and every
// register sheet, written to a file.
func BenchmarkExport(b *testing.B) {
	path := bigDatabase(b)
	s, err := app.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	out := filepath.Join(b.TempDir(), "report.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Export(s, out, asOf, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if info, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(info.Size())/1e6, "MB")
	}
}

// BenchmarkBareStreamWriter writes the same cells (the 10,000 initiative rows
// of 16 columns and the 100,000 measurement rows of 6 columns) with a bare
// excelize stream writer: no reading, styles, tables or Summary. The
// difference to BenchmarkExport is the report's own overhead.
func BenchmarkBareStreamWriter(b *testing.B) {
	out := filepath.Join(b.TempDir(), "bare.xlsx")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f := excelize.NewFile()
		sw, _ := f.NewStreamWriter("Sheet1")
		for r := 0; r < benchInitiatives; r++ {
			row := []any{fmt.Sprintf("Initiative %05d: improve a customer moment", r), "Journey", "Effortless", "Reduce churn", "Department", "Owner",
				"active", "green", "Reason given by the owner in the last update.", 0.5, asOf.Time(), asOf.Time(), asOf.Time(), "", "", float64(r * 10)}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		sw.Flush()
		f.NewSheet("Sheet2")
		sw2, _ := f.NewStreamWriter("Sheet2")
		for r := 0; r < benchMeasurements; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw2.SetRow(cell, []any{"Operational metric", "%", asOf.Time(), 50 + float64(r%300)/10, 100 + r%50, ""}); err != nil {
				b.Fatal(err)
			}
		}
		sw2.Flush()
		if err := f.SaveAs(out); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
