package main

import (
	"os"
	"runtime"
	"strings"
	"syscall"
)

// hugePageHeap is how much of the heap preferHugePages asks huge pages
// for: about what a report at 10,000 initiatives uses.
const hugePageHeap = 128 << 20

// preferHugePages asks Linux to back the memory the command's heap is
// about to use with transparent huge pages: one page fault per 2 MB
// instead of one per 4 KB. Ubuntu gives them only on request
// (/sys/kernel/mm/transparent_hugepage/enabled is "madvise"), and a report
// that reads a large committee otherwise spends a fifth of its time in
// page faults. It marks a block of fresh, untouched memory and frees it:
// Go then places the command's objects in that memory. Only the commands,
// which run once and exit, do this; the window, which runs for hours,
// keeps Go's default. Where the kernel refuses, nothing changes, and where
// the block might not be granted it is not asked for (see
// roomForHugePageBlock).
func preferHugePages() {
	if !roomForHugePageBlock() {
		return
	}
	hugePageBlock()
	runtime.GC()
}

// roomForHugePageBlock reports whether asking for the block is safe: Go
// stops a program whose allocation is refused, so not where the address
// space is limited (ulimit -v) or where the kernel counts every
// allocation against a strict limit (vm.overcommit_memory 2), even though
// the block is never touched.
func roomForHugePageBlock() bool {
	var limit syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &limit); err != nil || limit.Cur != ^uint64(0) {
		return false
	}
	mode, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err == nil && strings.TrimSpace(string(mode)) != "2"
}

// hugePageBlock allocates hugePageHeap bytes of fresh memory and asks for
// huge pages for them. Go takes a block this large straight from the
// system, so nothing has touched it yet.
func hugePageBlock() []byte {
	block := make([]byte, hugePageHeap)
	_ = syscall.Madvise(block, syscall.MADV_HUGEPAGE)
	return block
}
