package app

import (
	"cxcommittee/models"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Entity is what every register's record offers the store.
type Entity interface {
	Validate() error
	DuplicateMessage() string
	Key() uint
	SetKey(uint)
	Ver() int
	SetVer(int)
}

// ptrEntity ties a record type T to its pointer, which implements Entity.
type ptrEntity[T any] interface {
	*T
	Entity
}

// Create validates rec and inserts it (without touching linked records).
func Create[T any, P ptrEntity[T]](s *Store, rec P) error {
	return s.write(func(tx *gorm.DB) error { return createIn(tx, rec) })
}

// Update validates rec and saves every field, provided nobody saved the
// record since rec.Version was read; otherwise it fails with ErrConflict and
// changes nothing. On success rec.Version is the new version.
func Update[T any, P ptrEntity[T]](s *Store, rec P) error {
	return s.write(func(tx *gorm.DB) error { return updateIn(tx, rec) })
}

// Delete removes the record with the given ID. Dependants follow the
// foreign-key rules: history (status updates, measurements, attendance,
// agenda items) goes with its record; other links are cleared.
func Delete[T any, P ptrEntity[T]](s *Store, id uint) error {
	return s.write(func(tx *gorm.DB) error {
		rec := P(new(T))
		if err := tx.First(rec, id).Error; err != nil {
			return missing(err, "the record")
		}
		if err := guard(tx, rec, true); err != nil {
			return err
		}
		if err := recordUnlinked(tx, rec); err != nil {
			return err
		}
		res := tx.Delete(P(new(T)), id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("the record %w", ErrNotFound)
		}
		return recordDeleted(tx, rec)
	})
}

// Get loads one record by ID.
func Get[T any](s *Store, id uint) (T, error) {
	var rec T
	if err := s.db.First(&rec, id).Error; err != nil {
		return rec, missing(err, "the record")
	}
	return rec, nil
}

// List loads every record of a register in the given SQL order.
func List[T any](s *Store, order string) ([]T, error) {
	stmt := &gorm.Statement{DB: s.db}
	if err := stmt.Parse(new(T)); err != nil {
		return nil, err
	}
	return scanList[T](s.db, "SELECT * FROM "+stmt.Quote(stmt.Schema.Table)+" ORDER BY "+order)
}

// write runs fn in one transaction and translates its error.
func (s *Store) write(fn func(tx *gorm.DB) error) error {
	return s.writeWhy(models.WhyEdit, fn)
}

// writeWhy is write with the reason its history records.
func (s *Store) writeWhy(why models.Why, fn func(tx *gorm.DB) error) error {
	return s.writeIn(oneTransaction, why, fn)
}

// writeLarge is writeWhy for a write of thousands of rows, whose commit
// leaves the checkpoint to the checkpointer (see largeWrite).
func (s *Store) writeLarge(why models.Why, fn func(tx *gorm.DB) error) error {
	return s.writeIn(largeWrite, why, fn)
}

// oneTransaction runs fn in one transaction of db.
func oneTransaction(db *gorm.DB, fn func(tx *gorm.DB) error) error { return db.Transaction(fn) }

// writeIn is writeWhy with the way its transaction runs.
func (s *Store) writeIn(transact func(*gorm.DB, func(*gorm.DB) error) error, why models.Why, fn func(tx *gorm.DB) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	defer s.touch()
	var undo []func() // puts records back as they were if a try fails
	db := s.historyOf(s.db, why).Set(undoKey, &undo).Set(compiledKey, s.compiled).Session(&gorm.Session{})
	fn = s.notifying(fn)
	try := func() error {
		undo = undo[:0]
		err := transact(db, fn)
		if err != nil {
			for i := len(undo) - 1; i >= 0; i-- {
				undo[i]()
			}
		}
		return err
	}
	err := try()
	for n := 1; n < maxTries && retryable(err); n++ {
		time.Sleep(time.Duration(n*(10+rand.IntN(40))) * time.Millisecond) // let the other desk finish
		err = try()
	}
	return translateIn(err)
}

// undoKey holds, on a write's transaction, what puts its records back as
// they were when it fails: ids of inserts, versions of updates.
const undoKey = "cx:undo"

// onUndo registers fn to run if tx's write fails.
func onUndo(tx *gorm.DB, fn func()) {
	if u, ok := tx.Get(undoKey); ok {
		if list, ok := u.(*[]func()); ok {
			*list = append(*list, fn)
		}
	}
}

// notifying wraps a transaction's work so that, on a server, the other
// desks hear of it when it commits (Watch); on a file they poll.
func (s *Store) notifying(fn func(tx *gorm.DB) error) func(tx *gorm.DB) error {
	if !s.OnServer() {
		return fn
	}
	return func(tx *gorm.DB) error {
		if err := fn(tx); err != nil {
			return err
		}
		return tx.Exec("NOTIFY " + changesChannel).Error // delivered on commit
	}
}

// maxTries bounds how often a transaction that clashed with another desk's
// is run again.
const maxTries = 5

// writable refuses every write to a database opened read-only.
func (s *Store) writable() error {
	if s.readOnly != "" {
		return fmt.Errorf("%w (%s); nothing was saved", ErrReadOnly, s.readOnly)
	}
	return nil
}

// translateIn maps errors from a transaction; validation and conflict errors
// pass through unchanged.
func translateIn(err error) error {
	var dup *DuplicateError
	if errors.As(err, &dup) {
		return dup
	}
	return translate(err, func() string { return "a record with the same name already exists" })
}

func createIn[T any, P ptrEntity[T]](tx *gorm.DB, rec P) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	if rec.Key() != 0 {
		return errors.New("this record is already saved; update it instead")
	}
	if err := guard(tx, rec, false); err != nil {
		return err
	}
	rec.SetVer(1)
	if err := tx.Omit(clause.Associations).Create(rec).Error; err != nil {
		rec.SetVer(0)
		rec.SetKey(0)
		return duplicate(err, rec)
	}
	onUndo(tx, func() { rec.SetKey(0); rec.SetVer(0) })
	return recordCreated(tx, rec)
}

// createAllIn inserts new records that share what guard checks (the
// agenda items of one meeting, say) in one statement, and their history in
// another, instead of two reads and writes per record.
func createAllIn[T any, P ptrEntity[T]](tx *gorm.DB, recs []T) error {
	if len(recs) == 0 {
		return nil
	}
	for i := range recs {
		rec := P(&recs[i])
		if err := rec.Validate(); err != nil {
			return err
		}
		if rec.Key() != 0 {
			return errors.New("this record is already saved; update it instead")
		}
	}
	if err := guard(tx, P(&recs[0]), false); err != nil {
		return err
	}
	for i := range recs {
		P(&recs[i]).SetVer(1)
	}
	onUndo(tx, func() {
		for i := range recs {
			P(&recs[i]).SetKey(0)
			P(&recs[i]).SetVer(0)
		}
	})
	if err := tx.Omit(clause.Associations).Create(&recs).Error; err != nil {
		return duplicate(err, P(&recs[0]))
	}
	entities := make([]Entity, len(recs))
	for i := range recs {
		entities[i] = P(&recs[i])
	}
	return recordAllCreated(tx, entities)
}

func updateIn[T any, P ptrEntity[T]](tx *gorm.DB, rec P) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	if rec.Key() == 0 {
		return errors.New("this record is not saved yet; create it instead")
	}
	if err := guard(tx, rec, false); err != nil {
		return err
	}
	keep, err := keptColumns(tx, rec)
	if err != nil {
		return err
	}
	old := P(new(T))
	if err := tx.First(old, rec.Key()).Error; err != nil {
		return missing(err, "the record")
	}
	read := rec.Ver()
	rec.SetVer(read + 1)
	onUndo(tx, func() { rec.SetVer(read) })
	res := tx.Model(rec).Select("*").Omit(append([]string{clause.Associations, "ID", "CreatedAt"}, keep...)...).
		Where("version = ?", read).Updates(rec)
	if res.Error != nil {
		rec.SetVer(read)
		return duplicate(res.Error, rec)
	}
	if res.RowsAffected == 0 {
		rec.SetVer(read)
		var n int64
		if err := tx.Model(P(new(T))).Where("id = ?", rec.Key()).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("the record %w", ErrNotFound)
		}
		return &ConflictError{What: "this record"}
	}
	return recordChanges(tx, old, rec)
}

// duplicate turns a unique-key clash into the record's own message.
func duplicate(err error, rec Entity) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return &DuplicateError{Message: rec.DuplicateMessage()}
	}
	return err
}
