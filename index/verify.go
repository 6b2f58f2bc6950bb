package index

import "context"

// Verify reads the whole index and checks every byte: each section
// against its checksum, every record, every band block and its fence,
// every outlet's templates. It returns the first problem found.
func (ix *Index) Verify(ctx context.Context) error {
	for _, s := range ix.segs {
		if err := s.verify(ctx, ix.params); err != nil {
			return err
		}
	}
	return nil
}

func (s *segment) verify(ctx context.Context, p Params) error {
	// Whole sections first: a flipped byte anywhere shows here.
	for id := 1; id <= numSections; id++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.checkSection(id); err != nil {
			return err
		}
	}
	nonEmpty := make([]bool, s.docs)
	for i := range s.docs {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r, err := s.record(i)
		if err != nil {
			return err
		}
		nonEmpty[i] = len(r.item.Set) > 0
	}
	// Band tables: each block checked, sorted across blocks, every signed
	// document once per band.
	buf := make([]byte, 8*blockLen)
	var blk []uint64
	seen := make([]uint32, s.docs)
	for b := range int(p.Bands) {
		if err := ctx.Err(); err != nil {
			return err
		}
		var prev uint64
		for k := range s.blocks {
			var err error
			if blk, err = s.block(b, k, buf, blk); err != nil {
				return err
			}
			if k > 0 && blk[0] < prev {
				return corrupt(s.path, "band %d block %d: entries out of order", b, k)
			}
			prev = blk[len(blk)-1]
			for _, e := range blk {
				if seen[uint32(e)] != uint32(b) {
					return corrupt(s.path, "band %d: document %d twice", b, uint32(e))
				}
				seen[uint32(e)]++
			}
		}
	}
	for i, n := range seen {
		if nonEmpty[i] != (n == p.Bands) || n != 0 && n != p.Bands {
			return corrupt(s.path, "document %d is in %d of %d bands", i, n, p.Bands)
		}
	}
	for name := range s.tmpl {
		if _, err := s.templates(name); err != nil {
			return err
		}
	}
	return nil
}

// checkSection reads a section in pieces and checks its checksum.
func (s *segment) checkSection(id int) error {
	sec := s.secs[id]
	crc := uint32(0)
	buf := make([]byte, 1<<20)
	for off := int64(0); off < sec.len; {
		n := min(int64(len(buf)), sec.len-off)
		if _, err := s.f.ReadAt(buf[:n], sec.off+off); err != nil {
			return corrupt(s.path, "section %d: %v", id, err)
		}
		crc = crcUpdate(crc, buf[:n])
		off += n
	}
	if crc != sec.crc {
		return corrupt(s.path, "section %d checksum mismatch", id)
	}
	return nil
}
