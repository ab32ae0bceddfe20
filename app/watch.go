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
		conn, err := pgx.Connect(ctx, s.path)
		if err != nil {
			return translate(err, nil)
		}
		if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
			conn.Close(context.Background())
			return translate(err, nil)
		}
		go func() {
			defer conn.Close(context.Background())
			for {
				if _, err := conn.WaitForNotification(ctx); err != nil {
					return
				}
				changed()
			}
		}()
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
					changed()
				}
			}
		}
	}()
	return nil
}
