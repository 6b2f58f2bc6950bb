package shingle

import (
	"slices"

	"github.com/zeebo/xxh3"

	"github.com/reprint-news/reprint/internal/radix"
)

// Hash is the hash of one shingle's bytes (its tokens joined by single
// spaces): XXH3, the 64-bit hash of the xxHash family, with seed 0.
//
// XXH3 replaced XXH64 (github.com/cespare/xxhash/v2) in Version 2: on
// shingles of 20 to 45 bytes it hashes in 8 ns against 20, as it reads a
// short input in a fixed few steps by its length class where XXH64 steps
// through the tail bytes with branches the processor cannot predict.
func Hash(shingle []byte) uint64 { return xxh3.Hash(shingle) }

// Hashes appends to dst the Hash of every k-shingle of text, in document
// order with repeats kept, and returns the extended slice.
//
// The text is normalised (Normalize) and cut into tokens; a shingle is k
// consecutive tokens joined by single spaces, so its hash equals
// Hash([]byte(strings.Join(tokens[i:i+k], " "))). A text of fewer than k
// tokens has one shingle made of all of them; a text without tokens has
// none.
//
// Once dst and the Shingler's buffers are large enough, Hashes does not
// allocate.
func (s *Shingler) Hashes(dst []uint64, text string) []uint64 {
	n := s.tokenize(text)
	if n == 0 {
		return dst
	}
	tok, starts := s.tok, s.starts
	if n < s.k {
		return append(dst, Hash(tok))
	}
	dst = slices.Grow(dst, n-s.k+1)
	for i, end := range starts[s.k:] {
		// The shingle runs from token i to the space before token i+k.
		dst = append(dst, Hash(tok[starts[i]:end-1]))
	}
	return dst
}

// Set sorts h and removes duplicates in place, returning the shortened
// slice: the shingle set of a document, ready for exact Jaccard and
// containment by merging.
func Set(h []uint64) []uint64 {
	sortHashes(h, 56)
	return slices.Compact(h)
}

// Set32 appends to dst the shingle set of h as 32-bit hashes (the low
// half of each), sorted and without duplicates, and returns it with
// scratch, the sorting space, for reuse. This is the set scan keeps and
// signs for every document.
func Set32(dst []uint32, h []uint64, scratch []uint32) (set, _ []uint32) {
	start := len(dst)
	for _, v := range h {
		dst = append(dst, uint32(v))
	}
	scratch = radix.Sort(dst[start:], scratch)
	return dst[:start+len(slices.Compact(dst[start:]))], scratch
}

// sortHashes sorts h, whose values agree above bit shift+8, by an
// in-place most-significant-digit radix sort (American flag sort) on the
// byte at shift. Hashes are uniform, so one pass leaves buckets small
// enough for insertion sort; runs of equal bytes just go one byte deeper.
func sortHashes(h []uint64, shift uint) {
	switch {
	case len(h) <= 16:
		for i := 1; i < len(h); i++ {
			for j := i; j > 0 && h[j] < h[j-1]; j-- {
				h[j], h[j-1] = h[j-1], h[j]
			}
		}
		return
	case len(h) <= 64:
		slices.Sort(h)
		return
	}
	var count [256]int
	for _, v := range h {
		count[byte(v>>shift)]++
	}
	var next, end [256]int // next free slot and end of each bucket
	sum := 0
	for d, c := range count {
		next[d] = sum
		sum += c
		end[d] = sum
	}
	for d := range 256 {
		for next[d] < end[d] {
			// Carry the value at the head of bucket d to its own bucket,
			// and the value found there to its own, until one belongs in d.
			v := h[next[d]]
			for e := int(byte(v >> shift)); e != d; e = int(byte(v >> shift)) {
				h[next[e]], v = v, h[next[e]]
				next[e]++
			}
			h[next[d]] = v
			next[d]++
		}
	}
	if shift == 0 {
		return
	}
	start := 0
	for _, e := range end {
		sortHashes(h[start:e], shift-8)
		start = e
	}
}
