package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// keepDaily is how many automatic daily backups are kept; backups made
// before an upgrade or a restore, and by hand, are never removed.
const keepDaily = 7

// BackupsDir is the folder beside the database that holds its backups.
func (s *Store) BackupsDir() string {
	if s.OnServer() {
		return ""
	}
	return filepath.Join(filepath.Dir(s.path), "backups")
}

// backupName names a backup of this database: its base name, the time and
// why it was made, e.g. committee-2026-11-23-0915-schema1-before-upgrade.db.
func (s *Store) backupName(label string, at time.Time) string {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	return filepath.Join(s.BackupsDir(), fmt.Sprintf("%s-%s-%s.db", base, at.Format("2006-01-02-150405"), label))
}

// Backup writes a consistent copy of the database (including work still in
// the journal) into the backups folder and returns its path. label says why
// it was made.
func (s *Store) Backup(ctx context.Context, label string) (string, error) {
	if err := s.fileOnly("backups"); err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.BackupsDir(), 0o755); err != nil {
		return "", fmt.Errorf("cannot create the backups folder: %w", UnwrapPath(err))
	}
	name := s.backupName(label, s.now())
	return name, s.BackupTo(ctx, name)
}

// BackupTo writes a consistent copy of the database to file, which must not
// be the database itself. It works while another program writes: the copy
// is one snapshot. The copy is written beside file and renamed into place,
// so a failure leaves no half copy and an existing file as it was.
func (s *Store) BackupTo(ctx context.Context, file string) error {
	if err := s.fileOnly("backups"); err != nil {
		return err
	}
	if same, _ := sameFile(file, s.path); same {
		return fmt.Errorf("%s is the database itself; choose another file for the backup", file)
	}
	if info, err := os.Stat(file); err == nil {
		switch {
		case info.IsDir():
			return fmt.Errorf("%s is a folder; give a file name for the backup", file)
		case checkHeader(file, info.Size()) != nil || info.Size() == 0:
			return fmt.Errorf("%s exists and is not a database backup, so it was not replaced; choose another name", file)
		case exists(file+"-wal") || exists(file+"-journal"):
			return fmt.Errorf("%s is a database in use, so it was not replaced; choose another name", file)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".partial-*")
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", UnwrapPath(err))
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO wants to create the file itself
	defer os.Remove(tmpName)
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", tmpName).Error; err != nil {
		return fmt.Errorf("cannot write the backup: %w", translate(err, nil))
	}
	if err := syncFile(tmpName); err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	if err := os.Rename(tmpName, file); err != nil {
		return fmt.Errorf("cannot write the backup: %w", UnwrapPath(err))
	}
	return nil
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return UnwrapPath(err)
	}
	defer f.Close()
	return f.Sync()
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

// dailyBackup keeps one automatic backup per day: on the first open of a
// day with data in it, and keeps the last keepDaily of them. It returns the
// new backup's path, or "" when none was needed.
func (s *Store) dailyBackup(ctx context.Context) (string, error) {
	if s.OnServer() {
		return "", nil
	}
	if empty, err := s.IsEmpty(); err != nil || empty {
		return "", err
	}
	today := s.now().Format("2006-01-02")
	daily, err := s.backups("-daily.db")
	if err != nil {
		return "", err
	}
	for _, b := range daily {
		if strings.Contains(filepath.Base(b.Path), "-"+today+"-") {
			return "", nil
		}
	}
	name, err := s.Backup(ctx, "daily")
	if err != nil {
		return "", fmt.Errorf("today's automatic backup could not be made (%w); make one with Back up now once this is fixed", err)
	}
	daily, err = s.backups("-daily.db")
	if err != nil {
		return name, err
	}
	for i := 0; i < len(daily)-keepDaily; i++ {
		os.Remove(daily[i].Path)
	}
	return name, nil
}

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path string
	Made time.Time
}

// Backups lists this database's backups, oldest first.
func (s *Store) Backups() ([]BackupFile, error) { return s.backups(".db") }

func (s *Store) backups(suffix string) ([]BackupFile, error) {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + "-"
	entries, err := os.ReadDir(s.BackupsDir())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the backups folder: %w", UnwrapPath(err))
	}
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, base) || !strings.HasSuffix(name, suffix) {
			continue
		}
		stamp := strings.TrimPrefix(name, base)
		if len(stamp) < len("2006-01-02-150405") {
			continue
		}
		made, err := time.ParseInLocation("2006-01-02-150405", stamp[:len("2006-01-02-150405")], time.Local)
		if err != nil {
			continue
		}
		out = append(out, BackupFile{Path: filepath.Join(s.BackupsDir(), name), Made: made})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Made.Before(out[j].Made) })
	return out, nil
}

// Restore replaces the committee with the one in file, after checking that
// file is a sound CX Committee database this build can read, and after
// backing up the current one (whose path it returns). The copy is made by
// SQLite's online backup in one step, so other readers see either the old
// committee or the new one, never a mixture. An older file is then upgraded.
func (s *Store) Restore(ctx context.Context, file string) (string, error) {
	if err := s.fileOnly("restore"); err != nil {
		return "", err
	}
	if err := s.writable(); err != nil {
		return "", err
	}
	if same, _ := sameFile(file, s.path); same {
		return "", fmt.Errorf("%s is the database itself", file)
	}
	src, err := restoreSource(ctx, file)
	if err != nil {
		return "", err
	}
	defer src.Close()
	if from, to := pageSize(src), pageSize(s); from != to {
		return "", fmt.Errorf("cannot restore from %s: its pages are %d bytes and this database's %d; restore it with `cxcommittee restore` into a new --db path, then use that file", file, from, to)
	}
	saved, err := s.Backup(ctx, "before-restore")
	if err != nil {
		return "", fmt.Errorf("the current committee could not be backed up, so nothing was restored: %w", err)
	}
	if err := copyDatabase(ctx, src, s); err != nil {
		return saved, fmt.Errorf("the restore failed and the committee was left as it was: %w", err)
	}
	s.touch()
	s.schema = src.schema
	if err := s.upgradeFrom(ctx, fileState{exists: true, tables: []string{"programs"}, version: src.schema}); err != nil {
		return saved, err
	}
	return saved, nil
}

// isDamaged reports whether an open failed because the file is corrupt,
// by the driver's code: busy, full or read-only files are not damaged.
func isDamaged(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// restoreSource opens a file to restore from: a CX Committee database of a
// schema this build knows that passes SQLite's integrity check.
func restoreSource(ctx context.Context, file string) (*Store, error) {
	src, err := open(ctx, file, openCopy)
	if err != nil {
		return nil, fmt.Errorf("cannot restore from %s: %w", file, err)
	}
	if verdict, err := src.Integrity(); err != nil || verdict != "ok" {
		src.Close()
		return nil, fmt.Errorf("cannot restore from %s: it failed its integrity check (%s)", file, firstNonEmpty(verdict, fmt.Sprint(err)))
	}
	return src, nil
}

// copyDatabase copies every page of src over dst with SQLite's backup API,
// in a single step (one write transaction on dst).
func copyDatabase(ctx context.Context, src, dst *Store) error {
	srcDB, err := src.db.DB()
	if err != nil {
		return err
	}
	dstDB, err := dst.db.DB()
	if err != nil {
		return err
	}
	srcConn, err := srcDB.Conn(ctx)
	if err != nil {
		return translate(err, nil)
	}
	defer srcConn.Close()
	dstConn, err := dstDB.Conn(ctx)
	if err != nil {
		return translate(err, nil)
	}
	defer dstConn.Close()
	return dstConn.Raw(func(d any) error {
		return srcConn.Raw(func(sc any) error {
			to, ok1 := d.(*sqlite3.SQLiteConn)
			from, ok2 := sc.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("the database driver does not offer SQLite's backup")
			}
			b, err := to.Backup("main", from, "main")
			if err != nil {
				return translate(err, nil)
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return translate(err, nil)
			}
			return translate(b.Finish(), nil)
		})
	})
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// OpenToCopy opens a database of any schema this build knows, read-only and
// without upgrading it: for backups.
func OpenToCopy(path string) (*Store, error) {
	return open(context.Background(), path, openCopy)
}

// RestoreInto restores the committee at path from file and returns where
// the committee it replaced was saved. A missing database is created; one
// too damaged to open is moved into the backups folder whole and the copy
// takes its place. A newer database, or another program's file, is refused.
func RestoreInto(ctx context.Context, path, file string) (string, error) {
	s, err := Open(path)
	if err == nil {
		defer s.Close()
		return s.Restore(ctx, file)
	}
	if !isDamaged(err) {
		return "", err
	}
	src, err := restoreSource(ctx, file)
	if err != nil {
		return "", err
	}
	defer src.Close()
	damaged := &Store{path: path, now: time.Now}
	if err := os.MkdirAll(damaged.BackupsDir(), 0o755); err != nil {
		return "", fmt.Errorf("cannot create the backups folder: %w", UnwrapPath(err))
	}
	saved := damaged.backupName("damaged", time.Now())
	if err := src.BackupTo(ctx, path+".restoring"); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-journal", "-wal", "-shm", ""} {
		if !exists(path + suffix) {
			continue
		}
		if err := os.Rename(path+suffix, saved+suffix); err != nil {
			os.Remove(path + ".restoring")
			return "", fmt.Errorf("cannot move the damaged database aside (restore with nothing else using it): %w", UnwrapPath(err))
		}
	}
	if err := os.Rename(path+".restoring", path); err != nil {
		return saved, fmt.Errorf("cannot put the restored database in place (the damaged one is in %s): %w", saved, UnwrapPath(err))
	}
	s, err = Open(path)
	if err != nil {
		return saved, err
	}
	return saved, s.Close()
}

// pageSize is the database's page size in bytes.
func pageSize(s *Store) int {
	var n int
	s.db.Raw("PRAGMA page_size").Scan(&n)
	return n
}

// fileOnly refuses what only a database file supports on a server, whose
// administrator keeps its backups (pg_dump).
func (s *Store) fileOnly(what string) error {
	if s.OnServer() {
		return fmt.Errorf("this app does no %s of a shared database: the server's administrator keeps its backups (pg_dump, pg_restore); cxcommittee copy moves a committee to a file", what)
	}
	return nil
}
