package app

import (
	"fmt"
	"strings"

	"cxcommittee/models"
)

// PackContent is what one department's update pack holds: its open
// initiatives, the targets its members own, and its members' open actions,
// each at the version it is issued at.
type PackContent struct {
	Department  models.Department
	AsOf        models.Date
	Deadline    models.Date // a few days before the next meeting
	Meeting     *models.Meeting
	ReturnTo    string // the chair, who imports the packs
	Initiatives []InitiativeRow
	Targets     []TargetRow
	Actions     []ActionRow
}

// PackContents reads the update packs of the departments named (every
// department when names is empty), as of a day.
func (s *Store) PackContents(names []string, asOf models.Date) ([]PackContent, error) {
	depts, err := List[models.Department](s, "name")
	if err != nil {
		return nil, err
	}
	members, err := List[models.Member](s, "name")
	if err != nil {
		return nil, err
	}
	inis, err := s.InitiativeRows(asOf)
	if err != nil {
		return nil, err
	}
	targets, err := s.Scorecard(asOf)
	if err != nil {
		return nil, err
	}
	actions, err := s.ActionRows(asOf)
	if err != nil {
		return nil, err
	}
	next, err := s.NextMeeting(asOf)
	if err != nil {
		return nil, err
	}
	deadline := asOf.AddDays(7)
	if next != nil && next.Date.AddDays(-3).After(asOf) {
		deadline = next.Date.AddDays(-3)
	}
	chair := "the CX leader"
	for _, m := range members {
		if m.Role == models.RoleChair && m.ActiveOn(asOf) {
			chair = m.Name + " <" + m.Email + ">"
		}
	}
	var out []PackContent
	for _, d := range depts {
		if len(names) > 0 && !containsFold(names, d.Name) {
			continue
		}
		deptOf := map[uint]bool{}
		for _, m := range members {
			if m.DepartmentID != nil && *m.DepartmentID == d.ID {
				deptOf[m.ID] = true
			}
		}
		p := PackContent{Department: d, AsOf: asOf, Deadline: deadline, Meeting: next, ReturnTo: chair}
		for _, i := range inis {
			if i.LeadDepartmentID != nil && *i.LeadDepartmentID == d.ID && !i.Status.Closed() {
				p.Initiatives = append(p.Initiatives, i)
			}
		}
		for _, t := range targets {
			if t.Target.OwnerID != nil && deptOf[*t.Target.OwnerID] {
				p.Targets = append(p.Targets, t)
			}
		}
		for _, a := range actions {
			if a.OwnerID != nil && deptOf[*a.OwnerID] && !a.Status.Closed() {
				p.Actions = append(p.Actions, a)
			}
		}
		out = append(out, p)
	}
	if len(names) > 0 && len(out) < len(names) {
		return nil, fmt.Errorf("no department named %s", strings.Join(missingNames(names, out), " or "))
	}
	return out, nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

func missingNames(names []string, found []PackContent) []string {
	var out []string
	for _, n := range names {
		ok := false
		for _, p := range found {
			ok = ok || strings.EqualFold(strings.TrimSpace(n), p.Department.Name)
		}
		if !ok {
			out = append(out, fmt.Sprintf("%q", n))
		}
	}
	return out
}
