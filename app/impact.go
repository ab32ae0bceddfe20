package app

import (
	"cxcommittee/models"
	"fmt"
	"strings"
)

// dependant is a table that refers to a register through a column, and what
// happens to its rows when the referred record is deleted.
type dependant struct {
	table, column, noun string
	deleted             bool
}

// dependants lists, per register, the rows that refer to one of its records.
var dependants = map[models.RecordKind][]dependant{
	models.RecordInitiative: {
		{"status_updates", "initiative_id", "status update", true},
		{"action_items", "initiative_id", "action", false},
		{"decisions", "initiative_id", "decision", false},
		{"initiative_targets", "initiative_id", "target link", true},
		{"risks", "initiative_id", "risk", false},
	},
	models.RecordTarget: {
		{"measurements", "target_id", "measurement", true},
		{"targets", "parent_id", "child target", false},
		{"initiative_targets", "target_id", "initiative link", true},
		{"decisions", "target_id", "decision", false},
	},
	models.RecordMember: {
		{"attendances", "member_id", "attendance record", true},
		{"initiatives", "owner_id", "initiative owned", false},
		{"action_items", "owner_id", "action owned", false},
		{"decisions", "owner_id", "decision owned", false},
		{"targets", "owner_id", "target owned", false},
		{"status_updates", "author_id", "status update written", false},
		{"risks", "owner_id", "risk owned", false},
	},
	models.RecordDepartment: {
		{"members", "department_id", "member", false},
		{"initiatives", "lead_department_id", "initiative led", false},
	},
	models.RecordJourney:  {{"initiatives", "journey_id", "initiative", false}, {"risks", "journey_id", "risk", false}},
	models.RecordMeeting:  {{"attendances", "meeting_id", "attendance record", true}, {"agenda_items", "meeting_id", "agenda item", true}, {"decisions", "meeting_id", "decision", false}, {"action_items", "meeting_id", "action", false}},
	models.RecordDecision: {{"action_items", "decision_id", "action", false}, {"decisions", "superseded_by_id", "superseded decision", false}},
}

// DeleteImpact says in words what else deleting a record touches, e.g.
// "3 status updates will be deleted; 2 actions will lose their link". It is
// "" when nothing refers to the record.
func (s *Store) DeleteImpact(kind models.RecordKind, id uint) (string, error) {
	var gone, unlinked []string
	for _, d := range dependants[kind] {
		var n int64
		if err := s.db.Table(d.table).Where(d.column+" = ?", id).Count(&n).Error; err != nil {
			return "", translate(err, nil)
		}
		if n == 0 {
			continue
		}
		phrase := fmt.Sprintf("%d %s", n, d.noun)
		if n > 1 {
			phrase = fmt.Sprintf("%d %s", n, pluralNoun(d.noun))
		}
		if d.deleted {
			gone = append(gone, phrase)
		} else {
			unlinked = append(unlinked, phrase)
		}
	}
	var parts []string
	if len(gone) > 0 {
		parts = append(parts, strings.Join(gone, ", ")+" will be deleted with it")
	}
	if len(unlinked) > 0 {
		parts = append(parts, strings.Join(unlinked, ", ")+" will lose the link and stay")
	}
	return strings.Join(parts, "; "), nil
}

// pluralNoun makes "status update" "status updates", "initiative owned" "initiatives owned".
func pluralNoun(noun string) string {
	words := strings.Fields(noun)
	i := 0
	if len(words) > 1 && (words[len(words)-1] == "owned" || words[len(words)-1] == "led" || words[len(words)-1] == "written") {
		i = len(words) - 2
	} else {
		i = len(words) - 1
	}
	words[i] += "s"
	return strings.Join(words, " ")
}
