package app

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// A database file is written through its journal (SQLite's write-ahead
// log): a commit appends its pages there, and a checkpoint copies them into
// the file itself. Left to itself, SQLite checkpoints inside whichever
// commit takes the journal past 1,000 pages, so a large import, or an
// unlucky save, would also wait for the whole file to be written and
// flushed. The checkpointer does it on a goroutine of its own shortly after
// writes instead; the commit's own pages are still flushed before it
// returns, so what was saved stays saved.

// journalPages is how far the journal may grow before a commit checkpoints
// it after all: the safety net for a checkpointer held back by readers
// (64 MB at SQLite's 4 KB pages).
const journalPages = 16000

// checkpointDelay is how long after a write the checkpointer waits, so that
// a burst of saves is copied into the file once.
const checkpointDelay = 200 * time.Millisecond

// checkpointer copies the journal into the database file after writes.
type checkpointer struct {
	wake     chan struct{} // a write happened; buffered, so a burst is one wake
	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once
}

// startCheckpoints runs a checkpointer on db until it is closed. It goes
// straight to the connections, below the ORM: a checkpoint is upkeep, not a
// statement of the app's.
func startCheckpoints(db *sql.DB) *checkpointer {
	c := &checkpointer{wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.run(db)
	return c
}

func (c *checkpointer) run(db *sql.DB) {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.wake:
		}
		select {
		case <-c.stop:
			return
		case <-time.After(checkpointDelay):
		}
		// PASSIVE waits for no one. A failure is harmless: the next write
		// wakes it again, the journal's limit catches a checkpointer held
		// back, and Close checkpoints what is left.
		db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
	}
}

// written tells the checkpointer the journal has grown. A store with no
// checkpointer (read-only, or on a server) ignores it.
func (c *checkpointer) written() {
	if c == nil {
		return
	}
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// close stops the checkpointer and waits for a checkpoint under way.
func (c *checkpointer) close() {
	if c == nil {
		return
	}
	c.stopOnce.Do(func() { close(c.stop) })
	<-c.done
}

// writerConnections opens the database's connections for writing: each
// leaves checkpoints to the checkpointer until the journal reaches
// journalPages.
func writerConnections(dsn string) *sql.DB {
	d := &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", journalPages), nil)
		return err
	}}
	return sql.OpenDB(connector{dsn: dsn, driver: d})
}

// connector opens connections of a DSN with a driver of its own.
type connector struct {
	dsn    string
	driver *sqlite3.SQLiteDriver
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.driver.Open(c.dsn) }

func (c connector) Driver() driver.Driver { return c.driver }
