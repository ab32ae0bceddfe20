// Package papers renders a meeting's papers as a PDF: the agenda pack
// before the meeting, the minutes after it. The content comes from
// (*app.Store).Papers; this package only lays it out.
//
// The text is set in the Go fonts (golang.org/x/image/font/gofont, under
// the same BSD licence as Go), embedded in the file.
package papers

import (
	"bytes"
	"fmt"
	"strings"

	"cxcommittee/app"
	"cxcommittee/models"
)

// WritePDF writes the papers to path as a PDF, safely: into a temporary
// file beside it, renamed into place when complete. database is the
// committee's database file, which is never written over.
func WritePDF(path, database string, p app.Papers) error {
	var buf bytes.Buffer
	if err := Render(&buf, p); err != nil {
		return err
	}
	return app.WriteOutput(path, database, app.PDFOutput, buf.Bytes())
}

// Export gathers a meeting's papers as of a day and writes them to path:
// what the papers command and the meeting screen call.
func Export(s *app.Store, meetingID uint, asOf models.Date, path string) (app.Papers, error) {
	p, err := s.Papers(meetingID, asOf)
	if err != nil {
		return p, err
	}
	return p, WritePDF(path, s.Path(), p)
}

// Render lays the papers out as a PDF into buf.
func Render(buf *bytes.Buffer, p app.Papers) error {
	kind := "Agenda pack"
	if p.Minutes {
		kind = "Minutes"
	}
	running := fmt.Sprintf("%s: %s, %s", kind, p.Meeting.Title, p.Meeting.Date)
	d := newDoc(p.Organisation, running, fmt.Sprintf("CX Committee · prepared %s", p.AsOf))
	if p.Minutes {
		minutes(d, p)
	} else {
		agendaPack(d, p)
	}
	return d.finish(buf)
}

// agendaPack lays out the papers sent before a meeting.
func agendaPack(d *doc, p app.Papers) {
	d.title("Agenda pack: "+p.Meeting.Title,
		fmt.Sprintf("Meeting on %s (%s). Programme figures as of %s.", p.Meeting.Date, p.Meeting.Status, p.AsOf))
	d.heading("Agenda")
	if len(p.Agenda) == 0 {
		d.paragraph(body, "No items are on the agenda yet; the matters arising below would draft it.")
	} else {
		rows := make([][]string, len(p.Agenda))
		for i, it := range p.Agenda {
			owner := models.OrDash(it.Owner) // a topic of the chair's own
			if it.LinkKind != "" {
				owner = models.OwnerOrNone(it.Owner)
			}
			rows[i] = []string{fmt.Sprint(i + 1), it.Topic, owner, models.OrDash(it.Why)}
		}
		d.table([]column{{"#", 0.05}, {"Item", 0.38}, {"Owner", 0.17}, {"Why it is there", 0.40}}, rows)
	}
	if len(p.Arising) > 0 {
		d.heading("Matters arising not yet on the agenda")
		rows := make([][]string, len(p.Arising))
		for i, e := range p.Arising {
			rows[i] = []string{e.Section, e.Title, models.OwnerOrNone(e.Owner), e.Why}
		}
		d.table([]column{{"Section", 0.18}, {"Matter", 0.32}, {"Owner", 0.16}, {"Why", 0.34}}, rows)
	}
	summary(d, p)
	d.heading(fmt.Sprintf("Overdue actions (%d)", len(p.Overdue)))
	if len(p.Overdue) == 0 {
		d.paragraph(body, "No action is overdue.")
		return
	}
	rows := make([][]string, len(p.Overdue))
	for i, a := range p.Overdue {
		rows[i] = []string{a.Description, models.OwnerOrNone(a.Owner), dueText(*a.ActionItem),
			models.Count(a.DaysOverdue, "day", "days"), carriedText(a.TimesCarriedOver)}
	}
	d.table([]column{{"Action", 0.38}, {"Owner", 0.16}, {"Due", 0.2}, {"Overdue", 0.11}, {"Carried over", 0.15}}, rows)
}

// summary lays out the programme summary: overall health with its reason,
// initiatives under way by health and the targets scorecard.
func summary(d *doc, p app.Papers) {
	d.heading("Programme summary as of " + p.AsOf.String())
	d.swatch(healthRGB(p.Health), strong, fmt.Sprintf("Overall health: %s — %s", p.Health, p.HealthReason))
	d.paragraph(body, fmt.Sprintf("Initiatives under way, by health: %d green, %d amber, %d red.",
		p.ByHealth[models.HealthGreen], p.ByHealth[models.HealthAmber], p.ByHealth[models.HealthRed]))
	counts := map[models.TargetStatus]int{}
	for _, r := range p.Scorecard {
		counts[r.Reading.Status]++
	}
	var parts []string
	for _, s := range models.TargetStatuses {
		parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
	}
	d.paragraph(body, "Targets: "+strings.Join(parts, ", ")+".")
	if len(p.Scorecard) == 0 {
		return
	}
	rows := make([][]string, len(p.Scorecard))
	for i, r := range p.Scorecard {
		current := "no data"
		if r.Reading.HasData {
			current = models.FormatValue(r.Reading.Current, r.Target.Unit)
		}
		rows[i] = []string{r.Target.Name, current, models.FormatValue(r.Target.TargetValue, r.Target.Unit) + " by " + r.Target.TargetDate.String(),
			string(r.Reading.Status), r.Reading.Reason}
	}
	d.table([]column{{"Target", 0.22}, {"Current", 0.12}, {"Aim", 0.17}, {"Status", 0.1}, {"Why", 0.39}}, rows)
}

// minutes lays out the record of a held meeting.
func minutes(d *doc, p app.Papers) {
	approval := "Draft minutes — not yet approved"
	if p.Approved {
		approval = "Minutes approved"
	}
	d.title("Minutes: "+p.Meeting.Title, fmt.Sprintf("Meeting held on %s. %s.", p.Meeting.Date, approval))
	d.heading("Attendance")
	if len(p.Attendance) == 0 {
		d.paragraph(body, "No attendance was recorded.")
	} else {
		rows := make([][]string, len(p.Attendance))
		for i, a := range p.Attendance {
			rows[i] = []string{a.Member, models.OrDash(a.Department), attendanceText(a)}
		}
		d.table([]column{{"Member", 0.3}, {"Department", 0.3}, {"Attendance", 0.4}}, rows)
	}
	d.paragraph(strong, "Quorum: "+p.Quorum.Reason+".")
	if len(p.Quorum.Missing) > 0 {
		d.paragraph(body, "Not represented: "+strings.Join(p.Quorum.Missing, ", ")+".")
	}
	d.heading("Agenda")
	if len(p.Agenda) == 0 {
		d.paragraph(body, "No agenda was recorded.")
	} else {
		rows := make([][]string, len(p.Agenda))
		for i, it := range p.Agenda {
			rows[i] = []string{fmt.Sprint(i + 1), it.Topic, string(it.Status), models.OrDash(it.Notes)}
		}
		d.table([]column{{"#", 0.05}, {"Item", 0.4}, {"Status", 0.11}, {"Notes", 0.44}}, rows)
	}
	d.heading("Discussion summary")
	d.paragraph(body, firstText(p.Meeting.Summary, "No discussion summary was recorded."))
	d.heading(fmt.Sprintf("Decisions (%d)", len(p.Decisions)))
	if len(p.Decisions) == 0 {
		d.paragraph(body, "No decision was recorded at this meeting.")
	} else {
		rows := make([][]string, len(p.Decisions))
		for i, x := range p.Decisions {
			rows[i] = []string{x.Statement, models.OrDash(x.Rationale), string(x.Status), models.OwnerOrNone(x.Owner), votesText(*x.Decision)}
		}
		d.table([]column{{"Decision", 0.3}, {"Rationale", 0.3}, {"Status", 0.11}, {"Owner", 0.14}, {"Votes", 0.15}}, rows)
	}
	d.heading(fmt.Sprintf("Actions (%d)", len(p.Actions)))
	if len(p.Actions) == 0 {
		d.paragraph(body, "No action was taken or reviewed at this meeting.")
		return
	}
	rows := make([][]string, len(p.Actions))
	for i, a := range p.Actions {
		how := "carried here for review"
		if a.Taken {
			how = "taken at this meeting"
		}
		rows[i] = []string{a.Description, models.OwnerOrNone(a.Owner), dueText(*a.ActionItem), string(a.Status), how}
	}
	d.table([]column{{"Action", 0.36}, {"Owner", 0.15}, {"Due", 0.19}, {"Status", 0.12}, {"On these minutes", 0.18}}, rows)
}
