// Package scan runs reprint's pipeline over a stream of documents: shingle
// every document, learn template text, sign, find candidates, verify them
// and group the copies into stories, in memory bounded by Options.Mem (see
// Run). It holds no global state;
// each stage is a function of the previous stage's output, so a stage can
// later run elsewhere (a worker pool today, a distributed runner tomorrow).
package scan

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/internal/par"
	"github.com/reprint-news/reprint/internal/spool"
	"github.com/reprint-news/reprint/shingle"
)

// Options are the parameters of a scan. The zero value is not useful; start
// from DefaultOptions.
type Options struct {
	K             int     // words per shingle
	SignatureSize int     // MinHash bins
	Seed          uint64  // hash seed for signatures and community detection
	Threshold     float64 // containment of the smaller text in the larger that makes a copy
	MinShared     int     // shared shingles a copy needs at least
	SizeRatio     float64 // longest page, relative to the copy inside it, that LSH is tuned to find
	BucketCap     int     // LSH buckets with more documents are skipped
	BandHits      int     // LSH bands a pair must collide in to be a candidate
	BookendLen    int     // shingles kept from each end of a document to detect shared page chrome
	Template      shingle.TemplateOptions
	Workers       int           // 0 means GOMAXPROCS
	Window        time.Duration // only pair documents dated at most this far apart (undated ones pair with all); 0: no limit
	Credits       bool          // find the wire agencies each text credits (package credit)
	Mem           int64         // bytes of intermediate data kept in memory before spilling to TempDir
	TempDir       string        // where spill files go; "" means the system's temporary directory
	// KeepFeatures keeps what verification used of every document in
	// Result.Items and the signatures in Result.Signatures, for callers
	// that match later documents against this corpus (package index).
	KeepFeatures bool
	// FeaturesOnly stops a KeepFeatures scan once every document is
	// signed: no candidates, pairs or stories (an index build needs only
	// the features).
	FeaturesOnly bool
	// Progress, when set, is told how far each stage is: done of total
	// items (total 0 when not known yet). The stages are those of
	// Stats.Stages, in order: "shingle" (documents, total not known),
	// "templates" (hash partitions), "sign" (documents), "lsh" (bands
	// sorted and passes over the pair space), "verify" (candidate pairs)
	// and "stories". Counts from workers may arrive out of order. It is
	// called from several goroutines, often; it must be cheap and safe
	// for concurrent use.
	Progress func(stage string, done, total int)
}

func (o *Options) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}

// stageProgress is progress for one stage.
func (o *Options) stageProgress(stage string) func(done, total int) {
	return func(done, total int) { o.progress(stage, done, total) }
}

// DefaultOptions returns the settings the evaluation chose (see README).
func DefaultOptions() Options {
	return Options{
		K:             shingle.K,
		SignatureSize: shingle.DefaultSignatureSize,
		Seed:          1,
		Threshold:     0.2,
		MinShared:     15,
		SizeRatio:     4,
		BucketCap:     500,
		BandHits:      2,
		BookendLen:    300,
		Credits:       true,
		Mem:           1 << 30,
	}
}

// Doc is what a scan keeps of a document: its metadata and shingle counts,
// not its text.
type Doc struct {
	ID, Outlet, URL, Title string
	Date                   time.Time
	Shingles               int      // distinct shingles
	Kept                   int      // distinct shingles left after template suppression
	Credits                []string // agencies the text credits (dateline, byline, credit line; not photo credits), sorted
}

// Story is a group of documents that are copies of one another; a document
// without copies is a story of one.
type Story struct {
	ID      string
	Members []int // document indexes, increasing
	Origin  int
	Links   []cluster.Link // one per member other than the origin
}

// Result is everything a scan found.
type Result struct {
	Docs     []Doc
	Pairs    []cluster.Match // verified copies, sorted by (A, B)
	Stories  []Story         // ordered by first member
	StoryOf  []int           // document index -> index into Stories
	Rejected []corpus.Rejected
	Stats    Stats

	// Templates is the template text learned from the corpus: what was
	// suppressed before signing and verification (Templates.IsTemplate
	// answers for one shingle hash of a document's outlet).
	Templates *shingle.Templates
	// Items and Signatures are set with Options.KeepFeatures: per
	// document the verification features, and SignatureSize signature
	// values a document, back to back (the low halves of the MinHash bins).
	Items      []cluster.Item
	Signatures []uint32
}

// Stats are counts and timings of the stages.
type Stats struct {
	LSH      cluster.LSHStats
	Verified int  // candidate pairs scored
	Spilled  bool // intermediate data went to disk

	CommonShingles int // shingles dropped corpus-wide as too common
	OutletShingles int // shingles dropped as some outlet's template, summed over outlets
	Stages         []Stage
}

// Stage is one timed step.
type Stage struct {
	Name string
	Time time.Duration
}

// Source calls fn once for each document, in input order, and returns the
// first error; corpus.Read fits it.
type Source func(fn func(*corpus.Document) error) error

// Docs is a Source over documents in memory.
func Docs(docs []corpus.Document) Source {
	return func(fn func(*corpus.Document) error) error {
		for i := range docs {
			if err := fn(&docs[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// Run scans the documents of src and returns what it found, or src's
// error, or ctx's when it is cancelled.
//
// Documents stream through in two passes. The first shingles each text on
// a pool of workers and drops the text; each document's 32-bit shingle
// set, and the counts template learning needs, go to logs that stay in
// memory up to opt.Mem bytes and spill to opt.TempDir beyond. Learning
// then reads the counts one hash partition at a time. The second pass
// reads the sets back in order, removes template text, signs, and keeps
// only what verification needs: the remaining set, and the page's ends for
// pages of sites with few pages. Where the logs were kept changes nothing
// in the output.
func Run(ctx context.Context, src Source, opt Options) (*Result, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{}
	clock := time.Now()
	lap := func(name string) {
		now := time.Now()
		res.Stats.Stages = append(res.Stats.Stages, Stage{name, now.Sub(clock)})
		clock = now
	}
	dir := spool.NewDir(opt.TempDir, opt.Mem)
	defer dir.Close()

	p, err := extract(ctx, src, opt, workers, dir)
	if err != nil {
		return nil, err
	}
	res.Docs = p.docs
	lap("shingle")

	if err := p.learn(workers, opt.stageProgress("templates")); err != nil {
		return nil, err
	}
	p.tmpl.Seal(workers)
	res.Templates = p.tmpl
	res.Stats.CommonShingles = p.tmpl.Common
	for _, n := range p.tmpl.Outlet {
		res.Stats.OutletShingles += n
	}
	lap("templates")

	sigs, empty, err := sign(ctx, p, opt, workers, res.Docs)
	if err != nil {
		return nil, err
	}
	res.Stats.Spilled = dir.Spilled()
	lap("sign")
	if opt.KeepFeatures {
		res.Items, res.Signatures = p.items, sigs
		if opt.FeaturesOnly {
			return res, ctx.Err()
		}
	}
	// From here on each stage's input is dropped once used, unless kept
	// for the caller: at a million documents the signatures are 0.5 GB
	// and the sets several, which the later stages' garbage collector
	// would otherwise scan and work around.
	items := p.items
	p = nil

	size := opt.SignatureSize
	bands, rows := cluster.Params(cluster.JaccardFloor(opt.Threshold, opt.SizeRatio), size, opt.BandHits)
	lsh := cluster.LSH{Bands: bands, Rows: rows, Hits: opt.BandHits, BucketCap: opt.BucketCap, Workers: workers,
		Progress: opt.stageProgress("lsh")}
	cands, lst := lsh.Candidates(sigs, size, empty)
	sigs = nil
	res.Stats.LSH = lst
	lap("lsh")

	res.Pairs = verify(items, res.Docs, cands, opt, workers)
	res.Stats.Verified = len(cands)
	items, cands = nil, nil
	lap("verify")

	res.Stories, res.StoryOf = stories(res.Pairs, res.Docs, opt.Seed, workers, opt.stageProgress("stories"))
	lap("stories")
	return res, ctx.Err()
}

// sign is the second pass: it reads the sets back in input order, removes
// template text, keeps the rest in p.items for verification, and signs it.
// It returns the signatures (SignatureSize values a document, back to back,
// each the low half of a MinHash bin) and which documents were left with
// nothing to sign.
func sign(ctx context.Context, p *pass1, opt Options, workers int, docs []Doc) ([]uint32, []bool, error) {
	// A batch is about 36 MB of sets at 600 shingles a page, twice that
	// while the next is read; batches of 4096 left the 1M sign stage 2.3 s
	// slower.
	const batchLen = 16384
	n, size := len(p.items), opt.SignatureSize
	sigs := make([]uint32, n*size)
	empty := make([]bool, n)
	r, err := p.sets.Drain()
	if err != nil {
		return nil, nil, err
	}
	type doc struct {
		i   int
		set []uint32
	}
	// A job is a run of one outlet's documents, filtered together (see
	// Templates.FilterSets) and then signed. At 1M, runs of 256 left the
	// sign stage about as fast (11.0 s against 10.6), runs of 4096 from
	// batches of 65,536 slower (12.6 s): the sets no longer stay in cache
	// between parts.
	const runLen = 1024
	jobs := make(chan []doc, 2*batchLen/runLen) // the reader reads the next batch while the workers take this one
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			sig := make(shingle.Signature, size)
			var sets [][]uint32
			for run := range jobs {
				sets = sets[:0]
				for _, d := range run {
					sets = append(sets, d.set)
				}
				sets = p.tmpl.FilterSets(p.items[run[0].i].Outlet, sets)
				for k, d := range run {
					kept := sets[k]
					if cap(kept)-len(kept) > len(kept)/8 {
						kept = slices.Clone(kept) // give the template text's room back
					}
					p.items[d.i].Set = kept[:len(kept):len(kept)]
					docs[d.i].Kept = len(kept)
					empty[d.i] = len(kept) == 0
					shingle.Sign(sig, kept, opt.Seed)
					for b, v := range sig {
						sigs[d.i*size+b] = uint32(v)
					}
				}
			}
		})
	}
	// The sets are handed out a batch at a time, grouped by outlet: the
	// workers then filter many sets against one outlet's templates
	// together, which stay in cache (at a million documents, filtering in
	// input order spent most of its time waiting for memory). Each
	// document's results go to its own place, so the order changes nothing
	// else.
	batch := make([]doc, 0, batchLen)
	flush := func() {
		slices.SortStableFunc(batch, func(a, b doc) int {
			return strings.Compare(p.items[a.i].Outlet, p.items[b.i].Outlet)
		})
		for len(batch) > 0 {
			n := 1
			for n < len(batch) && n < runLen && p.items[batch[n].i].Outlet == p.items[batch[0].i].Outlet {
				n++
			}
			jobs <- batch[:n:n]
			batch = batch[n:]
		}
		batch = make([]doc, 0, batchLen) // the workers still hold the old one
	}
	for i := range n {
		if err = ctx.Err(); err != nil {
			break
		}
		// The set itself when the log kept it in memory, not a copy: the
		// workers filter it in place.
		var set []uint32
		if set, err = r.Next(docs[i].Shingles); err != nil {
			break
		}
		if batch = append(batch, doc{i, set}); len(batch) == batchLen {
			flush()
		}
		if (i+1)%1024 == 0 || i+1 == n {
			opt.progress("sign", i+1, n)
		}
	}
	flush()
	close(jobs)
	wg.Wait()
	p.sets.Free()
	return sigs, empty, err
}

// verify scores every candidate pair, in parallel over contiguous ranges,
// and returns the copies in candidate order.
func verify(feats []cluster.Item, docs []Doc, cands []uint64, opt Options, workers int) []cluster.Match {
	vopt := cluster.VerifyOptions{Threshold: opt.Threshold, MinShared: opt.MinShared, Window: 8 * opt.K}
	const chunk = 4096
	found := make([][]cluster.Match, (len(cands)+chunk-1)/chunk)
	var done atomic.Int64
	par.For(len(found), workers, func() func(int) {
		return func(c int) {
			opt.progress("verify", min(int(done.Add(1))*chunk, len(cands)), len(cands))
			for _, p := range cands[c*chunk : min(len(cands), (c+1)*chunk)] {
				a, b := int(p>>32), int(uint32(p))
				if !cluster.WithinWindow(docs[a].Date, docs[b].Date, opt.Window) {
					continue
				}
				if m, ok := cluster.Verify(&feats[a], &feats[b], a, b, vopt); ok {
					found[c] = append(found[c], m)
				}
			}
		}
	})
	return slices.Concat(found...)
}
