package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// benchPage is the benchmarks page being measured: the machine, the goals
// and one section per area, written out as Markdown at the end.
type benchPage struct {
	started   time.Time
	loadStart string
	goals     []benchGoal
	sections  []benchSection
}

// benchGoal is one goal of issue 13 and what this run measured for it.
type benchGoal struct {
	goal, measured string
	met            bool
}

// benchSection is one area: a heading, what was timed and how, and a table.
type benchSection struct {
	title, what string
	header      []string
	rows        [][]string
}

func newBenchPage() *benchPage {
	return &benchPage{started: time.Now(), loadStart: loadAverage()}
}

// goal records a goal's outcome and returns the cell for an area's
// "goal met?" column.
func (p *benchPage) goal(goal, measured string, met bool) string {
	p.goals = append(p.goals, benchGoal{goal: goal, measured: measured, met: met})
	return metText(met)
}

// add appends an area's section.
func (p *benchPage) add(s benchSection) { p.sections = append(p.sections, s) }

func metText(met bool) string {
	if met {
		return "yes"
	}
	return "**no**"
}

// markdown writes the page: the machine and run, the goals, the areas.
func (p *benchPage) markdown() string {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\n")
	b.WriteString("Written by `make bench` (`TestWriteBenchmarks`, bench_*_test.go) from one run. " +
		"Every figure has its baseline measured in the same run, interleaved with it where both are processes: " +
		"the machine is shared, so the ratios say more than the times. " +
		"What was changed to reach these figures, and what is still short of its goal, is in [performance.md](performance.md).\n\n")
	table(&b, []string{"run", ""}, [][]string{
		{"date", p.started.Format("2006-01-02 15:04 MST")},
		{"machine", fmt.Sprintf("%s, %d CPUs (%s), %s memory", command("uname", "-m"), runtime.NumCPU(), procField("/proc/cpuinfo", "model name"), memory())},
		{"load average (1, 5, 15 min)", p.loadStart + " at the start; " + loadAverage() + " at the end"},
		{"Go", runtime.Version()},
		{"took", time.Since(p.started).Round(time.Second).String()},
		{"command", "`make bench`"},
	})
	b.WriteString("\n## Goals\n\n")
	var goals [][]string
	for _, g := range p.goals {
		goals = append(goals, []string{g.goal, g.measured, metText(g.met)})
	}
	table(&b, []string{"goal", "this run", "goal met?"}, goals)
	for _, s := range p.sections {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", s.title, s.what)
		table(&b, s.header, s.rows)
	}
	return b.String()
}

// table writes a Markdown table.
func table(b *strings.Builder, header []string, rows [][]string) {
	line := func(cells []string) { b.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
	line(header)
	b.WriteString(strings.Repeat("|---", len(header)) + "|\n")
	for _, r := range rows {
		line(r)
	}
}

// writeAtomic writes data to a file beside path and renames it into place.
func writeAtomic(path, data string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".benchmarks-*.md")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// loadAverage is the machine's 1, 5 and 15 minute load average.
func loadAverage() string {
	data, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}

// procField is the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	data, _ := os.ReadFile(path)
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// memory is the machine's memory in GiB, from /proc/meminfo's MemTotal (kB).
func memory() string {
	var kb float64
	if _, err := fmt.Sscanf(procField("/proc/meminfo", "MemTotal"), "%f kB", &kb); err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GiB", kb/(1<<20))
}

// command is a command's output, trimmed, or "unknown".
func command(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// dur says a duration in milliseconds, or seconds from 1 s.
func dur(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f ms", float64(d)/1e6)
}

// ratio says a/b as "1.23×".
func ratio[T ~int64 | ~float64](a, b T) string { return fmt.Sprintf("%.2f×", float64(a)/float64(b)) }

// megabytes turns ru_maxrss (KiB) into megabytes (10^6 bytes).
func megabytes(kb int64) float64 { return float64(kb) * 1024 / 1e6 }

// mb says a peak RSS in megabytes.
func mb(kb int64) string { return fmt.Sprintf("%.0f MB", megabytes(kb)) }

// thousands writes n with thousands separators: 10,005.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
