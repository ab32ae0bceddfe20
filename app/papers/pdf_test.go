package papers

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cxcommittee/app"
	"cxcommittee/models"
)

// longMinutes are minutes whose text runs over pages: a long summary, a
// decision whose rationale alone is taller than a page, a word wider than
// its column, and text beyond Latin-1.
func longMinutes() app.Papers {
	summary := strings.Repeat("The committee reviewed the churn figures – café staff → call centre, résumé of the plan. ", 220)
	huge := strings.Repeat("A rationale that goes on and on. ", 400)
	p := app.Papers{Organisation: "Société Générale d’Été", Minutes: true, AsOf: models.MustDate("2026-11-23"),
		Meeting: models.Meeting{Title: "CX Committee – November", Date: models.MustDate("2026-11-20"), Status: models.MeetingHeld, Summary: summary}}
	p.Quorum.Reason = "quorum met: 3 of 4 departments represented"
	p.Decisions = []app.DecisionRow{{Decision: &models.Decision{Statement: "Adopt " + strings.Repeat("x", 300), Rationale: huge, Status: models.DecisionApproved}}}
	for range 60 {
		p.Attendance = append(p.Attendance, app.AttendanceLine{Member: "Zoë Ångström", Department: "Customer Experience", Status: models.AttendancePresent})
	}
	return p
}

func TestLongMinutesWrapAndBreakPages(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, longMinutes()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	if dir := os.Getenv("CXCOMMITTEE_KEEP_PAPERS"); dir != "" { // to look at the pages
		os.WriteFile(filepath.Join(dir, "long.pdf"), buf.Bytes(), 0o644)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Count(string(out), "\f")
	text := strings.Join(strings.Fields(string(out)), " ")
	if pages < 6 {
		t.Errorf("%d pages, want the long text to run over several", pages)
	}
	for _, want := range []string{"café staff → call centre", "Zoë Ångström", "Société Générale d’Été", "Page 1 of", "Page 2 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if n := strings.Count(text, "A rationale that goes on and on."); n < 390 {
		t.Errorf("the rationale taller than a page lost text: %d of 400 sentences", n)
	}
}

func TestEmptyPapersSayWhatIsMissing(t *testing.T) {
	var buf bytes.Buffer
	p := app.Papers{Meeting: models.Meeting{Title: "Empty", Date: models.MustDate("2026-12-02"), Status: models.MeetingPlanned}}
	if err := Render(&buf, p); err != nil {
		t.Fatal(err)
	}
	p.Minutes = true
	if err := Render(&buf, p); err != nil {
		t.Fatal(err)
	}
}
