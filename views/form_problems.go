package views

import (
	"slices"

	"cxcommittee/models"
)

// problems gathers everything wrong with a form at once: the fields that
// cannot be read as they are typed, then what the record's own rules say
// of the rest, so that Save names every field that needs work instead of
// one at a time.
type problems struct{ errs []error }

// add notes a problem; nil is none.
func (p *problems) add(err error) {
	if err != nil {
		p.errs = append(p.errs, err)
	}
}

// whole keeps a whole number read from a field, noting its problem.
func (p *problems) whole(v int, err error) int { p.add(err); return v }

// day keeps a date read from a field, noting its problem.
func (p *problems) day(v models.Date, err error) models.Date { p.add(err); return v }

// amount keeps a number read from a field, noting its problem.
func (p *problems) amount(v float64, err error) float64 { p.add(err); return v }

// optional keeps a number that may be blank, noting its problem.
func (p *problems) optional(v *float64, err error) *float64 { p.add(err); return v }

// and is every problem noted, then the record's own (its Validate, and any
// other rule the form applies), less those about fields already noted: a
// field that cannot be read reaches the rules as blank, and they would
// only say so again.
func (p *problems) and(rules error) error {
	noted := map[string]bool{}
	for _, err := range p.errs {
		noted[fieldOf(err)] = true
	}
	all := slices.Clone(p.errs)
	for _, err := range models.ProblemList(rules) {
		if field := fieldOf(err); field == "" || !noted[field] {
			all = append(all, err)
		}
	}
	return models.JoinProblems(all...)
}
