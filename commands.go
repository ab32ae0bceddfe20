package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"cxcommittee/app"
	"cxcommittee/app/report"
	"cxcommittee/models"
)

// demo fills an empty database with the sample committee. A database it
// had to create is removed again when loading fails (a full disk, say), so
// no empty file is left behind.
func demo(args []string, stdout io.Writer) error {
	scale := 1
	o, err := parse(args, spec{timed: true, as: true, extra: func(fs *flag.FlagSet) {
		fs.IntVar(&scale, "scale", 1, "the sample's programme this many times over")
	}})
	if err != nil {
		return err
	}
	if scale < 1 || scale > 10000 {
		return usageError{fmt.Sprintf("--scale must be a whole number from 1 to 10000, not %d", scale)}
	}
	_, statErr := os.Stat(o.db)
	created := errors.Is(statErr, os.ErrNotExist) && !app.IsServerURL(o.db)
	err = withStore(o.db, app.Open, func(s *app.Store) error {
		s.ActAs(&app.Actor{Name: firstNonEmpty(o.as, "cxcommittee demo")})
		return s.LoadScaledDemo(o.asOf, scale)
	})
	if err != nil {
		if created {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(o.db + suffix)
			}
		}
		return err
	}
	if scale > 1 {
		fmt.Fprintf(stdout, "Loaded the sample committee with its programme %d times over as of %s into %s\n", scale, o.asOf, app.Redact(o.db))
		return nil
	}
	fmt.Fprintf(stdout, "Loaded the sample committee as of %s into %s\n", o.asOf, app.Redact(o.db))
	return nil
}

// check prints the governance health check, the stored values the app
// cannot use and the integrity result. It fails (exit 1) when the data is
// not sound; failing governance checks are findings, not failures.
func check(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{timed: true})
	if err != nil {
		return err
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
		r, err := s.Check(o.asOf)
		if err != nil {
			return err
		}
		writeCheck(stdout, r)
		switch {
		case r.Integrity != "ok":
			return fmt.Errorf("the database failed its integrity check: %s; restore it from a backup (cxcommittee restore)", r.Integrity)
		case len(r.Problems) > 0:
			return fmt.Errorf("%s the app cannot use (listed above); fix them in the app or in the file", models.Count(len(r.Problems), "stored value", "stored values"))
		}
		return nil
	})
}

// writeCheck prints a check result: one line per governance check with its
// reason, then the stored problems under their own heading, then integrity.
func writeCheck(w io.Writer, r app.CheckResult) {
	fmt.Fprintf(w, "Governance health check as of %s\n", r.AsOf)
	for _, c := range r.Checks {
		mark := "PASS"
		if !c.Passed {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "%s  %s: %s\n", mark, c.Name, c.Reason)
	}
	fmt.Fprintf(w, "%d of %d checks pass.\n", len(r.Checks)-r.Failed(), len(r.Checks))
	fmt.Fprintf(w, "\nStored values the app cannot use (%d)\n", len(r.Problems))
	if len(r.Problems) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
	fmt.Fprintf(w, "\nDatabase integrity: %s\n", r.Integrity)
}

// agenda prints the draft agenda of the next meeting.
func agenda(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{timed: true})
	if err != nil {
		return err
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
		return writeAgenda(stdout, s, o.asOf)
	})
}

// writeReport writes the executive Excel report.
func writeReport(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{timed: true, out: "report needs -o FILE.xlsx"})
	if err != nil {
		return err
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
		if err := report.Export(s, o.out, o.asOf, nil); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote the status report as of %s to %s\n", o.asOf, o.out)
		return nil
	})
}

// displayProblem says why no window can open here, or "". On Linux and
// the BSDs a window needs an X11 or Wayland display.
func displayProblem() string {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
	default:
		return ""
	}
	const help = "; the commands (cxcommittee help) work without one"
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	display := os.Getenv("DISPLAY")
	if display == "" {
		return "the window needs a display and none is set (DISPLAY is empty)" + help
	}
	// A local display ":N" has its socket in /tmp/.X11-unix.
	if strings.HasPrefix(display, ":") {
		n := strings.TrimPrefix(display, ":")
		n, _, _ = strings.Cut(n, ".")
		if _, err := os.Stat(filepath.Join("/tmp/.X11-unix", "X"+n)); err != nil {
			return "the window needs a display and " + display + " is not running" + help
		}
	}
	return ""
}

// writeAgenda prints the draft agenda of the next meeting as of asOf as
// plain text, grouped in sections with headings, one line per item naming
// the record, its owner and why it is there.
func writeAgenda(w io.Writer, s *app.Store, asOf models.Date) error {
	next, err := s.NextMeeting(asOf)
	if err != nil {
		return err
	}
	day, title := asOf, "Next meeting (none planned yet)"
	if next != nil {
		day, title = next.Date, next.Title
	}
	// Matters are judged as of asOf, like the report's: both name the same
	// initiatives, actions and decisions on the same day.
	entries, err := s.MattersArising(asOf)
	if err != nil {
		return err
	}
	p, _, err := s.Settings()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Draft agenda: %s, %s\n", title, day)
	if p.OrganisationName != "" {
		fmt.Fprintf(w, "%s — matters arising as of %s\n", p.OrganisationName, asOf)
	}
	bySection := map[string][]models.AgendaEntry{}
	for _, e := range entries {
		bySection[e.Section] = append(bySection[e.Section], e)
	}
	for _, sec := range models.AgendaSections {
		list := bySection[sec]
		fmt.Fprintf(w, "\n%s (%d)\n", sec, len(list))
		if len(list) == 0 {
			fmt.Fprintln(w, "  none")
		}
		if sec != models.SectionActions { // actions stay in due-date order
			sort.SliceStable(list, func(i, j int) bool { return list[i].Title < list[j].Title })
		}
		for _, e := range list[:min(len(list), models.AgendaSectionCap)] {
			owner := e.Owner
			if owner == "" {
				owner = "no owner"
			}
			fmt.Fprintf(w, "  - %s (%s): %s\n", e.Title, owner, e.Why)
		}
		if len(list) > models.AgendaSectionCap {
			fmt.Fprintf(w, "  … and %d more\n", len(list)-models.AgendaSectionCap)
		}
	}
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
