package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzCommands are the commands FuzzCommandLine may run: ones that only read
// (and report, whose -o is forced into the temp folder). The window, demo,
// migrate, backup and restore write, so the fuzzer never names them; the
// last entry stands for an unknown command, made from the fuzzed word.
var fuzzCommands = []string{"check", "agenda", "report", "help", ""}

// FuzzCommandLine: whatever the flags, run never panics, exits 0, 1 or 2,
// and on failure prints exactly one line starting "cxcommittee: ". The
// database is always a missing file in a temp folder, and nothing may
// appear there: the read-only commands must not create it.
func FuzzCommandLine(f *testing.F) {
	f.Add(uint8(0), "", "--as-of 2026-11-23")
	f.Add(uint8(0), "", "--as-of 23/11/2026")
	f.Add(uint8(0), "", "--as-of")
	f.Add(uint8(0), "", "-h")
	f.Add(uint8(1), "", "--as-of=2026-02-30 extra")
	f.Add(uint8(1), "", "--nope")
	f.Add(uint8(2), "", "")
	f.Add(uint8(2), "", "-o")
	f.Add(uint8(2), "", "-o /etc/passwd --db /tmp/other.db")
	f.Add(uint8(2), "", "--as-of 2026-11-23 -- -o")
	f.Add(uint8(3), "", "anything at all")
	f.Add(uint8(4), "frobnicate", "--db x")
	f.Add(uint8(4), "two\nlines", "")
	f.Add(uint8(4), "-", "")
	f.Fuzz(func(t *testing.T, which uint8, word, flags string) {
		dir := t.TempDir()
		db := filepath.Join(dir, "missing", "committee.db")
		out := filepath.Join(dir, "report.xlsx")

		cmd := fuzzCommands[int(which)%len(fuzzCommands)]
		if cmd == "" {
			// Unknown, and never a command added later: a prefix no
			// command has, so it cannot be "" (the window) or a flag.
			cmd = "no-such-command-" + word
		}
		args := []string{cmd, "--db", db}
		if cmd == "report" {
			args = append(args, "-o", out)
		}
		for _, a := range strings.Split(flags, " ") {
			if name := flagName(a); name == "db" || name == "o" {
				continue // --db and -o are forced above
			}
			args = append(args, a)
		}

		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr)
		switch code {
		case 0:
			if stderr.Len() != 0 {
				t.Errorf("run(%q) = 0 with stderr %q", args, stderr.String())
			}
		case 1, 2:
			e := stderr.String()
			if !strings.HasPrefix(e, "cxcommittee: ") || !strings.HasSuffix(e, "\n") || strings.Count(e, "\n") != 1 {
				t.Errorf("run(%q) = %d with stderr %q, want one line starting \"cxcommittee: \"", args, code, e)
			}
		default:
			t.Errorf("run(%q) = %d, want 0, 1 or 2 (stderr %q)", args, code, stderr.String())
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			t.Errorf("run(%q) left %s in the temp folder", args, e.Name())
		}
	})
}

// flagName is the name a flag argument sets ("db" for -db, --db and
// --db=x), or "" for an argument that is not a flag.
func flagName(arg string) string {
	if !strings.HasPrefix(arg, "-") {
		return ""
	}
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if i := strings.IndexByte(name, '='); i >= 0 {
		name = name[:i]
	}
	return name
}
