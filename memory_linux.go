package main

import (
	"runtime"
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
// keeps Go's default. Where the kernel refuses, nothing changes.
func preferHugePages() {
	hugePageBlock()
	runtime.GC()
}

// hugePageBlock allocates hugePageHeap bytes of fresh memory and asks for
// huge pages for them. Go takes a block this large straight from the
// system, so nothing has touched it yet.
func hugePageBlock() []byte {
	block := make([]byte, hugePageHeap)
	_ = syscall.Madvise(block, syscall.MADV_HUGEPAGE)
	return block
}
