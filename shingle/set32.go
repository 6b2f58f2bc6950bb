package shingle

import "math/bits"

// set32 is an open-addressing hash set of 32-bit hashes (linear probing,
// at most half full) with a small bit filter in front. Filtering a large
// corpus takes hundreds of millions of look-ups, most of them for hashes
// that are not in the set: the filter, 16 to 32 bits per member and so
// far smaller than the table, answers most of those without touching it.
// It sets two bits per member in one 64-bit word (a blocked Bloom
// filter): one word read a look-up, and one hash in 60 to 170 not in the
// set passes it, where one bit a member let one in 16 through
// (BenchmarkFilterLarge, where few hashes are members: 5.5 -> 3.75 ms). A
// Go map was several times slower.
type set32 struct {
	slots     []uint32 // 0 marks an empty slot
	filter    []uint64 // for every member, its filterBits set
	shift     uint     // 64 - log2(len(filter))
	slotShift uint     // 32 - log2(len(slots))
	n         int
	hasZero   bool
}

// A member's slot is the top bits of slotMix(h), so that the slots of
// hashes in increasing order of slotMix are in increasing order for any
// table size: see Templates.Add.
func (s *set32) slot(h uint32) uint32 { return slotMix(h) >> s.slotShift }

// slotMix is a bijection of the hashes (a multiplication by an odd
// number, undone by unmixSlot).
func slotMix(h uint32) uint32   { return h * 0x9e3779b1 }
func unmixSlot(m uint32) uint32 { return m * 0x0e8b2f51 } // 0x9e3779b1's inverse modulo 2^32

// filterMix spreads h over 64 bits: the top bits pick the filter's word,
// the low twelve its two bits.
func filterMix(h uint32) uint64 { return uint64(h) * 0x9e3779b97f4a7c15 }

// filterBits returns the word and the two bits of the filter for the mix x.
func (s *set32) filterBits(x uint64) (word, mask uint64) {
	return x >> s.shift, 1<<(x&63) | 1<<(x>>6&63)
}

// mayHave is the filter alone: false means h is not in the set; true,
// that probe must say. h is in the set if mayHave(h) && probe(h), written
// out where it is needed: the compiler inlines each of the two, but not a
// method that calls both (over its inlining budget), and the call cost a
// third of the time of a look-up that the filter answers.
func (s *set32) mayHave(h uint32) bool {
	if h == 0 || len(s.filter) == 0 {
		return h == 0
	}
	w, b := s.filterBits(filterMix(h))
	return s.filter[w]&b == b
}

// probe looks h up in the table, once the filter let it pass.
func (s *set32) probe(h uint32) bool {
	if h == 0 {
		return s.hasZero
	}
	for i := s.slot(h); ; i = (i + 1) & uint32(len(s.slots)-1) {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// add inserts h and reports whether it was new.
func (s *set32) add(h uint32) bool {
	if h == 0 {
		was := s.hasZero
		s.hasZero = true
		return !was
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	for i := s.slot(h); ; i = (i + 1) & uint32(len(s.slots)-1) {
		switch s.slots[i] {
		case h:
			return false
		case 0:
			s.slots[i] = h
			s.n++
			w, b := s.filterBits(filterMix(h))
			s.filter[w] |= b
			return true
		}
	}
}

func (s *set32) grow() { s.resize(max(16, 2*len(s.slots))) }

// reserve makes room for n more members, so that adding them does not
// grow the table. Adding many members in increasing order of slotMix (in
// slot order) needs it: into a table that grows as they come, they would
// crowd into its first slots.
func (s *set32) reserve(n int) {
	if need := 2 * (s.n + n); need > len(s.slots) {
		s.resize(max(16, 1<<bits.Len(uint(need-1))))
	}
}

// resize moves the members to a table of size slots, a power of two.
func (s *set32) resize(size int) {
	old := s.slots
	s.slots = make([]uint32, size)
	s.filter = make([]uint64, len(s.slots)/8) // 16 bits per member at most half full: 8 per slot
	s.shift = uint(64 - bits.TrailingZeros(uint(len(s.filter))))
	s.slotShift = uint(32 - bits.TrailingZeros(uint(len(s.slots))))
	s.n = 0
	for _, h := range old { // in slot order, so in the new table's too
		if h != 0 {
			s.add(h)
		}
	}
}
