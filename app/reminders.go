package app

import (
	"fmt"
	"sort"

	"cxcommittee/models"
)

// Reminders lists, owner by owner, the overdue actions and stale
// initiatives each one owns as of a day, for a reminder e-mail. Owners are
// in name order; a member without an e-mail address is still listed, with
// Email empty, so the screen can say who cannot be reminded by mail.
func (s *Store) Reminders(asOf models.Date) ([]models.Reminder, error) {
	members, err := List[models.Member](s, "name, id")
	if err != nil {
		return nil, err
	}
	actions, err := s.ActionRows(asOf)
	if err != nil {
		return nil, err
	}
	inis, err := s.InitiativeRows(asOf)
	if err != nil {
		return nil, err
	}
	byOwner := make(map[uint]*models.Reminder, len(members))
	for _, m := range members {
		byOwner[m.ID] = &models.Reminder{Owner: m.Name, Email: m.Email}
	}
	of := func(id *uint) *models.Reminder {
		if id == nil {
			return nil
		}
		return byOwner[*id]
	}
	for _, a := range actions {
		if r := of(a.OwnerID); r != nil && a.DaysOverdue > 0 {
			r.Overdue = append(r.Overdue, fmt.Sprintf("%s (due %s, %s overdue)", a.Description, a.DueDate(), models.Count(a.DaysOverdue, "day", "days")))
		}
	}
	for _, i := range inis {
		if r := of(i.OwnerID); r != nil && i.Stale {
			r.Stale = append(r.Stale, fmt.Sprintf("%s (last update %s)", i.Title, models.OrDash(i.LastUpdate.String())))
		}
	}
	out := make([]models.Reminder, 0, len(byOwner))
	for _, r := range byOwner {
		if len(r.Overdue)+len(r.Stale) > 0 {
			out = append(out, *r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Owner < out[j].Owner })
	return out, nil
}
