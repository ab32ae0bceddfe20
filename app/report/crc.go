package report

// crc32Combine returns the CRC-32 (IEEE) of two pieces of data one after
// the other, from the CRC of each and the length of the second, as zlib's
// crc32_combine does: the first CRC is carried through as many zero bits
// as the second piece has, by squaring the matrix that carries it through
// one, and the second CRC is added.
func crc32Combine(crc1, crc2 uint32, len2 uint64) uint32 {
	if len2 == 0 {
		return crc1
	}
	var even, odd gf2Matrix
	odd[0] = 0xedb88320 // the polynomial, reflected: one zero bit
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	even.square(&odd) // two zero bits
	odd.square(&even) // four zero bits
	for {
		even.square(&odd) // a byte, then 4, 16… bytes
		if len2&1 != 0 {
			crc1 = even.times(crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		odd.square(&even)
		if len2&1 != 0 {
			crc1 = odd.times(crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

// gf2Matrix is a 32×32 matrix over GF(2), a column per bit.
type gf2Matrix [32]uint32

// times returns the matrix times the vector v.
func (m *gf2Matrix) times(v uint32) uint32 {
	var sum uint32
	for i := 0; v != 0; i, v = i+1, v>>1 {
		if v&1 != 0 {
			sum ^= m[i]
		}
	}
	return sum
}

// square sets m to a times a.
func (m *gf2Matrix) square(a *gf2Matrix) {
	for n := range m {
		m[n] = a.times(a[n])
	}
}
