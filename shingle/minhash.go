package shingle

import "math/bits"

// DefaultSignatureSize is the number of bins in a signature unless the
// caller chooses otherwise.
const DefaultSignatureSize = 128

// A Signature is a MinHash sketch of a shingle set: one 64-bit value per
// bin. Two signatures are comparable only if they were made with the same
// Version, shingle size, signature size and seed.
type Signature []uint64

// empty marks a bin that no shingle fell into.
const empty = ^uint64(0)

// Sign writes into sig the signature of the shingle set, using seed.
// len(sig) is the number of bins and may be any size of at least 1.
//
// Duplicates in set do not change the signature, so set may be raw
// Hashes output. Sets of 32-bit hashes (the low half of Hashes' values, as
// scan keeps them) sign the same way. An empty set gives a signature of all ^uint64(0).
// Sign takes O(1) time per hash plus O(len(sig)) for densification.
//
// The scheme is one-permutation hashing with optimal densification; see
// the package documentation.
func Sign[H uint32 | uint64](sig Signature, set []H, seed uint64) {
	if len(sig) == 0 {
		panic("shingle: Sign with an empty signature")
	}
	for i := range sig {
		sig[i] = empty
	}
	n := uint64(len(sig))
	for _, h := range set {
		v := mix(uint64(h) ^ seed)
		b, _ := bits.Mul64(v, n)
		if v < sig[b] {
			sig[b] = v
		}
	}
	if len(set) == 0 {
		return
	}
	densify(sig, seed)
}

// densify fills each empty bin of sig with the value of the first
// originally non-empty bin on the bin's probe sequence. The sequence is a
// function of the seed, the bin index and the attempt number only, so two
// documents that both leave bin i empty fill it from the same bin whenever
// they have the same bins filled: the collision probability of each bin
// stays the Jaccard similarity (Shrivastava 2017).
func densify(sig Signature, seed uint64) {
	n := uint64(len(sig))
	filled := 0
	for _, v := range sig {
		if v != empty {
			filled++
		}
	}
	if filled == 0 || filled == len(sig) {
		// Nothing to fill, or nothing to fill from (the one-in-2^64 case
		// where every hash of a tiny set mixed to the empty marker).
		return
	}
	probe := mix(seed ^ 0x9e3779b97f4a7c15)
	for i, v := range sig {
		if v != empty {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j, _ := bits.Mul64(mix(probe^uint64(i)<<32^attempt), n)
			// A bin is originally non-empty if it holds a value that
			// hashes to it; a bin filled by densification holds a value
			// that hashes to another bin.
			if w := sig[j]; w != empty && binOf(w, n) == j {
				sig[i] = w
				break
			}
		}
	}
}

// binOf returns the bin of a mixed hash among n bins.
func binOf(v, n uint64) uint64 {
	b, _ := bits.Mul64(v, n)
	return b
}

// mix is the 64-bit finaliser of MurmurHash3: a cheap bijection whose
// every output bit depends on every input bit.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// Similarity estimates the Jaccard similarity of two shingle sets from
// their signatures: the fraction of bins in which they agree. Two
// signatures of empty sets agree everywhere. Similarity panics if the
// signatures differ in length.
func Similarity(a, b Signature) float64 {
	if len(a) != len(b) {
		panic("shingle: Similarity of signatures of different sizes")
	}
	if len(a) == 0 {
		return 0
	}
	eq := 0
	for i, v := range a {
		if v == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}
