package scan

import (
	"slices"
	"sync"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/internal/radix"
	"github.com/reprint-news/reprint/shingle"
)

// endsFor is how many pages of one outlet keep their ends (for chrome
// detection at verification). Past that, the outlet's template statistics
// have enough pages to find its chrome, and the ends would only cost
// memory.
const endsFor = 50

type job struct {
	i            int
	text, outlet string
	keepEnds     bool
}

type feature struct {
	i    int
	item cluster.Item
}

// extract reads src, keeping each document's metadata in docs, and
// shingles the texts on workers goroutines. It returns the feature record
// of every document, in input order. The Item's Set holds the 32-bit
// shingle hashes, sorted and unique, before template suppression.
func extract(src Source, opt Options, workers int, docs *[]Doc) ([]cluster.Item, error) {
	jobs := make(chan job, 4*workers)
	results := make(chan feature, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			sh := shingle.NewShingler(opt.K)
			var seq []uint64
			var buf []uint32
			for j := range jobs {
				seq = sh.Hashes(seq[:0], j.text)
				var it cluster.Item
				it, buf = features(seq, j.keepEnds, opt.BookendLen, buf)
				it.Outlet = j.outlet
				results <- feature{j.i, it}
			}
		})
	}
	var items []cluster.Item
	collected := make(chan struct{})
	go func() {
		for f := range results {
			for len(items) <= f.i {
				items = append(items, cluster.Item{})
			}
			items[f.i] = f.item
			if len(items)%1024 == 0 {
				opt.progress("shingle", len(items), 0)
			}
		}
		close(collected)
	}()

	perOutlet := make(map[string]int)
	err := src(func(d *corpus.Document) error {
		*docs = append(*docs, Doc{ID: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title, Date: d.Date})
		keep := d.Outlet == "" || perOutlet[d.Outlet] < endsFor
		perOutlet[d.Outlet]++
		jobs <- job{len(*docs) - 1, d.Text, d.Outlet, keep}
		return nil
	})
	close(jobs)
	wg.Wait()
	close(results)
	<-collected
	if err != nil {
		return nil, err
	}
	return items, nil
}

// features turns one document's shingle hashes, in document order, into
// its feature record. buf is scratch space for sorting, returned for reuse.
func features(seq []uint64, keepEnds bool, n int, buf []uint32) (cluster.Item, []uint32) {
	set := make([]uint32, len(seq))
	for i, h := range seq {
		set[i] = uint32(h)
	}
	var it cluster.Item
	if keepEnds {
		it.Head = slices.Clone(set[:min(n, len(set))])
		it.Tail = slices.Clone(set[max(0, len(set)-n):])
	}
	buf = radix.Sort(set, buf)
	it.Set = slices.Clip(slices.Compact(set))
	return it, buf
}
