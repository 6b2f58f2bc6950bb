// Package scan runs reprint's pipeline over a corpus held in memory:
// shingle every document, learn template text, sign, find candidates,
// verify them and group the copies into stories. It holds no global state;
// each stage is a function of the previous stage's output, so a stage can
// later run elsewhere (a worker pool today, a distributed runner tomorrow).
package scan

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
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
	BookendLen    int     // shingles kept from each end of a document to detect shared page chrome
	Template      shingle.TemplateOptions
	Workers       int // 0 means GOMAXPROCS
	// Progress, when set, is told how far each stage is: done of total
	// items (total 0 when not known yet). It is called from several
	// goroutines, often; it must be cheap and safe for concurrent use.
	Progress func(stage string, done, total int)
}

func (o *Options) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
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
		BookendLen:    300,
	}
}

// Doc is what a scan keeps of a document: its metadata and shingle counts,
// not its text.
type Doc struct {
	ID, Outlet, URL, Title string
	Date                   time.Time
	Shingles               int // distinct shingles
	Kept                   int // distinct shingles left after template suppression
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
}

// Stats are counts and timings of the stages.
type Stats struct {
	LSH      cluster.LSHStats
	Verified int // candidate pairs scored
	Stages   []Stage
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
// error. Documents stream through: a document's text is dropped once it is
// shingled, and what stays is a compact feature record (32-bit shingle
// hashes, sorted; the ends of the page for pages whose site has few pages).
func Run(src Source, opt Options) (*Result, error) {
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

	feats, err := extract(src, opt, workers, &res.Docs)
	if err != nil {
		return nil, err
	}
	outlets := make([]string, len(feats))
	sets := make([][]uint32, len(feats))
	for i := range feats {
		outlets[i] = res.Docs[i].Outlet
		sets[i] = feats[i].Set
		res.Docs[i].Shingles = len(sets[i])
	}
	lap("shingle")

	tmpl := shingle.LearnTemplates(outlets, sets, opt.Template)
	lap("templates")

	size := opt.SignatureSize
	sigs := make([]uint32, len(feats)*size)
	empty := make([]bool, len(feats))
	var signed atomic.Int64
	parallel(len(feats), workers, func() func(int) {
		sig := make(shingle.Signature, size)
		return func(i int) {
			if n := signed.Add(1); n%1024 == 0 || int(n) == len(feats) {
				opt.progress("sign", int(n), len(feats))
			}
			kept := slices.Clone(tmpl.Filter(sets[i][:0], outlets[i], sets[i]))
			feats[i].Set = kept
			res.Docs[i].Kept = len(kept)
			empty[i] = len(kept) == 0
			shingle.Sign(sig, kept, opt.Seed)
			for b, v := range sig {
				sigs[i*size+b] = uint32(v)
			}
		}
	})
	sets = nil
	lap("sign")

	bands, rows := cluster.Params(cluster.JaccardFloor(opt.Threshold, opt.SizeRatio), size)
	cands, lst := cluster.Candidates(sigs, size, empty, bands, rows, opt.BucketCap)
	sigs = nil
	res.Stats.LSH = lst
	lap("lsh")

	res.Pairs = verify(feats, cands, opt, workers)
	res.Stats.Verified = len(cands)
	lap("verify")

	res.Stories, res.StoryOf = stories(res.Pairs, res.Docs, opt.Seed)
	lap("stories")
	return res, nil
}

// verify scores every candidate pair, in parallel over contiguous ranges,
// and returns the copies in candidate order.
func verify(feats []cluster.Item, cands []uint64, opt Options, workers int) []cluster.Match {
	vopt := cluster.VerifyOptions{Threshold: opt.Threshold, MinShared: opt.MinShared, Window: 2 * opt.K}
	const chunk = 4096
	found := make([][]cluster.Match, (len(cands)+chunk-1)/chunk)
	var done atomic.Int64
	parallel(len(found), workers, func() func(int) {
		return func(c int) {
			opt.progress("verify", min(int(done.Add(1))*chunk, len(cands)), len(cands))
			for _, p := range cands[c*chunk : min(len(cands), (c+1)*chunk)] {
				a, b := int(p>>32), int(uint32(p))
				if m, ok := cluster.Verify(&feats[a], &feats[b], a, b, vopt); ok {
					found[c] = append(found[c], m)
				}
			}
		}
	})
	return slices.Concat(found...)
}

// parallel calls the function made by mk(), one per worker, for every
// index in [0, n). Each worker gets its own function so it can keep
// reusable buffers.
func parallel(n, workers int, mk func() func(int)) {
	var wg sync.WaitGroup
	next := make(chan int, 256)
	for range workers {
		f := mk()
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
