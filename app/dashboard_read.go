package app

import (
	"strings"

	"golang.org/x/sync/errgroup"

	"cxcommittee/models"
)

// The columns the dashboard and the agenda's matters arising read of the
// large tables: what their rules (concerns, overdue, review due,
// governance) and their lists use. Dates are
// read as text, which is how they are stored, so the driver does not try
// its time layouts on each.
const (
	dashboardInitiativeColumns = `id, title, status, health, health_reason, percent_complete,
		CAST(start_date AS TEXT) AS start_date, CAST(due_date AS TEXT) AS due_date,
		owner_id, journey_id, lead_department_id, pillar, business_goal`
	dashboardDecisionColumns = `id, statement, status, owner_id, meeting_id, initiative_id, target_id,
		superseded_by_id, CAST(decided_on AS TEXT) AS decided_on, CAST(review_date AS TEXT) AS review_date`
	dashboardTargetColumns = `id, version, name, kind, unit, scale_min, scale_max, direction, baseline_value,
		CAST(baseline_date AS TEXT) AS baseline_date, target_value, CAST(target_date AS TEXT) AS target_date,
		amber_tolerance, parent_id, owner_id`
	dashboardActionColumns = `id, description, owner_id, status, meeting_id, decision_id, initiative_id, times_carried_over,
		CAST(original_due_date AS TEXT) AS original_due_date, CAST(revised_due_date AS TEXT) AS revised_due_date`
)

// baseColumns are the columns read of the large tables: all of them for
// the report, or what the dashboard uses. decisionsWhere and actionsWhere
// narrow the decisions and actions read.
type baseColumns struct {
	initiatives, targets, decisions, actions string
	decisionsWhere, actionsWhere             rowFilter
}

// rowFilter is an SQL condition on the rows read as of a day, with its
// arguments.
type rowFilter func(asOf models.Date) (cond string, args []any)

// everyRow is the filter that keeps every row.
func everyRow(models.Date) (string, []any) { return "TRUE", nil }

// leanColumns are the columns the dashboard and the agenda use, and the
// decisions and actions their rules can name: a decision without an owner
// (governance) or with a review date that has come, an action not closed
// (overdue). The rules themselves are applied in Go, to what is read; the
// conditions only leave out rows no rule could name.
func leanColumns() baseColumns {
	var closed []string
	for _, st := range models.ActionStatuses {
		if st.Closed() {
			closed = append(closed, "'"+string(st)+"'")
		}
	}
	return baseColumns{dashboardInitiativeColumns, dashboardTargetColumns, dashboardDecisionColumns, dashboardActionColumns,
		func(asOf models.Date) (string, []any) { return "owner_id IS NULL OR review_date <= ?", []any{asOf} },
		func(models.Date) (string, []any) {
			return "COALESCE(status, '') NOT IN (" + strings.Join(closed, ", ") + ")", nil
		}}
}

// allColumns are every column of every row, for the report and the papers.
func allColumns() baseColumns { return baseColumns{"*", "*", "*", "*", everyRow, everyRow} }

// readLeanBase reads what the dashboard needs as of a day: the small
// registers whole, the initiatives, decisions and actions in the columns
// it uses, each table once and several at a time.
func (s *Store) readLeanBase(asOf models.Date) (base, error) {
	return s.readBaseOf(asOf, leanColumns())
}

// readBase reads the base tables as of a day, every column.
func (s *Store) readBase(asOf models.Date) (base, error) { return s.readBaseOf(asOf, allColumns()) }

// readBaseOf reads the small registers whole and the given columns of the
// large ones, each table once and several at a time.
func (s *Store) readBaseOf(asOf models.Date, cols baseColumns) (base, error) {
	b := base{Committee: models.Committee{AsOf: asOf}}
	c := &b.Committee
	var links []initiativeTarget
	var g errgroup.Group
	g.SetLimit(4) // a few connections at a time, however many desks share a server
	g.Go(func() (err error) { c.Settings, _, err = s.Settings(); return })
	g.Go(func() (err error) {
		if c.Departments, err = List[models.Department](s, "name"); err != nil {
			return err
		}
		if c.Members, err = List[models.Member](s, "name"); err != nil {
			return err
		}
		if c.Journeys, err = List[models.Journey](s, "priority, name"); err != nil {
			return err
		}
		if c.Meetings, err = List[models.Meeting](s, "date"); err != nil {
			return err
		}
		return s.db.Find(&b.attendance).Error
	})
	g.Go(func() (err error) {
		c.Initiatives, err = scanList[models.Initiative](s.db, "SELECT "+cols.initiatives+" FROM initiatives ORDER BY title, id")
		return
	})
	g.Go(func() (err error) { c.LastUpdate, c.PrevPercent, err = s.latestUpdates(); return })
	g.Go(func() (err error) { // the scorecard is judged here, beside the other reads
		if b.scoring, err = s.readScoring(asOf); err != nil {
			return err
		}
		if c.Targets, err = scanList[models.Target](s.db, "SELECT "+cols.targets+" FROM targets ORDER BY name, id"); err != nil {
			return err
		}
		b.scorecard = scorecardRows(c.Targets, b.scoring, asOf)
		return nil
	})
	g.Go(func() (err error) { links, err = s.initiativeTargets(); return })
	g.Go(func() (err error) {
		where, args := cols.decisionsWhere(asOf)
		c.Decisions, err = scanList[models.Decision](s.db, "SELECT "+cols.decisions+" FROM decisions WHERE "+where+" ORDER BY id", args...)
		return
	})
	g.Go(func() (err error) {
		where, args := cols.actionsWhere(asOf)
		b.actions, err = scanList[models.ActionItem](s.db, "SELECT "+cols.actions+" FROM action_items WHERE "+where+
			" ORDER BY COALESCE(revised_due_date, original_due_date), id", args...)
		return
	})
	if err := g.Wait(); err != nil {
		return b, translate(err, nil)
	}
	linkTargets(c.Initiatives, c.Targets, links)
	b.names = namesOf(*c)
	b.quorums = quorumsOf(*c, b.attendance)
	return b, nil
}
