package main

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRealWindowUnderXvfb runs the real binary in a real X window (Xvfb) on
// a demo database, on a 1024x700 screen with the window sized to it, takes
// screenshots and fails if the process dies, the window did not render or
// the dashboard needs more room than the screen has. make test sets CXCOMMITTEE_REQUIRE_XVFB=1 so a
// missing Xvfb fails instead of skipping. With CXCOMMITTEE_SHOTS=DIR the
// screenshots are kept there (make screenshots writes the README's).
func TestRealWindowUnderXvfb(t *testing.T) {
	for _, tool := range []string{"Xvfb", "import", "xdotool", "xprop"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CXCOMMITTEE_REQUIRE_XVFB") != "" {
				t.Fatalf("%s is not installed; make test installs it", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	shots := os.Getenv("CXCOMMITTEE_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	display := startXvfb(t)
	db := filepath.Join(t.TempDir(), "committee.db")
	if _, errOut, code := cli(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	appCmd := exec.Command(binary, "--db", db)
	appCmd.Env = append(os.Environ(), "DISPLAY="+display, "LANG=en_GB.UTF-8", "LIBGL_ALWAYS_SOFTWARE=1",
		"HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	logPath := filepath.Join(t.TempDir(), "app.log")
	logFile, _ := os.Create(logPath)
	appCmd.Stdout, appCmd.Stderr = logFile, logFile
	if err := appCmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- appCmd.Wait() }()
	t.Cleanup(func() { appCmd.Process.Kill(); <-exited })

	x := func(args ...string) {
		t.Helper()
		cmd := exec.Command("xdotool", args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xdotool %v: %v %s", args, err, out)
		}
	}
	shot := func(name string) string {
		t.Helper()
		select {
		case err := <-exited:
			log, _ := os.ReadFile(logPath)
			t.Fatalf("the app exited (%v) before %s:\n%s", err, name, log)
		default:
		}
		path := filepath.Join(shots, name)
		cmd := exec.Command("import", "-window", "root", path)
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v %s", err, out)
		}
		assertRendered(t, path)
		return path
	}
	time.Sleep(5 * time.Second)
	asked := shot("who-are-you.png")
	// The first open of a database asks who you are; Escape answers later.
	x("key", "Escape")
	time.Sleep(time.Second)
	// A user on a 1024x700 screen: the window sized to the screen, and the
	// dashboard needing no more than that (Fyne gives X the content's
	// minimum size as the window's minimum).
	win := strings.Fields(xout(t, display, "xdotool", "search", "--name", "^CX Committee$"))[0]
	x("windowsize", win, "1024", "700")
	time.Sleep(1500 * time.Millisecond)
	if w, h := minimumSize(t, xout(t, display, "xprop", "-id", win, "WM_NORMAL_HINTS")); w > 800 || h > 700 {
		t.Errorf("the dashboard needs a window of %dx%d, want at most 800 wide and 700 high", w, h)
	}
	if geo := xout(t, display, "xdotool", "getwindowgeometry", win); !strings.Contains(geo, "1024x700") {
		t.Errorf("the window is not 1024x700: %s", geo)
	}
	dashboard := shot("dashboard.png")
	if share := changedShare(t, asked, dashboard); share < 0.02 {
		t.Errorf("no question of who you are was shown on the first open (%.1f%% changed)", share*100)
	}
	// Initiatives in the sidebar, the first row, then Open: the detail
	// (below the menu bar).
	x("mousemove", "70", "195", "click", "1")
	time.Sleep(time.Second)
	x("mousemove", "300", "126", "click", "1")
	time.Sleep(500 * time.Millisecond)
	x("mousemove", "316", "50", "click", "1")
	time.Sleep(1500 * time.Millisecond)
	detail := shot("initiative-detail.png")
	if share := changedShare(t, dashboard, detail); share < 0.05 {
		t.Errorf("clicking through to an initiative changed only %.1f%% of the window", share*100)
	}
}

// xout runs an X tool on the display and returns its output, trimmed.
func xout(t *testing.T, display, tool string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tool, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return strings.TrimSpace(string(out))
}

// minimumSize reads the minimum size from xprop's WM_NORMAL_HINTS output.
func minimumSize(t *testing.T, hints string) (w, h int) {
	t.Helper()
	m := regexp.MustCompile(`minimum size: (\d+) by (\d+)`).FindStringSubmatch(hints)
	if m == nil {
		t.Fatalf("the window states no minimum size:\n%s", hints)
	}
	w, _ = strconv.Atoi(m[1])
	h, _ = strconv.Atoi(m[2])
	return w, h
}

// changedShare returns the share of sampled pixels that differ between two screenshots.
func changedShare(t *testing.T, a, b string) float64 {
	t.Helper()
	load := func(p string) image.Image {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	ia, ib := load(a), load(b)
	bounds := ia.Bounds().Intersect(ib.Bounds())
	changed, total := 0, 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 4 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 4 {
			total++
			if ia.At(x, y) != ib.At(x, y) {
				changed++
			}
		}
	}
	return float64(changed) / float64(max(total, 1))
}

// startXvfb starts a virtual display and returns its name.
func startXvfb(t *testing.T) string {
	t.Helper()
	for n := 90 + os.Getpid()%100; n < 400; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		cmd := exec.Command("Xvfb", display, "-screen", "0", "1024x700x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		for i := 0; i < 50; i++ {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return display
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("Xvfb did not start on %s", display)
	}
	t.Fatal("no free X display")
	return ""
}

// assertRendered fails if the screenshot is blank: a rendered window has
// text and colours, so many distinct colours and a light-and-dark spread.
func assertRendered(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	colours := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	if len(colours) < 50 || b.Dx() < 1000 {
		t.Errorf("%s looks blank: %d colours, %v", path, len(colours), b)
	}
}
