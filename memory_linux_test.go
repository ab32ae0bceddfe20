package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
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

// TestNoHugePageBlockUnderAnAddressSpaceLimit: where the address space is
// limited (ulimit -v), the commands do not ask for the block, which would
// count against the limit: Go stops a program whose allocation is refused.
// (A command run under a tight limit is no test of this: Go, glibc and the
// graphics libraries reserve 1.6 GB between them, and under 1.5 GB the
// release before the block failed one run in five as well.)
func TestNoHugePageBlockUnderAnAddressSpaceLimit(t *testing.T) {
	var was syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &was); err != nil {
		t.Skip("no address-space limit to read:", err)
	}
	if was.Cur == ^uint64(0) {
		if mode, err := os.ReadFile("/proc/sys/vm/overcommit_memory"); err == nil && strings.TrimSpace(string(mode)) != "2" && !roomForHugePageBlock() {
			t.Error("without any limit, the block is not asked for")
		}
		limited := was
		limited.Cur = 64 << 30 // far above what the tests use
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &limited); err != nil {
			t.Skip("cannot set an address-space limit:", err)
		}
		defer func() {
			if err := syscall.Setrlimit(syscall.RLIMIT_AS, &was); err != nil {
				t.Fatal("restoring the address-space limit:", err)
			}
		}()
	}
	if roomForHugePageBlock() {
		t.Error("with the address space limited, the commands still ask for the block")
	}
}
