package shingle

import "slices"

// Outlets returns the outlets that have template shingles of their own,
// sorted.
func (t *Templates) Outlets() []string {
	var out []string
	for id, name := range t.names {
		if t.outlets[id].n > 0 || t.outlets[id].hasZero {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Hashes returns the template shingles of outlet, sorted, not counting
// the corpus-wide ones; outlet "" gives the corpus-wide ones. It is what a
// persistent index stores to suppress the same text in later documents.
func (t *Templates) Hashes(outlet string) []uint32 {
	if outlet == "" {
		return t.common.list()
	}
	id, ok := t.outletID[outlet]
	if !ok {
		return nil
	}
	return t.outlets[id].list()
}

// list returns the members, sorted.
func (s *set32) list() []uint32 {
	out := make([]uint32, 0, s.n+1)
	if s.hasZero {
		out = append(out, 0)
	}
	for _, h := range s.slots {
		if h != 0 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}
