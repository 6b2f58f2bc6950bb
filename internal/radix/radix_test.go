package radix

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var buf []uint32
	for _, n := range []int{0, 1, 2, 63, 64, 65, 1000, 100_000} {
		for _, spread := range []uint32{1<<32 - 1, 255, 1 << 16, 3} {
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
	for _, n := range []int{600, 1 << 20} {
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
	return "600"
}

func TestSort64(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var buf []uint64
	for _, n := range []int{0, 5, 64, 1000, 50_000} {
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
