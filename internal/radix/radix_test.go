package radix

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"unsafe"
)

func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var buf []uint32
	for _, n := range []int{0, 1, 2, 63, 64, 65, 127, 128, 1000, bucketMax, bucketMax + 1, wideMin - 1, wideMin, 100_000} {
		for _, spread := range []uint32{1<<32 - 1, 255, 1 << 16, 3, 1 << 28} {
			a := make([]uint32, n)
			for i := range a {
				a[i] = r.Uint32()
				if spread < 1<<32-1 {
					a[i] %= spread + 1
				}
			}
			want := slices.Clone(a)
			slices.Sort(want)
			buf = Sort(a, buf)
			if !slices.Equal(a, want) {
				t.Fatalf("n=%d spread=%d: not sorted", n, spread)
			}
		}
	}
}

func TestSortNoAllocsWithBuffer(t *testing.T) {
	a := make([]uint32, 5000)
	buf := make([]uint32, 5000)
	r := rand.New(rand.NewPCG(3, 4))
	allocs := testing.AllocsPerRun(20, func() {
		for i := range a {
			a[i] = r.Uint32()
		}
		buf = Sort(a, buf)
	})
	if allocs != 0 {
		t.Errorf("Sort allocates %.1f times per run with a large enough buffer", allocs)
	}
}

func BenchmarkSort(b *testing.B) {
	for _, n := range []int{600, 5000, 1 << 20} {
		r := rand.New(rand.NewPCG(5, 6))
		src := make([]uint32, n)
		for i := range src {
			src[i] = r.Uint32()
		}
		a := make([]uint32, n)
		b.Run("radix/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(4 * n))
			var buf []uint32
			for b.Loop() {
				copy(a, src)
				buf = Sort(a, buf)
			}
		})
		b.Run("slices/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(4 * n))
			for b.Loop() {
				copy(a, src)
				slices.Sort(a)
			}
		})
	}
}

func itoa(n int) string {
	if n >= 1<<20 {
		return "1M"
	}
	return strconv.Itoa(n)
}

func TestSort64(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var buf []uint64
	for _, n := range []int{0, 5, 64, 1000, wideMin - 1, wideMin, 50_000} {
		for _, mask := range []uint64{^uint64(0), 0xffff_0000_ffff, 7} {
			a := make([]uint64, n)
			for i := range a {
				a[i] = r.Uint64() & mask
			}
			want := slices.Clone(a)
			slices.Sort(want)
			buf = Sort64(a, buf)
			if !slices.Equal(a, want) {
				t.Fatalf("n=%d mask=%x: not sorted", n, mask)
			}
		}
	}
}

// TestSortHigh24 checks that SortHigh24 orders values by their top 24
// bits, keeps the order of values equal there, and loses none.
func TestSortHigh24(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	var buf []uint32
	for _, n := range []int{0, 1, 100, wideMin - 1, wideMin, 235_000} {
		for _, spread := range []uint32{1 << 24, 1 << 12, 40} { // distinct top-24 values
			a := make([]uint32, n)
			for i := range a {
				a[i] = r.Uint32N(spread)<<8 | r.Uint32N(256)
			}
			want := slices.Clone(a)
			slices.SortStableFunc(want, func(x, y uint32) int { return cmp.Compare(x>>8, y>>8) })
			buf = SortHigh24(a, buf)
			for i := range a {
				if a[i]>>8 != want[i]>>8 {
					t.Fatalf("n=%d spread=%d: not sorted by the top 24 bits at %d", n, spread, i)
				}
			}
			if n >= wideMin && !slices.Equal(a, want) {
				t.Fatalf("n=%d spread=%d: values equal in their top 24 bits changed order", n, spread)
			}
			slices.Sort(a)
			slices.Sort(want)
			if !slices.Equal(a, want) {
				t.Fatalf("n=%d spread=%d: not the same values", n, spread)
			}
		}
	}
}

// BenchmarkSortHigh24 sorts the words of BenchmarkSortWords by hash only.
func BenchmarkSortHigh24(b *testing.B) { benchSort(b, partitionWords(), SortHigh24) }

// TestSortBits64 checks SortBits64 against slices.Sort for values of 1 to
// 64 bits, at sizes on both sides of where it changes method.
func TestSortBits64(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	var buf []uint64
	for _, n := range []int{0, 1, 100, wideMin - 1, wideMin, 100_000} {
		for _, bits := range []int{1, 8, 11, 12, 22, 23, 34, 40, 44, 45, 64} {
			a := make([]uint64, n)
			for i := range a {
				a[i] = r.Uint64()
				if bits < 64 {
					a[i] &= 1<<bits - 1
				}
			}
			want := slices.Clone(a)
			slices.Sort(want)
			buf = SortBits64(a, buf, bits)
			if !slices.Equal(a, want) {
				t.Fatalf("n=%d bits=%d: not sorted", n, bits)
			}
		}
	}
}

// BenchmarkSortPairs sorts what LSH sorts to count colliding pairs: a
// million pairs of 100k documents' numbers, a<b, packed a<<32|b for
// Sort64 and a<<17|b for SortBits64.
func BenchmarkSortPairs(b *testing.B) {
	const docs, bits = 100_000, 17
	pairs := func(shift int) []uint64 {
		r := rand.New(rand.NewPCG(15, 16))
		out := make([]uint64, 1<<20)
		for i := range out {
			a := r.IntN(docs - 1)
			out[i] = uint64(a)<<shift | uint64(a+1+r.IntN(min(docs-a-1, 2000)))
		}
		return out
	}
	b.Run("Sort64", func(b *testing.B) { benchSort(b, pairs(32), Sort64) })
	b.Run("SortBits64", func(b *testing.B) {
		benchSort(b, pairs(bits), func(a, buf []uint64) []uint64 { return SortBits64(a, buf, 2*bits) })
	})
}

// BenchmarkSort64Entries sorts what template learning sorts: one hash
// partition's (hash, outlet) entries, the hash's top byte shared and
// outlet IDs below 200.
func BenchmarkSort64Entries(b *testing.B) {
	const n = 250_000
	r := rand.New(rand.NewPCG(9, 10))
	src := make([]uint64, n)
	for i := range src {
		src[i] = uint64(0x2a<<24|r.Uint32N(1<<24))<<32 | uint64(r.UintN(200))
	}
	benchSort(b, src, Sort64)
}

// benchSort times sort on a copy of src, reusing its scratch buffer.
func benchSort[T uint32 | uint64](b *testing.B, src []T, sort func(a, buf []T) []T) {
	a := make([]T, len(src))
	b.SetBytes(int64(len(src)) * int64(unsafe.Sizeof(src[0])))
	var buf []T
	for b.Loop() {
		copy(a, src)
		buf = sort(a, buf)
	}
}

func TestSortHigh64Stable(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var buf []uint64
	for _, n := range []int{0, 1, 10, 63, 64, 1000, wideMin - 1, 70_000} {
		for _, low := range []int{0, 1, 3, 4, 5, 7} {
			for _, spread := range []bool{false, true} {
				shift := uint(8 * low)
				a := make([]uint64, n)
				for i := range a {
					// Few distinct high parts, so that ties are common,
					// either small or spread over every digit; the low
					// bits are random, not in increasing order.
					high := uint64(r.IntN(50))
					if spread {
						high = high * 0x9E3779B97F4A7C15 >> shift
					}
					a[i] = high<<shift | r.Uint64()&(1<<shift-1)
				}
				want := slices.Clone(a)
				slices.SortStableFunc(want, func(x, y uint64) int { return cmp.Compare(x>>shift, y>>shift) })
				buf = SortHigh64(a, buf, low)
				if !slices.Equal(a, want) {
					t.Fatalf("n=%d low=%d spread=%v: not the stable order of the high bits", n, low, spread)
				}
			}
		}
	}
}

// BenchmarkSortWords sorts what template learning sorts for corpora of
// fewer than 255 outlets (partitionWords) in full.
func BenchmarkSortWords(b *testing.B) { benchSort(b, partitionWords(), Sort) }

// partitionWords returns one hash partition's entries packed in 32 bits,
// as template learning sorts them: a hash's low 24 bits above an outlet
// ID (here below 12), 235,000 of them, a 100k corpus's partition.
func partitionWords() []uint32 {
	r := rand.New(rand.NewPCG(13, 14))
	src := make([]uint32, 235_000)
	for i := range src {
		src[i] = r.Uint32()<<8 | r.Uint32N(12)
	}
	return src
}

// BenchmarkSortHigh64Bands sorts what LSH sorts: one band's keys above
// document numbers in increasing order, by the keys only.
func BenchmarkSortHigh64Bands(b *testing.B) {
	const n = 100_000
	r := rand.New(rand.NewPCG(15, 16))
	src := make([]uint64, n)
	for i := range src {
		src[i] = uint64(r.Uint32())<<32 | uint64(i)
	}
	benchSort(b, src, func(a, buf []uint64) []uint64 { return SortHigh64(a, buf, 4) })
}
