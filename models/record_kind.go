package models

// RecordKind names a kind of record wherever one record points at another:
// agenda items, matters arising, changes since the last meeting, delete
// impact and navigation. It is stored as these words.
type RecordKind string

// The kinds of record.
const (
	RecordInitiative RecordKind = "initiative"
	RecordTarget     RecordKind = "target"
	RecordMeeting    RecordKind = "meeting"
	RecordDecision   RecordKind = "decision"
	RecordAction     RecordKind = "action"
	RecordDepartment RecordKind = "department"
	RecordMember     RecordKind = "member"
	RecordJourney    RecordKind = "journey"
	RecordRisk       RecordKind = "risk"
)

// LinkKinds are the kinds of record an agenda item can point at.
var LinkKinds = []RecordKind{RecordInitiative, RecordTarget, RecordDecision, RecordAction, RecordDepartment, RecordMember, RecordJourney, RecordRisk}

// Linkable reports whether an agenda item can point at records of kind k.
func (k RecordKind) Linkable() bool {
	for _, x := range LinkKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Kinds of record that belong to another (history names them too).
const (
	RecordStatusUpdate RecordKind = "status update"
	RecordMeasurement  RecordKind = "measurement"
	RecordAttendance   RecordKind = "attendance"
	RecordAgendaItem   RecordKind = "agenda item"
	RecordSettings     RecordKind = "settings"
	RecordStatusChange RecordKind = "status change"
)
