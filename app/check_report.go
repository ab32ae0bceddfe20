package app

import (
	"cxcommittee/models"
)

// CheckResult is what `cxcommittee check` reports on a committee: the
// governance health check, the stored values the app cannot use, and the
// database's integrity.
type CheckResult struct {
	AsOf      models.Date
	Checks    []models.Check
	Problems  []StoredProblem
	Integrity string // "ok" when the file is sound
}

// Failed counts the governance checks that fail.
func (r CheckResult) Failed() int {
	n := 0
	for _, c := range r.Checks {
		if !c.Passed {
			n++
		}
	}
	return n
}

// Sound reports whether the data itself is in order: the file passes its
// integrity check and every stored value can be used. Governance failures
// are findings about the committee, not about the data.
func (r CheckResult) Sound() bool { return r.Integrity == "ok" && len(r.Problems) == 0 }

// Check runs the governance health check, lists stored problems and checks
// the file's integrity, as of a day.
func (s *Store) Check(asOf models.Date) (CheckResult, error) {
	r := CheckResult{AsOf: asOf}
	var err error
	if r.Checks, err = s.GovernanceChecks(asOf); err != nil {
		return r, err
	}
	if r.Problems, err = s.StoredProblems(); err != nil {
		return r, err
	}
	r.Integrity, err = s.Integrity()
	return r, err
}
