package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// seq returns n distinct hashes starting at base.
func seq(base uint32, n int) []uint32 {
	s := make([]uint32, n)
	for i := range s {
		s[i] = base + uint32(i)
	}
	return s
}

func page(parts ...[]uint32) []uint32 { return slices.Concat(parts...) }

func item(outlet string, text []uint32) *Item {
	set := slices.Clone(text)
	slices.Sort(set)
	set = slices.Compact(set)
	n := min(len(text), 300)
	tail := slices.Clone(text[len(text)-n:])
	slices.Reverse(tail)
	return &Item{Outlet: outlet, Set: set, Head: text[:n], Tail: tail}
}

func TestVerify(t *testing.T) {
	header, footer := seq(1000, 40), seq(2000, 120)
	body1, body2 := seq(10000, 300), seq(20000, 300)
	opt := VerifyOptions{Threshold: 0.25, MinShared: 8, Window: 10}

	// One story with a word changed every 50 shingles: an edited copy.
	edited := slices.Clone(body1)
	for i := 0; i < len(edited); i += 50 {
		for j := i; j < min(i+5, len(edited)); j++ {
			edited[j] += 1 << 30
		}
	}
	tests := []struct {
		name       string
		a, b       *Item
		wantCopy   bool
		wantChrome int
	}{
		{"two pages of one site share only chrome", item("mt", page(header, body1, footer)), item("mt", page(header, body2, footer)), false, 160},
		{"same with outlets unknown", item("", page(header, body1, footer)), item("", page(header, body2, footer)), false, 160},
		{"different outlets: chrome is not discounted", item("a", page(header, body1, footer)), item("b", page(header, body2, footer)), true, 0},
		{"one text on one site is a copy, not chrome", item("mt", page(header, body1, footer)), item("mt", page(header, body1, footer)), true, 0},
		{"edited copy inside the same chrome: the run covers it all", item("", page(header, body1, footer)), item("", page(header, edited, footer)), true, 0},
		{"trimmed copy inside another page", item("", page(seq(5000, 80), body1, seq(6000, 400))), item("", body1[:150]), true, 0},
		{"unrelated", item("", body1), item("", body2), false, 0},
	}
	for _, tt := range tests {
		m, ok := Verify(tt.a, tt.b, 0, 1, opt)
		if ok != tt.wantCopy || m.Chrome != tt.wantChrome {
			t.Errorf("%s: copy=%v chrome=%d (match %+v), want copy=%v chrome=%d", tt.name, ok, m.Chrome, m, tt.wantCopy, tt.wantChrome)
		}
	}
}

func TestBookendsStepsOverEdits(t *testing.T) {
	a := seq(1, 100)
	b := slices.Clone(a)
	b[40] = 999 // one changed shingle
	b = append(b[:70], append([]uint32{7, 8, 9}, b[70:]...)...)
	got := bookends(a, b, 10)
	if len(got) != 99 {
		t.Errorf("run has %d shingles, want 99 (all but the changed one)", len(got))
	}
	if got := bookends(seq(1, 50), seq(100, 50), 10); len(got) != 0 {
		t.Errorf("unrelated sequences: run of %d", len(got))
	}
	// The run may start a few shingles in (a date line, a symbol).
	if got := bookends(page([]uint32{77, 78}, a), a, 10); len(got) != 100 {
		t.Errorf("offset start: run of %d, want 100", len(got))
	}
}

func TestIntersect(t *testing.T) {
	if got := intersect([]uint32{1, 3, 5, 7}, []uint32{2, 3, 4, 7, 9}); got != 2 {
		t.Errorf("intersect = %d, want 2", got)
	}
	if got := intersect(nil, []uint32{1}); got != 0 {
		t.Errorf("intersect with empty = %d", got)
	}
	// Random sets, the extreme values included, against counting with a map.
	r := rand.New(rand.NewPCG(4, 4))
	for range 500 {
		var a, b []uint32
		in := map[uint32]bool{}
		for range r.IntN(60) {
			v := r.Uint32N(100)
			if r.IntN(10) == 0 {
				v = 1<<32 - 1 - v
			}
			a = append(a, v)
			in[v] = true
		}
		want := 0
		for range r.IntN(60) {
			v := r.Uint32N(100)
			if r.IntN(10) == 0 {
				v = 1<<32 - 1 - v
			}
			b = append(b, v)
		}
		slices.Sort(a)
		slices.Sort(b)
		a, b = slices.Compact(a), slices.Compact(b)
		for _, v := range b {
			if in[v] {
				want++
			}
		}
		if got := intersect(a, b); got != want {
			t.Fatalf("intersect(%v, %v) = %d, want %d", a, b, got, want)
		}
	}
}

// TestResyncMatchesScan checks the indexed resync against trying every
// pair of skips, on random sequences over small alphabets (many repeats).
func TestResyncMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 20000 {
		alpha := uint32(2 + r.IntN(300))
		a := make([]uint32, r.IntN(80))
		b := make([]uint32, r.IntN(80))
		for k := range a {
			a[k] = r.Uint32() % alpha
		}
		for k := range b {
			b[k] = r.Uint32() % alpha
		}
		i, j := 0, 0
		if len(a) > 0 {
			i = r.IntN(len(a))
		}
		if len(b) > 0 {
			j = r.IntN(len(b))
		}
		w := 1 + r.IntN(maxIndexedWindow)
		gi, gj, gok := resync(a, b, i, j, w)
		wi, wj, wok := resyncScan(a, b, i, j, w)
		if gi != wi || gj != wj || gok != wok {
			t.Fatalf("trial %d: resync(%v, %v, %d, %d, %d) = %d %d %v, scan says %d %d %v", trial, a, b, i, j, w, gi, gj, gok, wi, wj, wok)
		}
	}
}
