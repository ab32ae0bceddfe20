package app

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// A database file is written through its journal (SQLite's write-ahead
// log): a commit appends its pages there, and a checkpoint copies them into
// the file itself. After a checkpoint has copied everything, the next
// commit writes the journal again from its start, over pages the file
// already has room for, which costs the disk less than making the file
// longer: on this machine's disk a reading takes 0.3 ms instead of 0.4 ms.
//
// Saves are made one at a time, seconds apart: the checkpointer copies the
// journal on a goroutine of its own shortly after each, so the next save
// finds it copied. A burst of saves (a script, several desks) outruns the
// checkpointer; for them the commit that takes the journal past
// autocheckpointPages checkpoints it itself, as SQLite does by default, and
// the saves after it rewrite the journal. A large write (an import, a pack,
// the sample committee) would wait in its commit for the whole file to be
// written and flushed, so it runs on a connection that leaves its
// checkpoint to the checkpointer (largeWrite). Either way a commit's own
// pages are flushed before it returns, so what was saved stays saved.

// autocheckpointPages is how far the journal may grow before the commit
// that passes it checkpoints: SQLite's own default, 4 MB at its 4 KB pages.
const autocheckpointPages = 1000

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
// checkpoints in the commit that takes the journal past
// autocheckpointPages.
func writerConnections(dsn string) *sql.DB {
	d := &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec(fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", autocheckpointPages), nil)
		return err
	}}
	return sql.OpenDB(connector{dsn: dsn, driver: d})
}

// largeWrite runs fn in one transaction of db. On a file it holds one
// connection whose commit leaves the checkpoint to the checkpointer,
// however many pages the transaction writes, and gives the connection
// back as the others are.
func largeWrite(db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if db.Dialector.Name() != "sqlite" {
		return db.Transaction(fn)
	}
	return db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("PRAGMA wal_autocheckpoint = 0").Error; err != nil {
			return err
		}
		// What fn wrote is committed or rolled back by now, even if the
		// caller's context is done. A connection that cannot be set back
		// is closed rather than returned to the pool as it is.
		defer func() {
			reset := conn.WithContext(context.Background()).Exec(fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", autocheckpointPages)).Error
			if c, ok := conn.Statement.ConnPool.(*sql.Conn); ok && reset != nil {
				c.Raw(func(any) error { return driver.ErrBadConn })
			}
		}()
		return conn.Transaction(fn)
	})
}

// connector opens connections of a DSN with a driver of its own.
type connector struct {
	dsn    string
	driver *sqlite3.SQLiteDriver
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.driver.Open(c.dsn) }

func (c connector) Driver() driver.Driver { return c.driver }
