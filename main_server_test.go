package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cxcommittee/app/testserver"
)

// The command line works the same on a file and on a shared server.
func TestCommandsOnAServerMatchAFile(t *testing.T) {
	server := testserver.Database(t)
	file := filepath.Join(t.TempDir(), "committee.db")
	out := map[string]map[string]string{}
	for name, db := range map[string]string{"file": file, "server": server} {
		out[name] = map[string]string{}
		if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
			t.Fatalf("demo on the %s: %s", name, e)
		}
		for _, cmd := range []string{"check", "agenda"} {
			text, e, code := cli(t, cmd, "--db", db, "--as-of", "2026-11-23")
			if code != 0 {
				t.Fatalf("%s on the %s: exit %d %s", cmd, name, code, e)
			}
			out[name][cmd] = text
		}
	}
	for _, cmd := range []string{"check", "agenda"} {
		if out["file"][cmd] != out["server"][cmd] {
			t.Errorf("%s prints differently on the server:\n%s\nfile:\n%s", cmd, out["server"][cmd], out["file"][cmd])
		}
	}
	_, errOut, code := cli(t, "demo", "--db", server)
	wantOneLineError(t, errOut, code, 1, "already holds data")
}

func TestReportFromAServerOpensInLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice is not installed (TestReportOpensInLibreOffice says so when required)")
	}
	db := testserver.Database(t)
	dir := t.TempDir()
	if _, e, code := cli(t, "demo", "--db", db, "--as-of", "2026-11-23"); code != 0 {
		t.Fatal(e)
	}
	xlsx := filepath.Join(dir, "status.xlsx")
	if _, e, code := cli(t, "report", "--db", db, "-o", xlsx, "--as-of", "2026-11-23"); code != 0 {
		t.Fatal(e)
	}
	convert := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx)
	convert.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := convert.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v %s", err, msg)
	}
	if info, err := os.Stat(filepath.Join(dir, "status.pdf")); err != nil || info.Size() == 0 {
		t.Errorf("LibreOffice did not open the report from the server: %v", err)
	}
}

func TestCopyBothWaysKeepsCheck(t *testing.T) {
	dir := t.TempDir()
	file, back := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	server := testserver.Database(t)
	if _, e, code := cli(t, "demo", "--db", file, "--as-of", "2026-11-23"); code != 0 {
		t.Fatal(e)
	}
	want, _, _ := cli(t, "check", "--db", file, "--as-of", "2026-11-23")
	out, e, code := cli(t, "copy", "--from", file, "--to", server)
	if code != 0 || !strings.Contains(out, "measurements") || !strings.Contains(out, "96") {
		t.Fatalf("copy to the server: exit %d %q %s", code, out, e)
	}
	if _, e, code := cli(t, "copy", "--from", server, "--to", back); code != 0 {
		t.Fatalf("copy back: %s", e)
	}
	for _, db := range []string{server, back} {
		if got, _, _ := cli(t, "check", "--db", db, "--as-of", "2026-11-23"); got != want {
			t.Errorf("check on the copy %s differs:\n%s\nwant\n%s", db, got, want)
		}
	}
	_, errOut, code := cli(t, "copy", "--from", file)
	wantOneLineError(t, errOut, code, 2, "copy needs --from DB and --to DB")
}

func TestServerErrorsNeverPrintThePassword(t *testing.T) {
	for _, db := range []string{
		"postgres://cx:s3cret-pw@127.0.0.1:1/committee?connect_timeout=2",
		"postgresql://cx@127.0.0.1:1/committee?password=s3cret-pw&connect_timeout=2",
	} {
		_, errOut, code := cli(t, "check", "--db", db)
		wantOneLineError(t, errOut, code, 1, "cannot reach the database server")
		if strings.Contains(errOut, "s3cret-pw") {
			t.Errorf("the password was printed: %s", errOut)
		}
	}
}

func TestHistoryCommand(t *testing.T) {
	for name, db := range map[string]string{"file": filepath.Join(t.TempDir(), "c.db"), "server": testserver.Database(t)} {
		if _, e, code := cli(t, "demo", "--db", db, "--as", "Claire Donovan", "--as-of", "2026-11-23"); code != 0 {
			t.Fatalf("demo on the %s: %s", name, e)
		}
		out, e, code := cli(t, "history", "--db", db, "--record", "initiative:3", "--by", "claire donovan")
		if code != 0 || !strings.Contains(out, `Claire Donovan  initiative #3 "Bill shock alerts"  created  (demo)`) {
			t.Errorf("history on the %s: exit %d %q %s", name, code, out, e)
		}
	}
	_, errOut, code := cli(t, "history", "--record", "initiative")
	wantOneLineError(t, errOut, code, 2, "KIND:ID")
}

func TestMigrateAndDemoOnAServerNeverPrintThePassword(t *testing.T) {
	db := testserver.Database(t)
	withPassword := strings.Replace(db, "postgres://postgres@", "postgres://postgres:Sekr3tPW@", 1)
	for _, args := range [][]string{{"demo", "--db", withPassword}, {"migrate", "--db", withPassword}, {"check", "--db", withPassword}} {
		out, e, code := cli(t, args...)
		if code != 0 || strings.Contains(out+e, "Sekr3tPW") {
			t.Errorf("%s on a server: exit %d, printed %q %q", args[0], code, out, e)
		}
	}
	if out, _, _ := cli(t, "migrate", "--db", withPassword); !strings.Contains(out, "already at schema") {
		t.Errorf("migrate on a current server database: %q", out)
	}
}
