package shingle

// set32 is an open-addressing hash set of 32-bit hashes (linear probing,
// at most half full). A template look-up is one multiply and, mostly, one
// cache line: several times faster than a Go map for the hundreds of
// millions of look-ups filtering a large corpus takes.
type set32 struct {
	slots   []uint32 // 0 marks an empty slot
	n       int
	hasZero bool
}

func (s *set32) slot(h uint32) uint32 {
	return (h * 0x9e3779b1) & uint32(len(s.slots)-1)
}

func (s *set32) has(h uint32) bool {
	if h == 0 {
		return s.hasZero
	}
	if s.n == 0 {
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
			return true
		}
	}
}

func (s *set32) grow() {
	old := s.slots
	s.slots = make([]uint32, max(16, 2*len(old)))
	s.n = 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
