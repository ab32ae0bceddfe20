// The update-pack commands: pack writes them, import reads them back (and
// plain registers from spreadsheets).

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"cxcommittee/app"
	"cxcommittee/app/pack"
	"cxcommittee/models"
)

// writePacks writes update packs: one workbook per department.
func writePacks(args []string, stdout io.Writer) error {
	var dept string
	var all bool
	o, err := parse(args, spec{timed: true, out: "pack needs -o FILE.xlsx (one department) or -o FOLDER", extra: func(fs *flag.FlagSet) {
		fs.StringVar(&dept, "department", "", "department")
		fs.BoolVar(&all, "all", false, "every department")
	}})
	if err != nil {
		return err
	}
	if (dept == "") == !all {
		return usageError{"pack needs --department NAME or --all"}
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
		var names []string
		if dept != "" {
			names = []string{dept}
		}
		packs, err := s.PackContents(names, o.asOf)
		if err != nil {
			return err
		}
		toFile := strings.EqualFold(filepath.Ext(o.out), ".xlsx")
		if toFile && len(packs) != 1 {
			return usageError{"-o names one file, but there are several packs; give a folder"}
		}
		if !toFile {
			if info, err := os.Stat(o.out); err != nil || !info.IsDir() {
				return fmt.Errorf("the folder %s does not exist", o.out)
			}
		}
		for _, p := range packs {
			file := o.out
			if !toFile {
				file = filepath.Join(o.out, pack.FileName(p))
			}
			if err := pack.Write(p, file); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: %s, %s, %s, due back %s -> %s\n", p.Department.Name,
				models.Count(len(p.Initiatives), "initiative", "initiatives"), models.Count(len(p.Targets), "target", "targets"),
				models.Count(len(p.Actions), "action", "actions"), p.Deadline, file)
		}
		return nil
	})
}

// importPacks previews and applies filled update packs. A pack with any
// bad or stale row changes nothing, writes NAME-problems.xlsx beside it
// (for bad rows) and makes the command fail.
func importPacks(args []string, stdout io.Writer) error {
	var dryRun bool
	o, err := parse(args, spec{timed: true, as: true, args: -1, what: "the FILE of at least one filled pack",
		extra: func(fs *flag.FlagSet) { fs.BoolVar(&dryRun, "dry-run", false, "preview only") }})
	if err != nil {
		return err
	}
	return withStore(o.db, app.Open, func(s *app.Store) error {
		var actor *app.Actor
		if o.as != "" {
			if actor, err = s.FindActor(o.as); err != nil {
				return err
			}
		}
		failed := 0
		for _, file := range o.args {
			if !importOne(stdout, s, file, o.asOf, actor, dryRun) {
				failed++
			}
		}
		if failed > 0 {
			return fmt.Errorf("%s of %d could not be applied; nothing was changed by %s (see above)",
				models.Count(failed, "file", "files"), len(o.args), map[bool]string{true: "it", false: "them"}[failed == 1])
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
