package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHugePageBlockIsAdvised checks that the block the commands free for
// their heap is marked for transparent huge pages, as the kernel sees it.
func TestHugePageBlockIsAdvised(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("this kernel gives no transparent huge pages")
	}
	block := hugePageBlock()
	middle := uintptr(unsafe.Pointer(&block[len(block)/2]))
	flags := vmaFlags(t, middle)
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the block's mapping has flags %q, without hg (MADV_HUGEPAGE)", flags)
	}
}

// vmaFlags returns the VmFlags line of /proc/self/smaps for the mapping
// that holds addr.
func vmaFlags(t *testing.T, addr uintptr) string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	inside := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if span, _, ok := strings.Cut(line, " "); ok && strings.Count(span, "-") == 1 && !strings.HasSuffix(span, ":") {
			lo, hi, _ := strings.Cut(span, "-")
			from, err1 := strconv.ParseUint(lo, 16, 64)
			to, err2 := strconv.ParseUint(hi, 16, 64)
			inside = err1 == nil && err2 == nil && uint64(addr) >= from && uint64(addr) < to
			continue
		}
		if inside && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", addr)
	return ""
}

// TestCommandsRunWithLimitedAddressSpace checks that a command still runs
// where the address space is limited, as it did before the commands asked
// for huge pages: Go stops a program whose allocation is refused.
func TestCommandsRunWithLimitedAddressSpace(t *testing.T) {
	db := filepath.Join(t.TempDir(), "committee.db")
	cmd := exec.Command("sh", "-c", `ulimit -v 1500000 && exec "$0" demo --db "$1"`, binary, db)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("demo with 1.5 GB of address space: %v\n%s", err, out)
	}
}
