package app

import (
	"database/sql"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// compiledKey carries a file store's compiled statements into its write
// transactions.
const compiledKey = "cxcommittee:compiled"

// compiledMax is how many statements a store keeps compiled: the few of
// the writes users make one at a time, with room to spare.
const compiledMax = 64

// compiled keeps the statements of the writes users make one at a time (a
// status update, a reading, their history), compiled once per connection
// for the store's life: SQLite otherwise compiles each statement on every
// write, a tenth of a status update's time.
type compiled struct {
	db    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
	ran   atomic.Int64 // statements run compiled, which the ORM does not see
}

func newCompiled(db *sql.DB) *compiled {
	return &compiled{db: db, stmts: map[string]*sql.Stmt{}}
}

// stmt is query compiled, or nil when the store keeps no more statements
// or the query does not compile (the ORM then runs it and says why).
func (c *compiled) stmt(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st
	}
	if len(c.stmts) >= compiledMax {
		return nil
	}
	st, err := c.db.Prepare(query)
	if err != nil {
		return nil
	}
	c.stmts[query] = st
	return st
}

// close releases the statements; a nil store's is a no-op.
func (c *compiled) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
}

// compiledIn is query compiled for tx's connection, or nil when tx is not
// a file store's write transaction.
func compiledIn(tx *gorm.DB, query string) *sql.Stmt {
	v, _ := tx.Get(compiledKey)
	c, _ := v.(*compiled)
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	if c == nil || !ok {
		return nil
	}
	st := c.stmt(query)
	if st == nil {
		return nil
	}
	c.ran.Add(1)
	return sqlTx.StmtContext(tx.Statement.Context, st)
}

// execIn runs a statement in tx, compiled once where the store keeps it,
// else through the ORM; errors read as the ORM's would.
func execIn(tx *gorm.DB, query string, args ...any) error {
	st := compiledIn(tx, query)
	if st == nil {
		return tx.Exec(query, args...).Error
	}
	_, err := st.ExecContext(tx.Statement.Context, args...)
	return ormError(tx, err)
}

// rowIn runs a query of one row in tx, compiled once where the store keeps
// it, else through the ORM. Its error is the driver's: see ormError.
func rowIn(tx *gorm.DB, query string, args ...any) *sql.Row {
	if st := compiledIn(tx, query); st != nil {
		return st.QueryRowContext(tx.Statement.Context, args...)
	}
	return tx.Raw(query, args...).Row()
}

// ormError is a driver's error as the ORM's own statements report it: a
// clash or a missing link by its kind.
func ormError(tx *gorm.DB, err error) error {
	if t, ok := tx.Dialector.(gorm.ErrorTranslator); ok && err != nil {
		return t.Translate(err)
	}
	return err
}
