// Package app is the application core of CX Committee: the SQLite store,
// its migrations and backups, and the use-cases of every register. It knows
// nothing of Fyne.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"cxcommittee/models"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store is an open committee database.
type Store struct {
	db       *gorm.DB
	path     string
	readOnly string // why nothing can be saved; "" when the file is writable
	schema   int
	now      func() time.Time
	actor    atomic.Pointer[Actor] // who writes are recorded as; set from the UI, read by writes
	// generation counts the writes tried through this store and the
	// changes heard of from elsewhere (Watch): screens redraw only when
	// it has moved.
	generation atomic.Int64
	// watching says Watch runs: changes from elsewhere move the generation.
	watching atomic.Bool
	// checkpoints copies the journal into the file after writes; nil
	// unless the store writes a file.
	checkpoints *checkpointer
	// compiled keeps the one-at-a-time writes' statements; nil unless the
	// store writes a file.
	compiled *compiled
	// Upgraded says what opening the file did to it: the schema steps run
	// and the backup taken first. Empty when nothing was changed.
	Upgraded []string
	// Warnings says what opening the file could not do (the daily backup).
	Warnings []string
}

// allModels lists every table, in an order that respects foreign keys.
func allModels() []any {
	return []any{
		&models.Settings{}, &models.Department{}, &models.Member{}, &models.Journey{},
		&models.Target{}, &models.Initiative{}, &models.StatusUpdate{}, &models.StatusChange{}, &models.Measurement{},
		&models.Meeting{}, &models.Attendance{}, &models.Decision{}, &models.ActionItem{}, &models.AgendaItem{},
		&models.Risk{}, &models.HistoryEntry{}, &models.PackImport{}, &models.ActionReview{},
	}
}

// Open opens the committee database at path for reading and writing,
// creating it when missing. An older schema is upgraded after a backup; a
// newer one is refused untouched. The first open of each day keeps a daily
// backup. A file that cannot be written (a read-only file or folder) opens
// read-only: ReadOnly says why.
func Open(path string) (*Store, error) {
	return open(context.Background(), path, openWrite)
}

// OpenReadOnly opens an existing database and never writes to it: no
// migration, no backup, no journal change. A database written by an older
// version is refused with a pointer to `cxcommittee migrate`.
func OpenReadOnly(path string) (*Store, error) {
	return open(context.Background(), path, openRead)
}

// openMode says what an open may do to the file.
type openMode int

const (
	openWrite openMode = iota // create, upgrade, back up; read-only only if it must
	openRead                  // never write; the schema must be current
	openCopy                  // never write; any schema this build knows (backups)
)

// open is Open, OpenReadOnly and the backup command's open.
func open(ctx context.Context, path string, mode openMode) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	if IsServerURL(path) {
		return openServer(ctx, path, mode)
	}
	f, err := inspect(ctx, path, mode == openWrite)
	if err != nil {
		return nil, err
	}
	if f.version > LatestSchema {
		return nil, fmt.Errorf("%s was %w (its schema is %d, this app knows up to %d); update CX Committee to open it; the file was not changed",
			path, ErrNewerSchema, f.version, LatestSchema)
	}
	if mode == openWrite && f.writeProblem == "" {
		return openWritable(ctx, path, f)
	}
	if !f.exists || len(f.tables) == 0 {
		if mode == openWrite {
			return nil, fmt.Errorf("cannot create a database at %s: %s", path, f.writeProblem)
		}
		return nil, fmt.Errorf("there is no committee in %s; create one with cxcommittee demo --db %s, or by opening the app", path, path)
	}
	if f.version < LatestSchema && mode != openCopy {
		why := "run cxcommittee migrate --db " + path + " to upgrade it (a backup is made first)"
		if f.writeProblem != "" {
			why = "it cannot be upgraded here because " + f.writeProblem
		}
		return nil, fmt.Errorf("%s was %w (schema %d, this app uses %d); %s", path, ErrOlderSchema, f.version, LatestSchema, why)
	}
	db, err := connect(readOnlyDSN(path, f.immutable))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, schema: f.version, readOnly: f.writeProblem, now: time.Now}
	if s.readOnly == "" {
		s.readOnly = "it was opened only to read"
	}
	return s, nil
}

// openWritable opens a writable file, upgrades it and keeps the daily backup.
func openWritable(ctx context.Context, path string, f fileState) (*Store, error) {
	db, err := connectWriter(writableDSN(path))
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		closeDB(db)
		return nil, err
	}
	s := &Store{db: db, path: path, schema: f.version, now: time.Now, checkpoints: startCheckpoints(sqlDB), compiled: newCompiled(sqlDB)}
	if err := s.upgradeFrom(ctx, f); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.dailyBackup(ctx); err != nil {
		s.Warnings = append(s.Warnings, err.Error())
	}
	return s, nil
}

// upgradeFrom brings the schema up to date: a new file gets every step; an
// older one is backed up first.
func (s *Store) upgradeFrom(ctx context.Context, f fileState) error {
	if f.version == LatestSchema {
		return nil
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	if len(f.tables) > 0 {
		backup, err := s.Backup(ctx, fmt.Sprintf("schema%d-before-upgrade", f.version))
		if err != nil {
			return fmt.Errorf("no backup could be made before upgrading %s, so it was left as it was: %w", s.path, err)
		}
		s.Upgraded = append(s.Upgraded, "backed up to "+backup)
	}
	done, err := upgrade(ctx, sqlDB, f.version, migrations())
	if err != nil {
		return fmt.Errorf("cannot upgrade %s: %w", s.path, err)
	}
	if len(f.tables) > 0 {
		s.Upgraded = append(s.Upgraded, done...)
	}
	s.schema = LatestSchema
	return nil
}

// connect opens GORM on a DSN and checks the file can be read.
func connect(dsn string) (*gorm.DB, error) {
	return connectTo(sqlite.Open(dsn))
}

// connectWriter opens a database to write, leaving its checkpoints to the
// store's checkpointer.
func connectWriter(dsn string) (*gorm.DB, error) {
	conns := writerConnections(dsn)
	db, err := connectTo(sqlite.New(sqlite.Config{DSN: dsn, Conn: conns}))
	if err != nil {
		conns.Close()
	}
	return db, err
}

func connectTo(d gorm.Dialector) (*gorm.DB, error) {
	db, err := gorm.Open(d, &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		return nil, translate(err, nil)
	}
	return db, nil
}

// fileURI makes a path safe inside an SQLite URI; a path starting "//"
// gets an empty authority so it is not read as a host name.
func fileURI(path string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	if strings.HasPrefix(escaped, "//") {
		return "file://" + escaped
	}
	return "file:" + escaped
}

// noMutex opens connections in SQLite's multi-thread mode: database/sql
// hands a connection to one goroutine at a time, so SQLite need not take
// a lock on every call (about 7% of reading the dashboard).
const noMutex = "&_mutex=no"

// writableDSN: foreign keys, WAL, a busy timeout, immediate write
// transactions and full fsync on commit.
func writableDSN(path string) string {
	return fileURI(path) + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL" + noMutex
}

// readOnlyDSN never writes. immutable is for a file nobody can be writing
// (a read-only folder with no journal): SQLite then needs no lock files.
// The commands that read (a report, a check) read each table about once,
// side by side on several connections: a small page cache for each keeps
// a report at 10,000 initiatives 15 MB smaller, and no slower.
func readOnlyDSN(path string, immutable bool) string {
	dsn := fileURI(path) + "?mode=ro&_busy_timeout=5000&_cache_size=-256" + noMutex
	if immutable {
		dsn += "&immutable=1"
	}
	return dsn
}

// fileState is what a look at the file, without writing, found.
type fileState struct {
	exists       bool
	tables       []string
	version      int    // 1 for a first-release file with tables and no version
	writeProblem string // why it cannot be written; "" when it can
	immutable    bool   // read it as a file nobody is writing
}

// inspect reads the schema version and tables of path without writing, and
// refuses what is not a CX Committee database. create makes a missing
// folder for a new database.
func inspect(ctx context.Context, path string, create bool) (fileState, error) {
	var f fileState
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && create:
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return f, fmt.Errorf("cannot create the folder for %s: %w", path, UnwrapPath(err))
		}
		f.writeProblem = folderProblem(filepath.Dir(path))
		return f, nil
	case errors.Is(err, os.ErrNotExist):
		return f, fmt.Errorf("there is no database at %s; create one with cxcommittee demo --db %s, or by opening the app", path, path)
	case err != nil:
		return f, fmt.Errorf("cannot read %s: %w", path, UnwrapPath(err))
	case info.IsDir():
		return f, fmt.Errorf("%s is a folder, not a database file", path)
	}
	f.exists = true
	if err := checkHeader(path, info.Size()); err != nil {
		return f, err
	}
	// With no journal beside it, nobody has the file open: it can be read
	// as immutable, which leaves no lock files behind.
	f.immutable = !exists(path+"-wal") && !exists(path+"-journal")
	dsn := readOnlyDSN(path, f.immutable)
	if create {
		// A writable open may need to roll back what a crash left in a
		// journal, so the look is taken read-write (the journal mode is
		// left as it is).
		if f.writeProblem = writeProblem(path); f.writeProblem == "" {
			dsn = fileURI(path) + "?_busy_timeout=5000"
		}
	}
	if info.Size() == 0 {
		return f, nil
	}
	db, err := connect(dsn)
	if err != nil {
		return f, fmt.Errorf("%s cannot be read: %w", path, err)
	}
	defer closeDB(db)
	if err := db.WithContext(ctx).Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").Scan(&f.tables).Error; err != nil {
		if !create && exists(path+"-journal") {
			return f, fmt.Errorf("%s needs to recover from an interrupted write first: open it in the app, or run cxcommittee migrate --db %s", path, path)
		}
		return f, fmt.Errorf("%s cannot be read: %w", path, translate(err, nil))
	}
	if err := db.WithContext(ctx).Raw("PRAGMA user_version").Scan(&f.version).Error; err != nil {
		return f, fmt.Errorf("%s cannot be read: %w", path, translate(err, nil))
	}
	if len(f.tables) > 0 && !ours(f.tables) {
		return f, fmt.Errorf("%s is %w: it holds another program's tables", path, ErrNotDatabase)
	}
	if f.version == 0 && len(f.tables) > 0 {
		f.version = 1 // the first release kept no version
	}
	return f, nil
}

// exists reports whether a file is there.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// ours reports whether the tables are a CX Committee database's.
func ours(tables []string) bool {
	for _, n := range tables {
		if n == "programs" || n == "initiatives" {
			return true
		}
	}
	return false
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkHeader refuses a non-empty file that is not SQLite.
func checkHeader(path string, size int64) error {
	if size == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, UnwrapPath(err))
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if n, _ := f.Read(head); n != len(head) || string(head) != string(sqliteHeader) {
		return fmt.Errorf("%s is %w (it is not an SQLite file)", path, ErrNotDatabase)
	}
	return nil
}

// writeProblem says why the database file cannot be written, or "".
func writeProblem(path string) string {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return "the file " + path + " is read-only"
	}
	f.Close()
	return folderProblem(filepath.Dir(path))
}

// folderProblem says why files cannot be created in dir (SQLite needs its
// journal beside the database), or "".
func folderProblem(dir string) string {
	f, err := os.CreateTemp(dir, ".cxcommittee-write-test-*")
	if err != nil {
		return "the folder " + dir + " is read-only"
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return ""
}

// UnwrapPath returns the reason inside a file error ("permission denied"),
// for messages that already name the file.
func UnwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Generation changes whenever the committee may have changed: a write
// through this store (even one that failed), or a change another desk or
// program made that Watch heard of. Equal generations mean equal data.
func (s *Store) Generation() int64 { return s.generation.Load() }

// Watching reports whether changes made elsewhere reach this store (Watch
// runs); without it, equal generations say nothing of other desks.
func (s *Store) Watching() bool { return s.watching.Load() }

// touch moves the generation on: the data may have changed.
func (s *Store) touch() {
	s.generation.Add(1)
	s.checkpoints.written()
}

// Path returns the database file's path, or the server's URL without its
// password.
func (s *Store) Path() string { return Redact(s.path) }

// OnServer reports whether the committee is on a PostgreSQL server.
func (s *Store) OnServer() bool { return IsServerURL(s.path) }

// ReadOnly says why nothing can be saved, or "" when the database is writable.
func (s *Store) ReadOnly() string { return s.readOnly }

// SchemaVersion returns the database's schema version.
func (s *Store) SchemaVersion() int { return s.schema }

// Close checkpoints the journal into the database file, so that the file
// alone holds everything while the app is not running, and closes it.
func (s *Store) Close() error {
	s.checkpoints.close()
	s.compiled.close()
	if s.readOnly == "" && !s.OnServer() {
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	return closeDB(s.db)
}

func closeDB(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Integrity runs SQLite's integrity check and returns its verdict ("ok" when sound).
func (s *Store) Integrity() (string, error) {
	if s.OnServer() {
		return "ok", nil // the server keeps its own pages sound
	}
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
	return fmt.Sprintf("%s (and %s)", rows[0], models.Count(len(rows)-1, "more problem", "more problems")), nil
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
