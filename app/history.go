package app

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"cxcommittee/models"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// Keys under which a write carries its author and reason to the history it
// records in the same transaction.
const (
	actorKey = "cx:actor"
	whyKey   = "cx:why"
)

// Actor is who the store's writes are recorded as.
type Actor struct {
	ID   *uint
	Name string
}

// kindOfTable is the kind of record each table's rows are.
var kindOfTable = map[string]models.RecordKind{
	"programs": models.RecordSettings, "departments": models.RecordDepartment, "members": models.RecordMember,
	"journeys": models.RecordJourney, "targets": models.RecordTarget, "initiatives": models.RecordInitiative,
	"status_updates": models.RecordStatusUpdate, "status_changes": models.RecordStatusChange,
	"measurements": models.RecordMeasurement, "meetings": models.RecordMeeting, "attendances": models.RecordAttendance,
	"decisions": models.RecordDecision, "action_items": models.RecordAction, "agenda_items": models.RecordAgendaItem,
	"risks": models.RecordRisk,
}

// refTables says which table a link column points at and which column names
// its rows, so history shows names, not ids.
var refTables = map[string][2]string{
	"owner_id": {"members", "name"}, "author_id": {"members", "name"}, "member_id": {"members", "name"},
	"proxy_member_id": {"members", "name"}, "department_id": {"departments", "name"},
	"lead_department_id": {"departments", "name"}, "journey_id": {"journeys", "name"},
	"initiative_id": {"initiatives", "title"}, "target_id": {"targets", "name"}, "parent_id": {"targets", "name"},
	"meeting_id": {"meetings", "title"}, "carried_to_meeting_id": {"meetings", "title"},
	"decision_id": {"decisions", "statement"}, "superseded_by_id": {"decisions", "statement"},
	"supersedes_id": {"decisions", "statement"},
}

// unrecorded columns change on every save and say nothing to people.
var unrecorded = map[string]bool{"id": true, "created_at": true, "updated_at": true, "version": true}

// ActAs sets who the store's writes are recorded as; nil records no author.
func (s *Store) ActAs(a *Actor) { s.actor.Store(a) }

// FindActor finds the member a name or email names, for --as.
func (s *Store) FindActor(nameOrEmail string) (*Actor, error) {
	var m models.Member
	err := s.db.Where("LOWER(email) = LOWER(?) OR LOWER(name) = LOWER(?)", nameOrEmail, nameOrEmail).Order("id").First(&m).Error
	if err != nil {
		return nil, missing(err, "no member named "+nameOrEmail+" exists, so the change")
	}
	return &Actor{ID: &m.ID, Name: m.Name}, nil
}

// historyOf prepares a transaction's history: its author and reason.
func (s *Store) historyOf(tx *gorm.DB, why models.Why) *gorm.DB {
	return tx.Set(actorKey, s.actor.Load()).Set(whyKey, why).Session(&gorm.Session{})
}

// entry is a history entry for rec in tx, without its field.
func entry(tx *gorm.DB, table string, id uint, name string) models.HistoryEntry {
	h := models.HistoryEntry{At: time.Now().UTC(), Kind: kindOfTable[table], RecordID: id, RecordName: name, Why: models.WhyEdit}
	if a, ok := tx.Get(actorKey); ok {
		if actor, ok := a.(*Actor); ok && actor != nil {
			h.AuthorID, h.Author = actor.ID, actor.Name
		}
	}
	if w, ok := tx.Get(whyKey); ok {
		if why, ok := w.(models.Why); ok && why != "" {
			h.Why = why
		}
	}
	return h
}

// parsed returns the schema of a record.
func parsed(tx *gorm.DB, rec any) (*schema.Schema, error) {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(rec); err != nil {
		return nil, err
	}
	return stmt.Schema, nil
}

// recordCreated records that rec was created.
func recordCreated(tx *gorm.DB, rec Entity) error {
	return recordAllCreated(tx, []Entity{rec})
}

// recordAllCreated records that new records of one kind were created, in
// one statement.
func recordAllCreated(tx *gorm.DB, recs []Entity) error {
	sch, err := parsed(tx, recs[0])
	if err != nil {
		return err
	}
	hs := make([]models.HistoryEntry, len(recs))
	for i, rec := range recs {
		hs[i] = entry(tx, sch.Table, rec.Key(), recordName(rec))
		hs[i].New = "created"
	}
	return tx.Create(&hs).Error
}

// insertHistory writes history entries in one statement, without the
// ORM's per-row work: a status update writes four.
func insertHistory(tx *gorm.DB, hs []models.HistoryEntry) error {
	rows := make([][]any, len(hs))
	for i, h := range hs {
		rows[i] = []any{h.At, h.AuthorID, h.Author, h.Kind, h.RecordID, h.RecordName, h.Field, h.Old, h.New, h.Why}
	}
	return insertValues(tx, "history", []string{"at", "author_id", "author", "kind", "record_id", "record_name", "field", "old", "new", "why"}, rows)
}

// recordDeleted records that rec was deleted, under its last name.
func recordDeleted(tx *gorm.DB, rec Entity) error {
	sch, err := parsed(tx, rec)
	if err != nil {
		return err
	}
	h := entry(tx, sch.Table, rec.Key(), recordName(rec))
	h.New = "deleted"
	return tx.Create(&h).Error
}

// recordChanges records, field by field, how rec differs from old.
func recordChanges(tx *gorm.DB, old, rec Entity) error {
	sch, err := parsed(tx, rec)
	if err != nil {
		return err
	}
	ov, nv := reflect.ValueOf(old), reflect.ValueOf(rec)
	ctx := tx.Statement.Context
	for _, f := range sch.Fields {
		if f.DBName == "" || unrecorded[f.DBName] {
			continue
		}
		was, is := words(tx, f.DBName, fieldValue(ctx, f, ov)), words(tx, f.DBName, fieldValue(ctx, f, nv))
		if was == is {
			continue
		}
		h := entry(tx, sch.Table, rec.Key(), recordName(rec))
		h.Field, h.Old, h.New = fieldWords(f.DBName), was, is
		if err := tx.Create(&h).Error; err != nil {
			return err
		}
	}
	return nil
}

// fieldValue is a record's field as the model holds it. GORM's ValueOf
// gives a field with a serializer (the numbers read leniently) as the
// serializer itself, which history once printed as Go's innards.
func fieldValue(ctx context.Context, f *schema.Field, rec reflect.Value) any {
	if f.Serializer != nil {
		return f.ReflectValueOf(ctx, rec).Interface()
	}
	v, _ := f.ValueOf(ctx, rec)
	return v
}

// recordFields records named field changes made without a model (a status
// update moving its initiative).
func recordFields(tx *gorm.DB, table string, id uint, name string, changes map[string][2]string) error {
	hs := fieldEntries(tx, table, id, name, changes)
	if len(hs) == 0 {
		return nil
	}
	return tx.Create(&hs).Error
}

// fieldEntries are the history entries of the fields that changed, by
// field name.
func fieldEntries(tx *gorm.DB, table string, id uint, name string, changes map[string][2]string) []models.HistoryEntry {
	var hs []models.HistoryEntry
	for _, field := range slices.Sorted(maps.Keys(changes)) {
		c := changes[field]
		if c[0] == c[1] {
			continue
		}
		h := entry(tx, table, id, name)
		h.Field, h.Old, h.New = fieldWords(field), c[0], c[1]
		hs = append(hs, h)
	}
	return hs
}

// fieldWords writes a column as words: "due_date" is "due date",
// "owner_id" is "owner".
func fieldWords(column string) string {
	return strings.ReplaceAll(strings.TrimSuffix(column, "_id"), "_", " ")
}

// words writes a stored value as people read it; links give the linked
// record's name.
func words(tx *gorm.DB, column string, v any) string {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return ""
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return ""
	}
	switch x := rv.Interface().(type) {
	case models.Date:
		if x.Invalid() {
			return x.Raw()
		}
		return x.String()
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		return models.FormatNumber(x)
	case uint:
		if ref, ok := refTables[column]; ok {
			var name string
			tx.Table(ref[0]).Select(ref[1]).Where("id = ?", x).Scan(&name)
			if name != "" {
				return name
			}
		}
	}
	return fmt.Sprint(rv.Interface())
}

// recordName names a record for history: its title, name or statement.
func recordName(rec any) string {
	v := reflect.Indirect(reflect.ValueOf(rec))
	for _, f := range []string{"Title", "Name", "Statement", "Description", "Topic", "OrganisationName"} {
		if x := v.FieldByName(f); x.IsValid() && x.Kind() == reflect.String && x.String() != "" {
			return models.Shorten(x.String(), 120)
		}
	}
	if e, ok := rec.(Entity); ok {
		return fmt.Sprintf("#%d", e.Key())
	}
	return ""
}

// HistoryFilter selects history entries.
type HistoryFilter struct {
	Kind     models.RecordKind // with ID: one record
	ID       uint
	Since    models.Date // on or after this day, in local time
	By       string      // author name, any case
	MaxItems int
}

// History lists recorded changes, oldest first.
func (s *Store) History(f HistoryFilter) ([]models.HistoryEntry, error) {
	q := s.db.Model(&models.HistoryEntry{})
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.ID != 0 {
		q = q.Where("record_id = ?", f.ID)
	}
	if !f.Since.IsZero() {
		y, m, d := f.Since.Time().Date()
		q = q.Where("at >= ?", time.Date(y, m, d, 0, 0, 0, 0, time.Local).UTC()) // the day as the user lives it
	}
	if f.By != "" {
		q = q.Where("LOWER(author) = LOWER(?)", f.By)
	}
	if f.MaxItems > 0 {
		q = q.Limit(f.MaxItems)
	}
	var out []models.HistoryEntry
	err := q.Order("at, id").Find(&out).Error
	return out, translate(err, nil)
}

// KindOf is the kind of record rec is, as history names it.
func (s *Store) KindOf(rec Entity) models.RecordKind {
	sch, err := parsed(s.db, rec)
	if err != nil {
		return ""
	}
	return kindOfTable[sch.Table]
}

// VersionOf reads the version a saved record has now, to tell whether
// someone saved it since it was read.
func (s *Store) VersionOf(rec Entity) (int, error) {
	sch, err := parsed(s.db, rec)
	if err != nil {
		return 0, err
	}
	var v int
	res := s.db.Table(sch.Table).Select("version").Where("id = ?", rec.Key()).Scan(&v)
	if res.Error == nil && res.RowsAffected == 0 {
		return 0, missing(gorm.ErrRecordNotFound, "the record")
	}
	return v, translate(res.Error, nil)
}

// recordUnlinked records, before rec is deleted, the links the database
// will clear on the records that pointed at it ("owner: Ann Lee → (none)").
func recordUnlinked(tx *gorm.DB, rec Entity) error {
	sch, err := parsed(tx, rec)
	if err != nil {
		return err
	}
	name := recordName(rec)
	for _, d := range dependants[kindOfTable[sch.Table]] {
		if d.deleted {
			continue
		}
		var rows []struct {
			ID   uint
			Name string
		}
		nameCol := recordNames[d.table]
		if nameCol == "" || strings.HasPrefix(nameCol, "(") {
			nameCol = "''"
		}
		if err := tx.Table(d.table).Select("id, "+nameCol+" AS name").Where(d.column+" = ?", rec.Key()).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			if err := recordFields(tx, d.table, r.ID, r.Name, map[string][2]string{d.column: {name, ""}}); err != nil {
				return err
			}
		}
	}
	return nil
}
