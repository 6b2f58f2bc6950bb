package cluster

import (
	"math"
	"slices"
)

// Params returns the band layout (bands, rows per band, bands*rows <= size)
// that minimises the sum of the false-positive and false-negative areas of
// the LSH S-curve P(s) = 1-(1-s^rows)^bands around the Jaccard threshold t:
//
//	FP = integral over [0,t] of P(s) ds,   FN = integral over [t,1] of 1-P(s) ds
//
// weighted equally. Lower thresholds favour many bands of few rows.
func Params(t float64, size int) (bands, rows int) {
	best := math.Inf(1)
	for r := 1; r <= size; r++ {
		b := size / r
		if b == 0 {
			break
		}
		p := func(s float64) float64 { return 1 - math.Pow(1-math.Pow(s, float64(r)), float64(b)) }
		fp := integrate(p, 0, t)
		fn := integrate(func(s float64) float64 { return 1 - p(s) }, t, 1)
		if e := fp + fn; e < best {
			best, bands, rows = e, b, r
		}
	}
	return bands, rows
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
	Candidates     int // distinct pairs
	Oversized      int // buckets larger than the cap, skipped
	OversizedDocs  int // bucket entries in those buckets
	EmptySignature int // documents with nothing left to sign
}

// Candidates returns the distinct pairs of documents (i<j, packed as
// i<<32|j, sorted) whose signatures agree on all rows of at least one band.
// sigs holds every document's signature, size values each, back to back;
// skip[i] excludes document i (nothing to sign).
//
// One band at a time, every document's band key and index are packed into
// one uint64 (key<<32 | doc) in a flat slice that is sorted: equal keys
// become runs, with no maps of slices and no per-bucket allocation. A run
// of more than bucketCap documents is skipped and counted: it is chrome or
// boilerplate that survived suppression, and its pairs would swamp
// verification.
func Candidates(sigs []uint32, size int, skip []bool, bands, rows, bucketCap int) ([]uint64, LSHStats) {
	st := LSHStats{Bands: bands, Rows: rows}
	for _, s := range skip {
		if s {
			st.EmptySignature++
		}
	}
	n := len(skip)
	entries := make([]uint64, 0, n)
	var pairs []uint64
	compacted := 0 // length of pairs after the last deduplication
	for b := range bands {
		entries = entries[:0]
		for i := range n {
			if !skip[i] {
				sig := sigs[i*size : (i+1)*size]
				entries = append(entries, uint64(bandKey(b, sig[b*rows:(b+1)*rows]))<<32|uint64(i))
			}
		}
		slices.Sort(entries)
		for i := 0; i < len(entries); {
			j := i + 1
			for j < len(entries) && entries[j]>>32 == entries[i]>>32 {
				j++
			}
			switch run := j - i; {
			case run > bucketCap:
				st.Oversized++
				st.OversizedDocs += run
			case run > 1:
				for x := i; x < j; x++ {
					for y := x + 1; y < j; y++ {
						pairs = append(pairs, entries[x]<<32|entries[y]&(1<<32-1))
					}
				}
			}
			i = j
		}
		// A true copy collides in many bands: deduplicate whenever the
		// list has doubled, so memory stays near the distinct pairs.
		if len(pairs) > max(1<<22, 2*compacted) {
			pairs = sortedUnique(pairs)
			compacted = len(pairs)
		}
	}
	pairs = sortedUnique(pairs)
	st.Candidates = len(pairs)
	return pairs, st
}

func sortedUnique(p []uint64) []uint64 {
	slices.Sort(p)
	return slices.Compact(p)
}

// bandKey hashes one band's rows together with the band's index. With one
// row per band the key is the value itself: the band index only matters
// within a band's own sort.
func bandKey(band int, rows []uint32) uint32 {
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
