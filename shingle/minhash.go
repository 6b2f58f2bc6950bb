package shingle

import (
	"math/bits"
	"sync/atomic"
)

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
//
// The first probeDepth bins of every sequence come from a table worked
// out once per signature size and seed (see probesFor), and the bins
// filled before densification are marked in a bit set, so an attempt is
// two look-ups. Pages left with few shingles once template text is gone
// have most bins empty, and each then takes many attempts: at 100k
// documents densification took 0.17 CPU s computing each bin of each
// sequence, 0.10 with the table.
func densify(sig Signature, seed uint64) {
	n := len(sig)
	var small [16]uint64 // the filled bins, for up to 1,024 bins
	filled := small[:]
	if n > 64*len(small) {
		filled = make([]uint64, (n+63)/64)
	}
	k := 0
	for i, v := range sig {
		if v != empty {
			filled[i/64] |= 1 << (i % 64)
			k++
		}
	}
	if k == 0 || k == n {
		// Nothing to fill, or nothing to fill from (the one-in-2^64 case
		// where every hash of a tiny set mixed to the empty marker).
		return
	}
	pt := probesFor(n, seed)
	base := probeBase(seed)
	for i, v := range sig {
		if v != empty {
			continue
		}
		attempt := 1
		if pt != nil {
			for _, j := range pt.bins[i*probeDepth : (i+1)*probeDepth] {
				if filled[j/64]&(1<<(j%64)) != 0 {
					sig[i] = sig[j]
					break
				}
				attempt++
			}
			if attempt <= probeDepth {
				continue
			}
		}
		for ; ; attempt++ {
			j := probeBin(base, i, attempt, n)
			if filled[j/64]&(1<<(j%64)) != 0 {
				sig[i] = sig[j]
				break
			}
		}
	}
}

// probeDepth is how many bins of each probe sequence a probeTable holds:
// a bin needs more only when fewer than about one bin in ten is filled.
const probeDepth = 32

// probeTable holds the first probeDepth bins of every bin's probe sequence
// (densify) for one signature size and seed.
type probeTable struct {
	n    int
	seed uint64
	bins []uint32 // bin i's sequence at bins[i*probeDepth:]
}

// lastProbes is the table probesFor made last. Signers use one size and
// seed at a time, so one table serves; a caller with another size or seed
// only costs a new table (immutable, so goroutines may share it; at worst
// two build the same one).
var lastProbes atomic.Pointer[probeTable]

// probesFor returns the probe table for n bins and seed, or nil for
// signatures of more than 4,096 bins (densify then works each bin out).
func probesFor(n int, seed uint64) *probeTable {
	if n > 4096 {
		return nil
	}
	if t := lastProbes.Load(); t != nil && t.n == n && t.seed == seed {
		return t
	}
	t := &probeTable{n: n, seed: seed, bins: make([]uint32, n*probeDepth)}
	base := probeBase(seed)
	for i := range n {
		for a := range probeDepth {
			t.bins[i*probeDepth+a] = uint32(probeBin(base, i, a+1, n))
		}
	}
	lastProbes.Store(t)
	return t
}

// probeBase is what every probe sequence of a seed starts from.
func probeBase(seed uint64) uint64 { return mix(seed ^ 0x9e3779b97f4a7c15) }

// probeBin is the bin that bin i of n bins tries on its attempt-th probe
// (from 1), for probe base base.
func probeBin(base uint64, i, attempt, n int) uint64 {
	j, _ := bits.Mul64(mix(base^uint64(i)<<32^uint64(attempt)), uint64(n))
	return j
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
