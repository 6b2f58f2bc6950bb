// Package shingle turns text into sets of hashed word shingles and sketches
// those sets with MinHash, so that copies of a story can be found by
// comparing a few hundred bytes per document instead of its text.
//
// # Shingles
//
// A copy of a wire story is rarely byte-for-byte the original: outlets
// re-type quotes and dashes, lose non-breaking spaces, change case in
// headlines and paste from sources in fullwidth or decomposed forms.
// Normalize removes those differences first: NFKC, full Unicode case
// folding and NFKC again, repeated until nothing changes (one round is
// not always a fixpoint), then every quote and apostrophe to ' or ",
// every dash and hyphen to '-', invisible soft hyphens and zero-width
// characters out, and white space to single spaces.
//
// Tokens are the maximal runs of letters, digits and combining marks of
// any script; everything else separates them, so "don't" gives "don" and
// "t" and a URL gives its words. Scripts written without spaces (Han,
// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) give one token per
// character, with its marks. A shingle is k consecutive tokens (K = 5 by
// default) joined by single spaces, and its hash (Hash) is XXH3, xxHash's
// 64-bit hash, of those bytes; a document of fewer than k tokens has one
// shingle of all of them. A Shingler builds the joined tokens in one
// buffer, so each shingle is a sub-slice of it and hashing allocates
// nothing.
//
// Most runes normalise on their own, so normalisation runs from a table of
// the Basic Multilingual Plane, built on first use (about 10 ms), and
// usually in the same pass as tokenisation. Only runes that interact with
// their neighbours (combining marks, Hangul jamo and the like) go through
// golang.org/x/text with the rune before them. Tests check the fast path
// against the plain pipeline on the whole text.
//
// # Signatures
//
// Classic MinHash hashes every shingle once per bin: k hash computations
// per shingle for a k-bin signature. Sign instead uses one-permutation
// hashing (Li, Owen and Zhang, "One Permutation Hashing", NIPS 2012) with
// optimal densification (Shrivastava, "Optimal Densification for Fast and
// Accurate Minwise Hashing", ICML 2017), which does O(1) work per shingle:
//
//  1. Mix each shingle hash h with the seed: v = fmix64(h ^ seed), the
//     MurmurHash3 finaliser, a bijection.
//  2. Its bin among m is the high word of the 128-bit product v·m, which
//     is uniform for any m, not only powers of two.
//  3. Each bin keeps the smallest v that falls in it.
//  4. Densification: an empty bin i takes the value of the first bin j in
//     the probe sequence j = bin(fmix64(p ^ i<<32 ^ a)), a = 1, 2, ...
//     (p derived from the seed) that received a value in step 3. The
//     sequence depends only on the seed, i and a, never on the document,
//     so two documents densify consistently and each bin still agrees
//     with probability equal to the Jaccard similarity. A bin filled in
//     step 3 is recognised by its value mapping to it in step 2, so no
//     extra memory is needed.
//
// Similarity is the fraction of bins in which two signatures agree: an
// unbiased estimate of the Jaccard similarity with standard error close to
// sqrt(J(1-J)/m); the tests check both on seeded random sets. An empty set
// has the signature of all ^uint64(0).
//
// # Compatibility
//
// Two signatures can be compared only if they were made with the same
// Version, the same shingle size k, the same signature size m and the same
// seed; shingle hashes only if Version and k match. Whatever stores them
// (an index of a baseline corpus) must record all four. Version changes
// whenever normalisation, tokenisation, shingle hashing or the signature
// layout changes, including when a new Go release brings new Unicode
// tables (TestUnicodeVersion fails when that happens).
//
// Version history:
//
//	1  first version: Unicode 15.0 tables, the scheme above, shingles
//	   hashed with XXH64
//	2  shingles hashed with XXH3 (64-bit, seed 0) instead of XXH64
package shingle

// Version changes whenever normalisation, tokenisation, shingle hashing
// or signature layout changes.
const Version = 2
