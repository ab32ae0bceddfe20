package app

import (
	"fmt"
	"io"

	"cxcommittee/models"
)

// WriteCheck prints the governance health check, one line per check with its
// reason, then the database integrity result. It returns how many checks failed.
func (s *Store) WriteCheck(w io.Writer, asOf models.Date) (failed int, err error) {
	checks, err := s.GovernanceChecks(asOf)
	if err != nil {
		return 0, err
	}
	integrity, err := s.Integrity()
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(w, "Governance health check as of %s\n", asOf)
	for _, c := range checks {
		mark := "PASS"
		if !c.Passed {
			mark = "FAIL"
			failed++
		}
		fmt.Fprintf(w, "%s  %s: %s\n", mark, c.Name, c.Reason)
	}
	fmt.Fprintf(w, "%d of %d checks pass.\n", len(checks)-failed, len(checks))
	fmt.Fprintf(w, "Database integrity: %s\n", integrity)
	if integrity != "ok" {
		return failed, fmt.Errorf("the database failed its integrity check: %s", integrity)
	}
	return failed, nil
}
