package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

func TestParams(t *testing.T) {
	tests := []struct {
		t        float64
		size     int
		wantRows int
	}{
		{0.05, 128, 1},
		{0.3, 128, 3},
		{0.5, 128, 5},
		{0.8, 128, 13},
	}
	for _, tt := range tests {
		b, r := Params(tt.t, tt.size, 1)
		if r != tt.wantRows || b != tt.size/r {
			t.Errorf("Params(%g, %d) = %d bands x %d rows, want %d x %d", tt.t, tt.size, b, r, tt.size/tt.wantRows, tt.wantRows)
		}
		// The S-curve must rise through the threshold: a pair well below it
		// is rarely a candidate, one well above it almost always.
		p := func(s float64) float64 { return Collision(s, b, r, 1) }
		if hi := math.Min(1, tt.t*2); p(hi) < 0.9 {
			t.Errorf("t=%g: P(%g) = %.3f, want >= 0.9", tt.t, hi, p(hi))
		}
	}
}

func TestJaccardFloor(t *testing.T) {
	// A 100-shingle copy fully inside a 400-shingle page: J = 100/400.
	if got := JaccardFloor(1, 4); math.Abs(got-0.25) > 1e-12 {
		t.Errorf("JaccardFloor(1, 4) = %g, want 0.25", got)
	}
	// Half of 100 inside 100: |∩| = 50, |∪| = 150.
	if got := JaccardFloor(0.5, 1); math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("JaccardFloor(0.5, 1) = %g, want 1/3", got)
	}
}

func TestCandidates(t *testing.T) {
	sigs := []uint32{
		1, 2, 3, 4,
		1, 2, 9, 9, // shares band 0 with doc 0
		7, 7, 3, 4, // shares band 1 with doc 0
		5, 6, 8, 8,
		1, 2, 3, 4, // skipped
	}
	skip := []bool{false, false, false, false, true}
	pairs, st := LSH{Bands: 2, Rows: 2, Hits: 1, BucketCap: 10}.Candidates(sigs, 4, skip)
	want := []uint64{0<<32 | 1, 0<<32 | 2}
	if len(pairs) != len(want) {
		t.Fatalf("pairs = %x, want %x", pairs, want)
	}
	for i := range want {
		if pairs[i] != want[i] {
			t.Fatalf("pairs = %x, want %x", pairs, want)
		}
	}
	if st.EmptySignature != 1 || st.Candidates != 2 {
		t.Errorf("stats = %+v", st)
	}
	// A bucket over the cap is skipped and counted.
	pairs, st = LSH{Bands: 2, Rows: 2, Hits: 1, BucketCap: 1}.Candidates(sigs, 4, skip)
	if len(pairs) != 0 || st.Oversized != 2 || st.OversizedDocs != 4 {
		t.Errorf("with cap 1: pairs %x, stats %+v", pairs, st)
	}
}

func TestCollision(t *testing.T) {
	for _, s := range []float64{0, 0.05, 0.3, 0.9, 1} {
		want := 1 - math.Pow(1-math.Pow(s, 2), 64)
		if got := Collision(s, 64, 2, 1); math.Abs(got-want) > 1e-12 {
			t.Errorf("Collision(%g, 64, 2, 1) = %g, want %g", s, got, want)
		}
	}
	// Two hits of 128 one-row bands at s: 1 - (1-s)^128 - 128 s (1-s)^127.
	s := 0.05
	want := 1 - math.Pow(1-s, 128) - 128*s*math.Pow(1-s, 127)
	if got := Collision(s, 128, 1, 2); math.Abs(got-want) > 1e-12 {
		t.Errorf("Collision(0.05, 128, 1, 2) = %g, want %g", got, want)
	}
	// A copy at the default LSH threshold is found with two hits...
	if got := Collision(JaccardFloor(0.2, 4), 128, 1, 2); got < 0.95 {
		t.Errorf("P(candidate) at the default threshold = %.3f", got)
	}
	// ...while a pair sharing one stock phrase in 100 rarely is.
	if got := Collision(0.01, 128, 1, 2); got > 0.4 {
		t.Errorf("P(candidate) at J=0.01 = %.3f", got)
	}
}

func TestCandidatesHits(t *testing.T) {
	sigs := []uint32{
		1, 2, 3, 4,
		1, 2, 9, 9, // two bands with doc 0
		7, 8, 3, 9, // one band with doc 0
	}
	skip := make([]bool, 3)
	pairs, st := LSH{Bands: 4, Rows: 1, Hits: 2, BucketCap: 10}.Candidates(sigs, 4, skip)
	if len(pairs) != 1 || pairs[0] != 0<<32|1 || st.Collisions != 3 {
		t.Errorf("pairs %x, stats %+v; want only (0,1) of 3 colliding pairs", pairs, st)
	}
}

func TestPairCountsMerge(t *testing.T) {
	var c PairCounts
	var spare PairCounts
	c, spare = c.Merge([]uint64{1, 1, 5, 9, 9, 9}, spare), c
	c = c.Merge([]uint64{0, 5, 5, 10}, spare)
	wantP := []uint64{0, 1, 5, 9, 10}
	wantN := []uint32{1, 2, 3, 3, 1}
	if !slices.Equal(c.Pairs, wantP) || !slices.Equal(c.N, wantN) {
		t.Errorf("merge: pairs %v counts %v, want %v %v", c.Pairs, c.N, wantP, wantN)
	}
}

// crowdedSigs returns n signatures of size values drawn from 400, so
// that bands collide often.
func crowdedSigs(n, size int, seed uint64) []uint32 {
	r := rand.New(rand.NewPCG(seed, seed))
	sigs := make([]uint32, n*size)
	for i := range sigs {
		sigs[i] = r.Uint32() % 400
	}
	return sigs
}

func TestCandidatesPassesAgree(t *testing.T) {
	const n, size = 3000, 16
	sigs := crowdedSigs(n, size, 9)
	skip := make([]bool, n)
	l := LSH{Bands: size, Rows: 1, Hits: 2, BucketCap: 500}
	one, st1 := l.Candidates(sigs, size, skip)
	defer func(d int) { docsPerPass = d }(docsPerPass)
	docsPerPass = 1000 // four passes
	four, st4 := l.Candidates(sigs, size, skip)
	if len(one) == 0 || !slices.Equal(one, four) || st1 != st4 {
		t.Errorf("one pass: %d pairs %+v; four passes: %d pairs %+v", len(one), st1, len(four), st4)
	}
	// Buckets stored in many small blocks give the same pairs.
	defer func(b int) { blockLen = b }(blockLen)
	blockLen = 7
	small, st := l.Candidates(sigs, size, skip)
	if !slices.Equal(one, small) || st1 != st {
		t.Errorf("blocks of 7: %d pairs %+v; one: %d pairs %+v", len(small), st, len(one), st1)
	}
	// Any number of workers sharing the bands gives the same pairs.
	for _, w := range []int{2, 3, 64} {
		l.Workers = w
		got, st := l.Candidates(sigs, size, skip)
		if !slices.Equal(one, got) || st1 != st {
			t.Errorf("%d workers: %d pairs %+v; one: %d pairs %+v", w, len(got), st, len(one), st1)
		}
	}
}

// TestCandidatesProgress checks that Progress counts every band and pass
// once, up to its total, whatever the workers.
func TestCandidatesProgress(t *testing.T) {
	const n, size = 3000, 16
	sigs := crowdedSigs(n, size, 10)
	defer func(d int) { docsPerPass = d }(docsPerPass)
	docsPerPass = 1000 // four passes
	for _, w := range []int{1, 3} {
		var mu sync.Mutex
		var seen []int
		total := 0
		l := LSH{Bands: size, Rows: 1, Hits: 2, BucketCap: 500, Workers: w, Progress: func(done, tot int) {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, done)
			total = tot
		}}
		l.Candidates(sigs, size, make([]bool, n))
		slices.Sort(seen)
		want := make([]int, size+4)
		for i := range want {
			want[i] = i + 1
		}
		if total != size+4 || !slices.Equal(seen, want) {
			t.Errorf("%d workers: progress %v of %d, want 1 to %d once each", w, seen, total, size+4)
		}
	}
}
