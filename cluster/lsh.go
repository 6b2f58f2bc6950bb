package cluster

import (
	"math"
	"slices"

	"github.com/reprint-news/reprint/shingle"
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

type bandEntry struct {
	key uint64
	doc uint32
}

// Candidates returns the distinct pairs of documents (i<j, packed as
// i<<32|j, sorted) whose signatures agree on all rows of at least one band.
// Band keys live in one flat slice that is sorted, not in maps of slices.
// A bucket with more than bucketCap documents is skipped and counted: it is
// chrome or boilerplate that survived suppression, and its pairs would
// swamp verification. skip[i] excludes document i (nothing to sign).
func Candidates(sigs []shingle.Signature, skip []bool, bands, rows, bucketCap int) ([]uint64, LSHStats) {
	st := LSHStats{Bands: bands, Rows: rows}
	entries := make([]bandEntry, 0, len(sigs)*bands)
	for i, sig := range sigs {
		if skip[i] {
			st.EmptySignature++
			continue
		}
		for b := range bands {
			entries = append(entries, bandEntry{bandKey(b, sig[b*rows:(b+1)*rows]), uint32(i)})
		}
	}
	slices.SortFunc(entries, func(x, y bandEntry) int {
		if x.key != y.key {
			if x.key < y.key {
				return -1
			}
			return 1
		}
		return int(x.doc) - int(y.doc)
	})
	var pairs []uint64
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].key == entries[i].key {
			j++
		}
		switch n := j - i; {
		case n > bucketCap:
			st.Oversized++
			st.OversizedDocs += n
		case n > 1:
			for x := i; x < j; x++ {
				for y := x + 1; y < j; y++ {
					if entries[x].doc != entries[y].doc {
						pairs = append(pairs, uint64(entries[x].doc)<<32|uint64(entries[y].doc))
					}
				}
			}
		}
		i = j
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	st.Candidates = len(pairs)
	return pairs, st
}

// bandKey hashes one band's rows together with the band's index, so equal
// values in different bands never share a bucket.
func bandKey(band int, rows []uint64) uint64 {
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	for _, v := range rows {
		h ^= v
		h *= 0xbf58476d1ce4e5b9
		h ^= h >> 31
	}
	return h
}
