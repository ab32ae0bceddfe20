// The commands that write a meeting's papers: papers (the agenda pack or
// the minutes, as a PDF) and invite (a calendar invitation).

package main

import (
	"flag"
	"fmt"
	"io"

	"cxcommittee/app"
	"cxcommittee/app/papers"
)

// meetingFlag adds --meeting ID-OR-DATE to a command's flags.
func meetingFlag(ref *string) func(*flag.FlagSet) {
	return func(fs *flag.FlagSet) { fs.StringVar(ref, "meeting", "", "the meeting: its id or date") }
}

// writePapers writes a meeting's papers: the agenda pack before it, the
// minutes after it.
func writePapers(args []string, stdout io.Writer) error {
	ref := ""
	o, err := parse(args, spec{timed: true, out: "papers needs -o FILE.pdf", extra: meetingFlag(&ref)})
	if err != nil {
		return err
	}
	if ref == "" {
		return usageError{"papers needs --meeting ID-OR-DATE"}
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
		m, err := s.FindMeeting(ref)
		if err != nil {
			return err
		}
		p, err := papers.Export(s, m.ID, o.asOf, o.out)
		if err != nil {
			return err
		}
		kind := "agenda pack"
		if p.Minutes {
			kind = "minutes"
		}
		fmt.Fprintf(stdout, "Wrote the %s of %s (%s) to %s\n", kind, m.Title, m.Date, o.out)
		return nil
	})
}

// writeInvite writes a meeting's calendar invitation.
func writeInvite(args []string, stdout io.Writer) error {
	ref := ""
	o, err := parse(args, spec{out: "invite needs -o FILE.ics", extra: meetingFlag(&ref)})
	if err != nil {
		return err
	}
	if ref == "" {
		return usageError{"invite needs --meeting ID-OR-DATE"}
	}
	return withStore(o.db, app.OpenReadOnly, func(s *app.Store) error {
		m, err := s.FindMeeting(ref)
		if err != nil {
			return err
		}
		if err := s.ExportInvite(m.ID, o.out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote the invitation to %s (%s) to %s\n", m.Title, m.Date, o.out)
		return nil
	})
}
