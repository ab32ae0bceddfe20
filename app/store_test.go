package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cxcommittee/models"
)

// openTemp opens a fresh database file in the test's temp folder.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "committee.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// demoStore opens a fresh database holding the sample committee.
func demoStore(t *testing.T, asOf string) *Store {
	t.Helper()
	s := openTemp(t)
	if err := s.LoadDemo(models.MustDate(asOf)); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	return s
}

func TestOpenRefusesFilesThatAreNotDatabases(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	content := []byte("these are my meeting notes, not a database\n")
	if err := os.WriteFile(text, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(text)
	if !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("Open(text file) = %v, want ErrNotDatabase", err)
	}
	if got, _ := os.ReadFile(text); string(got) != string(content) {
		t.Error("the text file was changed")
	}
	if _, err := os.Stat(text + "-wal"); !os.IsNotExist(err) {
		t.Error("a WAL file was created beside the text file")
	}

	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("Open(folder) = %v, want a folder error", err)
	}
	if _, err := Open(filepath.Join(text, "sub", "committee.db")); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Open(under a file) = %v, want a folder error", err)
	}
}

func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// Make it look like someone else's database: only a foreign table.
	for _, m := range allModels() {
		if err := s.db.Migrator().DropTable(m); err != nil {
			t.Fatal(err)
		}
	}
	s.db.Exec("DROP TABLE initiative_targets")
	s.db.Exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
	s.Close()
	if _, err := Open(path); !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("Open(other program's db) = %v, want ErrNotDatabase", err)
	}
}

func TestOpenCreatesFolderAndStoresReadableValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "er", "committee.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadDemo(models.MustDate("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	var status, start string
	if err := s.db.Raw("SELECT status, start_date || '' FROM initiatives WHERE title = 'Complaint root-cause reviews'").Row().Scan(&status, &start); err != nil {
		t.Fatal(err)
	}
	if status != "on hold" || start != "2026-05-27" {
		t.Errorf("stored status %q start %q; want lower-case words and an ISO date", status, start)
	}
	var fk, journal string
	s.db.Raw("PRAGMA foreign_keys").Row().Scan(&fk)
	s.db.Raw("PRAGMA journal_mode").Row().Scan(&journal)
	if fk != "1" || journal != "wal" {
		t.Errorf("foreign_keys=%s journal_mode=%s, want 1 and wal", fk, journal)
	}
}

func TestCreateUpdateDeleteWithValidation(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.open(t)
		d := models.Department{Name: "IT", Head: "Mei"}
		if err := Create(s, &d); err != nil {
			t.Fatal(err)
		}
		if d.ID == 0 || d.Version != 1 {
			t.Fatalf("after create: id %d version %d", d.ID, d.Version)
		}
		bad := models.Department{Name: " "}
		var fe *models.FieldError
		if err := Create(s, &bad); !errors.As(err, &fe) || fe.Message != "department name is required" {
			t.Errorf("blank name: %v", err)
		}
		dup := models.Department{Name: "IT"}
		var de *DuplicateError
		if err := Create(s, &dup); !errors.As(err, &de) || de.Message != "a department named IT already exists" {
			t.Errorf("duplicate: %v", err)
		}
		d.Head = ""
		if err := Update(s, &d); err != nil {
			t.Fatal(err)
		}
		got, err := Get[models.Department](s, d.ID)
		if err != nil || got.Head != "" || got.Version != 2 {
			t.Errorf("update to an empty head did not stick: %+v %v", got, err)
		}
		if err := Delete[models.Department](s, d.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := Get[models.Department](s, d.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("after delete: %v", err)
		}
		if err := Delete[models.Department](s, d.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
	})
}

func TestDuplicateMemberEmail(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.open(t)
		a := models.Member{Name: "Ann", Email: "ann@x.org", Role: models.RoleMember}
		if err := Create(s, &a); err != nil {
			t.Fatal(err)
		}
		b := models.Member{Name: "Ann Other", Email: "ann@x.org", Role: models.RoleGuest}
		err := Create(s, &b)
		if err == nil || err.Error() != "a member with email ann@x.org already exists" {
			t.Errorf("got %v", err)
		}
		if b.Version != 0 {
			t.Errorf("a failed create left version %d", b.Version)
		}
	})
}

func TestStaleVersionIsAConflictNotAnOverwrite(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.open(t)
		j := models.Journey{Name: "Onboarding", Priority: 1}
		if err := Create(s, &j); err != nil {
			t.Fatal(err)
		}
		mine, _ := Get[models.Journey](s, j.ID)
		theirs, _ := Get[models.Journey](s, j.ID)
		theirs.Description = "their change"
		if err := Update(s, &theirs); err != nil {
			t.Fatal(err)
		}
		mine.Description = "my change"
		err := Update(s, &mine)
		if !errors.Is(err, ErrConflict) {
			t.Fatalf("stale update = %v, want ErrConflict", err)
		}
		if !strings.Contains(err.Error(), "reload") {
			t.Errorf("conflict message %q does not say what to do", err)
		}
		if mine.Version != 1 {
			t.Errorf("failed update moved the version to %d", mine.Version)
		}
		stored, _ := Get[models.Journey](s, j.ID)
		if stored.Description != "their change" {
			t.Errorf("stored %q; the earlier save was overwritten", stored.Description)
		}
	})
}

func TestPostStatusUpdateMovesInitiativeInOneTransaction(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var ini models.Initiative
		s.db.Where("title = ?", "Bill shock alerts").First(&ini)
		before, _ := s.StatusUpdates(ini.ID)
		author := uint(3)
		u := models.StatusUpdate{InitiativeID: ini.ID, Date: models.MustDate("2026-11-23"), AuthorID: &author,
			Health: models.HealthAmber, PercentComplete: 45, Note: "Gateway passed review on retest."}
		if err := s.PostStatusUpdate(&u); err != nil {
			t.Fatal(err)
		}
		after, _ := Get[models.Initiative](s, ini.ID)
		if after.Health != models.HealthAmber || after.PercentComplete != 45 || after.HealthReason != u.Note {
			t.Errorf("initiative not moved: %s %d %q", after.Health, after.PercentComplete, after.HealthReason)
		}
		if after.Version != ini.Version+1 {
			t.Errorf("version %d, want %d so open editors see the change", after.Version, ini.Version+1)
		}
		hist, _ := s.StatusUpdates(ini.ID)
		if len(hist) != len(before)+1 || hist[0].ID != u.ID {
			t.Errorf("history has %d updates, want %d with the new one first", len(hist), len(before)+1)
		}

		// A back-dated update joins the history but does not replace the current state.
		old := models.StatusUpdate{InitiativeID: ini.ID, Date: models.MustDate("2026-11-01"), AuthorID: &author,
			Health: models.HealthRed, PercentComplete: 10, Note: "Late entry"}
		if err := s.PostStatusUpdate(&old); err != nil {
			t.Fatal(err)
		}
		now, _ := Get[models.Initiative](s, ini.ID)
		if now.Health != models.HealthAmber || now.PercentComplete != 45 {
			t.Errorf("back-dated update overwrote the current state: %s %d", now.Health, now.PercentComplete)
		}

		// An invalid update changes nothing.
		bad := models.StatusUpdate{InitiativeID: ini.ID, Date: models.MustDate("2026-11-24"), AuthorID: &author, Health: models.HealthRed, PercentComplete: 50}
		if err := s.PostStatusUpdate(&bad); err == nil {
			t.Fatal("red update without a note was accepted")
		}
		if final, _ := Get[models.Initiative](s, ini.ID); final.Health != models.HealthAmber {
			t.Error("a refused update changed the initiative")
		}
	})
}

func TestRecordMeasurementChecksScale(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var nps models.Target
		s.db.Where("name = ?", "Net Promoter Score").First(&nps)
		m := models.Measurement{TargetID: nps.ID, Date: models.MustDate("2026-11-23"), Value: 140}
		if err := s.RecordMeasurement(&m); err == nil || err.Error() != "measured value 140 is above the scale maximum 100" {
			t.Errorf("out of scale: %v", err)
		}
		m.Value = 31
		if err := s.RecordMeasurement(&m); err != nil {
			t.Fatal(err)
		}
		rows, _ := s.Scorecard(models.MustDate("2026-11-23"))
		for _, r := range rows {
			if r.Target.ID == nps.ID && (r.Reading.Current != 31 || r.Reading.CurrentOn != m.Date) {
				t.Errorf("scorecard reads %v on %s, want the new measurement", r.Reading.Current, r.Reading.CurrentOn)
			}
		}
	})
}

func TestSaveTargetRefusesHierarchyLoop(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var churn, fcr models.Target
		s.db.Where("name = ?", "Customer churn rate").First(&churn)
		s.db.Where("name = ?", "First-contact resolution").First(&fcr)
		churn.ParentID = &fcr.ID // churn <- NPS <- FCR, so FCR above churn loops
		err := s.SaveTarget(&churn)
		var fe *models.FieldError
		if !errors.As(err, &fe) || fe.Field != "ParentID" {
			t.Errorf("loop accepted or wrong error: %v", err)
		}
	})
}

func TestSaveInitiativeLinksTargets(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		i := models.Initiative{Title: "Chat in the app", Status: models.InitiativeProposed, Health: models.HealthGreen}
		if err := s.SaveInitiative(&i, []uint{1, 3}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveInitiative(&i, []uint{2}); err != nil {
			t.Fatal(err)
		}
		var ids []uint
		s.db.Table("initiative_targets").Where("initiative_id = ?", i.ID).Pluck("target_id", &ids)
		if len(ids) != 1 || ids[0] != 2 {
			t.Errorf("linked targets %v, want [2]", ids)
		}
		if err := s.SaveInitiative(&models.Initiative{Title: "Bad link", Status: models.InitiativeProposed, Health: models.HealthGreen}, []uint{999}); err == nil {
			t.Error("a link to a missing target was accepted")
		}
		var n int64
		s.db.Model(&models.Initiative{}).Where("title = ?", "Bad link").Count(&n)
		if n != 0 {
			t.Error("the initiative of a failed save was kept: the transaction is not atomic")
		}
	})
}

func TestDeletingAnInitiativeKeepsOtherHistory(t *testing.T) {
	onEngines(t, func(t *testing.T, e engine) {
		s := e.demo(t, "2026-11-23")
		var ini models.Initiative
		s.db.Where("title = ?", "Payment plans for customers in difficulty").First(&ini)
		if err := Delete[models.Initiative](s, ini.ID); err != nil {
			t.Fatal(err)
		}
		var updates, actions, links int64
		s.db.Model(&models.StatusUpdate{}).Where("initiative_id = ?", ini.ID).Count(&updates)
		s.db.Model(&models.ActionItem{}).Where("description = ?", "Draft the payment-plan policy with Legal").Count(&actions)
		s.db.Table("initiative_targets").Where("initiative_id = ?", ini.ID).Count(&links)
		if updates != 0 || links != 0 {
			t.Errorf("status updates %d, target links %d left behind", updates, links)
		}
		if actions != 1 {
			t.Error("the initiative's action was deleted; it should only lose the link")
		}
	})
}
