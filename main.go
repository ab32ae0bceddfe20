// Command cxcommittee is the CX Committee desktop dashboard. Without a
// subcommand it opens the window; subcommands serve scripts and tests.
package main

import (
	_ "embed" // FyneApp.toml
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
	"cxcommittee/models"
	"cxcommittee/views"
)

const usage = `Usage: cxcommittee [command] [flags]

Without a command, opens the CX Committee window (it needs a display).

Commands:
  demo     fill an empty database with a sample committee   [--db PATH] [--as-of DATE] [--as NAME]
  check    print the governance health check, stored values
           the app cannot use, and the file's integrity      [--db PATH] [--as-of DATE]
  agenda   print the draft agenda of the next meeting       [--db PATH] [--as-of DATE]
  report   write the executive Excel status report          [--db PATH] -o FILE.xlsx [--as-of DATE]
  papers   write a meeting's papers as a PDF: the agenda pack
           before it, the minutes after it
           --meeting ID-OR-DATE -o FILE.pdf                 [--db PATH] [--as-of DATE]
  invite   write a meeting's calendar invitation
           --meeting ID-OR-DATE -o FILE.ics                 [--db PATH]
  migrate  back up, then upgrade the database's schema      [--db PATH]
  backup   write a consistent copy of the database          [--db PATH] -o FILE
  restore  replace the database with a backup, after
           backing up the current one                       [--db PATH] FILE
  pack     write departments' update packs (Excel) to fill in
           (--department NAME | --all) -o FILE-OR-FOLDER   [--db PATH] [--as-of DATE]
  import   preview and apply filled update packs, one transaction each
           FILE… [--dry-run] [--as NAME]                    [--db PATH] [--as-of DATE]
  history  print who changed what, from what to what         [--db PATH]
           [--record KIND:ID] [--since DATE] [--by NAME]
  copy     copy a whole committee into an empty database
           (a file or a server), ids and history kept       --from DB --to DB
  version  print the app's version and database schema
  help     show this help

Flags:
  --db PATH|URL    the database: a file, or a shared PostgreSQL server as
                   postgres://user:password@host/dbname (default
                   $CXCOMMITTEE_DB, else <user config dir>/cxcommittee/committee.db)
  --as-of DATE     the day to judge things on, YYYY-MM-DD (default today)
  --as NAME        commands that write: the member (name or email) the
                   history records as the author

Exit status: 0 ok; 1 error, or for check: data that is not sound (stored
values the app cannot use, or a failed integrity check); 2 usage mistake.
`

// fyneApp is the app's metadata file; its Version is the app's version.
//
//go:embed FyneApp.toml
var fyneApp string

// appVersion returns the Version of FyneApp.toml.
func appVersion() string {
	for _, line := range strings.Split(fyneApp, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == "Version" {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") && os.Args[1] != "version" && os.Args[1] != "help" {
		preferHugePages() // a command that works on a committee, not the window
	}
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
		return openWindow(args)
	case "demo":
		return demo(args, stdout)
	case "check":
		return check(args, stdout)
	case "agenda":
		return agenda(args, stdout)
	case "report":
		return writeReport(args, stdout)
	case "migrate":
		return migrate(args, stdout)
	case "backup":
		return backup(args, stdout)
	case "restore":
		return restore(args, stdout)
	case "copy":
		return copyCommittee(args, stdout)
	case "history":
		return history(args, stdout)
	case "pack":
		return writePacks(args, stdout)
	case "import":
		return importPacks(args, stdout)
	case "papers":
		return writePapers(args, stdout)
	case "invite":
		return writeInvite(args, stdout)
	case "version", "--version":
		fmt.Fprintf(stdout, "cxcommittee %s (database schema %d)\n", appVersion(), app.LatestSchema)
		return nil
	case "help", "-h", "--help":
		return flag.ErrHelp
	}
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// openWindow opens the app's window on the database.
func openWindow(args []string) error {
	o, err := parse(args, spec{})
	if err != nil {
		return err
	}
	if problem := displayProblem(); problem != "" {
		return errors.New(problem)
	}
	s, err := app.Open(o.db)
	if err != nil {
		return err
	}
	defer s.Close()
	views.Run(fyneapp.NewWithID(views.AppID), s, appVersion())
	return nil
}

// spec says which flags and arguments a command takes.
type spec struct {
	timed bool                // takes --as-of
	out   string              // takes -o; the text is its usage error when missing
	as    bool                // takes --as NAME-OR-EMAIL (commands that write)
	args  int                 // positional arguments it needs; -1: one or more
	what  string              // names them in the usage error
	extra func(*flag.FlagSet) // the command's own flags
}

// options are a parsed command line.
type options struct {
	db   string
	asOf models.Date
	out  string
	as   string
	args []string
}

// parse reads the flags common to every command and those sp adds.
func parse(args []string, sp spec) (options, error) {
	o := options{}
	fs := flags("cxcommittee")
	fs.StringVar(&o.db, "db", "", "database file")
	asOfText := ""
	if sp.timed {
		fs.StringVar(&asOfText, "as-of", "", "day to judge things on")
	}
	if sp.out != "" {
		fs.StringVar(&o.out, "o", "", "output file")
	}
	if sp.as {
		fs.StringVar(&o.as, "as", "", "author of the changes")
	}
	if sp.extra != nil {
		sp.extra(fs)
	}
	if err := parseFlags(fs, args, &o.args); err != nil {
		return o, err
	}
	switch {
	case sp.args < 0 && len(o.args) == 0:
		return o, usageError{"this command needs " + sp.what}
	case sp.args < 0:
	case len(o.args) > sp.args:
		return o, usageError{fmt.Sprintf("unexpected argument %q", o.args[sp.args])}
	case len(o.args) < sp.args:
		return o, usageError{"this command needs " + sp.what}
	case sp.out != "" && o.out == "":
		return o, usageError{sp.out}
	}
	var err error
	if o.asOf, err = asOfDay(asOfText); err != nil {
		return o, err
	}
	path, err := databasePath(o.db)
	o.db = path
	return o, err
}

// flags is a command's own flag set, quiet: errors become usage errors.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args with fs; positional arguments go to rest, and
// are a usage mistake when rest is nil.
func parseFlags(fs *flag.FlagSet, args []string, rest *[]string) error {
	var got []string
	if err := parseInterspersed(fs, args, &got); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if rest == nil && len(got) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", got[0])}
	}
	if rest != nil {
		*rest = got
	}
	return nil
}

// asOfDay reads --as-of: today when not given.
func asOfDay(text string) (models.Date, error) {
	if text == "" {
		return models.Today(), nil
	}
	d, err := models.ParseDate(text)
	if err != nil {
		return d, usageError{"--as-of: " + err.Error()}
	}
	return d, nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, collecting those into rest.
func parseInterspersed(fs *flag.FlagSet, args []string, rest *[]string) error {
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			return nil
		}
		*rest = append(*rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// withStore opens the database with open and runs fn, closing it after.
func withStore(path string, open func(string) (*app.Store, error), fn func(*app.Store) error) error {
	s, err := open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
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
