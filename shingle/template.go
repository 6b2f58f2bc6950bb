package shingle

import (
	"slices"

	"github.com/cespare/xxhash/v2"
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
}

func (o TemplateOptions) withDefaults() TemplateOptions {
	if o.OutletMinDocs <= 0 {
		o.OutletMinDocs = 3
	}
	if o.OutletShare <= 0 {
		o.OutletShare = 0.005
	}
	if o.CorpusMinDocs <= 0 {
		o.CorpusMinDocs = 50
	}
	if o.CorpusShare <= 0 {
		o.CorpusShare = 0.005
	}
	return o
}

// Templates is what LearnTemplates found: the corpus-wide common shingles
// and each outlet's template shingles, as sorted hash sets.
type Templates struct {
	Common []uint64            // dropped from every document
	Outlet map[string][]uint64 // dropped from that outlet's documents
}

// LearnTemplates counts in how many distinct documents each shingle occurs,
// per outlet and over the corpus, and keeps those that recur too often to
// be evidence of copying. sets[i] is document i's shingle set (sorted,
// unique) and outlets[i] its outlet ("" when unknown: such documents count
// towards the corpus only). Documents with identical shingle sets are
// counted once, so a page crawled twice does not turn its own text into
// template.
func LearnTemplates(outlets []string, sets [][]uint64, opt TemplateOptions) *Templates {
	opt = opt.withDefaults()
	distinct := distinctSets(sets)

	byOutlet := make(map[string][]int)
	for _, i := range distinct {
		if o := outlets[i]; o != "" {
			byOutlet[o] = append(byOutlet[o], i)
		}
	}
	t := &Templates{Outlet: make(map[string][]uint64)}
	for o, docs := range byOutlet {
		min := max(opt.OutletMinDocs, int(opt.OutletShare*float64(len(docs))))
		if len(docs) < min {
			continue
		}
		if common := frequent(sets, docs, min); len(common) > 0 {
			t.Outlet[o] = common
		}
	}
	min := max(opt.CorpusMinDocs, int(opt.CorpusShare*float64(len(distinct))))
	t.Common = frequent(sets, distinct, min)
	return t
}

// distinctSets returns the indexes of the first document with each
// distinct shingle set.
func distinctSets(sets [][]uint64) []int {
	seen := make(map[uint64]bool, len(sets))
	var out []int
	var d xxhash.Digest
	var buf [8]byte
	for i, s := range sets {
		d.Reset()
		for _, h := range s {
			for j := range buf {
				buf[j] = byte(h >> (8 * j))
			}
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

// frequent returns, sorted, the hashes found in at least min of the
// documents docs. It counts by sorting rather than with a map: one slice
// of all hashes, sorted, then runs counted.
func frequent(sets [][]uint64, docs []int, min int) []uint64 {
	n := 0
	for _, i := range docs {
		n += len(sets[i])
	}
	if len(docs) < min {
		return nil
	}
	all := make([]uint64, 0, n)
	for _, i := range docs {
		all = append(all, sets[i]...)
	}
	slices.Sort(all)
	var out []uint64
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j] == all[i] {
			j++
		}
		if j-i >= min {
			out = append(out, all[i])
		}
		i = j
	}
	return out
}

// Filter appends to dst the hashes of set (sorted, unique) that are neither
// corpus-common nor template of outlet, and returns it.
func (t *Templates) Filter(dst []uint64, outlet string, set []uint64) []uint64 {
	tmpl := t.Outlet[outlet]
	for _, h := range set {
		if contains(t.Common, h) || contains(tmpl, h) {
			continue
		}
		dst = append(dst, h)
	}
	return dst
}

// IsTemplate reports whether h is template text for outlet.
func (t *Templates) IsTemplate(outlet string, h uint64) bool {
	return contains(t.Common, h) || contains(t.Outlet[outlet], h)
}

func contains(sorted []uint64, h uint64) bool {
	_, ok := slices.BinarySearch(sorted, h)
	return ok
}
