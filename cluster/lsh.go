package cluster

import (
	"math"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/reprint-news/reprint/internal/radix"
)

// Params returns the band layout (bands, rows per band, bands*rows <=
// size) that minimises the sum of the false-positive and false-negative
// areas of the LSH S-curve around the Jaccard threshold t, when a pair is a
// candidate if it collides in at least hits bands:
//
//	P(s) = P(Binomial(bands, s^rows) >= hits)
//	FP = integral over [0,t] of P(s) ds,   FN = integral over [t,1] of 1-P(s) ds
//
// weighted equally. Lower thresholds favour many bands of few rows.
func Params(t float64, size, hits int) (bands, rows int) {
	best := math.Inf(1)
	for r := 1; r <= size; r++ {
		b := size / r
		if b < hits {
			break
		}
		p := func(s float64) float64 { return Collision(s, b, r, hits) }
		fp := integrate(p, 0, t)
		fn := integrate(func(s float64) float64 { return 1 - p(s) }, t, 1)
		if e := fp + fn; e < best {
			best, bands, rows = e, b, r
		}
	}
	return bands, rows
}

// Collision is the probability that two documents of Jaccard similarity s
// collide in at least hits of bands bands of rows rows each.
func Collision(s float64, bands, rows, hits int) float64 {
	q := math.Pow(s, float64(rows)) // one band
	// P(Binomial(bands, q) < hits), term by term.
	below, term := 0.0, math.Pow(1-q, float64(bands))
	for k := 0; k < hits; k++ {
		below += term
		if q == 1 {
			break
		}
		term *= float64(bands-k) / float64(k+1) * q / (1 - q)
	}
	return max(0, min(1, 1-below))
}

// integrate is the trapezoid rule with a fixed number of steps: the curves
// are smooth and the result only ranks layouts.
func integrate(f func(float64) float64, a, b float64) float64 {
	const steps = 256
	if b <= a {
		return 0
	}
	h := (b - a) / steps
	sum := (f(a) + f(b)) / 2
	for i := 1; i < steps; i++ {
		sum += f(a + float64(i)*h)
	}
	return sum * h
}

// JaccardFloor is the lowest Jaccard similarity two sets can have when the
// smaller, of size n, has containment c in a larger one of at most ratio*n
// elements: c*n / (n + ratio*n - c*n). LSH is tuned for it so that a copy
// embedded in a page up to ratio times its size is still a candidate.
func JaccardFloor(c, ratio float64) float64 {
	return c / (1 + ratio - c)
}

// LSHStats counts what candidate generation saw.
type LSHStats struct {
	Bands, Rows    int
	Hits           int // bands a pair must collide in
	Collisions     int // distinct pairs colliding in at least one band
	Candidates     int // distinct pairs colliding in at least Hits bands
	Oversized      int // buckets larger than the cap, skipped
	OversizedDocs  int // bucket entries in those buckets
	EmptySignature int // documents with nothing left to sign
}

// LSH is a banding of signatures: Bands bands of Rows rows; a pair is a
// candidate when it collides in at least Hits of them. Buckets of more
// than BucketCap documents are skipped. Workers goroutines share the bands
// (0 or 1: one); the result does not depend on how many.
type LSH struct {
	Bands, Rows, Hits, BucketCap int
	Workers                      int
	// Progress, when set, is told how far Candidates is, from any
	// goroutine: done of total steps, a step being a band sorted or a
	// pass over the pair space counted.
	Progress func(done, total int)
}

// Candidates returns the distinct pairs of documents (i<j, packed as
// i<<32|j, sorted) whose signatures agree on all rows of at least l.Hits
// bands. sigs holds every document's signature, size values each, back to
// back; skip[i] excludes document i (nothing to sign). There may be at
// most 2^31 documents.
//
// One band at a time, every document's band key and index are packed into
// one uint64 (key<<32 | doc) in a flat slice that is sorted: equal keys
// become runs, with no maps of slices and no per-bucket allocation. A run
// of more than BucketCap documents is skipped and counted: it is chrome or
// boilerplate that survived suppression, and its pairs would swamp
// verification. Each band is sorted once, keeping only its buckets of two
// or more documents. Colliding pairs are counted from those in sorted runs
// merged as they grow, so memory stays near the number of distinct pairs;
// in a large corpus the pairs are counted in passes over disjoint parts of
// the pair space. Each worker takes every Workers-th band and keeps its
// own counts; the counts are summed at the end.
func (l LSH) Candidates(sigs []uint32, size int, skip []bool) ([]uint64, LSHStats) {
	st := LSHStats{Bands: l.Bands, Rows: l.Rows, Hits: l.Hits}
	for _, s := range skip {
		if s {
			st.EmptySignature++
		}
	}
	workers := min(max(1, l.Workers), max(1, l.Bands))
	// Each worker sorts its bands once and keeps only the buckets of two
	// or more documents (few, next to every document's key in every
	// band); the passes below reread those.
	passes := 1 + len(skip)/docsPerPass // see below
	var steps atomic.Int64
	step := func() {
		if l.Progress != nil {
			l.Progress(int(steps.Add(1)), l.Bands+passes)
		}
	}
	shares := make([]buckets, workers)
	stats := make([]LSHStats, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			shares[w] = l.bucketize(sigs, size, skip, w, workers, &stats[w], step)
		})
	}
	wg.Wait()
	for _, s := range stats {
		st.Oversized += s.Oversized
		st.OversizedDocs += s.OversizedDocs
	}
	// Pairs that collide once are most of the collisions and are counted
	// only to be dropped: in a large corpus, count them in passes over
	// disjoint parts of the pair space (by the first document's index) so
	// that only one part's counts are held at a time.
	// Each worker's counting memory, and the sums', serve every pass: at
	// a million documents a pass's counts take tens of MB, which fresh
	// each time cost more to allocate than to fill.
	// Pairs are counted packed in 2*pb bits, a<<pb|b, which sort in fewer
	// radix passes than a<<32|b.
	pb := bits.Len(uint(max(len(skip)-1, 1)))
	var pairs []uint64
	scratch := make([]countScratch, workers)
	accs := make([]PairCounts, workers)
	var sums [2]PairCounts
	for pass := range passes {
		for w := range workers {
			wg.Go(func() {
				accs[w] = shares[w].collide(pass, passes, pb, &scratch[w])
			})
		}
		wg.Wait()
		acc := accs[0]
		for w := 1; w < workers; w++ {
			// The sum goes to the buffer acc is not in.
			acc = acc.add(accs[w], sums[w%2])
			sums[w%2] = acc
		}
		for i, p := range acc.Pairs {
			if int(acc.N[i]) >= l.Hits {
				pairs = append(pairs, p>>pb<<32|p&(1<<pb-1))
			}
		}
		st.Collisions += len(acc.Pairs)
		step()
	}
	radix.Sort64(pairs, nil)
	st.Candidates = len(pairs)
	return pairs, st
}

// buckets are the colliding buckets of some bands: the documents of each
// bucket of 2 to BucketCap documents, increasing, back to back, the last
// of each bucket marked with lastInBucket (most buckets hold two
// documents, so a separate array of bucket ends would cost as much again).
//
// They are kept in blocks of at least blockLen values, each holding whole
// buckets: a million documents' bands collide in tens of millions of
// entries, which one growing slice would copy over and over.
type buckets struct {
	blocks [][]uint32
}

// blockLen is the smallest block of buckets (a variable for tests).
var blockLen = 1 << 20

// add appends one bucket's documents.
func (bk *buckets) add(entries []uint64) {
	n := len(bk.blocks)
	if n == 0 || len(bk.blocks[n-1])+len(entries) > cap(bk.blocks[n-1]) {
		bk.blocks = append(bk.blocks, make([]uint32, 0, max(blockLen, len(entries))))
		n++
	}
	b := bk.blocks[n-1]
	for _, e := range entries {
		b = append(b, uint32(e))
	}
	b[len(b)-1] |= lastInBucket
	bk.blocks[n-1] = b
}

// lastInBucket marks the last document of a bucket; document indexes stay
// below it.
const lastInBucket = 1 << 31

// bucketize sorts bands first, first+step, ... by key and keeps their
// colliding buckets; oversized buckets are counted in st and dropped.
// It calls done after each band.
func (l LSH) bucketize(sigs []uint32, size int, skip []bool, first, step int, st *LSHStats, done func()) buckets {
	n, rows := len(skip), l.Rows
	entries := make([]uint64, 0, n)
	var buf []uint64
	var bk buckets
	for b := first; b < l.Bands; b += step {
		entries = entries[:0]
		for i := range n {
			if !skip[i] {
				sig := sigs[i*size : (i+1)*size]
				entries = append(entries, uint64(BandKey(b, sig[b*rows:(b+1)*rows]))<<32|uint64(i))
			}
		}
		// Documents were appended in increasing order, so a stable sort
		// on the key alone orders each bucket's documents too.
		buf = radix.SortHigh64(entries, buf, 4)
		for i := 0; i < len(entries); {
			j := i + 1
			for j < len(entries) && entries[j]>>32 == entries[i]>>32 {
				j++
			}
			switch run := j - i; {
			case run > l.BucketCap:
				st.Oversized++
				st.OversizedDocs += run
			case run > 1:
				bk.add(entries[i:j])
			}
			i = j
		}
		done()
	}
	return bk
}

// countScratch is the memory collide counts in, kept from one pass to
// the next.
type countScratch struct {
	acc, spare PairCounts // merged into each other in turn
	raw, buf   []uint64
}

// collide counts, for the pairs whose first document is pass modulo
// passes, the buckets they share: the bands they collide in. Pairs are
// packed a<<pb|b. The counts are in s's memory, good until the next call
// with s.
func (bk *buckets) collide(pass, passes, pb int, s *countScratch) PairCounts {
	acc, spare, raw, buf := s.acc, s.spare, s.raw[:0], s.buf
	acc.Pairs, acc.N = acc.Pairs[:0], acc.N[:0]
	for _, block := range bk.blocks {
		acc, spare, raw, buf = collideBlock(block, pass, passes, pb, acc, spare, raw, buf)
	}
	buf = radix.SortBits64(raw, buf, 2*pb)
	out := acc.Merge(raw, spare)
	s.acc, s.spare, s.raw, s.buf = out, acc, raw, buf
	return out
}

// collideBlock is collide over one block of buckets, with the counts so
// far and the scratch slices passed through.
func collideBlock(block []uint32, pass, passes, pb int, acc, spare PairCounts, raw, buf []uint64) (_, _ PairCounts, _, _ []uint64) {
	for start := 0; start < len(block); {
		end := start
		for block[end]&lastInBucket == 0 {
			end++
		}
		end++
		docs := block[start:end]
		start = end
		for x, a := range docs {
			a &^= lastInBucket
			if int(a)%passes != pass {
				continue
			}
			for _, b := range docs[x+1:] {
				raw = append(raw, uint64(a)<<pb|uint64(b&^lastInBucket))
			}
		}
		// A true copy collides in many bands: fold the raw pairs into the
		// counts whenever they outgrow them.
		if len(raw) > max(1<<20, len(acc.Pairs)) {
			buf = radix.SortBits64(raw, buf, 2*pb)
			acc, spare = acc.Merge(raw, spare), acc
			raw = raw[:0]
		}
	}
	return acc, spare, raw, buf
}

// docsPerPass sets the number of passes Candidates makes over the pair
// space: one per this many documents.
var docsPerPass = 250_000

// PairCounts is a sorted set of pairs of documents (packed a<<32|b) with
// how many bands each collided in. Callers that collect colliding pairs
// (Candidates; a persistent index's queries) fold them in with Merge.
type PairCounts struct {
	Pairs []uint64
	N     []uint32
}

// Merge returns the counts with sorted raw pairs (with repeats) added,
// built in out's memory (out may be a spare PairCounts to reuse, or the
// zero value).
func (c PairCounts) Merge(raw []uint64, out PairCounts) PairCounts {
	if n := len(c.Pairs) + len(raw); cap(out.Pairs) < n || cap(out.N) < n {
		// At most this many; grown by appends it would be copied often.
		out.Pairs, out.N = make([]uint64, 0, n), make([]uint32, 0, n)
	}
	out.Pairs, out.N = out.Pairs[:0], out.N[:0]
	i, j := 0, 0
	for i < len(c.Pairs) || j < len(raw) {
		var p uint64
		var k uint32
		switch {
		case j == len(raw) || i < len(c.Pairs) && c.Pairs[i] < raw[j]:
			p, k = c.Pairs[i], c.N[i]
			i++
		case i == len(c.Pairs) || raw[j] < c.Pairs[i]:
			p = raw[j]
		default: // equal
			p, k = c.Pairs[i], c.N[i]
			i++
		}
		for j < len(raw) && raw[j] == p {
			k++
			j++
		}
		out.Pairs = append(out.Pairs, p)
		out.N = append(out.N, k)
	}
	return out
}

// add returns the counts of c and d summed, in out's memory if it is
// large enough (out must not share memory with c or d).
func (c PairCounts) add(d, out PairCounts) PairCounts {
	if n := len(c.Pairs) + len(d.Pairs); cap(out.Pairs) < n || cap(out.N) < n {
		out.Pairs, out.N = make([]uint64, 0, n), make([]uint32, 0, n)
	}
	out.Pairs, out.N = out.Pairs[:0], out.N[:0]
	i, j := 0, 0
	for i < len(c.Pairs) || j < len(d.Pairs) {
		switch {
		case j == len(d.Pairs) || i < len(c.Pairs) && c.Pairs[i] < d.Pairs[j]:
			out.Pairs, out.N = append(out.Pairs, c.Pairs[i]), append(out.N, c.N[i])
			i++
		case i == len(c.Pairs) || d.Pairs[j] < c.Pairs[i]:
			out.Pairs, out.N = append(out.Pairs, d.Pairs[j]), append(out.N, d.N[j])
			j++
		default:
			out.Pairs, out.N = append(out.Pairs, c.Pairs[i]), append(out.N, c.N[i]+d.N[j])
			i++
			j++
		}
	}
	return out
}

// BandKey hashes one band's rows together with the band's index. With one
// row per band the key is the value itself: the band index only matters
// within a band's own sort. A persistent index stores these keys, so the
// function is part of its format: change it only with a format version.
func BandKey(band int, rows []uint32) uint32 {
	if len(rows) == 1 {
		return rows[0]
	}
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	for _, v := range rows {
		h ^= uint64(v)
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 31
	}
	return uint32(h)
}
