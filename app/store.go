// Package app is the application core of CX Committee: the SQLite store,
// its migrations and the use-cases of every register. It knows nothing of Fyne.
package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"cxcommittee/models"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store is an open committee database.
type Store struct {
	db   *gorm.DB
	path string
}

// allModels lists every table, in an order that respects foreign keys.
func allModels() []any {
	return []any{
		&models.Program{}, &models.Department{}, &models.Member{}, &models.Journey{},
		&models.Target{}, &models.Initiative{}, &models.StatusUpdate{}, &models.StatusChange{}, &models.Measurement{},
		&models.Meeting{}, &models.Attendance{}, &models.Decision{}, &models.ActionItem{}, &models.AgendaItem{},
	}
}

// OpenExisting opens the database at path like Open, but refuses to create
// one: commands that only read the committee should not leave an empty
// database behind a mistyped path.
func OpenExisting(path string) (*Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("there is no database at %s; create one with cxcommittee demo --db %s, or by opening the app", path, path)
	}
	return Open(path)
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens (creating if needed) the database at path and migrates it. A
// file that is not an SQLite database, or that belongs to another program,
// is refused and left untouched.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	dsn := path + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate"
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
	})
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, translate(err, nil))
	}
	s := &Store{db: db, path: path}
	if err := s.checkOwnership(); err != nil {
		s.Close()
		return nil, err
	}
	if err := db.AutoMigrate(allModels()...); err != nil {
		s.Close()
		return nil, fmt.Errorf("cannot prepare %s: %w", path, translate(err, nil))
	}
	return s, nil
}

// checkFile makes sure the folder exists and an existing file is SQLite.
func checkFile(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("cannot create the folder for %s: %w", path, unwrapPath(err))
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a folder, not a database file", path)
	}
	if info.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("%s is %w (it is not an SQLite file)", path, ErrNotDatabase)
	}
	return nil
}

// checkOwnership refuses an SQLite file of another program: one with tables
// but none of ours.
func (s *Store) checkOwnership() error {
	var names []string
	if err := s.db.Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").Scan(&names).Error; err != nil {
		return fmt.Errorf("%s cannot be read: %w", s.path, translate(err, nil))
	}
	if len(names) == 0 {
		return nil
	}
	for _, n := range names {
		if n == "programs" || n == "initiatives" {
			return nil
		}
	}
	return fmt.Errorf("%s is %w: it holds another program's tables", s.path, ErrNotDatabase)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Integrity runs SQLite's integrity check and returns its verdict ("ok" when sound).
func (s *Store) Integrity() (string, error) {
	var rows []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return "", translate(err, nil)
	}
	if len(rows) == 0 {
		return "", errors.New("the integrity check returned nothing")
	}
	if len(rows) == 1 {
		return rows[0], nil
	}
	return fmt.Sprintf("%s (and %d more problems)", rows[0], len(rows)-1), nil
}

// IsEmpty reports whether the database holds no committee data at all.
func (s *Store) IsEmpty() (bool, error) {
	for _, m := range allModels() {
		var n int64
		if err := s.db.Model(m).Limit(1).Count(&n).Error; err != nil {
			return false, translate(err, nil)
		}
		if n > 0 {
			return false, nil
		}
	}
	return true, nil
}
