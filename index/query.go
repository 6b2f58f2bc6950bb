package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/internal/radix"
	"github.com/reprint-news/reprint/shingle"
)

// Hit is a verified copy between a new document and an indexed one.
type Hit struct {
	Doc   int           // index into the batch
	Ref   Doc           // the indexed document
	Match cluster.Match // A is the new document, B the indexed one
}

// QueryStats count what a query did.
type QueryStats struct {
	Lookups    int // band keys looked up
	Blocks     int // band blocks read
	Oversized  int // buckets larger than the cap, skipped
	Candidates int // pairs colliding in BandHits bands
	Records    int // indexed records read
	Hits       int // verified copies
}

// Prepare readies a batch for matching and storing: it drops from every
// document's set the template shingles the index stored for its outlet and
// the corpus-wide ones, and signs what is left again. It is idempotent.
func (ix *Index) Prepare(b *Batch) error {
	if b.Params.Normalization != ix.params.Normalization {
		return fmt.Errorf("%s: %w: the index was built by a reprint that normalises and hashes shingles otherwise (normalisation version %d; this one's is %d): rebuild it with reprint index build",
			ix.dir, ErrParams, ix.params.Normalization, b.Params.Normalization)
	}
	if diff := b.Params.Diff(ix.params); diff != "" {
		return fmt.Errorf("%s: %w: the new documents were scanned with %s (the index's)", ix.dir, ErrParams, diff)
	}
	if b.prepared {
		return nil
	}
	common, err := ix.templates("")
	if err != nil {
		return err
	}
	size := int(b.Params.SignatureSize)
	sig := make(shingle.Signature, size)
	for i := range b.Items {
		it := &b.Items[i]
		tmpl, err := ix.templates(it.Outlet)
		if err != nil {
			return err
		}
		if len(common.list) == 0 && len(tmpl.list) == 0 {
			continue
		}
		kept := filter(nil, it.Set, common, tmpl)
		if len(kept) == len(it.Set) {
			continue
		}
		it.Set = kept
		shingle.Sign(sig, kept, b.Params.Seed)
		for k, v := range sig {
			b.Signatures[i*size+k] = uint32(v)
		}
	}
	b.prepared = true
	return nil
}

// Match finds the indexed documents each new document of b is a copy of
// (or that are copies of it), verified as a scan verifies. b must have
// been prepared. With window > 0 only documents dated at most window apart
// are paired (undated ones pair with all). Hits are sorted by new
// document, then by indexed document number.
func (ix *Index) Match(ctx context.Context, b *Batch, window time.Duration) ([]Hit, QueryStats, error) {
	var st QueryStats
	if !b.prepared {
		return nil, st, fmt.Errorf("index: Match of a batch that was not prepared")
	}
	p := ix.params
	var cands []uint64 // new<<32 | indexed document, index-wide
	for _, s := range ix.segs {
		c, err := s.candidates(ctx, b, p, &st)
		if err != nil {
			return nil, st, err
		}
		cands = append(cands, c...)
	}
	st.Candidates = len(cands)
	// Read each indexed record once: order the candidates by it.
	for i, c := range cands {
		cands[i] = c<<32 | c>>32
	}
	radix.Sort64(cands, nil)
	templates := newTemplateCache(ix, &b.Templates)
	vopt := cluster.VerifyOptions{Threshold: p.Threshold, MinShared: int(p.MinShared), Window: 8 * int(p.K)}
	var hits []Hit
	for i := 0; i < len(cands); {
		if err := ctx.Err(); err != nil {
			return nil, st, err
		}
		ref := uint32(cands[i] >> 32)
		j := i
		for j < len(cands) && uint32(cands[j]>>32) == ref {
			j++
		}
		s := ix.segmentOf(ref)
		r, err := s.record(ref - s.base)
		if err != nil {
			return nil, st, err
		}
		st.Records++
		if r.item.Set, err = templates.filter(r.item.Set, r.Outlet); err != nil {
			return nil, st, err
		}
		for _, c := range cands[i:j] {
			q := int(uint32(c))
			if !cluster.WithinWindow(b.Docs[q].Date, r.Doc.Date, window) {
				continue
			}
			if m, ok := cluster.Verify(&b.Items[q], &r.item, q, int(ref), vopt); ok {
				hits = append(hits, Hit{Doc: q, Ref: r.Doc, Match: m})
			}
		}
		i = j
	}
	slices.SortFunc(hits, func(x, y Hit) int {
		if x.Doc != y.Doc {
			return x.Doc - y.Doc
		}
		return x.Match.B - y.Match.B
	})
	st.Hits = len(hits)
	return hits, st, nil
}

func (ix *Index) segmentOf(ref uint32) *segment {
	k := sort.Search(len(ix.segs), func(i int) bool { return ix.segs[i].base > ref }) - 1
	return ix.segs[k]
}

// candidates returns the pairs (new<<32 | index-wide document) of batch
// documents and this segment's documents that collide in at least
// BandHits bands.
func (s *segment) candidates(ctx context.Context, b *Batch, p Params, st *QueryStats) ([]uint64, error) {
	if s.signed == 0 {
		return nil, nil
	}
	size, rows := int(p.SignatureSize), int(p.Rows)
	var queries []uint64 // key<<32 | new document
	var raw []uint64     // new<<32 | local document, one per band collision
	var sortBuf []uint64
	var counts, spare cluster.PairCounts // merged into each other in turn, reusing memory
	buf := make([]byte, 8*blockLen)
	var blk, bucket []uint64
	for band := range int(p.Bands) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		queries = queries[:0]
		for q, it := range b.Items {
			if len(it.Set) > 0 {
				sig := b.Signatures[q*size : (q+1)*size]
				queries = append(queries, uint64(cluster.BandKey(band, sig[band*rows:(band+1)*rows]))<<32|uint64(q))
			}
		}
		sortBuf = radix.Sort64(queries, sortBuf)
		fences := s.fences[band*s.blocks : (band+1)*s.blocks]
		loaded := -1
		for i := 0; i < len(queries); {
			key := uint32(queries[i] >> 32)
			j := i
			for j < len(queries) && uint32(queries[j]>>32) == key {
				j++
			}
			st.Lookups++
			// The key's entries lie in the blocks whose fence is at most
			// the key, from the last block whose fence is below it.
			k := sort.Search(len(fences), func(x int) bool { return fences[x] >= key })
			if k > 0 {
				k--
			}
			bucket = bucket[:0]
			for ; k < len(fences) && fences[k] <= key; k++ {
				if k != loaded {
					var err error
					if blk, err = s.block(band, k, buf, blk); err != nil {
						return nil, err
					}
					loaded = k
					st.Blocks++
				}
				lo, _ := slices.BinarySearch(blk, uint64(key)<<32)
				for _, e := range blk[lo:] {
					if uint32(e>>32) != key {
						break
					}
					bucket = append(bucket, e)
				}
			}
			if len(bucket) > int(p.BucketCap) {
				st.Oversized++
				bucket = bucket[:0]
			}
			for _, q := range queries[i:j] {
				for _, e := range bucket {
					raw = append(raw, uint64(uint32(q))<<32|uint64(uint32(e)))
				}
			}
			i = j
		}
		// Fold the raw collisions into the counts whenever they outgrow
		// them, as cluster.LSH.Candidates does.
		if len(raw) > max(1<<20, len(counts.Pairs)) || band == int(p.Bands)-1 {
			sortBuf = radix.Sort64(raw, sortBuf)
			counts, spare = counts.Merge(raw, spare), counts
			raw = raw[:0]
		}
	}
	var out []uint64
	for i, pr := range counts.Pairs {
		if counts.N[i] >= p.BandHits {
			out = append(out, pr+uint64(s.base))
		}
	}
	return out, nil
}

// templateCache filters indexed sets with the template shingles known
// now: stored in the index and learned from the new dump.
type templateCache struct {
	ix     *Index
	dump   *Templates
	common [2]*hashSet // stored, dump
	outlet map[string]*hashSet
	err    error
}

func newTemplateCache(ix *Index, dump *Templates) *templateCache {
	c := &templateCache{ix: ix, dump: dump, outlet: map[string]*hashSet{}}
	c.common[0], c.err = ix.templates("")
	c.common[1] = newHashSet(dump.Common)
	return c
}

func (c *templateCache) filter(set []uint32, outlet string) ([]uint32, error) {
	if c.err != nil {
		return nil, c.err
	}
	if outlet == "" {
		return filter(set[:0], set, c.common[0], c.common[1]), nil
	}
	stored, err := c.ix.templates(outlet)
	if err != nil {
		return nil, err
	}
	dump, ok := c.outlet[outlet]
	if !ok {
		dump = newHashSet(c.dump.Outlets[outlet])
		c.outlet[outlet] = dump
	}
	return filter(set[:0], set, c.common[0], c.common[1], stored, dump), nil
}
