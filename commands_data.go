// The commands that move, back up and trace a committee: migrate, backup,
// restore, copy and history.

package main

import (
	"context"
	"cxcommittee/app"
	"cxcommittee/models"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

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
	var record, since, by string
	o, err := parse(args, spec{extra: func(fs *flag.FlagSet) {
		fs.StringVar(&record, "record", "", "KIND:ID")
		fs.StringVar(&since, "since", "", "day")
		fs.StringVar(&by, "by", "", "author")
	}})
	if err != nil {
		return err
	}
	f := app.HistoryFilter{By: by}
	if record != "" {
		kind, id, ok := strings.Cut(record, ":")
		n, err := strconv.ParseUint(id, 10, 64)
		if !ok || err != nil || n == 0 {
			return usageError{"--record: write KIND:ID, e.g. initiative:12"}
		}
		f.Kind, f.ID = models.RecordKind(kind), uint(n)
	}
	if since != "" {
		d, err := models.ParseDate(since)
		if err != nil {
			return usageError{"--since: " + err.Error()}
		}
		f.Since = d
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
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
