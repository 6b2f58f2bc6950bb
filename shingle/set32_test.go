package shingle

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSet32(t *testing.T) {
	var s set32
	want := map[uint32]bool{}
	r := rand.New(rand.NewPCG(1, 1))
	for range 5000 {
		h := r.Uint32() % 20000 // repeats, and 0
		if s.add(h) == want[h] {
			t.Fatalf("add(%d) new=%v, but seen=%v", h, !want[h], want[h])
		}
		want[h] = true
	}
	for h := range uint32(20000) {
		if got := s.mayHave(h) && s.probe(h); got != want[h] {
			t.Fatalf("%d in the set: %v, want %v", h, got, want[h])
		}
	}
	var empty set32
	if empty.mayHave(0) && empty.probe(0) || empty.mayHave(7) && empty.probe(7) {
		t.Error("empty set has members")
	}
}

// TestSet32Filter: the bit filter in front of the table lets through
// about one hash in 60 that is not in the set (two bits a member, 16 bits
// a member at most), whatever the set's size.
func TestSet32Filter(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	for _, n := range []int{100, 5000, 70000} {
		var s set32
		for s.n < n {
			s.add(r.Uint32())
		}
		passed, tries := 0, 200000
		for range tries {
			if h := r.Uint32(); s.mayHave(h) && !s.probe(h) {
				passed++
			}
		}
		if rate := float64(passed) / float64(tries); rate > 1.0/30 {
			t.Errorf("%d members: %.4f of other hashes pass the filter, want under 1/30", n, rate)
		}
	}
}

// BenchmarkSet32 turns a page's worth of shingle hashes (600, with a few
// repeats) into its 32-bit set; bytes are the 64-bit hashes'.
func BenchmarkSet32(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	h := make([]uint64, 600)
	for i := range h {
		h[i] = r.Uint64()
		if i%40 == 39 {
			h[i] = h[i-7]
		}
	}
	var dst, scratch []uint32
	b.SetBytes(int64(8 * len(h)))
	for b.Loop() {
		dst, scratch = Set32(dst[:0], h, scratch)
	}
}

// longestRun returns the longest run of occupied slots, the most a probe
// can take.
func longestRun(s *set32) int {
	best, run := 0, 0
	for _, h := range append(s.slots, s.slots...) { // runs may wrap around
		if h == 0 {
			run = 0
			continue
		}
		run++
		best = max(best, run)
	}
	return min(best, len(s.slots))
}

// TestSet32SlotOrder checks that members added in slot order, as
// Templates.Add and Seal add them, go into a table reserve made large
// enough (without it, the table grows as they come, and until it last
// grows they crowd into its first slots, each add walking a run of
// thousands), that the probes stay short, and that unmixSlot undoes
// slotMix.
func TestSet32SlotOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	const n = 100_000
	mixed := make([]uint32, n)
	for i := range mixed {
		h := r.Uint32() | 1
		if unmixSlot(slotMix(h)) != h {
			t.Fatalf("unmixSlot(slotMix(%#x)) = %#x", h, unmixSlot(slotMix(h)))
		}
		mixed[i] = slotMix(h)
	}
	slices.Sort(mixed)
	var s set32
	s.reserve(n)
	size := len(s.slots)
	for _, m := range mixed {
		s.add(unmixSlot(m))
	}
	if len(s.slots) != size {
		t.Errorf("the table grew from %d to %d slots after reserve(%d)", size, len(s.slots), n)
	}
	if run := longestRun(&s); run > 100 {
		t.Errorf("longest run of occupied slots %d after adding %d members in slot order", run, s.n)
	}
	for _, m := range mixed {
		if h := unmixSlot(m); !s.mayHave(h) || !s.probe(h) {
			t.Fatalf("%#x added but not found", h)
		}
	}
}
