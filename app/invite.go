package app

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"time"

	"cxcommittee/models"

	ics "github.com/arran4/golang-ical"
)

// Invite builds a meeting's calendar invitation: one all-day event on the
// meeting's day (the settings hold no meeting time), titled with the
// meeting, the agenda in its description, every member active that day
// with an email address as an attendee and the chair as the organiser. Its
// UID is the same each time for the same meeting of the same database, so
// a calendar updates the event instead of adding another.
func (s *Store) Invite(meetingID uint) (*ics.Calendar, error) {
	m, err := Get[models.Meeting](s, meetingID)
	if err != nil {
		return nil, err
	}
	p, _, err := s.Settings()
	if err != nil {
		return nil, err
	}
	items, err := s.AgendaItems(m.ID)
	if err != nil {
		return nil, err
	}
	members, err := List[models.Member](s, "name, id")
	if err != nil {
		return nil, err
	}
	cal := ics.NewCalendarFor("CX Committee")
	cal.SetProductId("-//CX Committee//Meeting invitation//EN")
	cal.SetMethod(ics.MethodPublish)
	ev := cal.AddEvent(inviteUID(p, m))
	ev.SetDtStampTime(stampOf(m))
	ev.SetAllDayStartAt(m.Date.Time())
	ev.SetAllDayEndAt(m.Date.AddDays(1).Time())
	ev.SetSummary(m.Title)
	ev.SetDescription(inviteDescription(p.OrganisationName, items))
	ev.SetStatus(ics.ObjectStatusConfirmed)
	for _, x := range members {
		if !x.ActiveOn(m.Date) || strings.TrimSpace(x.Email) == "" {
			continue
		}
		ev.AddAttendee(x.Email, ics.WithCN(x.Name), ics.ParticipationRoleReqParticipant, ics.WithRSVP(true))
		if x.Role == models.RoleChair && ev.GetProperty(ics.ComponentPropertyOrganizer) == nil {
			ev.SetOrganizer(x.Email, ics.WithCN(x.Name))
			cal.SetMethod(ics.MethodRequest)
		}
	}
	return cal, nil
}

// ExportInvite writes a meeting's invitation to path: what the invite
// command and the meeting screen call.
func (s *Store) ExportInvite(meetingID uint, path string) error {
	cal, err := s.Invite(meetingID)
	if err != nil {
		return err
	}
	return WriteInvite(path, s.Path(), cal)
}

// WriteInvite writes a calendar to path as an .ics file, safely (see
// WriteOutput); database is the committee's file, never written over.
func WriteInvite(path, database string, cal *ics.Calendar) error {
	var buf bytes.Buffer
	if err := cal.SerializeTo(&buf); err != nil {
		return fmt.Errorf("cannot write the invitation: %w", err)
	}
	return WriteOutput(path, database, CalendarOutput, buf.Bytes())
}

// inviteUID names a meeting's event for good: the meeting's id and when it
// was created, and when this database's settings were first written, so
// two committees' meetings with the same id never share a UID.
func inviteUID(p models.Settings, m models.Meeting) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%d|%s", p.CreatedAt.UTC().Format(time.RFC3339Nano), p.ID, m.ID, m.CreatedAt.UTC().Format(time.RFC3339Nano))))
	return fmt.Sprintf("meeting-%d-%x@cxcommittee", m.ID, sum[:8])
}

// stampOf is when the meeting record last changed: the DTSTAMP, so the
// same meeting gives the same file.
func stampOf(m models.Meeting) time.Time {
	switch {
	case !m.UpdatedAt.IsZero():
		return m.UpdatedAt.UTC()
	case !m.CreatedAt.IsZero():
		return m.CreatedAt.UTC()
	}
	return m.Date.Time()
}

// inviteDescription lists the agenda, one numbered item a line.
func inviteDescription(org string, items []models.AgendaItem) string {
	var b strings.Builder
	if org != "" {
		fmt.Fprintf(&b, "%s CX committee.\n", org)
	}
	if len(items) == 0 {
		b.WriteString("Agenda to follow.")
		return b.String()
	}
	b.WriteString("Agenda:")
	for i, it := range items {
		fmt.Fprintf(&b, "\n%d. %s", i+1, it.Topic)
	}
	return b.String()
}
