// Package testserver gives tests a fresh PostgreSQL database on the
// throwaway server `make test` starts (.ci/postgres). Tests use it to run
// the same cases on both engines.
package testserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Env names the server's URL; make test sets it.
const Env = "CXCOMMITTEE_TEST_POSTGRES"

// Available reports whether a test server is configured. When make test
// requires one (CXCOMMITTEE_REQUIRE_POSTGRES) and none is, it fails t.
func Available(t testing.TB) bool {
	t.Helper()
	if os.Getenv(Env) != "" {
		return true
	}
	if os.Getenv("CXCOMMITTEE_REQUIRE_POSTGRES") != "" {
		t.Fatalf("%s is not set; make test starts a PostgreSQL server and sets it", Env)
	}
	return false
}

// Database creates an empty database on the test server and returns its
// URL; it is dropped when the test ends. Without a server the test is
// skipped (see Available).
func Database(t testing.TB) string {
	t.Helper()
	if !Available(t) {
		t.Skip("no PostgreSQL test server (make test starts one)")
	}
	admin := os.Getenv(Env)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("test server: %v", err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "cx_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("test server: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
