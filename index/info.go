package index

// Info describes an open index.
type Info struct {
	Dir           string
	FormatVersion int
	Params        Params
	Docs          int
	Bytes         int64 // of the segment files
	Segments      []SegmentInfo
}

// SegmentInfo describes one segment.
type SegmentInfo struct {
	Name            string
	Docs            int
	Signed          int // documents with shingles left to match on
	Bytes           int64
	Outlets         int // outlets with template shingles stored
	CommonTemplates int // corpus-wide template shingles stored
	OutletTemplates int // outlet template shingles stored, summed over outlets
}

// Info returns counts and parameters of the index.
func (ix *Index) Info() Info {
	in := Info{Dir: ix.dir, FormatVersion: FormatVersion, Params: ix.params}
	for _, s := range ix.segs {
		si := SegmentInfo{Name: s.entry.name, Docs: int(s.docs), Signed: int(s.signed), Bytes: s.entry.size}
		for name, r := range s.tmpl {
			if name == "" {
				si.CommonTemplates = int(r.count)
			} else {
				si.Outlets++
				si.OutletTemplates += int(r.count)
			}
		}
		in.Docs += si.Docs
		in.Bytes += si.Bytes
		in.Segments = append(in.Segments, si)
	}
	return in
}
