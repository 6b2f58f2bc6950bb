package shingle

import (
	"github.com/cespare/xxhash/v2"

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
	// OutletShare raises that bar for large outlets to this share of
	// their documents. Default 0.005.
	OutletShare float64
	// CorpusMinDocs and CorpusShare: a shingle found in at least
	// max(CorpusMinDocs, CorpusShare*N) distinct documents of the whole
	// corpus is dropped everywhere. Defaults 50 and 0.005.
	CorpusMinDocs int
	CorpusShare   float64
	// OutletSample and CorpusSample bound the work and memory of
	// learning: statistics are counted over the first OutletSample
	// distinct documents of each outlet and the first CorpusSample of the
	// corpus, in input order, and the thresholds scaled to the sample.
	// Template text is frequent by definition, so a sample finds it.
	// Defaults 2,000 and 50,000.
	OutletSample int
	CorpusSample int
}

func (o TemplateOptions) withDefaults() TemplateOptions {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.OutletMinDocs, 3)
	def(&o.CorpusMinDocs, 50)
	def(&o.OutletSample, 200_000)
	def(&o.CorpusSample, 200_000)
	if o.OutletShare <= 0 {
		o.OutletShare = 0.0001
	}
	if o.CorpusShare <= 0 {
		o.CorpusShare = 0.005
	}
	return o
}

// Templates is what LearnTemplates found: shingles dropped from every
// document, and shingles dropped from one outlet's documents.
type Templates struct {
	outletID map[string]uint32
	drop     map[uint64]struct{} // outletID<<32 | hash; corpus-wide under allOutlets
	maybe    []uint64            // bit h>>maybeShift set if any outlet drops h: most hashes need no map look-up
	Common   int                 // number of corpus-wide template shingles
	Outlet   map[string]int      // number of template shingles per outlet
}

const (
	allOutlets = 1<<32 - 1
	maybeBits  = 22 // a 512 KiB bitset
	maybeShift = 32 - maybeBits
)

func (t *Templates) add(id uint32, h uint32) {
	t.drop[uint64(id)<<32|uint64(h)] = struct{}{}
	t.maybe[h>>maybeShift/64] |= 1 << (h >> maybeShift % 64)
}

// LearnTemplates counts in how many distinct documents each shingle occurs,
// per outlet and over the corpus, and keeps those that recur too often to
// be evidence of copying. sets[i] is document i's shingle set (sorted,
// unique) and outlets[i] its outlet ("" when unknown: such documents count
// towards the corpus only). Documents with identical shingle sets are
// counted once, so a page crawled twice does not turn its own text into
// template.
func LearnTemplates(outlets []string, sets [][]uint32, opt TemplateOptions) *Templates {
	opt = opt.withDefaults()
	distinct := distinctSets(sets)

	t := &Templates{
		outletID: make(map[string]uint32),
		drop:     make(map[uint64]struct{}),
		maybe:    make([]uint64, 1<<maybeBits/64),
		Outlet:   make(map[string]int),
	}
	byOutlet := make(map[string][]int)
	var names []string
	for _, i := range distinct {
		o := outlets[i]
		if o == "" {
			continue
		}
		if _, ok := byOutlet[o]; !ok {
			names = append(names, o)
		}
		if len(byOutlet[o]) < opt.OutletSample {
			byOutlet[o] = append(byOutlet[o], i)
		}
	}
	for _, o := range names {
		docs := byOutlet[o]
		id := uint32(len(t.outletID))
		t.outletID[o] = id
		need := max(opt.OutletMinDocs, int(opt.OutletShare*float64(len(docs))))
		for _, h := range frequent(sets, docs, need) {
			t.add(id, h)
			t.Outlet[o]++
		}
	}

	sample := distinct[:min(len(distinct), opt.CorpusSample)]
	scale := float64(len(sample)) / float64(max(1, len(distinct)))
	need := max(2, int(float64(opt.CorpusMinDocs)*scale+0.5), int(opt.CorpusShare*float64(len(sample))))
	for _, h := range frequent(sets, sample, need) {
		t.add(allOutlets, h)
		t.Common++
	}
	return t
}

// distinctSets returns the indexes of the first document with each
// distinct shingle set.
func distinctSets(sets [][]uint32) []int {
	seen := make(map[uint64]bool, len(sets))
	var out []int
	var d xxhash.Digest
	var buf [4]byte
	for i, s := range sets {
		d.Reset()
		for _, h := range s {
			buf[0], buf[1], buf[2], buf[3] = byte(h), byte(h>>8), byte(h>>16), byte(h>>24)
			d.Write(buf[:])
		}
		fp := d.Sum64()
		if !seen[fp] {
			seen[fp] = true
			out = append(out, i)
		}
	}
	return out
}

// frequent returns, sorted, the hashes found in at least need of the
// documents docs. It counts by sorting rather than with a map: one slice
// of all hashes, sorted, then runs counted.
func frequent(sets [][]uint32, docs []int, need int) []uint32 {
	if len(docs) < need {
		return nil
	}
	n := 0
	for _, i := range docs {
		n += len(sets[i])
	}
	all := make([]uint32, 0, n)
	for _, i := range docs {
		all = append(all, sets[i]...)
	}
	radix.Sort(all, nil)
	var out []uint32
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j] == all[i] {
			j++
		}
		if j-i >= need {
			out = append(out, all[i])
		}
		i = j
	}
	return out
}

// Filter appends to dst the hashes of set that are template text neither
// of the corpus nor of outlet, and returns it. dst may be set[:0] to
// filter in place.
func (t *Templates) Filter(dst []uint32, outlet string, set []uint32) []uint32 {
	id, ok := t.outletID[outlet]
	for _, h := range set {
		if !t.isTemplate(id, ok, h) {
			dst = append(dst, h)
		}
	}
	return dst
}

// IsTemplate reports whether h is template text for outlet.
func (t *Templates) IsTemplate(outlet string, h uint32) bool {
	id, ok := t.outletID[outlet]
	return t.isTemplate(id, ok, h)
}

func (t *Templates) isTemplate(id uint32, hasOutlet bool, h uint32) bool {
	if t.maybe[h>>maybeShift/64]&(1<<(h>>maybeShift%64)) == 0 {
		return false
	}
	if _, drop := t.drop[allOutlets<<32|uint64(h)]; drop {
		return true
	}
	if !hasOutlet {
		return false
	}
	_, drop := t.drop[uint64(id)<<32|uint64(h)]
	return drop
}
