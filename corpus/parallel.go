package corpus

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Pages are extracted in parallel, and everything else keeps its order.
//
// The goroutine that called Read reads the inputs, as it always did. An
// HTML page it meets is handed to a pool of workers (charset conversion,
// extractor, visible-text fallback), and what the page leads to (a
// document, a warning, a rejection, counts in Stats) waits as a step in a
// queue, in input order, until its page is done. Anything else the reader
// meets while the queue is not empty (a plain document, a rejection, a
// WARC record skipped) waits behind it as a step too; with an empty queue
// it is done at once, so plain text and JSON pay nothing for the pool.
// Steps are applied on the reading goroutine, so fn, Options.Warn, the
// rejected list and Stats see the same calls in the same order for any
// number of workers.
//
// The queue is bounded: at most 4 pages a worker, maxQueue steps and
// maxQueueBytes of page and text bytes are held; the reader waits for the
// oldest step before adding one past a bound (one step is always taken,
// however large).
//
// The first error in input order wins. A step that fails (fn's error, a
// duplicate ID, a rejected page without SkipBad) is kept in failed; the
// reader sees it on its next call and stops, and the steps behind it are
// dropped. An error of the reader itself (a bad line without SkipBad, an
// I/O error) comes after every queued step, so Read applies those first
// and returns the reader's error only when none of them fails. Workers
// are stopped before Read returns, and skip the pages not yet started.
//
// There is no time limit on one page. A goroutine cannot be stopped from
// outside, so a page abandoned after a deadline would keep its worker's
// CPU and memory until the extractor ended, if ever, and abandoned pages
// could pile up without bound; and what a page gave would depend on the
// machine's load, where reprint's output depends only on its input. Page
// size is what is limited (maxPage), deterministically.

// maxQueue and maxQueueBytes bound what waits in the queue: steps, and
// bytes of pages and documents.
var (
	maxQueue            = 1024
	maxQueueBytes int64 = 64 << 20
)

// pagesPerWorker is how many pages a worker may have waiting or in hand.
const pagesPerWorker = 4

// step is one thing the reader met, waiting to be applied in input order:
// a page (page is set) or anything else (fn).
type step struct {
	page *pageJob
	fn   func() error
	size int64 // bytes held, for maxQueueBytes
}

// pageJob is one HTML page on its way through the extractor.
type pageJob struct {
	d      *Document
	raw    []byte // the page: as read when decode is set, else UTF-8
	ct     string // HTTP Content-Type for decoding, or ""
	decode bool   // convert raw to UTF-8 from its charset first
	// then applies the result in input order: a rejection when reason is
	// set, else the article, then the document.
	then func(*pageJob) error

	// Set by the worker before done is closed.
	reason string  // why the page's bytes were rejected; "" when fine
	a      Article // the article, or the visible text when err is set
	err    error   // why the extractor's article was not used
	done   chan struct{}
}

// run converts and extracts the page with ex.
func (j *pageJob) run(ex Extractor) {
	page := j.raw
	if j.decode {
		page, j.reason = decodePage(j.raw, j.ct, 0)
	}
	if j.reason == "" {
		j.a, j.err = extractPage(ex, page, j.d.URL)
	}
	j.raw = nil
}

// pool is the queue of steps and the workers behind it.
type pool struct {
	workers int
	queue   []step // steps in input order, oldest first
	head    int    // index of the oldest step not yet applied
	pages   int    // pages in the queue
	bytes   int64  // bytes held by the queue
	failed  error  // the error of a failed step; the queue is dropped

	jobs    chan *pageJob // to the workers; nil until the first page
	stopped atomic.Bool   // Read is ending: workers skip what is left
	wg      sync.WaitGroup
}

// workerCount returns how many pages Read extracts at once for n, the
// value of Options.Workers.
func workerCount(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// idle reports whether nothing waits to be applied, so that a step can
// be applied at once.
func (r *reader) idle() bool { return r.head == len(r.queue) && r.failed == nil }

// inOrder applies fn after every step before it: now, when the queue is
// empty, or else once the steps before it are applied.
func (r *reader) inOrder(fn func() error, size int64) error {
	if r.idle() {
		return fn()
	}
	return r.push(step{fn: fn, size: size})
}

// page queues j for extraction; j.then runs in input order once the page
// is done.
func (r *reader) page(j *pageJob) error {
	j.done = make(chan struct{})
	limit := pagesPerWorker * r.workers
	for r.pages >= limit {
		if err := r.applyOldest(); err != nil {
			return err
		}
	}
	if err := r.push(step{page: j, size: int64(len(j.raw))}); err != nil {
		return err
	}
	if r.workers == 1 {
		j.run(r.extractor)
		close(j.done)
	} else {
		r.startWorkers()
		r.jobs <- j // never blocks: the channel holds as many pages as the queue
	}
	return r.applyDone()
}

// push adds s to the queue, first applying old steps while the queue is
// over a bound.
func (r *reader) push(s step) error {
	for r.failed == nil && r.head < len(r.queue) &&
		(len(r.queue)-r.head >= maxQueue || r.bytes+s.size > maxQueueBytes) {
		if err := r.applyOldest(); err != nil {
			return err
		}
	}
	if r.failed != nil {
		return r.failed
	}
	if r.head == len(r.queue) {
		r.queue, r.head = r.queue[:0], 0
	}
	r.queue = append(r.queue, s)
	r.bytes += s.size
	if s.page != nil {
		r.pages++
	}
	return nil
}

// applyOldest applies the oldest step, waiting for its page if it has
// one. It returns the failure that dropped the queue, if any.
func (r *reader) applyOldest() error {
	if r.failed != nil || r.head == len(r.queue) {
		return r.failed
	}
	s := r.queue[r.head]
	r.queue[r.head] = step{}
	r.head++
	r.bytes -= s.size
	var err error
	if s.page != nil {
		r.pages--
		<-s.page.done
		err = s.page.then(s.page)
	} else {
		err = s.fn()
	}
	if err != nil {
		r.failed = err
		clear(r.queue[r.head:])
		r.queue, r.head, r.pages, r.bytes = r.queue[:0], 0, 0, 0
	}
	return err
}

// applyDone applies the oldest steps as long as they need no waiting.
func (r *reader) applyDone() error {
	for r.failed == nil && r.head < len(r.queue) {
		if p := r.queue[r.head].page; p != nil {
			select {
			case <-p.done:
			default:
				return nil
			}
		}
		if err := r.applyOldest(); err != nil {
			return err
		}
	}
	return r.failed
}

// finish applies every step left, and returns the first error in input
// order: that of a step, or else err, the error that stopped the reader.
func (r *reader) finish(err error) error {
	for r.failed == nil && r.head < len(r.queue) {
		r.applyOldest()
	}
	if r.failed != nil {
		return r.failed
	}
	return err
}

// startWorkers starts the workers, once.
func (r *reader) startWorkers() {
	if r.jobs != nil {
		return
	}
	r.jobs = make(chan *pageJob, pagesPerWorker*r.workers)
	for range r.workers {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			for j := range r.jobs {
				if !r.stopped.Load() {
					j.run(r.extractor)
				}
				close(j.done)
			}
		}()
	}
}

// stopWorkers ends the workers and waits for them: a page being
// extracted is finished, the pages not started are skipped.
func (r *reader) stopWorkers() {
	if r.jobs == nil {
		return
	}
	r.stopped.Store(true)
	close(r.jobs)
	r.wg.Wait()
	r.jobs = nil
}
