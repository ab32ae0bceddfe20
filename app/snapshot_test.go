package app

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"cxcommittee/models"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// sqlLog records every statement GORM runs.
type sqlLog struct {
	logger.Interface
	mu   sync.Mutex
	stmt []string
}

func (l *sqlLog) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	sql, _ := fc()
	l.mu.Lock()
	l.stmt = append(l.stmt, sql)
	l.mu.Unlock()
}

// reads counts the statements that read each table (FROM or JOIN).
func (l *sqlLog) reads() map[string]int {
	from := regexp.MustCompile("(?i)\\b(?:FROM|JOIN)\\s+[`\"]?(\\w+)[`\"]?")
	out := map[string]int{}
	for _, s := range l.stmt {
		seen := map[string]bool{}
		for _, m := range from.FindAllStringSubmatch(s, -1) {
			if !seen[m[1]] && !strings.HasPrefix(strings.ToLower(m[1]), "sqlite_") {
				seen[m[1]] = true
				out[m[1]]++
			}
		}
	}
	return out
}

func TestReportSnapshotReadsEachRegisterOnce(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	log := &sqlLog{Interface: logger.Discard}
	s.db = s.db.Session(&gorm.Session{Logger: log})
	if _, err := s.Snapshot(models.MustDate("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	reads := log.reads()
	// Each register is read once; the history tables twice at most (the
	// latest values, then the history up to the day); targets also appear
	// in the measurement queries that check readings against their scale.
	// The risk register's history is read for the risks' trends.
	for _, table := range []string{"members", "departments", "meetings", "decisions", "action_items", "attendances", "journeys", "programs", "initiatives"} {
		if reads[table] != 1 {
			t.Errorf("the report read %s %d times, want once (all reads: %v)", table, reads[table], reads)
		}
	}
	// Status updates and changes once more, to rebuild overall health at
	// the previous meeting.
	for table, most := range map[string]int{"measurements": 2, "status_updates": 3, "status_changes": 3, "risks": 1} {
		if reads[table] > most {
			t.Errorf("the report read %s %d times, want at most %d (all reads: %v)", table, reads[table], most, reads)
		}
	}
}
