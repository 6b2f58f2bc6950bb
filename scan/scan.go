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

// Run scans docs (in input order) and returns what it found.
func Run(docs []corpus.Document, opt Options) *Result {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := &Result{Docs: make([]Doc, len(docs))}
	clock := time.Now()
	lap := func(name string) {
		now := time.Now()
		res.Stats.Stages = append(res.Stats.Stages, Stage{name, now.Sub(clock)})
		clock = now
	}

	items := make([]cluster.Item, len(docs))
	sets := make([][]uint64, len(docs))
	outlets := make([]string, len(docs))
	parallel(len(docs), workers, func() func(int) {
		sh := shingle.NewShingler(opt.K)
		var seq []uint64
		return func(i int) {
			d := &docs[i]
			seq = sh.Hashes(seq[:0], d.Text)
			head, tail := ends(seq, opt.BookendLen)
			set := shingle.Set(slices.Clone(seq))
			sets[i] = slices.Clip(set)
			outlets[i] = d.Outlet
			items[i] = cluster.Item{Outlet: d.Outlet, Head: head, Tail: tail}
			res.Docs[i] = Doc{ID: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title, Date: d.Date, Shingles: len(set)}
		}
	})
	lap("shingle")

	tmpl := shingle.LearnTemplates(outlets, sets, opt.Template)
	lap("templates")

	sigs := make([]shingle.Signature, len(docs))
	empty := make([]bool, len(docs))
	parallel(len(docs), workers, func() func(int) {
		return func(i int) {
			kept := tmpl.Filter(nil, outlets[i], sets[i])
			items[i].Set = kept
			res.Docs[i].Kept = len(kept)
			empty[i] = len(kept) == 0
			sigs[i] = make(shingle.Signature, opt.SignatureSize)
			shingle.Sign(sigs[i], kept, opt.Seed)
		}
	})
	sets = nil
	lap("sign")

	ratio := opt.SizeRatio
	bands, rows := cluster.Params(cluster.JaccardFloor(opt.Threshold, ratio), opt.SignatureSize)
	cands, lst := cluster.Candidates(sigs, empty, bands, rows, opt.BucketCap)
	res.Stats.LSH = lst
	lap("lsh")

	vopt := cluster.VerifyOptions{Threshold: opt.Threshold, MinShared: opt.MinShared, Window: 2 * opt.K}
	found := make([]*cluster.Match, len(cands))
	parallel(len(cands), workers, func() func(int) {
		return func(c int) {
			a, b := int(cands[c]>>32), int(uint32(cands[c]))
			if m, ok := cluster.Verify(&items[a], &items[b], a, b, vopt); ok {
				found[c] = &m
			}
		}
	})
	res.Stats.Verified = len(cands)
	for _, m := range found {
		if m != nil {
			res.Pairs = append(res.Pairs, *m)
		}
	}
	lap("verify")

	res.Stories, res.StoryOf = stories(res.Pairs, res.Docs, opt.Seed)
	lap("stories")
	return res
}

// ends returns copies of the first and last n hashes of seq.
func ends(seq []uint64, n int) (head, tail []uint64) {
	head = slices.Clone(seq[:min(n, len(seq))])
	tail = slices.Clone(seq[max(0, len(seq)-n):])
	return head, tail
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
