package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// IsServerURL reports whether a --db value names a PostgreSQL server
// (postgres:// or postgresql://) rather than a file.
func IsServerURL(name string) bool {
	return strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://")
}

// Redact returns a database name fit to print: a server URL loses its
// password (in the user part or as a parameter); a file path is unchanged.
func Redact(name string) string {
	if !IsServerURL(name) {
		return name
	}
	u, err := url.Parse(name)
	if err != nil {
		return "the database server (its URL could not be read)"
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	var kept []string
	for _, part := range strings.Split(u.RawQuery, "&") {
		if !strings.HasPrefix(strings.ToLower(part), "password=") && part != "" {
			kept = append(kept, part)
		}
	}
	u.RawQuery = strings.Join(kept, "&")
	return u.String()
}

// redactText removes a URL's password from a message about it.
func redactText(msg, dsn string) string {
	if u, err := url.Parse(dsn); err == nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	return msg
}

// schemaTable records a server database's schema version (a file keeps it
// in SQLite's user_version instead); the numbering is the same.
const schemaTable = "cxcommittee_schema"

// openServer opens a committee on a PostgreSQL server. Writable opens
// create or upgrade the tables; read-only ones run every transaction read
// only, so the server itself refuses any write.
func openServer(ctx context.Context, dsn string, mode openMode) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%s is not a PostgreSQL URL this app can use: %s", Redact(dsn), redactText(err.Error(), dsn))
	}
	if mode != openWrite {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	cfg.RuntimeParams["application_name"] = "cxcommittee"
	// Dates read as text (CAST(date AS TEXT)) are ISO whatever the
	// server's own DateStyle.
	cfg.RuntimeParams["datestyle"] = "ISO, YMD"
	sqlDB := stdlib.OpenDB(*cfg)
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("cannot reach the database server %s: %w", Redact(dsn), translate(err, nil))
	}
	ping, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(ping); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("cannot reach the database server %s: %w", Redact(dsn), translate(err, nil))
	}
	s := &Store{db: db, path: dsn, now: time.Now}
	if mode != openWrite {
		s.readOnly = "it was opened only to read"
	}
	if err := s.serverSchema(ctx, mode); err != nil {
		s.Close()
		return nil, err
	}
	s.actOnLogin(ctx)
	return s, nil
}

// serverSchema reads the schema version and creates or upgrades the tables
// as the open mode allows.
func (s *Store) serverSchema(ctx context.Context, mode openMode) error {
	var tables []string
	if err := s.db.WithContext(ctx).Raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").Scan(&tables).Error; err != nil {
		return fmt.Errorf("%s cannot be read: %w", s.Path(), translate(err, nil))
	}
	hasVersion := false
	for _, t := range tables {
		hasVersion = hasVersion || t == schemaTable
	}
	switch {
	case hasVersion:
		if err := s.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(version), 0) FROM " + schemaTable).Scan(&s.schema).Error; err != nil {
			return fmt.Errorf("%s cannot be read: %w", s.Path(), translate(err, nil))
		}
	case ours(tables):
		return fmt.Errorf("%s holds CX Committee tables without a schema version; it was not changed", s.Path())
	case len(s.clashes(tables)) > 0:
		return fmt.Errorf("%s holds another program's tables named like the committee's (%s); use an empty database for the committee; nothing was changed",
			s.Path(), strings.Join(s.clashes(tables), ", "))
	}
	switch {
	case s.schema > LatestSchema:
		return fmt.Errorf("%s was %w (its schema is %d, this app knows up to %d); update CX Committee to open it; nothing was changed",
			s.Path(), ErrNewerSchema, s.schema, LatestSchema)
	case s.schema == LatestSchema:
		return nil
	case mode != openWrite && s.schema == 0:
		return fmt.Errorf("there is no committee in %s; create one with cxcommittee demo --db URL, or by opening the app", s.Path())
	case mode != openWrite:
		return fmt.Errorf("%s was %w (schema %d, this app uses %d); run cxcommittee migrate --db URL to upgrade it", s.Path(), ErrOlderSchema, s.schema, LatestSchema)
	}
	return s.createOnServer(ctx)
}

// createOnServer creates the tables of the latest schema, and records it,
// in one transaction: PostgreSQL changes its schema transactionally, so a
// failure leaves the database as it was.
func (s *Store) createOnServer(ctx context.Context) error {
	from := s.schema
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if from == 0 {
			if err := tx.AutoMigrate(allModels()...); err != nil {
				return err
			}
			if err := tx.Exec(indexesSchema).Error; err != nil { // the indexes the models' tags do not name
				return err
			}
			if err := tx.Exec("CREATE TABLE " + schemaTable + " (version integer NOT NULL)").Error; err != nil {
				return err
			}
			return tx.Exec("INSERT INTO "+schemaTable+" (version) VALUES (?)", LatestSchema).Error
		}
		// Another desk may have upgraded meanwhile: the version read under
		// the table's lock decides.
		if err := tx.Exec("LOCK TABLE " + schemaTable + " IN EXCLUSIVE MODE").Error; err != nil {
			return err
		}
		if err := tx.Raw("SELECT MAX(version) FROM " + schemaTable).Scan(&from).Error; err != nil {
			return err
		}
		for _, m := range migrations() {
			if m.version <= from || m.server == nil {
				continue
			}
			if err := m.server(tx); err != nil {
				return fmt.Errorf("schema step %d (%s): %w", m.version, m.what, err)
			}
			s.Upgraded = append(s.Upgraded, fmt.Sprintf("schema %d: %s", m.version, m.what))
		}
		return tx.Exec("UPDATE "+schemaTable+" SET version = ?", LatestSchema).Error
	})
	if err != nil {
		s.Upgraded = nil
		return fmt.Errorf("cannot prepare the committee's tables in %s, nothing was changed: %w", s.Path(), translate(err, nil))
	}
	s.schema = LatestSchema
	return nil
}

// actOnLogin records writes as the member whose Login is the server login
// this connection uses, when there is one.
func (s *Store) actOnLogin(ctx context.Context) {
	var m struct {
		ID   uint
		Name string
	}
	if s.db.WithContext(ctx).Raw("SELECT id, name FROM members WHERE login = current_user ORDER BY id LIMIT 1").Scan(&m).Error == nil && m.ID != 0 {
		s.actor.Store(&Actor{ID: &m.ID, Name: m.Name})
	}
}

// Actor is who the store's writes are recorded as, or nil.
func (s *Store) Actor() *Actor { return s.actor.Load() }

// clashes lists the tables that would collide with the committee's.
func (s *Store) clashes(tables []string) []string {
	mine := map[string]bool{"initiative_targets": true, schemaTable: true}
	for _, m := range allModels() {
		if sch, err := parsed(s.db, m); err == nil {
			mine[sch.Table] = true
		}
	}
	var out []string
	for _, t := range tables {
		if mine[t] {
			out = append(out, t)
		}
	}
	return out
}
