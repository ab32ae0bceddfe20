package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"cxcommittee/app"
	"cxcommittee/app/pack"
	"cxcommittee/app/report"
	"cxcommittee/models"
)

// demo fills an empty database with the sample committee. A database it
// had to create is removed again when loading fails (a full disk, say), so
// no empty file is left behind.
func demo(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{timed: true, as: true})
	if err != nil {
		return err
	}
	_, statErr := os.Stat(o.db)
	created := errors.Is(statErr, os.ErrNotExist) && !app.IsServerURL(o.db)
	err = withStore(o.db, app.Open, func(s *app.Store) error {
		s.ActAs(&app.Actor{Name: firstNonEmpty(o.as, "cxcommittee demo")})
		return s.LoadDemo(o.asOf)
	})
	if err != nil {
		if created {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(o.db + suffix)
			}
		}
		return err
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

// migrate backs up and upgrades an existing database, saying what it did.
func migrate(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{})
	if err != nil {
		return err
	}
	if info, err := os.Stat(o.db); !app.IsServerURL(o.db) && (errors.Is(err, os.ErrNotExist) || (err == nil && info.Size() == 0)) {
		return fmt.Errorf("there is no database at %s to upgrade", o.db)
	}
	return withStore(o.db, app.Open, func(s *app.Store) error {
		if s.ReadOnly() != "" {
			return fmt.Errorf("%s cannot be upgraded: %s", s.Path(), s.ReadOnly())
		}
		if len(s.Upgraded) == 0 {
			fmt.Fprintf(stdout, "%s is already at schema %d; nothing to do\n", s.Path(), s.SchemaVersion())
			return nil
		}
		fmt.Fprintf(stdout, "Upgraded %s to schema %d:\n", s.Path(), s.SchemaVersion())
		for _, line := range s.Upgraded {
			fmt.Fprintf(stdout, "  %s\n", line)
		}
		return nil
	})
}

// backup writes a consistent copy of the database, even while the app has
// it open.
func backup(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{out: "backup needs -o FILE"})
	if err != nil {
		return err
	}
	return withStore(o.db, app.OpenToCopy, func(s *app.Store) error {
		if err := s.BackupTo(context.Background(), o.out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Backed up %s to %s\n", s.Path(), o.out)
		return nil
	})
}

// restore replaces the database with a backup, after checking the backup
// and saving the current database in the backups folder.
func restore(args []string, stdout io.Writer) error {
	o, err := parse(args, spec{args: 1, what: "the backup FILE to restore from"})
	if err != nil {
		return err
	}
	file := o.args[0]
	saved, err := app.RestoreInto(context.Background(), o.db, file)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored %s from %s\n", app.Redact(o.db), file)
	if saved != "" {
		fmt.Fprintf(stdout, "The committee it replaced is saved in %s\n", saved)
	}
	return nil
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
	entries, err := s.MattersArising(day)
	if err != nil {
		return err
	}
	p, _, err := s.Settings()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Draft agenda: %s, %s\n", title, day)
	if p.OrganisationName != "" {
		fmt.Fprintf(w, "%s — matters arising as of %s\n", p.OrganisationName, day)
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
		for _, e := range list {
			owner := e.Owner
			if owner == "" {
				owner = "no owner"
			}
			fmt.Fprintf(w, "  - %s (%s): %s\n", e.Title, owner, e.Why)
		}
	}
	return nil
}

// copyCommittee copies a whole committee between two databases (file to
// server and back) and prints the rows copied per table.
func copyCommittee(args []string, stdout io.Writer) error {
	fs := flags("copy")
	from := fs.String("from", "", "source database")
	to := fs.String("to", "", "destination database")
	if err := parseFlags(fs, args, nil); err != nil {
		return err
	}
	switch {
	case *from == "" || *to == "":
		return usageError{"copy needs --from DB and --to DB"}
	}
	return withStore(*from, app.OpenReadOnly, func(src *app.Store) error {
		return withStore(*to, app.Open, func(dst *app.Store) error {
			counts, err := app.Copy(context.Background(), src, dst)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Copied the committee from %s to %s:\n", src.Path(), dst.Path())
			for _, c := range counts {
				fmt.Fprintf(stdout, "  %-20s %d\n", c.Table, c.Rows)
			}
			return nil
		})
	})
}

// history prints recorded changes, one per line, oldest first.
func history(args []string, stdout io.Writer) error {
	fs := flags("history")
	db := fs.String("db", "", "database")
	record := fs.String("record", "", "KIND:ID")
	since := fs.String("since", "", "day")
	by := fs.String("by", "", "author")
	if err := parseFlags(fs, args, nil); err != nil {
		return err
	}
	f := app.HistoryFilter{By: *by}
	if *record != "" {
		kind, id, ok := strings.Cut(*record, ":")
		n, err := strconv.ParseUint(id, 10, 64)
		if !ok || err != nil || n == 0 {
			return usageError{"--record: write KIND:ID, e.g. initiative:12"}
		}
		f.Kind, f.ID = models.RecordKind(kind), uint(n)
	}
	if *since != "" {
		d, err := models.ParseDate(*since)
		if err != nil {
			return usageError{"--since: " + err.Error()}
		}
		f.Since = d
	}
	path, err := databasePath(*db)
	if err != nil {
		return err
	}
	return withStore(path, app.OpenReadOnly, func(s *app.Store) error {
		entries, err := s.History(f)
		if err != nil {
			return err
		}
		for _, h := range entries {
			fmt.Fprintf(stdout, "%s  %s  %s #%d %q  %s  (%s)\n", h.At.Local().Format("2006-01-02 15:04"),
				firstNonEmpty(h.Author, "unknown author"), h.Kind, h.RecordID, h.RecordName, h.What(), h.Why)
		}
		if len(entries) == 0 {
			fmt.Fprintln(stdout, "No changes recorded for this selection.")
		}
		return nil
	})
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// writePacks writes update packs: one workbook per department.
func writePacks(args []string, stdout io.Writer) error {
	var dept string
	var all bool
	fs := flags("pack")
	db := fs.String("db", "", "database")
	asOfText := fs.String("as-of", "", "day")
	out := fs.String("o", "", "file or folder")
	fs.StringVar(&dept, "department", "", "department")
	fs.BoolVar(&all, "all", false, "every department")
	if err := parseFlags(fs, args, nil); err != nil {
		return err
	}
	switch {
	case (dept == "") == !all:
		return usageError{"pack needs --department NAME or --all"}
	case *out == "":
		return usageError{"pack needs -o FILE.xlsx (one department) or -o FOLDER"}
	}
	asOf, err := asOfDay(*asOfText)
	if err != nil {
		return err
	}
	path, err := databasePath(*db)
	if err != nil {
		return err
	}
	return withStore(path, app.OpenReadOnly, func(s *app.Store) error {
		var names []string
		if dept != "" {
			names = []string{dept}
		}
		packs, err := s.PackContents(names, asOf)
		if err != nil {
			return err
		}
		toFile := strings.EqualFold(filepath.Ext(*out), ".xlsx")
		if toFile && len(packs) != 1 {
			return usageError{"-o names one file, but there are several packs; give a folder"}
		}
		if !toFile {
			if info, err := os.Stat(*out); err != nil || !info.IsDir() {
				return fmt.Errorf("the folder %s does not exist", *out)
			}
		}
		for _, p := range packs {
			file := *out
			if !toFile {
				file = filepath.Join(*out, pack.FileName(p))
			}
			if err := pack.Write(p, file); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: %d initiatives, %d targets, %d actions, due back %s -> %s\n",
				p.Department.Name, len(p.Initiatives), len(p.Targets), len(p.Actions), p.Deadline, file)
		}
		return nil
	})
}

// importPacks previews and applies filled update packs. A pack with any
// bad or stale row changes nothing, writes NAME-problems.xlsx beside it
// (for bad rows) and makes the command fail.
func importPacks(args []string, stdout io.Writer) error {
	fs := flags("import")
	db := fs.String("db", "", "database")
	asOfText := fs.String("as-of", "", "day")
	as := fs.String("as", "", "author")
	dryRun := fs.Bool("dry-run", false, "preview only")
	var files []string
	if err := parseFlags(fs, args, &files); err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError{"import needs the FILE of at least one filled pack"}
	}
	asOf, err := asOfDay(*asOfText)
	if err != nil {
		return err
	}
	path, err := databasePath(*db)
	if err != nil {
		return err
	}
	return withStore(path, app.Open, func(s *app.Store) error {
		var actor *app.Actor
		if *as != "" {
			if actor, err = s.FindActor(*as); err != nil {
				return err
			}
		}
		failed := 0
		for _, file := range files {
			if !importOne(stdout, s, file, asOf, actor, *dryRun) {
				failed++
			}
		}
		if failed > 0 {
			return fmt.Errorf("%s of %d could not be applied; nothing was changed by %s (see above)",
				models.Count(failed, "file", "files"), len(files), map[bool]string{true: "it", false: "them"}[failed == 1])
		}
		return nil
	})
}

// importOne previews or applies one pack and says what happened; false
// when it could not be applied.
func importOne(w io.Writer, s *app.Store, file string, asOf models.Date, actor *app.Actor, dryRun bool) bool {
	if !pack.IsPack(file) {
		return importRegisters(w, s, file, asOf, actor, dryRun)
	}
	p, err := pack.Read(file)
	if err != nil {
		fmt.Fprintf(w, "%s: %s\n", file, oneLine(err.Error()))
		return false
	}
	r, err := s.ImportPack(p, asOf, app.ImportOptions{Actor: actor, DryRun: dryRun})
	if err != nil {
		fmt.Fprintf(w, "%s: %s\n", file, oneLine(err.Error()))
		return false
	}
	if r.AppliedAt != nil {
		fmt.Fprintf(w, "%s (%s): already applied on %s; nothing changed\n", file, p.Department, r.AppliedAt.Local().Format("2006-01-02 15:04"))
		return true
	}
	verb := map[bool]string{true: "would change", false: "changes"}[dryRun || !r.Applied]
	fmt.Fprintf(w, "%s (%s) %s:\n", file, p.Department, verb)
	for _, c := range r.Changes {
		fmt.Fprintf(w, "  %s\n", c)
	}
	if len(r.Changes) == 0 {
		fmt.Fprintln(w, "  nothing (no row was filled in)")
	}
	for _, c := range r.Conflicts {
		fmt.Fprintf(w, "  CONFLICT %s\n", c)
	}
	for _, pr := range r.Problems {
		fmt.Fprintf(w, "  PROBLEM %s\n", pr)
	}
	if len(r.Problems) > 0 {
		if out, err := pack.WriteProblems(file, r.Problems); err != nil {
			fmt.Fprintf(w, "  (the problems workbook could not be written: %s)\n", oneLine(err.Error()))
		} else {
			fmt.Fprintf(w, "  The problems are marked in %s\n", out)
		}
	}
	if len(r.Problems) > 0 || len(r.Conflicts) > 0 {
		fmt.Fprintln(w, "  Nothing was applied from this pack.")
		return false
	}
	if r.Applied {
		fmt.Fprintln(w, "  Applied.")
	}
	return true
}

// importRegisters adds the rows of a plain workbook or CSV of registers
// (onboarding from spreadsheets), all or nothing.
func importRegisters(w io.Writer, s *app.Store, file string, asOf models.Date, actor *app.Actor, dryRun bool) bool {
	sheets, err := pack.ReadRegisters(file)
	if err != nil {
		fmt.Fprintf(w, "%s: %s\n", file, oneLine(err.Error()))
		return false
	}
	r, err := s.ImportRegisters(sheets, asOf, app.ImportOptions{Actor: actor, DryRun: dryRun})
	if err != nil {
		fmt.Fprintf(w, "%s: %s\n", file, oneLine(err.Error()))
		return false
	}
	verb := map[bool]string{true: "would add", false: "adds"}[!r.Applied]
	fmt.Fprintf(w, "%s %s:\n", file, verb)
	for _, c := range r.Changes {
		fmt.Fprintf(w, "  %s\n", c)
	}
	for _, pr := range r.Problems {
		fmt.Fprintf(w, "  PROBLEM %s\n", pr)
	}
	if len(r.Problems) > 0 {
		if out, err := pack.WriteRegisterProblems(file, sheets, r.Problems); err == nil {
			fmt.Fprintf(w, "  The problems are marked in %s\n", out)
		}
		fmt.Fprintln(w, "  Nothing was added from this file.")
		return false
	}
	if r.Applied {
		fmt.Fprintln(w, "  Applied.")
	}
	return true
}
