package shingle

import (
	"math/rand/v2"
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
		if s.has(h) != want[h] {
			t.Fatalf("has(%d) = %v, want %v", h, s.has(h), want[h])
		}
	}
	var empty set32
	if empty.has(0) || empty.has(7) {
		t.Error("empty set has members")
	}
}
