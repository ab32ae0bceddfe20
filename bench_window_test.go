package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cxcommittee/views"
)

const (
	// windowSettle is how long the screen must stay the same to count as drawn.
	windowSettle = 2 * time.Second
	// windowDeadline is how long a screen is waited for.
	windowDeadline = 3 * time.Minute
)

// windowTimes is one launch of the window: how long until the dashboard
// was drawn, and how long Ctrl+2 took to draw the Initiatives register.
type windowTimes struct{ start, initiatives time.Duration }

// benchWindow times the real window under Xvfb on each committee: from
// start until the dashboard is drawn, then from Ctrl+2 until the
// Initiatives register is; three launches each, interleaved.
func benchWindow(t *testing.T, p *benchPage, dbs ...benchDB) {
	t.Helper()
	for _, tool := range []string{"Xvfb", "import", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed; make bench installs it", tool)
		}
	}
	display := startXvfb(t)
	runs := make([][]windowTimes, len(dbs))
	for range 3 {
		for i, db := range dbs {
			runs[i] = append(runs[i], launchWindow(t, display, db))
		}
	}
	s := benchSection{title: "Window",
		what: "The real binary under Xvfb (1024×700, software OpenGL), its window sized to the screen and the member at the desk " +
			"already remembered in its preferences, so no \"who are you\" question is asked. *Start*: from launching the process " +
			"until the screen shows the dashboard (the area right of the sidebar holds more than a plain background) and then stays " +
			"unchanged for 2 s: the time that final picture first appeared. " +
			"*Ctrl+2*: from the key press until the Initiatives register is drawn and stays. The screen is read with " +
			"`import -window root` about every 0.15 s, which bounds the precision. Median of 3 launches, interleaved.",
		header: []string{"committee", "start", "start, each run", "Ctrl+2 → Initiatives", "Ctrl+2, each run", "start ÷ demo's", "Ctrl+2 ÷ demo's"}}
	med := make([]windowTimes, len(dbs))
	for i, db := range dbs {
		var starts, switches []time.Duration
		for _, r := range runs[i] {
			starts, switches = append(starts, r.start), append(switches, r.initiatives)
		}
		med[i] = windowTimes{start: median(starts), initiatives: median(switches)}
		s.rows = append(s.rows, []string{db.label(), windowDur(med[i].start), windowDurs(starts), windowDur(med[i].initiatives), windowDurs(switches),
			ratio(med[i].start, med[0].start), ratio(med[i].initiatives, med[0].initiatives)})
	}
	last := len(dbs) - 1
	p.goal("window shows the dashboard at "+dbs[last].label()+" within 1.5× its time on the demo committee",
		ratio(med[last].start, med[0].start)+" ("+windowDur(med[last].start)+" against "+windowDur(med[0].start)+")", med[last].start*2 <= med[0].start*3)
	p.add(s)
}

// windowDurs lists window times: "1.20 s, 1.31 s, 1.18 s".
func windowDurs(ds []time.Duration) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = windowDur(d)
	}
	return strings.Join(out, ", ")
}

// launchWindow starts the window on db, times the dashboard and Ctrl+2,
// and ends it.
func launchWindow(t *testing.T, display string, db benchDB) windowTimes {
	t.Helper()
	config := t.TempDir()
	seedPreferences(t, config, db.path)
	xdo := func(args ...string) {
		t.Helper()
		cmd := exec.Command("xdotool", args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xdotool %v: %v %s", args, err, out)
		}
	}
	// The pointer rests on the sidebar's title, where nothing reacts to
	// it, and keyboard focus follows it (there is no window manager).
	xdo("mousemove", "90", "45")
	cmd := exec.Command(binary, "--db", db.path)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "LANG=en_GB.UTF-8", "LIBGL_ALWAYS_SOFTWARE=1",
		"HOME="+t.TempDir(), "XDG_CONFIG_HOME="+config)
	var log limitedBuffer
	cmd.Stdout, cmd.Stderr = &log, &log
	w := screenWatch{t: t, display: display, exited: make(chan struct{}), log: &log}
	blank := w.grab()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { cmd.Wait(); close(w.exited) }()
	defer func() { cmd.Process.Kill(); <-w.exited }()
	shown, dashboard := w.settle(start, blank)
	if shown >= windowDeadline {
		return windowTimes{start: shown, initiatives: windowDeadline}
	}
	xdo("key", "ctrl+2")
	pressed := time.Now()
	switched, _ := w.settle(pressed, dashboard)
	return windowTimes{start: shown, initiatives: switched}
}

// seedPreferences writes the window's Fyne preferences into a config
// folder: the member at the desk for this database (the key views/who.go
// reads: "member." and the first 8 bytes of the path's SHA-256, in hex)
// and a window the size of the screen.
func seedPreferences(t *testing.T, config, db string) {
	t.Helper()
	var member int
	sqlQuery(t, db, "SELECT MIN(id) FROM members", &member)
	sum := sha256.Sum256([]byte(db))
	prefs, _ := json.Marshal(map[string]any{"member." + hex.EncodeToString(sum[:8]): member,
		"window.width": 1024, "window.height": 700})
	dir := filepath.Join(config, "fyne", views.AppID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "preferences.json"), prefs, 0o644); err != nil {
		t.Fatal(err)
	}
}

// screenWatch reads the screen of an X display while a window process runs.
type screenWatch struct {
	t       *testing.T
	display string
	exited  chan struct{} // closed when the window process ends
	log     *limitedBuffer
}

// screen is one look at the display: a digest of every pixel, and whether
// the window's body, right of the sidebar, is drawn.
type screen struct {
	digest [32]byte
	drawn  bool
}

// grab reads the whole screen.
func (w screenWatch) grab() screen {
	w.t.Helper()
	cmd := exec.Command("import", "-window", "root", "-depth", "8", "ppm:-")
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display)
	out, err := cmd.Output()
	if err != nil {
		w.t.Fatalf("screenshot: %v", err)
	}
	drawn, err := bodyDrawn(out)
	if err != nil {
		w.t.Fatal(err)
	}
	return screen{digest: sha256.Sum256(out), drawn: drawn}
}

// bodyDrawn reports whether a screenshot (binary PPM, as ImageMagick writes
// it) shows something right of the sidebar: text and colours give many
// distinct colours where an empty body, or a screen still loading, has one
// or two.
func bodyDrawn(ppm []byte) (bool, error) {
	var width, height, maxval int
	if _, err := fmt.Sscanf(string(ppm[:min(len(ppm), 32)]), "P6\n%d %d\n%d\n", &width, &height, &maxval); err != nil || maxval != 255 {
		return false, fmt.Errorf("the screenshot is not an 8-bit PPM: %q", ppm[:min(len(ppm), 32)])
	}
	pixels := ppm[len(fmt.Sprintf("P6\n%d %d\n%d\n", width, height, maxval)):]
	if len(pixels) < width*height*3 {
		return false, fmt.Errorf("the screenshot is cut short: %d bytes for %dx%d", len(pixels), width, height)
	}
	colours := map[[3]byte]bool{}
	for y := 0; y < height; y += 2 {
		for x := width / 5; x < width; x += 2 {
			i := (y*width + x) * 3
			colours[[3]byte(pixels[i:i+3])] = true
		}
	}
	return len(colours) >= 16, nil
}

// settle waits until the screen differs from before, shows the body drawn
// and then stays the same for windowSettle, and returns how long after
// since that final picture was first seen (at the end of the grab that saw
// it) and the picture; windowDeadline and the last picture if it never does.
func (w screenWatch) settle(since time.Time, before screen) (time.Duration, screen) {
	w.t.Helper()
	last, seen := before, time.Time{}
	for time.Since(since) < windowDeadline {
		select {
		case <-w.exited:
			w.t.Fatalf("the window exited:\n%s", w.log.b)
		default:
		}
		sc := w.grab()
		now := time.Now()
		if sc.digest != last.digest {
			last, seen = sc, now
		}
		if last.drawn && last.digest != before.digest && now.Sub(seen) >= windowSettle {
			return seen.Sub(since), last
		}
	}
	return windowDeadline, last
}

// windowDur says a window time, or that the window was not drawn in time.
func windowDur(d time.Duration) string {
	if d >= windowDeadline {
		return "not drawn in " + windowDeadline.String()
	}
	return dur(d)
}
