// Command cxcommittee is the CX Committee desktop dashboard. Without a
// subcommand it opens the window; subcommands serve scripts and tests.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"cxcommittee/app"
	_ "cxcommittee/app/locale" // before Fyne reads the locale
	"cxcommittee/app/report"
	"cxcommittee/models"
	"cxcommittee/views"
)

const usage = `Usage: cxcommittee [command] [flags]

Without a command, opens the CX Committee window.

Commands:
  demo     fill an empty database with a sample committee   [--db PATH] [--as-of DATE]
  check    print the governance health check and integrity  [--db PATH] [--as-of DATE]
  agenda   print the draft agenda of the next meeting       [--db PATH] [--as-of DATE]
  report   write the executive Excel status report          [--db PATH] -o FILE.xlsx [--as-of DATE]
  help     show this help

Flags:
  --db PATH        the database file (default $CXCOMMITTEE_DB, else
                   <user config dir>/cxcommittee/committee.db)
  --as-of DATE     the day to judge things on, YYYY-MM-DD (default today)
`

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "cxcommittee: %s (see cxcommittee help)\n", oneLine(err.Error()))
		return 2
	}
	fmt.Fprintf(stderr, "cxcommittee: %s\n", oneLine(err.Error()))
	return 1
}

func dispatch(args []string, stdout io.Writer) error {
	cmd := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "":
		return withStore(args, false, app.Open, func(s *app.Store, _ models.Date) error {
			views.Run(fyneapp.NewWithID(views.AppID), s)
			return nil
		})
	case "demo":
		return withStore(args, true, app.Open, func(s *app.Store, asOf models.Date) error {
			if err := s.LoadDemo(asOf); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Loaded the sample committee as of %s into %s\n", asOf, s.Path())
			return nil
		})
	case "check":
		return withStore(args, true, app.OpenReadOnly, func(s *app.Store, asOf models.Date) error {
			_, err := s.WriteCheck(stdout, asOf)
			return err
		})
	case "agenda":
		return withStore(args, true, app.OpenReadOnly, func(s *app.Store, asOf models.Date) error {
			return s.WriteAgenda(stdout, asOf)
		})
	case "report":
		var out string
		return withFlags(args, func(fs *flag.FlagSet) { fs.StringVar(&out, "o", "", "report file") }, app.OpenReadOnly, func(s *app.Store, asOf models.Date) error {
			if out == "" {
				return usageError{"report needs -o FILE.xlsx"}
			}
			if err := report.Export(s, out, asOf, nil); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Wrote the status report as of %s to %s\n", asOf, out)
			return nil
		})
	case "help", "-h", "--help":
		return flag.ErrHelp
	}
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// opener opens a database: app.Open creates a missing one, app.OpenReadOnly
// refuses to.
type opener func(path string) (*app.Store, error)

// withStore parses the common flags, opens the database and runs fn.
func withStore(args []string, timed bool, open opener, fn func(*app.Store, models.Date) error) error {
	var extra func(*flag.FlagSet)
	if timed {
		extra = func(*flag.FlagSet) {}
	}
	return withFlags(args, extra, open, fn)
}

// withFlags is withStore with more flags: extra registers them; a nil extra
// means the command has no --as-of.
func withFlags(args []string, extra func(*flag.FlagSet), open opener, fn func(*app.Store, models.Date) error) error {
	fs := flag.NewFlagSet("cxcommittee", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "database file")
	timed := extra != nil
	asOfText := ""
	if timed {
		fs.StringVar(&asOfText, "as-of", "", "day to judge things on")
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	asOf := models.Today()
	if timed && asOfText != "" {
		d, err := models.ParseDate(asOfText)
		if err != nil {
			return usageError{"--as-of: " + err.Error()}
		}
		asOf = d
	}
	path, err := databasePath(*dbPath)
	if err != nil {
		return err
	}
	s, err := open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s, asOf)
}

// databasePath picks --db, else $CXCOMMITTEE_DB, else the user config dir.
func databasePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("CXCOMMITTEE_DB"); env != "" {
		return env, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find your config folder (%v); pass --db PATH", err)
	}
	return filepath.Join(dir, "cxcommittee", "committee.db"), nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
