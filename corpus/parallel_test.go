package corpus

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// readResult is everything one Read call gave.
type readResult struct {
	Docs     []Document
	Warnings []Warning
	Rejected []Rejected
	Stats    Stats
	Err      string
}

// readWith runs Read with opt and collects what it gave; fn fails with
// errStop at document stopAt (1-based) when stopAt > 0.
func readWith(inputs []string, opt Options, stopAt int) readResult {
	var res readResult
	opt.Stats = &res.Stats
	opt.Warn = func(w Warning) { res.Warnings = append(res.Warnings, w) }
	rej, err := Read(inputs, opt, func(d *Document) error {
		res.Docs = append(res.Docs, *d)
		if len(res.Docs) == stopAt {
			return errStop
		}
		return nil
	})
	res.Rejected = rej
	if err != nil {
		res.Err = err.Error()
	}
	return res
}

var errStop = errors.New("stop here")

// jitter wraps an extractor and sleeps 0 to 3 ms, by a hash of the
// page, so that pages finish in another order than they started.
type jitter struct{ ex Extractor }

func (j jitter) Extract(page []byte, pageURL string) (Article, error) {
	h := fnv.New32a()
	h.Write(page)
	time.Sleep(time.Duration(h.Sum32()%4) * time.Millisecond)
	return j.ex.Extract(page, pageURL)
}

// cheap is a fast extractor for tests that read many times: the visible
// text, except that it rejects a page with "no article" in it.
type cheap struct{}

func (cheap) Extract(page []byte, pageURL string) (Article, error) {
	if strings.Contains(string(page), "no article") {
		return Article{}, errors.New("no article here")
	}
	return visibleText(page), nil
}

// mixedInputs writes inputs in which pages of every kind are mixed with
// plain documents and bad ones: a directory with a manifest, a WARC
// crawl and a JSONL file with html fields. It returns them with the
// directory of hand-made pages first.
func mixedInputs(t *testing.T) []string {
	t.Helper()
	pages, err := filepath.Glob("testdata/pages/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatal("no pages", err)
	}
	var html []string
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		html = append(html, string(b))
	}
	const menu = `<html><body><nav>Home News</nav><ul><li>One story title here, no article</li></ul></body></html>`
	const badSJIS = `<meta charset="shift_jis"><p>ok ` + "\x85\x40</p>"
	dir := t.TempDir()
	files := map[string]string{
		"site/a.html":       html[0],
		"site/b-menu.html":  menu,
		"site/c-bad.html":   badSJIS,
		"site/d.txt":        "date 2022-01-02 Plain\nA plain text document between pages.\n",
		"site/e.htm":        html[1],
		"site/f-date.html":  html[2],
		"site/g-empty.html": "<html><body><script>x()</script></body></html>",
		"site/manifest.csv": "id,date,title\ne.htm,,Manifest title\nf-date.html,2022-13-45,\n",
	}
	var jsonl strings.Builder
	for i, h := range html {
		fmt.Fprintf(&jsonl, `{"id":"j%d","url":"https://j.example/%d","html":%s}`+"\n", i, i, jsonQuote(h))
		fmt.Fprintf(&jsonl, `{"id":"t%d","text":"Plain record %d between pages."}`+"\n", i, i)
	}
	jsonl.WriteString(`{"id":"menu","html":` + jsonQuote(menu) + "}\n")
	jsonl.WriteString(`{"id":"broken",` + "\n")
	jsonl.WriteString(`{"id":"j0","html":"<p>a duplicate of an earlier id</p>"}` + "\n")
	jsonl.WriteString(`{"id":"urn:uuid:00000003-0000-4000-8000-000000000000","text":"The ID of a WARC record."}` + "\n")
	jsonl.WriteString(`{"id":"last","html":"<p>The last page.</p>"}` + "\n")
	files["records.jsonl"] = jsonl.String()
	recs := []warcRec{{"warcinfo", "", "application/warc-fields", "software: test\r\n"}}
	for i, h := range html {
		recs = append(recs,
			warcRec{"request", fmt.Sprintf("https://w.example/%d", i), "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"},
			warcRec{"response", fmt.Sprintf("https://w.example/%d", i), httpType, httpResp("200 OK", "Content-Type: text/html; charset=utf-8\r\n", h)})
	}
	recs = append(recs,
		warcRec{"response", "https://w.example/menu", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", menu)},
		warcRec{"response", "https://w.example/sjis", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", badSJIS)},
		warcRec{"response", "https://w.example/404", httpType, httpResp("404 Not Found", "Content-Type: text/html\r\n", "<p>gone</p>")},
		warcRec{"response", "https://w.example/last", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", html[3])})
	files["crawl.warc"] = string(warcBytes(recs))
	writeFiles(t, dir, files)
	return []string{"testdata/pages", filepath.Join(dir, "site"), filepath.Join(dir, "crawl.warc"), filepath.Join(dir, "records.jsonl")}
}

// TestReadWorkersSameOutput reads pages of every kind with one worker and
// with several, pages finishing out of order: documents, warnings,
// rejections and Stats must be the same, in the same order.
func TestReadWorkersSameOutput(t *testing.T) {
	inputs := mixedInputs(t)
	opt := Options{SkipBad: true, Extractor: jitter{DefaultExtractor()}, Workers: 1}
	want := readWith(inputs, opt, 0)
	if want.Err != "" || want.Stats.Pages < 20 || want.Stats.Fallbacks < 3 || len(want.Warnings) != want.Stats.Fallbacks {
		t.Fatalf("one worker: error %q, stats %+v, %d warnings; want pages, fallbacks and a warning each", want.Err, want.Stats, len(want.Warnings))
	}
	var reasons []string
	for _, r := range want.Rejected {
		reasons = append(reasons, r.Reason)
	}
	for _, w := range []string{"invalid shift_jis at byte 32", "2022-13-45", "no text", "malformed JSON", `duplicate id "j0"`, `duplicate id "urn:uuid:00000003`} {
		if !strings.Contains(strings.Join(reasons, "\n"), w) {
			t.Errorf("no rejection for %q among %q", w, reasons)
		}
	}
	for _, workers := range []int{2, 4, 7} {
		opt.Workers = workers
		if got := readWith(inputs, opt, 0); !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: differs from one worker\ngot  %+v\nwant %+v", workers, summary(got), summary(want))
		}
	}
	// Tight bounds: one step waits at a time, then two.
	defer func(q int, b int64) { maxQueue, maxQueueBytes = q, b }(maxQueue, maxQueueBytes)
	for _, bound := range []struct {
		q int
		b int64
	}{{1, 1 << 30}, {2, 1 << 30}, {1024, 1}} {
		maxQueue, maxQueueBytes = bound.q, bound.b
		opt.Workers = 3
		if got := readWith(inputs, opt, 0); !reflect.DeepEqual(got, want) {
			t.Errorf("queue bounds %+v: differs from one worker\ngot  %+v\nwant %+v", bound, summary(got), summary(want))
		}
	}
}

// summary shortens a readResult for a message: IDs instead of documents.
func summary(r readResult) string {
	var ids []string
	for _, d := range r.Docs {
		ids = append(ids, d.ID)
	}
	return fmt.Sprintf("docs %q warnings %v rejected %v stats %+v err %q", ids, r.Warnings, r.Rejected, r.Stats, r.Err)
}

// TestReadWorkersStopInOrder stops Read at each document in turn, by fn's
// error, and without SkipBad at the first bad document: with several
// workers exactly what one worker gives must have been done, no more.
func TestReadWorkersStopInOrder(t *testing.T) {
	inputs := mixedInputs(t)
	opt := Options{SkipBad: true, Extractor: jitter{cheap{}}}
	all := readWith(inputs, Options{SkipBad: true, Extractor: cheap{}, Workers: 1}, 0)
	for stop := 1; stop <= len(all.Docs); stop++ {
		opt.Workers = 1
		want := readWith(inputs, opt, stop)
		if want.Err != errStop.Error() || len(want.Docs) != stop {
			t.Fatalf("stop at %d: %d documents, error %q", stop, len(want.Docs), want.Err)
		}
		opt.Workers = 3
		if got := readWith(inputs, opt, stop); !reflect.DeepEqual(got, want) {
			t.Errorf("stop at %d: 3 workers differ from one\ngot  %+v\nwant %+v", stop, summary(got), summary(want))
		}
	}
	// Without SkipBad each input stops at its first bad document, which
	// may come right after pages still being extracted.
	for _, in := range inputs {
		opt := Options{Extractor: jitter{cheap{}}, Workers: 1}
		want := readWith([]string{in}, opt, 0)
		opt.Workers = 4
		if got := readWith([]string{in}, opt, 0); !reflect.DeepEqual(got, want) {
			t.Errorf("%s without SkipBad: 4 workers differ from one\ngot  %+v\nwant %+v", in, summary(got), summary(want))
		}
		if in != "testdata/pages" && want.Err == "" {
			t.Errorf("%s without SkipBad: no error", in)
		}
	}
}

// TestReadNoGoroutineLeft: whether Read ends normally, on fn's error, or
// on bad input, the workers are gone when it returns.
func TestReadNoGoroutineLeft(t *testing.T) {
	inputs := mixedInputs(t)
	before := runtime.NumGoroutine()
	for _, tc := range []struct {
		name    string
		skipBad bool
		stopAt  int
	}{{"end", true, 0}, {"fn error", true, 2}, {"bad input", false, 0}} {
		res := readWith(inputs, Options{SkipBad: tc.skipBad, Extractor: jitter{cheap{}}, Workers: 4}, tc.stopAt)
		if (res.Err == "") != (tc.name == "end") {
			t.Fatalf("%s: error %q", tc.name, res.Err)
		}
		// Read has waited for its workers; they may still be returning.
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			t.Errorf("%s: %d goroutines after Read, %d before", tc.name, n, before)
		}
	}
}

// meeting is an extractor that returns only once n calls are in it at
// the same time (or after a minute, failing): it proves that n pages are
// extracted at once.
type meeting struct {
	mu   sync.Mutex
	n    int
	in   int
	all  chan struct{}
	late atomic.Bool
}

func (m *meeting) Extract(page []byte, pageURL string) (Article, error) {
	m.mu.Lock()
	if m.in++; m.in == m.n {
		close(m.all)
	}
	m.mu.Unlock()
	select {
	case <-m.all:
	case <-time.After(time.Minute):
		m.late.Store(true)
	}
	return visibleText(page), nil
}

func TestReadExtractsInParallel(t *testing.T) {
	m := &meeting{n: 3, all: make(chan struct{})}
	res := readWith([]string{"testdata/pages"}, Options{Extractor: m, Workers: 3}, 0)
	if res.Err != "" || len(res.Docs) != 6 || m.late.Load() {
		t.Errorf("error %q, %d documents, timed out %v; want 6 pages, 3 extracted at once", res.Err, len(res.Docs), m.late.Load())
	}
}

// counting is an extractor that counts the pages it was given.
type counting struct{ n atomic.Int64 }

func (c *counting) Extract(page []byte, pageURL string) (Article, error) {
	c.n.Add(1)
	return visibleText(page), nil
}

// TestReadBoundsPagesInFlight: when fn gets a document, at most 4 pages a
// worker have been given to the extractor and not yet applied; at most one
// with a byte budget that every page overflows. (One more is counted: the
// page that its manifest's bad date rejects is extracted, but is not
// counted in Stats.)
func TestReadBoundsPagesInFlight(t *testing.T) {
	inputs := mixedInputs(t)
	defer func(b int64) { maxQueueBytes = b }(maxQueueBytes)
	for _, tc := range []struct {
		workers int
		bytes   int64
		max     int64
	}{{2, maxQueueBytes, 8 + 1}, {3, maxQueueBytes, 12 + 1}, {3, 1, 1 + 1}} {
		maxQueueBytes = tc.bytes
		c := &counting{}
		st := &Stats{}
		var most int64
		_, err := Read(inputs, Options{SkipBad: true, Extractor: c, Workers: tc.workers, Stats: st}, func(*Document) error {
			most = max(most, c.n.Load()-int64(st.Pages+st.Fallbacks))
			return nil
		})
		if err != nil || most > tc.max {
			t.Errorf("%d workers, byte budget %d: error %v, up to %d pages extracted ahead; want at most %d", tc.workers, tc.bytes, err, most, tc.max)
		}
	}
}
