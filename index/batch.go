package index

import (
	"fmt"
	"slices"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/shingle"
)

// Doc is what an index keeps of a document besides its features.
type Doc struct {
	ID, Outlet, URL, Title string
	Date                   time.Time // zero when undated
	Fingerprint            uint64    // of the text (Fingerprint)
}

// Batch is a dump of new documents as a scan saw them: what is matched
// against an index, and what Add stores.
type Batch struct {
	Params     Params
	Docs       []Doc
	Items      []cluster.Item // verification features, as scan.Result.Items
	Signatures []uint32       // Params.SignatureSize values a document, back to back
	Templates  Templates      // template shingles learned from the dump itself

	prepared bool // stored templates applied and signed again
}

// Templates are template shingles: corpus-wide ones, dropped from every
// document, and per outlet ones, dropped from that outlet's documents.
// Every slice is sorted and without repeats.
type Templates struct {
	Common  []uint32
	Outlets map[string][]uint32
}

// TemplatesOf copies the template shingles a scan learned.
func TemplatesOf(t *shingle.Templates) Templates {
	out := Templates{Outlets: map[string][]uint32{}}
	if t == nil {
		return out
	}
	out.Common = t.Hashes("")
	for _, o := range t.Outlets() {
		out.Outlets[o] = t.Hashes(o)
	}
	return out
}

// NewBatch makes a batch of a scan run with Params.ScanOptions (so with
// KeepFeatures); fps holds each document's Fingerprint, in input order.
func NewBatch(p Params, res *scan.Result, fps []uint64) (*Batch, error) {
	n := len(res.Docs)
	switch {
	case len(res.Items) != n:
		return nil, fmt.Errorf("index: the scan kept no features (KeepFeatures unset)")
	case len(res.Signatures) != n*int(p.SignatureSize):
		return nil, fmt.Errorf("index: %d signature values for %d documents of %d bins", len(res.Signatures), n, p.SignatureSize)
	case len(fps) != n:
		return nil, fmt.Errorf("index: %d fingerprints for %d documents", len(fps), n)
	}
	// The scan normalised and hashed with this reprint's shingle.Version,
	// whatever p, often an index's, says: an index of another version
	// then refuses the batch by name (Prepare) rather than matching
	// hashes that mean other shingles.
	p.Normalization = shingle.Version
	b := &Batch{Params: p, Items: res.Items, Signatures: res.Signatures, Templates: TemplatesOf(res.Templates)}
	b.Docs = make([]Doc, n)
	for i, d := range res.Docs {
		b.Docs[i] = Doc{ID: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title, Date: d.Date, Fingerprint: fps[i]}
	}
	return b, nil
}

// Fingerprint identifies a document's content across runs and machines:
// the 64-bit xxhash of its text with every run of ASCII white space turned
// into one space and none at either end, so a re-crawl that only changes
// spacing keeps it. Findings are matched against an allow list by it.
func Fingerprint(text string) uint64 {
	d := xxhash.New()
	wrote, space := false, false
	start := -1 // start of the current run of non-space bytes
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			if start >= 0 {
				d.WriteString(text[start:i])
				start = -1
			}
			space = true
		default:
			if start < 0 {
				if space && wrote {
					d.WriteString(" ")
				}
				space, wrote, start = false, true, i
			}
		}
	}
	if start >= 0 {
		d.WriteString(text[start:])
	}
	return d.Sum64()
}

// merge returns the sorted union of sorted slices.
func merge(lists ...[]uint32) []uint32 {
	var out []uint32
	n := 0
	for _, l := range lists {
		if len(l) > 0 {
			out = l
			n++
		}
	}
	if n <= 1 {
		return out // one list: nothing to merge
	}
	out = nil
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hashSet is a sorted list of template shingles with a bit filter in
// front: most shingles of a page are not template text, and the filter
// (16 bits per member) answers most of those without a binary search of
// a list that can hold a million hashes.
type hashSet struct {
	list  []uint32
	bits  []uint64
	shift uint
}

func newHashSet(list []uint32) *hashSet {
	s := &hashSet{list: list}
	if len(list) == 0 {
		return s
	}
	k := uint(6)
	for 1<<k < 16*len(list) {
		k++
	}
	s.bits, s.shift = make([]uint64, 1<<(k-6)), 32-k
	for _, h := range list {
		b := s.bit(h)
		s.bits[b/64] |= 1 << (b % 64)
	}
	return s
}

func (s *hashSet) bit(h uint32) uint32 { return (h * 0x85ebca6b) >> s.shift }

func (s *hashSet) has(h uint32) bool {
	if len(s.list) == 0 {
		return false
	}
	if b := s.bit(h); s.bits[b/64]&(1<<(b%64)) == 0 {
		return false
	}
	_, ok := slices.BinarySearch(s.list, h)
	return ok
}

// filter appends to dst the hashes of set in none of sets.
func filter(dst, set []uint32, sets ...*hashSet) []uint32 {
outer:
	for _, h := range set {
		for _, s := range sets {
			if s.has(h) {
				continue outer
			}
		}
		dst = append(dst, h)
	}
	return dst
}
