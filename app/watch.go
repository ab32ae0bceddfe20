package app

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// changesChannel is the PostgreSQL channel every committed write notifies.
const changesChannel = "cxcommittee_changes"

// Watch calls changed whenever another desk (or another program) commits
// a change, until ctx ends: on a server through LISTEN/NOTIFY, on a file by
// polling SQLite's data_version every second. changed runs on Watch's own
// goroutine; Watch returns at once.
func (s *Store) Watch(ctx context.Context, changed func()) error {
	if s.OnServer() {
		conn, err := listen(ctx, s.path)
		if err != nil {
			return err
		}
		go func() {
			wait := time.Second
			for {
				_, err := conn.WaitForNotification(ctx)
				if err == nil {
					s.touch()
					changed()
					continue
				}
				conn.Close(context.Background())
				// The connection dropped: listen again, backing off, and
				// reload once, as changes may have been missed meanwhile.
				for {
					select {
					case <-ctx.Done():
						return
					case <-time.After(wait):
					}
					if conn, err = listen(ctx, s.path); err == nil {
						wait = time.Second
						s.touch()
						changed()
						break
					}
					wait = min(2*wait, 30*time.Second)
				}
			}
		}()
		s.watching.Store(true)
		return nil
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return translate(err, nil)
	}
	version := func() (v int64) {
		conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
		return v
	}
	last := version()
	go func() {
		defer conn.Close()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if v := version(); v != last {
					last = v
					s.touch()
					changed()
				}
			}
		}
	}()
	s.watching.Store(true)
	return nil
}

// listen opens a connection that listens for committed changes.
func listen(ctx context.Context, dsn string) (*pgx.Conn, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, translate(err, nil)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		conn.Close(context.Background())
		return nil, translate(err, nil)
	}
	return conn, nil
}
