package index

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/reprint-news/reprint/cluster"
)

// Index is an open index: its manifest, and per segment what a query
// needs in memory (record offsets, band fences, the template directory).
// Records, band blocks and outlet templates are read when needed. An Index
// is safe for concurrent queries; Add and Close are not.
type Index struct {
	dir    string
	params Params
	segs   []*segment

	mu      sync.Mutex
	outlets map[string]*hashSet // merged template shingles of an outlet, "" corpus-wide
}

// file is what a segment reads from: an *os.File, or memory in tests.
type file interface {
	io.ReaderAt
	io.Closer
}

// segment is one open segment file.
type segment struct {
	entry   segEntry
	path    string
	f       file
	base    uint32 // index-wide number of its first document
	docs    uint32
	signed  uint32
	secs    [numSections + 1]section
	offsets []uint64 // record starts, within the records section, and its end
	fences  []uint32 // per band, per block: first key
	crcs    []uint32 // per band, per block: checksum
	blocks  int      // blocks per band
	tmpl    map[string]tmplRef
}

type tmplRef struct {
	off   int64 // within the templates section
	count uint32
	crc   uint32
}

// Open opens the index in dir and checks what it holds in memory: the
// manifest, every segment's header and its offsets, fences and template
// directory. Everything else is checked when it is read (see Verify).
func Open(dir string) (*Index, error) {
	p, entries, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	ix := &Index{dir: dir, params: p, outlets: map[string]*hashSet{}}
	var base uint64
	for _, e := range entries {
		s, err := openSegment(filepath.Join(dir, e.name), e, p)
		if err != nil {
			ix.Close()
			return nil, err
		}
		s.base = uint32(base)
		base += uint64(s.docs)
		if base >= 1<<32 {
			ix.Close()
			return nil, corrupt(dir, "more than 2^32 documents")
		}
		ix.segs = append(ix.segs, s)
	}
	return ix, nil
}

// Close closes the segment files.
func (ix *Index) Close() error {
	var first error
	for _, s := range ix.segs {
		if err := s.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	ix.segs = nil
	return first
}

// Params returns the index's parameters.
func (ix *Index) Params() Params { return ix.params }

// Dir returns the index's directory.
func (ix *Index) Dir() string { return ix.dir }

// Docs returns the number of documents indexed.
func (ix *Index) Docs() int {
	n := 0
	for _, s := range ix.segs {
		n += int(s.docs)
	}
	return n
}

func openSegment(path string, e segEntry, want Params) (*segment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.Size() != e.size {
		f.Close()
		return nil, corrupt(path, "%d bytes, the manifest says %d (truncated or replaced)", st.Size(), e.size)
	}
	s, err := newSegment(f, path, e, want)
	if err != nil {
		f.Close()
	}
	return s, err
}

// newSegment reads and checks a segment's header and the sections held in
// memory, from f of e.size bytes.
func newSegment(f file, path string, e segEntry, want Params) (*segment, error) {
	h, err := readHeader(f, e.size, path, kindSegment, maxSegmentHeader)
	if err != nil {
		return nil, err
	}
	if h.crc != e.crc {
		return nil, corrupt(path, "header is not the one the manifest names")
	}
	if diff := h.params.Diff(want); diff != "" {
		return nil, fmt.Errorf("%s: %w: segment written with %s (the manifest's)", path, ErrParams, diff)
	}
	s := &segment{entry: e, path: path, f: f}
	d := decoder{b: h.body}
	s.docs, s.signed = d.u32(), d.u32()
	if d.u32() != numSections {
		return nil, corrupt(path, "section count")
	}
	end := h.length
	for id := 1; id <= numSections; id++ {
		if d.u32() != uint32(id) {
			return nil, corrupt(path, "section table")
		}
		sec := section{off: int64(d.u64()), len: int64(d.u64()), crc: d.u32()}
		if d.err != nil || sec.off != end || sec.len < 0 || sec.len > e.size-sec.off {
			return nil, corrupt(path, "section %d at %d, %d bytes", id, sec.off, sec.len)
		}
		end = sec.off + sec.len
		s.secs[id] = sec
	}
	if d.err != nil || len(d.b) != 0 || end != e.size || s.docs != e.docs || s.signed > s.docs {
		return nil, corrupt(path, "segment table does not fit the file")
	}
	if err := s.load(want); err != nil {
		return nil, err
	}
	return s, nil
}

// readSection reads a whole section and checks its checksum.
func (s *segment) readSection(id int) ([]byte, error) {
	sec := s.secs[id]
	buf := make([]byte, sec.len)
	if _, err := s.f.ReadAt(buf, sec.off); err != nil {
		return nil, corrupt(s.path, "section %d: %v", id, err)
	}
	if checksum(buf) != sec.crc {
		return nil, corrupt(s.path, "section %d checksum mismatch", id)
	}
	return buf, nil
}

// load reads the sections held in memory.
func (s *segment) load(p Params) error {
	if want := (int64(s.docs) + 1) * 8; s.secs[secOffsets].len != want {
		return corrupt(s.path, "offsets section of %d bytes for %d documents", s.secs[secOffsets].len, s.docs)
	}
	s.blocks = (int(s.signed) + blockLen - 1) / blockLen
	if want := int64(p.Bands) * int64(s.signed) * 8; s.secs[secBands].len != want {
		return corrupt(s.path, "band section of %d bytes, want %d", s.secs[secBands].len, want)
	}
	if want := int64(p.Bands) * int64(s.blocks) * 8; s.secs[secFences].len != want {
		return corrupt(s.path, "fence section of %d bytes, want %d", s.secs[secFences].len, want)
	}
	buf, err := s.readSection(secOffsets)
	if err != nil {
		return err
	}
	s.offsets = make([]uint64, s.docs+1)
	for i := range s.offsets {
		s.offsets[i] = le.Uint64(buf[8*i:])
		if s.offsets[i] > uint64(s.secs[secRecords].len) || i > 0 && (s.offsets[i] < s.offsets[i-1] || s.offsets[i]-s.offsets[i-1] < 8) {
			return corrupt(s.path, "record offsets out of order at %d", i)
		}
	}
	if s.offsets[0] != 0 || s.offsets[s.docs] != uint64(s.secs[secRecords].len) {
		return corrupt(s.path, "record offsets do not cover the records")
	}
	if buf, err = s.readSection(secFences); err != nil {
		return err
	}
	n := len(buf) / 8
	s.fences, s.crcs = make([]uint32, n), make([]uint32, n)
	for i := range n {
		s.fences[i], s.crcs[i] = le.Uint32(buf[8*i:]), le.Uint32(buf[8*i+4:])
	}
	if buf, err = s.readSection(secOutlets); err != nil {
		return err
	}
	s.tmpl = map[string]tmplRef{}
	d := decoder{b: buf}
	prev := ""
	for len(d.b) > 0 && d.err == nil {
		name := d.str()
		r := tmplRef{off: int64(d.u64()), count: d.u32(), crc: d.u32()}
		if d.err != nil || len(s.tmpl) > 0 && name <= prev || r.off < 0 || r.off > s.secs[secTemplates].len || int64(r.count) > (s.secs[secTemplates].len-r.off)/4 {
			return corrupt(s.path, "template directory at %q", name)
		}
		s.tmpl[name], prev = r, name
	}
	if d.err != nil {
		return corrupt(s.path, "template directory: %v", d.err)
	}
	return nil
}

// templates reads one outlet's template shingles ("" the corpus-wide ones).
func (s *segment) templates(outlet string) ([]uint32, error) {
	r, ok := s.tmpl[outlet]
	if !ok {
		return nil, nil
	}
	buf := make([]byte, 4*int64(r.count))
	if _, err := s.f.ReadAt(buf, s.secs[secTemplates].off+r.off); err != nil {
		return nil, corrupt(s.path, "templates of %q: %v", outlet, err)
	}
	if checksum(buf) != r.crc {
		return nil, corrupt(s.path, "templates of %q: checksum mismatch", outlet)
	}
	hs := (&decoder{b: buf}).hashes(uint64(r.count))
	if !slices.IsSorted(hs) {
		return nil, corrupt(s.path, "templates of %q out of order", outlet)
	}
	return hs, nil
}

// templates returns the template shingles of outlet ("" the corpus-wide
// ones) that any segment stored, merged, read once.
func (ix *Index) templates(outlet string) (*hashSet, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if hs, ok := ix.outlets[outlet]; ok {
		return hs, nil
	}
	var lists [][]uint32
	for _, s := range ix.segs {
		hs, err := s.templates(outlet)
		if err != nil {
			return nil, err
		}
		lists = append(lists, hs)
	}
	hs := newHashSet(merge(lists...))
	ix.outlets[outlet] = hs
	return hs, nil
}

// record is one indexed document as stored.
type record struct {
	Doc
	item cluster.Item
}

// record reads and checks document i of the segment.
func (s *segment) record(i uint32) (*record, error) {
	if i >= s.docs {
		return nil, corrupt(s.path, "document %d of %d", i, s.docs)
	}
	start, end := s.offsets[i], s.offsets[i+1]
	buf := make([]byte, end-start)
	if _, err := s.f.ReadAt(buf, s.secs[secRecords].off+int64(start)); err != nil {
		return nil, corrupt(s.path, "record %d: %v", i, err)
	}
	r, err := decodeRecord(buf)
	if err != nil {
		return nil, corrupt(s.path, "record %d: %v", i, err)
	}
	return r, nil
}

func decodeRecord(buf []byte) (*record, error) {
	d := decoder{b: buf}
	crc, n := d.u32(), d.u32()
	if d.err != nil || int64(n) != int64(len(d.b)) {
		return nil, fmt.Errorf("length does not match")
	}
	if checksum(buf[4:]) != crc {
		return nil, fmt.Errorf("checksum mismatch")
	}
	r := &record{}
	flags := d.u8()
	r.ID, r.Outlet, r.URL, r.Title = d.str(), d.str(), d.str(), d.str()
	if flags&flagDated != 0 {
		sec, nsec, off := int64(d.u64()), d.u32(), int32(d.u32())
		if nsec >= 1e9 {
			return nil, fmt.Errorf("bad date")
		}
		r.Date = time.Unix(sec, int64(nsec)).In(time.FixedZone("", int(off)))
		if off == 0 {
			r.Date = r.Date.UTC()
		}
	}
	r.Fingerprint = d.u64()
	ns, nh, nt := d.uvarint(), d.uvarint(), d.uvarint()
	r.item.Outlet = r.Outlet
	r.item.Set = d.hashes(ns)
	head, tail := d.hashes(nh), d.hashes(nt)
	if flags&flagEnds != 0 {
		r.item.Head, r.item.Tail = head, tail
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 || flags&^(flagDated|flagEnds) != 0 {
		return nil, fmt.Errorf("does not decode to its length")
	}
	for k := 1; k < len(r.item.Set); k++ {
		if r.item.Set[k] <= r.item.Set[k-1] {
			return nil, fmt.Errorf("shingle set out of order")
		}
	}
	return r, nil
}

// block reads and checks block k of band b: entries key<<32|doc, sorted.
func (s *segment) block(b, k int, buf []byte, out []uint64) ([]uint64, error) {
	first := k * blockLen
	n := min(blockLen, int(s.signed)-first)
	buf = buf[:8*n]
	off := s.secs[secBands].off + (int64(b)*int64(s.signed)+int64(first))*8
	if _, err := s.f.ReadAt(buf, off); err != nil && err != io.EOF {
		return nil, corrupt(s.path, "band %d block %d: %v", b, k, err)
	}
	f := b*s.blocks + k
	if checksum(buf) != s.crcs[f] {
		return nil, corrupt(s.path, "band %d block %d: checksum mismatch", b, k)
	}
	out = out[:0]
	for i := range n {
		e := le.Uint64(buf[8*i:])
		if uint32(e) >= s.docs || len(out) > 0 && e < out[len(out)-1] || i == 0 && uint32(e>>32) != s.fences[f] {
			return nil, corrupt(s.path, "band %d block %d: entries out of order", b, k)
		}
		out = append(out, e)
	}
	return out, nil
}
