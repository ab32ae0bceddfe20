package app

import (
	"gorm.io/gorm"
)

// dialect names the SQL engine ("sqlite", or "postgres" for a shared
// server). The few conditions that differ between them are written here,
// once per engine; everything else is the same SQL on both.
type dialect string

// dialectOf returns the engine a connection talks to.
func dialectOf(db *gorm.DB) dialect { return dialect(db.Dialector.Name()) }

// server reports whether the engine is the PostgreSQL server, whose column
// types hold only values of their type.
func (d dialect) server() bool { return d == "postgres" }

// isoDate is the condition that a date column holds a real date; rows
// failing it take no part in dates, orders and scores. A PostgreSQL date
// column can hold nothing else.
func (d dialect) isoDate(column string) string {
	if d.server() {
		return "TRUE"
	}
	return "date(" + column + ") IS " + column
}

// isInteger is the condition that a number column holds a whole number.
func (d dialect) isInteger(column string) string {
	if d.server() {
		return "TRUE"
	}
	return "typeof(" + column + ") = 'integer'"
}

// isNumber is the condition that a number column holds a number.
func (d dialect) isNumber(column string) string {
	if d.server() {
		return "TRUE"
	}
	return "typeof(" + column + ") IN ('integer', 'real')"
}

// scorableOf is the condition that the measurement with alias m, whose
// target the query reads as t, can be scored: a real date, a number,
// inside its target's scale. Others are listed by StoredProblems and left
// out of every status and trend.
func (d dialect) scorableOf(m, t string) string {
	return d.isoDate(m+".date") + " AND " + d.isNumber(m+".value") + " AND (" + outOfScale(m, t) + ") IS NOT TRUE"
}

// outOfScale is the condition that measurement m lies outside the scale
// of target t (unknown, so not true, when t has no scale).
func outOfScale(m, t string) string {
	return "(" + m + ".value < " + t + ".scale_min OR " + m + ".value > " + t + ".scale_max)"
}
