package report

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestJoinedPiecesReadAsOne checks that pieces compressed apart, the last
// closed, read back as their text one after the other, with the CRC and
// size a zip needs for the whole.
func TestJoinedPiecesReadAsOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = "<row r=\"1\"><c>x</c></row>"[rng.IntN(24)]
		}
		return b
	}
	cases := []struct {
		name   string
		pieces [][]byte
	}{
		{"head, rows and tail", [][]byte{text(300), text(200_000), text(90)}},
		{"no rows", [][]byte{text(300), nil, text(90)}},
		{"one piece", [][]byte{text(5000)}},
		{"empty head", [][]byte{nil, text(70_000), text(1)}},
	}
	var idle sync.Pool
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var parts []deflated
			var whole []byte
			for i, p := range c.pieces {
				d := newDeflater(&idle)
				d.Write(p)
				var part deflated
				var err error
				if i == len(c.pieces)-1 {
					part, err = d.close()
				} else {
					part, err = d.flush()
				}
				if err != nil {
					t.Fatal(err)
				}
				parts = append(parts, part)
				whole = append(whole, p...)
			}
			joined := joinDeflated(parts...)
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(joined.data)))
			if err != nil {
				t.Fatalf("the joined part does not read: %v", err)
			}
			if !bytes.Equal(got, whole) {
				t.Errorf("the joined part reads as %d bytes, not the %d written", len(got), len(whole))
			}
			if want := crc32.ChecksumIEEE(whole); joined.crc != want || joined.size != uint64(len(whole)) {
				t.Errorf("CRC %08x and size %d, want %08x and %d", joined.crc, joined.size, want, len(whole))
			}
		})
	}
}

// TestCRC32Combine compares combined CRCs with the CRC of the whole, over
// lengths that exercise each bit of the length.
func TestCRC32Combine(t *testing.T) {
	data := make([]byte, 1<<17)
	for i := range data {
		data[i] = byte(i*7 + i>>8)
	}
	for _, split := range []int{0, 1, 2, 3, 7, 8, 255, 256, 4097, 65536, 1<<17 - 1, 1 << 17} {
		a, b := data[:split], data[split:]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), uint64(len(b)))
		if want := crc32.ChecksumIEEE(data); got != want {
			t.Errorf("split at %d: combined %08x, whole %08x", split, got, want)
		}
	}
}
