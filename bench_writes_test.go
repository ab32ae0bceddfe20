package main

import (
	"database/sql"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"cxcommittee/app"
	"cxcommittee/models"
)

// rawDSN opens a file with the settings app/store.go's writableDSN gives
// the app: foreign keys, WAL, immediate write transactions, full fsync.
const rawDSN = "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL&_mutex=no"

// benchWrite is one kind of single write: as the app posts it, and its
// baseline, a plain INSERT of the same row.
type benchWrite struct {
	name    string
	post    func(i int) error
	insert  string
	args    func(i int) []any
	appTime []time.Duration
	rawTime []time.Duration
}

// benchWrites times a status update and a reading posted as the app posts
// them against a plain INSERT committed in its own transaction through
// database/sql, each on its own copy of the demo committee: 200 of each,
// one of the app's and one raw in turn, so that both meet the disk as it
// is at that moment (its flush time drifts by half within a minute).
func benchWrites(t *testing.T, p *benchPage, demo benchDB) {
	t.Helper()
	asOf := models.MustDate(benchAsOf)
	s := openStore(t, copyDB(t, demo.path))
	defer s.Close()
	raw, err := sql.Open("sqlite3", "file:"+copyDB(t, demo.path)+rawDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var member uint
	var name, sqliteVersion string
	sqlQuery(t, demo.path, "SELECT id, name, sqlite_version() FROM members ORDER BY id LIMIT 1", &member, &name, &sqliteVersion)
	s.ActAs(&app.Actor{ID: &member, Name: name})
	inis, err := app.List[models.Initiative](s, "id")
	if err != nil {
		t.Fatal(err)
	}
	targets, err := app.List[models.Target](s, "id")
	if err != nil {
		t.Fatal(err)
	}
	day := func(i, of int) models.Date { return asOf.AddDays(1 + i/of) } // each write the latest of its record
	writes := []*benchWrite{
		{name: "status update (`PostStatusUpdate`)",
			post: func(i int) error {
				return s.PostStatusUpdate(&models.StatusUpdate{InitiativeID: inis[i%len(inis)].ID, Date: day(i, len(inis)),
					AuthorID: &member, Health: models.HealthAmber, PercentComplete: 50, Note: "supplier late"})
			},
			insert: "INSERT INTO status_updates (created_at, updated_at, version, initiative_id, date, author_id, health, percent_complete, note) " +
				"VALUES (datetime(), datetime(), 1, ?, ?, ?, 'amber', 50, 'supplier late')",
			args: func(i int) []any { return []any{inis[i%len(inis)].ID, day(i, len(inis)).String(), member} }},
		{name: "reading (`RecordMeasurement`)",
			post: func(i int) error {
				tg := targets[i%len(targets)]
				return s.RecordMeasurement(&models.Measurement{TargetID: tg.ID, Date: day(i, len(targets)), Value: tg.TargetValue, SampleSize: 100})
			},
			insert: "INSERT INTO measurements (created_at, updated_at, version, target_id, date, value, sample_size) VALUES (datetime(), datetime(), 1, ?, ?, ?, 100)",
			args: func(i int) []any {
				tg := targets[i%len(targets)]
				return []any{tg.ID, day(i, len(targets)).String(), tg.TargetValue}
			}},
	}
	for _, w := range writes {
		for i := range 200 {
			w.appTime = append(w.appTime, timeOnce(t, func() error { return w.post(i) }))
			w.rawTime = append(w.rawTime, timeOnce(t, func() error { return rawCommit(raw, w.insert, w.args(i)...) }))
		}
	}
	sec := benchSection{title: "Single writes",
		what: "On copies of the demo committee, SQLite " + sqliteVersion + " through mattn/go-sqlite3 with the app's settings (WAL, " +
			"synchronous=FULL, immediate transactions): 200 writes posted as the app posts them (checks, history, the initiative moved) " +
			"against 200 plain `INSERT`s of the same rows, each committed in its own transaction through database/sql, " +
			"one of the app's and one raw in turn.",
		header: []string{"write", "app, median", "app, mean", "raw commit, median", "raw commit, mean", "app ÷ raw (medians)", "goal", "goal met?"}}
	for _, w := range writes {
		a, r := median(w.appTime), median(w.rawTime)
		met := p.goal("a "+w.name+" ≤ 1.5× a raw per-row commit", ratio(a, r), a*2 <= r*3)
		sec.rows = append(sec.rows, []string{w.name, dur(a), dur(mean(w.appTime)), dur(r), dur(mean(w.rawTime)), ratio(a, r), "≤ 1.5×", met})
	}
	p.add(sec)
}

// rawCommit runs one statement in a transaction of its own.
func rawCommit(db *sql.DB, stmt string, args ...any) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec(stmt, args...); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// mean is the average of durations.
func mean(ds []time.Duration) time.Duration {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(len(ds))
}

// benchBulk runs the app package's bulk benchmark (app/import_bench_test.go)
// with go test -bench: each bulk path and raw inserts of the same rows in
// one transaction, one after the other, five rounds.
func benchBulk(t *testing.T, p *benchPage) {
	t.Helper()
	args := []string{"test", "-tags", "migrated_fynedo", "-run", "XXX", "-bench", "BulkInTurn", "-benchtime", "5x", "./app/"}
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
	ns := map[string]float64{}
	for _, m := range regexp.MustCompile(`\s([\d.e+]+) (\w+)-ns/op`).FindAllStringSubmatch(string(out), -1) {
		ns[m[2]], _ = strconv.ParseFloat(m[1], 64)
	}
	sec := benchSection{title: "Bulk writes",
		what: "`go test -tags migrated_fynedo -run XXX -bench BulkInTurn -benchtime 5x ./app/` (app/import_bench_test.go): " +
			"each path against its baseline, the same rows as plain statements in one transaction, " +
			"on a fresh demo committee each time, every path and baseline one after the other in each of 5 rounds. Mean of 5.",
		header: []string{"path", "time", "baseline", "baseline time", "ratio", "goal", "goal met?"}}
	for _, c := range []struct{ name, bench, baseName, base, goal string }{
		{"import of 10,000 readings (`ImportRegisters`)", "Import10000Rows", "raw inserts of the rows", "RawInsert10000Rows", "≤ 2×"},
		{"pack of 10,000 status updates (`ImportPack`)", "PackOf10000StatusUpdates", "raw inserts of the status updates", "RawInsert10000StatusUpdates", "≤ 2×"},
		{"pack of 10,000 status updates (`ImportPack`)", "PackOf10000StatusUpdates", "raw statements for every row it writes (history, the initiatives moved)", "RawInsert10000StatusUpdatesWithHistory", ""},
	} {
		a, b := ns[c.bench], ns[c.base]
		if a == 0 || b == 0 {
			t.Fatalf("no result for %s or %s:\n%s", c.bench, c.base, out)
		}
		met := ""
		if c.goal != "" {
			met = p.goal(c.name+" ≤ 2× "+c.baseName+" in one transaction", ratio(a, b), a <= 2*b)
		}
		sec.rows = append(sec.rows, []string{c.name, dur(time.Duration(a)), c.baseName, dur(time.Duration(b)), ratio(a, b), c.goal, met})
	}
	p.add(sec)
}
