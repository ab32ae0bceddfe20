package app

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"cxcommittee/models"
)

// crashWriterEnv names the database a re-executed test binary writes to
// until it is killed; crashRoundEnv numbers the round so names stay unique.
const (
	crashWriterEnv = "CXCOMMITTEE_CRASH_WRITER"
	crashRoundEnv  = "CXCOMMITTEE_CRASH_ROUND"
	crashRounds    = 25
)

// crashName and crashHead are what the writer stores as write i of a round:
// the head is a few kilobytes at times, so the WAL grows past SQLite's
// automatic checkpoint now and then and some kills land in a checkpoint.
func crashName(round, i int) string { return fmt.Sprintf("Dept %d-%d", round, i) }

func crashHead(round, i int) string {
	n := (round*131 + i*17) % 7 * 500
	return strings.Repeat(string(rune('a'+(round+i)%26)), n)
}

// TestCrashKeepsAcknowledgedWrites kills a writing process at random moments
// and checks after each kill that the file is sound and holds every write the
// writer saw committed, in order, with at most the one in flight beyond them.
// A SIGKILL is a process crash, not a power cut: it tests SQLite's recovery
// of the WAL and the store's use of transactions, not the disk's fsync.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if os.Getenv(crashWriterEnv) != "" {
		t.Skip("inside the writer")
	}
	path := filepath.Join(t.TempDir(), "committee.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	acked := make([]int, crashRounds) // writes acknowledged per round
	start := time.Now()
	for round := range crashRounds {
		delay := time.Duration(20+rng.IntN(131)) * time.Millisecond
		acked[round] = crashRound(t, path, round, delay)
		checkAfterCrash(t, path, round, acked)
		if t.Failed() {
			t.Fatalf("round %d (killed %v after the first acknowledged write) left the database wrong", round, delay)
		}
	}
	total := 0
	for _, n := range acked {
		total += n
	}
	t.Logf("%d rounds, %d acknowledged writes, %v", crashRounds, total, time.Since(start).Round(time.Millisecond))
}

// crashRound starts the writer, kills it delay after its first acknowledged
// write and returns how many writes it acknowledged.
func crashRound(t *testing.T, path string, round int, delay time.Duration) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashWriterEnv+"="+path, crashRoundEnv+"="+strconv.Itoa(round))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()

	n := 0
	var failure string
	read := func(line string) {
		switch {
		case line == "ACK "+crashName(round, n):
			n++
		case strings.HasPrefix(line, "ACK "):
			failure = fmt.Sprintf("acknowledged %q, want %q", line, "ACK "+crashName(round, n))
		case strings.HasPrefix(line, "ERR "):
			failure = line
		}
	}
	var kill <-chan time.Time
	timeout := time.After(15 * time.Second)
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				break wait // the writer ended by itself
			}
			read(line)
			if n == 1 && kill == nil {
				kill = time.After(delay)
			}
		case <-kill:
			cmd.Process.Kill()
			break wait
		case <-timeout:
			cmd.Process.Kill()
			failure = "no write was acknowledged within 15s"
			break wait
		}
	}
	for line := range lines { // what the writer printed before it died
		read(line)
	}
	werr := cmd.Wait()
	if failure == "" && (werr == nil || !strings.Contains(werr.Error(), "killed")) {
		failure = fmt.Sprintf("the writer ended before it was killed: %v", werr)
	}
	if failure != "" {
		t.Fatalf("round %d: %s\nwriter stderr:\n%s", round, failure, stderr.String())
	}
	return n
}

// checkAfterCrash reopens the file as the app would and checks it.
func checkAfterCrash(t *testing.T, path string, round int, acked []int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: reopening after the kill: %v", round, err)
	}
	defer s.Close()
	if s.ReadOnly() != "" {
		t.Errorf("round %d: reopened read-only: %s", round, s.ReadOnly())
	}
	if v, err := s.Integrity(); err != nil || v != "ok" {
		t.Fatalf("round %d: integrity check = %q, %v", round, v, err)
	}
	depts, err := List[models.Department](s, "id")
	if err != nil {
		t.Fatalf("round %d: listing departments: %v", round, err)
	}
	present := make(map[string]models.Department, len(depts))
	for _, d := range depts {
		present[d.Name] = d
	}
	for r := 0; r <= round; r++ {
		// Writes are sequential: what is there is write 0 to k-1 of the
		// round, every acknowledged one and at most the one in flight.
		k := 0
		for {
			d, ok := present[crashName(r, k)]
			if !ok {
				break
			}
			if d.Head != crashHead(r, k) {
				t.Errorf("round %d: %s has a head of %d bytes, want %d", round, d.Name, len(d.Head), len(crashHead(r, k)))
			}
			delete(present, d.Name)
			k++
		}
		if k < acked[r] {
			t.Errorf("round %d: write %q of round %d was acknowledged but is missing (%d of %d there)", round, crashName(r, k), r, k, acked[r])
		}
		if k > acked[r]+1 {
			t.Errorf("round %d: round %d has %d writes, but only %d were acknowledged and one can be in flight", round, r, k, acked[r])
		}
	}
	for name := range present {
		t.Errorf("round %d: unexpected department %q (a write out of order, or a gap)", round, name)
	}
}

// TestCrashWriterHelper is the writer of TestCrashKeepsAcknowledgedWrites:
// it runs only in a re-executed test binary, writes departments one
// transaction at a time and prints "ACK <name>" after each commit.
func TestCrashWriterHelper(t *testing.T) {
	path := os.Getenv(crashWriterEnv)
	if path == "" {
		t.Skip("only run by TestCrashKeepsAcknowledgedWrites")
	}
	round, _ := strconv.Atoi(os.Getenv(crashRoundEnv))
	s, err := Open(path)
	if err != nil {
		fmt.Fprintf(os.Stdout, "ERR open: %v\n", oneLineErr(err))
		os.Exit(3)
	}
	// Stop by itself if nobody kills it, so a lost parent leaves no writer.
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		d := &models.Department{Name: crashName(round, i), Head: crashHead(round, i)}
		if err := Create(s, d); err != nil {
			fmt.Fprintf(os.Stdout, "ERR create %s: %v\n", d.Name, oneLineErr(err))
			os.Exit(3)
		}
		fmt.Fprintf(os.Stdout, "ACK %s\n", d.Name) // os.Stdout is unbuffered
	}
	s.Close()
	os.Exit(4)
}

func oneLineErr(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
