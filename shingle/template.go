package shingle

import (
	"math/bits"
	"unsafe"

	"github.com/cespare/xxhash/v2"

	"github.com/reprint-news/reprint/internal/par"
	"github.com/reprint-news/reprint/internal/radix"
)

// TemplateOptions sets when a shingle counts as template text rather than
// evidence of copying. The zero value means the defaults.
type TemplateOptions struct {
	// OutletMinDocs: a shingle found in at least this many distinct
	// documents of one outlet is that outlet's template (header, footer,
	// appeal, recurring related-story titles, its own brief templates).
	// Default 3.
	OutletMinDocs int
	// OutletShare, if set, raises that bar for large outlets to this share
	// of their documents. Default 0: template text such as rotating
	// related-story lists recurs in a few pages near each other in time,
	// however large the outlet.
	OutletShare float64
	// CorpusMinDocs and CorpusShare: a shingle found in at least
	// max(CorpusMinDocs, CorpusShare*N) distinct documents of the whole
	// corpus is dropped everywhere. Defaults 50 and 0.005.
	CorpusMinDocs int
	CorpusShare   float64
}

func (o TemplateOptions) withDefaults() TemplateOptions {
	if o.OutletMinDocs <= 0 {
		o.OutletMinDocs = 3
	}
	if o.CorpusMinDocs <= 0 {
		o.CorpusMinDocs = 50
	}
	if o.CorpusShare <= 0 {
		o.CorpusShare = 0.005
	}
	return o
}

// Templates holds the shingles that are not evidence of copying: those
// dropped from every document, and those dropped from one outlet's
// documents.
//
// Learning works on counts, not on documents, so that it can run over a
// corpus larger than memory: the caller assigns outlet IDs (OutletID) and
// counts distinct documents (Count) while it reads; it spills one entry
// Entry(h, outlet) per distinct shingle of each distinct document,
// partitioned by the hash's high bits, and hands each partition, sorted, to
// Learn. LearnTemplates does all of that in memory.
type Templates struct {
	opt        TemplateOptions
	outletID   map[string]uint32
	names      []string
	outletDocs []int
	docs       int

	common  set32   // dropped from every document
	outlets []set32 // by outlet ID: dropped from that outlet's documents
	// merged, after Seal, holds per outlet ID its set and the common one
	// together, so that filtering costs one look-up a shingle; nil when
	// not sealed or too large.
	merged []parted

	Common int            // number of corpus-wide template shingles
	Outlet map[string]int // number of template shingles per outlet
}

// NoOutlet is the outlet ID of documents whose outlet is unknown.
const NoOutlet = 1<<32 - 1

// NewTemplates returns an empty Templates to learn into.
func NewTemplates(opt TemplateOptions) *Templates {
	return &Templates{
		opt:      opt.withDefaults(),
		outletID: make(map[string]uint32),
		Outlet:   make(map[string]int),
	}
}

// OutletID returns the ID of an outlet, assigning the next one to an
// outlet not seen before; "" gets NoOutlet. Not safe for concurrent use.
func (t *Templates) OutletID(outlet string) uint32 {
	if outlet == "" {
		return NoOutlet
	}
	id, ok := t.outletID[outlet]
	if !ok {
		id = uint32(len(t.names))
		t.outletID[outlet] = id
		t.names = append(t.names, outlet)
		t.outletDocs = append(t.outletDocs, 0)
		t.outlets = append(t.outlets, set32{})
	}
	return id
}

// Count records one distinct document of outlet id.
func (t *Templates) Count(id uint32) {
	t.docs++
	if id != NoOutlet {
		t.outletDocs[id]++
	}
}

// Entry is what Learn counts: shingle h seen in a document of outlet id.
func Entry(h, id uint32) uint64 { return uint64(h)<<32 | uint64(id) }

// Learn adds the template shingles shown by entries, sorted, which must
// hold every entry of the hashes they contain (one partition of the hash
// space). Call it after every document has been counted.
func (t *Templates) Learn(entries []uint64) {
	t.Add(t.Find(nil, entries))
}

// Find appends to dst the template shingles shown by entries (as Learn
// takes them), each as Entry(h, outlet ID), NoOutlet for the corpus-wide
// ones, and returns it. It only reads the counts, so partitions can be
// found concurrently once every document has been counted; Add then adds
// them, in a fixed order.
func (t *Templates) Find(dst, entries []uint64) []uint64 {
	return find(t, dst, entries)
}

// FindWords is Find for entries packed in 32 bits, as scan logs them: a
// hash's low 24 bits above an outlet ID below 255, all of the hashes whose
// top byte is top, sorted by hash; the IDs of one hash may come in any
// order (radix.SortHigh24 sorts words so, in two passes where a full sort
// takes three). Sorting and reading half the bytes, it is the fast way for
// corpora of fewer than 255 outlets. It returns what Find would, in the
// same order.
func (t *Templates) FindWords(dst []uint64, words []uint32, top byte) []uint64 {
	corpusNeed, minNeed := t.needs()
	var count [256]int32 // of each outlet in a run of mixed outlets
	for i := 0; i < len(words); {
		w := words[i] >> 8
		j := i + 1
		for j < len(words) && words[j]>>8 == w {
			j++
		}
		if j-i < minNeed {
			i = j
			continue
		}
		h := uint32(top)<<24 | w
		if j-i >= corpusNeed {
			dst = append(dst, Entry(h, NoOutlet))
		}
		run := words[i:j]
		i = j
		id := run[0] & 0xff
		mixed := false
		for _, w := range run[1:] {
			if w&0xff != id {
				mixed = true
				break
			}
		}
		if !mixed { // the common case: an outlet's own template text
			if t.outletTemplate(id, len(run)) {
				dst = append(dst, Entry(h, id))
			}
			continue
		}
		var seen [4]uint64 // the outlets counted, in increasing order
		for _, w := range run {
			count[w&0xff]++
			seen[w>>6&3] |= 1 << (w & 63)
		}
		for k, bits64 := range seen {
			for ; bits64 != 0; bits64 &= bits64 - 1 {
				id := uint32(k<<6 | bits.TrailingZeros64(bits64))
				if t.outletTemplate(id, int(count[id])) {
					dst = append(dst, Entry(h, id))
				}
				count[id] = 0
			}
		}
	}
	return dst
}

// needs returns how many documents make a shingle corpus-wide template
// text, and the fewest any bar needs.
func (t *Templates) needs() (corpus, least int) {
	corpus = max(t.opt.CorpusMinDocs, int(t.opt.CorpusShare*float64(t.docs)))
	return corpus, min(t.opt.OutletMinDocs, corpus)
}

// outletTemplate reports whether a shingle in n documents of outlet id is
// that outlet's template text.
func (t *Templates) outletTemplate(id uint32, n int) bool {
	return id != NoOutlet && n >= t.opt.OutletMinDocs && n >= int(t.opt.OutletShare*float64(t.outletDocs[id]))
}

// find is Find: entries are Entry values, sorted.
func find(t *Templates, dst []uint64, entries []uint64) []uint64 {
	hash := func(e uint64) uint32 { return uint32(e >> 32) }
	outlet := func(e uint64) uint32 { return uint32(e) }
	// Most shingles are in one or two documents: a hash seen fewer times
	// than any bar needs is passed over without looking at its outlets.
	corpusNeed, minNeed := t.needs()
	for i := 0; i < len(entries); {
		h := hash(entries[i])
		j := i + 1
		for j < len(entries) && hash(entries[j]) == h {
			j++
		}
		if j-i < minNeed {
			i = j
			continue
		}
		if j-i >= corpusNeed {
			dst = append(dst, Entry(h, NoOutlet))
		}
		for k := i; k < j; {
			id := outlet(entries[k])
			l := k + 1
			for l < j && outlet(entries[l]) == id {
				l++
			}
			if t.outletTemplate(id, l-k) {
				dst = append(dst, Entry(h, id))
			}
			k = l
		}
		i = j
	}
	return dst
}

// Add adds template shingles found by Find. It may overwrite found.
//
// Many entries at once (scan adds all of them in one call) go in faster:
// Add makes room in each set once, then adds each set's hashes in slot
// order, so that its table fills from one end to the other instead of at
// random places (at 100k documents, 826,000 template shingles in 12
// tables of 1.25 MB: 0.22 -> 0.05 CPU s, grows included).
func (t *Templates) Add(found []uint64) {
	t.merged = nil
	if len(found) < addSorted {
		for _, e := range found {
			t.add(uint32(e), uint32(e>>32))
		}
		return
	}
	// Sort by set (the common one last), then slot order: each key is the
	// set's index above the hash's slotMix.
	common := uint64(len(t.outlets))
	n := make([]int, common+1)
	keys := found // in place: at a million documents found is 90 MB
	for i, e := range found {
		set := uint64(uint32(e))
		if set == NoOutlet {
			set = common
		}
		n[set]++
		keys[i] = set<<32 | uint64(slotMix(uint32(e>>32)))
	}
	for set, k := range n[:common] {
		t.outlets[set].reserve(k)
	}
	t.common.reserve(n[common])
	radix.Sort64(keys, nil)
	for _, k := range keys {
		id := uint32(k >> 32)
		if id == uint32(common) {
			id = NoOutlet
		}
		t.add(id, unmixSlot(uint32(k)))
	}
}

// addSorted is the number of entries from which Add sorts them first.
const addSorted = 1 << 12

func (t *Templates) add(id uint32, h uint32) {
	switch {
	case id == NoOutlet:
		if t.common.add(h) {
			t.Common++
		}
	case t.outlets[id].add(h):
		t.Outlet[t.names[id]]++
	}
}

// LearnTemplates learns templates from documents in memory: sets[i] is
// document i's shingle set (sorted, unique) and outlets[i] its outlet (""
// when unknown: such documents count towards the corpus only). Documents
// with identical shingle sets are counted once, so a page crawled twice
// does not turn its own text into template.
func LearnTemplates(outlets []string, sets [][]uint32, opt TemplateOptions) *Templates {
	t := NewTemplates(opt)
	seen := make(map[uint64]bool, len(sets))
	var entries []uint64
	for i, s := range sets {
		id := t.OutletID(outlets[i])
		if fp := Fingerprint(s); !seen[fp] {
			seen[fp] = true
			t.Count(id)
			for _, h := range s {
				entries = append(entries, Entry(h, id))
			}
		}
	}
	radix.Sort64(entries, nil)
	t.Learn(entries)
	t.Seal(1)
	return t
}

// Fingerprint identifies a shingle set within one process: equal sets,
// equal fingerprints. It hashes the set's memory as it lies, so its value
// depends on the machine's byte order: never store it.
func Fingerprint(set []uint32) uint64 {
	if len(set) == 0 {
		return xxhash.Sum64(nil)
	}
	return xxhash.Sum64(unsafe.Slice((*byte)(unsafe.Pointer(&set[0])), 4*len(set)))
}

// mergeBudget bounds the extra set entries Seal may spend on copies of the
// corpus-wide set, one per outlet.
const mergeBudget = 4 << 20

// partLen is about how many template shingles Seal puts in one part of an
// outlet's merged set: 16,384 of them take 160 to 320 KB with the bit
// filter, so a part stays in a core's cache while many sets are filtered
// against it (FilterSets).
const partLen = 1 << 14

// A parted set is an outlet's merged template set split by the top bits of
// the hash into 1<<bits parts, each a set32 of its own. An outlet of a
// million documents has near a million template shingles, megabytes of
// table: a look-up in it waits on memory. Filtering many sets one part at
// a time keeps each part in cache.
type parted struct {
	bits  uint // parts are 1<<bits
	parts []set32
}

// index returns the number of the part that holds h.
func (p *parted) index(h uint32) uint32 { return h >> (32 - p.bits) } // (a shift of 32 gives 0)

// part returns the part that holds h.
func (p *parted) part(h uint32) *set32 { return &p.parts[p.index(h)] }

// Seal is called once learning is over: it prepares for fast filtering by
// merging the corpus-wide template set into each outlet's (when the copies
// fit in mergeBudget entries), so Filter makes one look-up per shingle
// instead of two, and by splitting large outlets' sets into parts (see
// parted). It builds the outlets' sets on workers goroutines (at 100k
// documents, 42 ms on one). Learn after Seal undoes it. Not safe for
// concurrent use; Filter, FilterSets and IsTemplate are, once sealed.
func (t *Templates) Seal(workers int) {
	t.merged = nil
	if len(t.outlets)*(t.common.n+1) > mergeBudget {
		return
	}
	merged := make([]parted, len(t.outlets))
	par.For(len(t.outlets), workers, func() func(int) {
		return func(id int) {
			m := &merged[id]
			for n := t.common.n + t.outlets[id].n; n > partLen<<m.bits && m.bits < 16; {
				m.bits++
			}
			m.parts = make([]set32, 1<<m.bits)
			// The members come in slot order: make room first (see
			// set32.reserve).
			n := make([]int, len(m.parts))
			for _, s := range []*set32{&t.common, &t.outlets[id]} {
				for _, h := range s.slots {
					if h != 0 {
						n[m.index(h)]++
					}
				}
			}
			for i, k := range n {
				m.parts[i].reserve(k)
			}
			for _, s := range []*set32{&t.common, &t.outlets[id]} {
				if s.hasZero {
					m.part(0).add(0)
				}
				for _, h := range s.slots {
					if h != 0 {
						m.part(h).add(h)
					}
				}
			}
		}
	})
	t.merged = merged
}

// Filter appends to dst the hashes of set that are template text neither
// of the corpus nor of outlet, and returns it. dst may be set[:0] to
// filter in place.
func (t *Templates) Filter(dst []uint32, outlet string, set []uint32) []uint32 {
	id, ok := t.outletID[outlet]
	if ok && t.merged != nil {
		m := &t.merged[id]
		if m.bits == 0 {
			// One part, the common case: without working out each
			// hash's part, the loop takes a third less time.
			p := &m.parts[0]
			for _, h := range set {
				if !p.mayHave(h) || !p.probe(h) {
					dst = append(dst, h)
				}
			}
			return dst
		}
		for _, h := range set {
			if p := m.part(h); !p.mayHave(h) || !p.probe(h) {
				dst = append(dst, h)
			}
		}
		return dst
	}
	for _, h := range set {
		if !t.isTemplate(id, ok, h) {
			dst = append(dst, h)
		}
	}
	return dst
}

// FilterSets filters sets, the sorted shingle sets of documents of one
// outlet, in place: it keeps what Filter would, and returns them
// shortened. Filtering many sets at once, it looks up the shingles of
// every set in one part of the outlet's templates before it goes on to the
// next part, so the part stays in cache (BenchmarkFilterLarge: 1,024 sets
// against 900,000 template shingles in 4.3 ms, 5.5 ms set by set). The
// sets must be sorted.
func (t *Templates) FilterSets(outlet string, sets [][]uint32) [][]uint32 {
	id, ok := t.outletID[outlet]
	if !ok || t.merged == nil || t.merged[id].bits == 0 {
		for i, s := range sets {
			sets[i] = t.Filter(s[:0], outlet, s)
		}
		return sets
	}
	m := &t.merged[id]
	// Each set's hashes of part q run from read[i] on; what it keeps
	// goes to write[i].
	cur := make([]int, 2*len(sets))
	read, write := cur[:len(sets)], cur[len(sets):]
	for q := range m.parts {
		p := &m.parts[q]
		end := uint64(q+1) << (32 - m.bits) // the first hash of the next part
		for i, s := range sets {
			r, w := read[i], write[i]
			for ; r < len(s) && uint64(s[r]) < end; r++ {
				if h := s[r]; !p.mayHave(h) || !p.probe(h) {
					s[w] = h
					w++
				}
			}
			read[i], write[i] = r, w
		}
	}
	for i := range sets {
		sets[i] = sets[i][:write[i]]
	}
	return sets
}

// IsTemplate reports whether h is template text for outlet.
func (t *Templates) IsTemplate(outlet string, h uint32) bool {
	id, ok := t.outletID[outlet]
	return t.isTemplate(id, ok, h)
}

func (t *Templates) isTemplate(id uint32, hasOutlet bool, h uint32) bool {
	c := &t.common
	if c.mayHave(h) && c.probe(h) {
		return true
	}
	if !hasOutlet {
		return false
	}
	o := &t.outlets[id]
	return o.mayHave(h) && o.probe(h)
}
