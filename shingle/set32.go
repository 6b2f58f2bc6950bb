package shingle

// set32 is an open-addressing hash set of 32-bit hashes (linear probing,
// at most half full) with a small bit filter in front. Filtering a large
// corpus takes hundreds of millions of look-ups, most of them for hashes
// that are not in the set: the filter, 16 bits per member and so small
// enough for a core's cache, answers most of those without touching the
// table. A Go map was several times slower.
type set32 struct {
	slots   []uint32 // 0 marks an empty slot
	filter  []uint64 // bit filterBit(h) set for every member
	n       int
	hasZero bool
}

func (s *set32) slot(h uint32) uint32 { return (h * 0x9e3779b1) & uint32(len(s.slots)-1) }

func (s *set32) filterBit(h uint32) uint32 {
	return (h * 0x85ebca6b >> 7) & uint32(64*len(s.filter)-1)
}

func (s *set32) has(h uint32) bool {
	if h == 0 {
		return s.hasZero
	}
	if s.n == 0 {
		return false
	}
	if b := s.filterBit(h); s.filter[b/64]&(1<<(b%64)) == 0 {
		return false
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
			b := s.filterBit(h)
			s.filter[b/64] |= 1 << (b % 64)
			return true
		}
	}
}

func (s *set32) grow() {
	old := s.slots
	s.slots = make([]uint32, max(16, 2*len(old)))
	s.filter = make([]uint64, len(s.slots)/8) // 16 bits per member at most half full: 8 per slot
	s.n = 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
