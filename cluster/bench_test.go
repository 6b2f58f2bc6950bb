package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomItems makes n documents of about size shingles each; every pair
// (2i, 2i+1) shares about half of its shingles.
func randomItems(n, size int) []Item {
	r := rand.New(rand.NewPCG(1, 2))
	items := make([]Item, n)
	for i := range items {
		set := make([]uint32, size)
		for k := range set {
			set[k] = r.Uint32()
		}
		if i%2 == 1 {
			copy(set, items[i-1].Set[:size/2])
		}
		slices.Sort(set)
		items[i].Set = slices.Compact(set)
	}
	return items
}

func TestVerifyDoesNotAllocate(t *testing.T) {
	items := randomItems(2, 500)
	opt := VerifyOptions{Threshold: 0.2, MinShared: 15, Window: 10}
	allocs := testing.AllocsPerRun(100, func() {
		if _, ok := Verify(&items[0], &items[1], 0, 1, opt); !ok {
			t.Fatal("half-shared pair not verified")
		}
	})
	if allocs != 0 {
		t.Errorf("Verify allocates %.1f times per pair", allocs)
	}
}

// BenchmarkVerify reports bytes of shingle sets compared per second.
func BenchmarkVerify(b *testing.B) {
	items := randomItems(2, 500)
	opt := VerifyOptions{Threshold: 0.2, MinShared: 15, Window: 10}
	b.SetBytes(int64(4 * (len(items[0].Set) + len(items[1].Set))))
	for b.Loop() {
		Verify(&items[0], &items[1], 0, 1, opt)
	}
}

// BenchmarkCandidates runs LSH over 20,000 signatures of 128 bins, with
// one band hit and with two, on one worker and two; bytes are signature bytes.
func BenchmarkCandidates(b *testing.B) {
	const n, size = 20_000, 128
	r := rand.New(rand.NewPCG(3, 4))
	sigs := make([]uint32, n*size)
	for i := range sigs {
		sigs[i] = r.Uint32() % 50_000 // some chance collisions
	}
	skip := make([]bool, n)
	for _, c := range []struct{ hits, workers int }{{1, 1}, {2, 1}, {2, 2}} {
		b.Run(fmt.Sprintf("hits%d/workers%d", c.hits, c.workers), func(b *testing.B) {
			b.SetBytes(int64(4 * len(sigs)))
			for b.Loop() {
				LSH{Bands: size, Rows: 1, Hits: c.hits, BucketCap: 500, Workers: c.workers}.Candidates(sigs, size, skip)
			}
		})
	}
}
