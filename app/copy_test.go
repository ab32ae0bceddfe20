package app

import (
	"context"

	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"cxcommittee/models"
)

// checkText is what `check` reports, as comparable values.
func checkText(t *testing.T, s *Store) CheckResult {
	t.Helper()
	r, err := s.Check(models.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCopyBetweenEnginesKeepsEveryRow(t *testing.T) {
	ctx := context.Background()
	server, file := serverOnly(), engines()[0]
	orig := file.demo(t, "2026-11-23")
	// A deleted record's id must not be given again by the copy.
	if err := Delete[models.Decision](orig, 9); err != nil {
		t.Fatal(err)
	}
	want := checkText(t, orig)

	onServer := server.open(t)
	counts, err := Copy(ctx, orig, onServer)
	if err != nil {
		t.Fatalf("file to server: %v", err)
	}
	back := file.open(t)
	again, err := Copy(ctx, onServer, back)
	if err != nil {
		t.Fatalf("server to file: %v", err)
	}
	withoutHistory := func(cs []TableCount) []TableCount {
		var out []TableCount
		for _, c := range cs {
			if c.Table != "history" {
				out = append(out, c)
			}
		}
		return out
	}
	if !reflect.DeepEqual(withoutHistory(counts), withoutHistory(again)) {
		t.Errorf("row counts differ:\nthere %v\nback  %v", counts, again)
	}
	h, err := onServer.History(HistoryFilter{Kind: models.RecordInitiative, ID: 1})
	if err != nil || len(h) == 0 || h[len(h)-1].Why != models.WhyCopy || !strings.Contains(h[len(h)-1].New, "copied from") {
		t.Errorf("the copy's history does not say where it came from: %+v %v", h, err)
	}
	for _, c := range counts {
		var n int64
		if err := orig.db.Table(c.Table).Count(&n).Error; err != nil || n != c.Rows {
			t.Errorf("%s: copied %d rows, the original holds %d (%v)", c.Table, c.Rows, n, err)
		}
	}
	for name, s := range map[string]*Store{"server": onServer, "file": back} {
		if got := checkText(t, s); !reflect.DeepEqual(got, want) {
			t.Errorf("check on the %s copy differs:\n got %+v\nwant %+v", name, got, want)
		}
		d := models.Decision{Statement: "A new decision after the copy", Status: models.DecisionProposed}
		if err := Create(s, &d); err != nil || d.ID <= 9 {
			t.Errorf("new decision on the %s copy got id %d (%v), want one above every id the original gave", name, d.ID, err)
		}
	}
	if _, err := Copy(ctx, orig, onServer); err == nil || !strings.Contains(err.Error(), "already holds data") {
		t.Errorf("copy into a database with data: %v", err)
	}
}

func TestCopyRefusesValuesItCannotKeep(t *testing.T) {
	s := demoStore(t, "2026-11-23")
	rawExec(t, s, "UPDATE initiatives SET due_date = '23/11/2026' WHERE id = 1")
	dst := openTemp(t)
	if _, err := Copy(context.Background(), s, dst); err == nil || !strings.Contains(err.Error(), "cannot use") {
		t.Errorf("copy with a bad stored value: %v", err)
	}
	if empty, _ := dst.IsEmpty(); !empty {
		t.Error("a refused copy wrote rows")
	}
}

// Two desks on one server: both edit the same initiative and the same
// meeting. No update is lost, the stale edit is refused as a conflict, and
// each desk sees the other's change.
func TestTwoDesksOnOneServer(t *testing.T) {
	a, b := twoDesks(t, serverOnly().db(t))
	onA, _ := Get[models.Initiative](a, 1)
	onB, _ := Get[models.Initiative](b, 1)
	onA.Description = "changed on desk A"
	if err := Update(a, &onA); err != nil {
		t.Fatal(err)
	}
	onB.Description = "changed on desk B from a stale copy"
	if err := Update(b, &onB); !errors.Is(err, ErrConflict) {
		t.Fatalf("the stale edit on desk B: %v, want a conflict", err)
	}
	seen, _ := Get[models.Initiative](b, 1)
	if seen.Description != "changed on desk A" {
		t.Errorf("desk B sees %q, want desk A's change", seen.Description)
	}
	// Both desks post updates and take attendance at the same time: none is lost.
	meetings, _ := List[models.Meeting](a, "date DESC")
	planned := meetings[0]
	members, _ := List[models.Member](a, "id")
	done := make(chan error, 2*len(members))
	for i, m := range members {
		desk := []*Store{a, b}[i%2]
		go func(desk *Store, id uint) {
			done <- desk.SetAttendance(planned.ID, id, models.AttendancePresent, nil)
		}(desk, m.ID)
		go func(desk *Store, n int) {
			u := models.StatusUpdate{InitiativeID: 2, Date: models.MustDate("2026-11-20"), AuthorID: models.Ptr(uint(1)),
				Health: models.HealthGreen, PercentComplete: n, Note: "desk update"}
			done <- desk.PostStatusUpdate(&u)
		}(desk, 50+i)
	}
	for range 2 * len(members) {
		if err := <-done; err != nil {
			t.Errorf("a concurrent write failed: %v", err)
		}
	}
	atts, err := b.Attendance(planned.ID)
	if err != nil || len(atts) != len(members) {
		t.Errorf("desk B sees %d attendance records, want %d (%v)", len(atts), len(members), err)
	}
	var n int64
	a.db.Model(&models.StatusUpdate{}).Where("initiative_id = 2 AND note = 'desk update'").Count(&n)
	if int(n) != len(members) {
		t.Errorf("%d of %d concurrent status updates were kept", n, len(members))
	}
}

// A change saved on one desk reaches the other within seconds.
func TestOtherDesksHearOfChanges(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		a, b := twoDesks(t, e.db(t))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		heard := make(chan struct{}, 10)
		if err := b.Watch(ctx, func() { heard <- struct{}{} }); err != nil {
			t.Fatal(err)
		}
		d := models.Department{Name: "Legal services"}
		if err := Create(a, &d); err != nil {
			t.Fatal(err)
		}
		select {
		case <-heard:
		case <-time.After(5 * time.Second):
			t.Fatal("desk B did not hear of desk A's change within 5 seconds")
		}
	})
}

// On a server, a member whose Login is the connection's login is known
// without asking, and their writes are recorded under them.
func TestServerLoginNamesTheMember(t *testing.T) {
	db := serverOnly().db(t)
	admin, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := admin.LoadDemo(models.MustDate("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(db)
	if err != nil {
		t.Fatal(err)
	}
	role := "priya_" + strings.TrimPrefix(strings.TrimPrefix(u.Path, "/"), "cx_") // one role per test database
	for _, q := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role,
		"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role,
		"UPDATE members SET login = '" + role + "' WHERE name = 'Priya Shah'",
	} {
		if err := admin.db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() { admin.db.Exec("DROP OWNED BY " + role); admin.db.Exec("DROP ROLE " + role) })
	u.User = url.User(role)
	asPriya := u.String()
	s, err := Open(asPriya)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if a := s.Actor(); a == nil || a.Name != "Priya Shah" {
		t.Fatalf("the login %s is known as %+v, want Priya Shah", role, a)
	}
	d := models.Department{Name: "Legal services"}
	if err := Create(s, &d); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(HistoryFilter{Kind: models.RecordDepartment, ID: d.ID})
	if len(h) != 1 || h[0].Author != "Priya Shah" {
		t.Errorf("the change was recorded as %+v", h)
	}
}

// serverOnly returns the server engine.
func serverOnly() engine {
	for _, e := range engines() {
		if e.name == "server" {
			return e
		}
	}
	panic("no server engine")
}

// A server database made at an earlier schema is upgraded on open.
func TestServerDatabaseIsUpgradedFromAnEarlierSchema(t *testing.T) {
	db := serverOnly().db(t)
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ALTER TABLE members DROP COLUMN login", "DROP TABLE pack_imports", "DROP TABLE action_reviews",
		"ALTER TABLE agenda_items DROP COLUMN notes", "ALTER TABLE agenda_items DROP COLUMN status", "ALTER TABLE meetings DROP COLUMN summary",
		"UPDATE " + schemaTable + " SET version = 3"} {
		if err := s.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if _, err := OpenReadOnly(db); !errors.Is(err, ErrOlderSchema) {
		t.Errorf("a read-only open of schema 3: %v, want a pointer to migrate", err)
	}
	up, err := Open(db)
	if err != nil {
		t.Fatalf("upgrading from schema 3: %v", err)
	}
	defer up.Close()
	if up.SchemaVersion() != LatestSchema || len(up.Upgraded) != LatestSchema-3 {
		t.Errorf("schema %d after the upgrade, steps %v", up.SchemaVersion(), up.Upgraded)
	}
	m := models.Member{Name: "Ann", Email: "ann@example.org", Role: models.RoleMember, Login: "ann"}
	if err := Create(up, &m); err != nil {
		t.Errorf("the upgraded tables: %v", err)
	}
}

// Serialization failures are retried without leaving records half-saved.
func TestSerializableClashesAreRetried(t *testing.T) {
	db := serverOnly().db(t)
	a, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.LoadDemo(models.MustDate("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(db)
	if err := a.db.Exec("ALTER DATABASE " + strings.TrimPrefix(u.Path, "/") + " SET default_transaction_isolation = 'serializable'").Error; err != nil {
		t.Fatal(err)
	}
	desks := []*Store{}
	for range 2 {
		s, err := Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		desks = append(desks, s)
	}
	errs := make(chan error, 40)
	for i := range 40 {
		go func(s *Store, n int) {
			u := models.StatusUpdate{InitiativeID: 2, Date: models.MustDate("2026-11-24"), AuthorID: models.Ptr(uint(1)),
				Health: models.HealthGreen, PercentComplete: n % 100, Note: "clash"}
			errs <- s.PostStatusUpdate(&u)
		}(desks[i%2], i)
	}
	failed := 0
	for range 40 {
		if err := <-errs; err != nil {
			failed++
			if !strings.Contains(err.Error(), "clashed") {
				t.Errorf("a clash ended in %v", err)
			}
		}
	}
	var n int64
	a.db.Model(&models.StatusUpdate{}).Where("note = 'clash'").Count(&n)
	if int(n)+failed != 40 {
		t.Errorf("%d saved and %d refused of 40", n, failed)
	}
	if failed == 40 {
		t.Error("every concurrent update failed: the retries never succeeded")
	}
}

// A zero that the model allows survives a copy (GORM would put defaults).
func TestCopyKeepsZeroValues(t *testing.T) {
	src := demoStore(t, "2026-11-23")
	rawExec(t, src, "UPDATE programs SET quorum_percent = 0")
	dst := serverOnly().open(t)
	if _, err := Copy(context.Background(), src, dst); err != nil {
		t.Fatal(err)
	}
	p, _, _ := dst.Settings()
	if p.QuorumPercent != 0 {
		t.Errorf("quorum 0%% became %d%%", p.QuorumPercent)
	}
}

// A server database holding another program's tables with the committee's
// names is refused, not altered.
func TestServerDatabaseOfAnotherProgramIsRefused(t *testing.T) {
	db := serverOnly().db(t)
	conn, err := pgx.Connect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(context.Background(), "CREATE TABLE members (id serial primary key, login text)")
	conn.Close(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Open(db); err == nil || !strings.Contains(err.Error(), "another program's tables named like the committee's (members)") {
		if s != nil {
			s.Close()
		}
		t.Errorf("opening a database with another program's members table: %v", err)
	}
}

// twoDesks opens one database twice, as two desks would; the first loads
// the sample committee.
func twoDesks(t *testing.T, db string) (*Store, *Store) {
	t.Helper()
	open := func() *Store {
		s, err := Open(db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a := open()
	if err := a.LoadDemo(models.MustDate("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	return a, open()
}
