package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

const (
	// benchOutEnv names the Markdown file TestWriteBenchmarks writes;
	// without it the test skips. make bench sets it to docs/benchmarks.md.
	benchOutEnv = "CXCOMMITTEE_BENCH_OUT"
	// benchAsOf is the day every benchmark judges the committee on.
	benchAsOf = "2026-11-23"
)

// TestWriteBenchmarks measures, in one run, the report, the screens'
// reads, the window and the writes at about 100, 1,000 and 10,000
// initiatives, each beside a baseline timed in the same run, and writes
// the page named by CXCOMMITTEE_BENCH_OUT (make bench: docs/benchmarks.md).
func TestWriteBenchmarks(t *testing.T) {
	out := os.Getenv(benchOutEnv)
	if out == "" {
		t.Skip("set " + benchOutEnv + "=FILE.md to run the benchmarks (make bench)")
	}
	p := newBenchPage()
	dbs := benchDatabases(t, 1, 7, 67, 667)
	demo, sizes, largest := dbs[0], dbs[1:], dbs[len(dbs)-1]
	benchReport(t, p, sizes)
	benchReads(t, p, dbs)
	benchWindow(t, p, demo, largest)
	benchWrites(t, p, demo)
	benchBulk(t, p)
	if err := writeAtomic(out, p.markdown()); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s in %s", out, time.Since(p.started).Round(time.Second))
}

// benchDB is a sample committee built for the benchmarks.
type benchDB struct {
	scale       int // the demo's --scale
	initiatives int
	path        string
}

// label names the size in a table's heading: its initiatives.
func (db benchDB) label() string {
	if db.scale == 1 {
		return fmt.Sprintf("demo (%s)", thousands(db.initiatives))
	}
	return thousands(db.initiatives) + " initiatives"
}

// benchDatabases builds the sample committee at each scale with the real
// binary, and opens each once so the day's automatic backup is not timed.
func benchDatabases(t *testing.T, scales ...int) []benchDB {
	t.Helper()
	dbs := make([]benchDB, len(scales))
	for i, n := range scales {
		db := benchDB{scale: n, path: filepath.Join(t.TempDir(), fmt.Sprintf("scale%d.db", n))}
		if _, e, code := cli(t, "demo", "--db", db.path, "--as-of", benchAsOf, "--scale", fmt.Sprint(n)); code != 0 {
			t.Fatalf("demo --scale %d: %s", n, e)
		}
		s := openStore(t, db.path)
		s.Close()
		sqlQuery(t, db.path, "SELECT COUNT(*) FROM initiatives", &db.initiatives)
		dbs[i] = db
	}
	return dbs
}

// procRun is one timed process: its wall time and peak resident memory.
type procRun struct {
	wall  time.Duration
	rssKB int64
}

// timeProcess runs cmd to the end and returns its wall time and peak RSS
// (the kernel's ru_maxrss, in KiB on Linux); it fails the test if cmd fails.
func timeProcess(t *testing.T, cmd *exec.Cmd) procRun {
	t.Helper()
	var errOut limitedBuffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errOut
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, errOut.b)
	}
	wall := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatal("no resource usage for", cmd.Args)
	}
	return procRun{wall: wall, rssKB: ru.Maxrss}
}

// medianRun is the median wall time and the median peak RSS of runs.
func medianRun(runs []procRun) procRun {
	walls, rss := make([]time.Duration, len(runs)), make([]int64, len(runs))
	for i, r := range runs {
		walls[i], rss[i] = r.wall, r.rssKB
	}
	return procRun{wall: median(walls), rssKB: median(rss)}
}

// median returns the middle value of xs (the upper one of an even count).
func median[T cmp.Ordered](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// timeMedian runs fn n times and returns the median time of a run.
func timeMedian(t *testing.T, n int, fn func() error) time.Duration {
	t.Helper()
	times := make([]time.Duration, n)
	for i := range times {
		times[i] = timeOnce(t, fn)
	}
	return median(times)
}

// timeOnce runs fn and returns how long it took; an error fails the test.
func timeOnce(t *testing.T, fn func() error) time.Duration {
	t.Helper()
	start := time.Now()
	if err := fn(); err != nil {
		t.Fatal(err)
	}
	return time.Since(start)
}

// limitedBuffer keeps the first 64 KiB written to it: enough of a failing
// process's stderr to say why.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.b = append(l.b, p[:min(len(p), max(0, 64<<10-len(l.b)))]...)
	return len(p), nil
}
