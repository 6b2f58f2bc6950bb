package scan

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/credit"
	"github.com/reprint-news/reprint/internal/par"
	"github.com/reprint-news/reprint/internal/radix"
	"github.com/reprint-news/reprint/internal/spool"
	"github.com/reprint-news/reprint/shingle"
)

// endsFor is how many pages of one outlet keep their ends (for chrome
// detection at verification). Past that, the outlet's template statistics
// have enough pages to find its chrome, and the ends would only cost
// memory.
const endsFor = 50

// parts is the number of hash-space partitions template counts are
// spilled into: learning holds one partition in memory at a time. A
// partition holds the hashes whose top byte is its number.
const parts = 256

// A template count (shingle h seen in a document of outlet id) is logged
// in its partition as one word, h's low 24 bits and the ID in the low
// byte, when the ID is below wideID; otherwise as two, the first with
// wideID in the low byte and the second the ID. Outlets are numbered in
// order of first appearance, so the large outlets, which give most of the
// counts, nearly always fit one word: half the memory and spill of pairs.
const wideID = 0xff

type job struct {
	i            int
	text, outlet string
	keepEnds     bool
}

type shingled struct {
	i       int
	set     []uint32
	item    cluster.Item
	credits []string
}

// pass1 is what the first pass over the input leaves: per document its
// metadata and page ends, the shingle sets in input order (sets: each
// document's Shingles hashes in turn), and the template counts (parts
// logs, see wideID).
type pass1 struct {
	docs   []Doc
	items  []cluster.Item
	sets   *spool.Log
	parts  [parts]*spool.Log
	stage  [parts][stageLen]uint32 // one-word counts on their way to parts
	staged [parts]uint16           // how many each stage holds
	wide   bool                    // some counts took two words
	tmpl   *shingle.Templates
}

// stageLen is how many one-word counts of a partition write gathers
// before it appends them to the partition's log: an append per shingle,
// a call each, cost a tenth of a 100k scan's CPU. All partitions' stages
// together take 256 KB, in fixed arrays with their own counts (slices
// appended to cost the collector about 0.07 CPU s more at 100k).
const stageLen = 256

// extract reads src and shingles the texts on workers goroutines. Texts
// are dropped once shingled; sets and counts go to logs in dir.
func extract(ctx context.Context, src Source, opt Options, workers int, dir *spool.Dir) (*pass1, error) {
	p := &pass1{sets: dir.NewLog(), tmpl: shingle.NewTemplates(opt.Template)}
	for i := range p.parts {
		p.parts[i] = dir.NewLog()
	}
	jobs := make(chan job, 256)
	results := make(chan shingled, 256)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			sh := shingle.NewShingler(opt.K)
			var seq []uint64
			var buf []uint32
			for j := range jobs {
				seq = sh.Hashes(seq[:0], j.text)
				r := shingled{i: j.i, item: cluster.Item{Outlet: j.outlet}}
				if opt.Credits {
					r.credits = credits(j.text)
				}
				r.set, r.item.Head, r.item.Tail, buf = features(seq, j.keepEnds, opt.BookendLen, buf)
				results <- r
			}
		})
	}
	var collectErr error
	var counts []int
	var creds [][]string
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		counts, creds, collectErr = p.collect(results, opt)
	}()

	perOutlet := make(map[string]int)
	err := src(func(d *corpus.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		p.docs = append(p.docs, Doc{ID: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title, Date: d.Date})
		keep := d.Outlet == "" || perOutlet[d.Outlet] < endsFor
		perOutlet[d.Outlet]++
		jobs <- job{len(p.docs) - 1, d.Text, d.Outlet, keep}
		return nil
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-collected
	if err == nil {
		err = collectErr
	}
	if err != nil {
		return nil, err
	}
	for i, n := range counts {
		p.docs[i].Shingles = n
		p.docs[i].Credits = creds[i]
	}
	return p, nil
}

// collect takes the shingled documents, puts them back in input order,
// and writes each to the logs: its set, and, the first time a set is
// seen, its template counts. It returns the number of distinct shingles
// and the credits of each document.
func (p *pass1) collect(results <-chan shingled, opt Options) ([]int, [][]string, error) {
	pending := make(map[int]shingled)
	seen := make(map[uint64]bool)
	var counts []int
	var creds [][]string
	var err error
	for r := range results {
		pending[r.i] = r
		for {
			r, ok := pending[len(counts)]
			if !ok {
				break
			}
			delete(pending, r.i)
			counts = append(counts, len(r.set))
			creds = append(creds, r.credits)
			p.items = append(p.items, r.item)
			if err == nil {
				err = p.write(r.set, r.item.Outlet, seen)
			}
			if len(counts)%1024 == 0 {
				opt.progress("shingle", len(counts), 0)
			}
		}
	}
	for i := range p.stage {
		if err == nil {
			err = p.flush(i)
		}
	}
	opt.progress("shingle", len(counts), 0)
	return counts, creds, err
}

// credits returns the agencies text credits for its story, leaving out
// photo credits.
func credits(text string) []string {
	var out []string
	for _, c := range credit.Find(text) {
		if c.Kind != credit.KindPhoto {
			out = append(out, c.Agency)
		}
	}
	return out
}

func (p *pass1) write(set []uint32, outlet string, seen map[uint64]bool) error {
	if err := p.sets.AppendSlice(set); err != nil { // its length is the document's Shingles
		return err
	}
	fp := shingle.Fingerprint(set)
	if seen[fp] {
		return nil
	}
	seen[fp] = true
	id := p.tmpl.OutletID(outlet)
	p.tmpl.Count(id)
	if id < wideID {
		for _, h := range set {
			i := h >> 24
			n := p.staged[i]
			p.stage[i][n%stageLen] = h<<8 | id // (n is below stageLen: the index needs no check)
			if p.staged[i] = n + 1; n+1 == stageLen {
				if err := p.flush(int(i)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	p.wide = true
	for _, h := range set {
		if err := p.parts[h>>24].AppendPair(h<<8|wideID, id); err != nil {
			return err
		}
	}
	return nil
}

// flush appends partition i's staged counts to its log.
func (p *pass1) flush(i int) error {
	err := p.parts[i].Append(p.stage[i][:p.staged[i]]...)
	p.staged[i] = 0
	return err
}

// learn feeds the template counts to the Templates one partition at a
// time, freeing each, and tells progress as each is done. Workers read,
// sort and search partitions in parallel (Templates.Find only reads the
// counts); the Templates add what they found in one go at the end.
func (p *pass1) learn(workers int, progress func(done, total int)) error {
	type found struct {
		entries []uint64
		err     error
	}
	out := make([]chan found, parts)
	for i := range out {
		out[i] = make(chan found, 1)
	}
	go par.For(parts, workers, func() func(int) {
		var words, buf32 []uint32 // reused: a partition is done with both once found
		var buf64 []uint64
		return func(i int) {
			var wide []uint64
			var err error
			words, wide, err = readPartition(p.parts[i], i, p.wide, words[:0])
			if len(wide) == 0 {
				// The common case, fewer than 255 outlets: the packed
				// words sort (by hash alone) and count as they are.
				buf32 = radix.SortHigh24(words, buf32)
				out[i] <- found{p.tmpl.FindWords(nil, words, byte(i)), err}
				return
			}
			for _, w := range words {
				wide = append(wide, shingle.Entry(uint32(i)<<24|w>>8, w&0xff))
			}
			buf64 = radix.Sort64(wide, buf64)
			out[i] <- found{p.tmpl.Find(nil, wide), err}
		}
	})
	var err error
	var all []uint64
	for i := range out {
		f := <-out[i]
		if err == nil {
			err = f.err
		}
		all = append(all, f.entries...)
		progress(i+1, parts)
	}
	if err == nil {
		p.tmpl.Add(all) // all at once, the fast way
	}
	return err
}

// readPartition reads partition part's template counts (see wideID) and
// frees the log. It returns the one-word entries as they are, appended
// to words, and the two-word ones, if mayBeWide, as Entry values.
func readPartition(l *spool.Log, part int, mayBeWide bool, words []uint32) (_ []uint32, wide []uint64, _ error) {
	defer l.Free()
	r, err := l.Drain()
	if err != nil {
		return nil, nil, err
	}
	words = slices.Grow(words, int(l.Len()))
	if !mayBeWide {
		for {
			c, err := r.Chunk()
			if err == io.EOF {
				return words, nil, nil
			}
			if err != nil {
				return nil, nil, err
			}
			words = append(words, c...)
		}
	}
	top := uint32(part) << 24
	pending := false // the last word read wants the ID in the next
	var h uint32
	for {
		c, err := r.Chunk()
		if err == io.EOF {
			if pending {
				return nil, nil, fmt.Errorf("scan: template counts of partition %d end in the middle of an entry", part)
			}
			return words, wide, nil
		}
		if err != nil {
			return nil, nil, err
		}
		// A two-word entry may straddle chunks.
		for _, w := range c {
			switch {
			case pending:
				wide = append(wide, shingle.Entry(h, w))
				pending = false
			case w&0xff == wideID:
				h, pending = top|w>>8, true
			default:
				words = append(words, w)
			}
		}
	}
}

// features turns one document's shingle hashes, in document order, into
// its sorted set of 32-bit hashes and, if keepEnds, the first n hashes in
// document order and the last n from the end backwards. buf is scratch
// space for sorting, returned for reuse.
func features(seq []uint64, keepEnds bool, n int, buf []uint32) (set, head, tail, _ []uint32) {
	if keepEnds {
		head = make([]uint32, 0, min(n, len(seq)))
		tail = make([]uint32, 0, min(n, len(seq)))
		for _, h := range seq[:cap(head)] {
			head = append(head, uint32(h))
		}
		for i := len(seq) - 1; i >= len(seq)-cap(tail); i-- {
			tail = append(tail, uint32(seq[i])) // verification follows both ends inwards
		}
	}
	set, buf = shingle.Set32(make([]uint32, 0, len(seq)), seq, buf)
	return set, head, tail, buf
}
