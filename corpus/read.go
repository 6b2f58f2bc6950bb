package corpus

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// Fields names the record fields: the keys of a JSONL object, or the
// columns of a CSV header. A manifest uses the Outlet, URL, Date and Title
// names, but its ID column is always "id".
type Fields struct{ ID, Text, Outlet, URL, Date, Title, HTML string }

// DefaultFields returns the field names id, text, outlet, url, date, title
// and html.
func DefaultFields() Fields {
	return Fields{
		ID: "id", Text: "text", Outlet: "outlet", URL: "url",
		Date: "date", Title: "title", HTML: "html",
	}
}

// withDefaults fills each empty name with its default, so a caller can
// rename one field and leave the rest alone.
func (f Fields) withDefaults() Fields {
	d := DefaultFields()
	for _, p := range []struct{ v, def *string }{
		{&f.ID, &d.ID}, {&f.Text, &d.Text}, {&f.Outlet, &d.Outlet}, {&f.URL, &d.URL},
		{&f.Date, &d.Date}, {&f.Title, &d.Title}, {&f.HTML, &d.HTML},
	} {
		if *p.v == "" {
			*p.v = *p.def
		}
	}
	return f
}

// Options controls Read.
type Options struct {
	Fields  Fields    // zero value means DefaultFields(); an empty name means its default
	SkipBad bool      // record bad documents as Rejected and go on, instead of failing
	Stdin   io.Reader // what "-" reads (JSONL); nil means os.Stdin

	// Extractor finds the main text of HTML pages; nil means
	// DefaultExtractor(). Unless Workers is 1 it is called from several
	// goroutines at once.
	Extractor Extractor
	// Workers is how many HTML pages are converted and extracted at
	// once; 0 means runtime.GOMAXPROCS(0). Whatever the number, fn, Warn,
	// the rejected list and Stats see the same calls in input order.
	Workers int
	// Warn, when set, is called for each problem that did not stop a
	// document from being read, in input order.
	Warn func(Warning)
	// Stats, when set, is added to as Read goes.
	Stats *Stats
	// BytesRead, when set, is added the bytes read from the inputs as
	// they are read, as stored (compressed files count their compressed
	// bytes), from any goroutine: with InputSize, how far Read is.
	BytesRead *atomic.Int64
}

// Read reads inputs in the order given and calls fn for each good
// document, in input order, on the goroutine that called Read. Each call
// gets a new *Document that fn may keep. HTML pages are extracted on
// opt.Workers goroutines while reading goes on; no goroutine is left when
// Read returns.
//
// It returns the rejected documents (only with opt.SkipBad) and the first
// fatal error in input order: an *InputError for bad input, or fn's error
// as is. Reading stops at the first fatal error.
func Read(inputs []string, opt Options, fn func(*Document) error) ([]Rejected, error) {
	r := newReader(opt, fn)
	defer r.stopWorkers()
	var err error
	for _, in := range inputs {
		if err = r.input(in); err != nil {
			break
		}
	}
	return r.rejected, r.finish(err)
}

// newReader returns a reader for one Read call.
func newReader(opt Options, fn func(*Document) error) *reader {
	r := &reader{
		fields: opt.Fields.withDefaults(),
		opt:    opt,
		fn:     fn,
		seen:   make(map[string]docPos),
	}
	r.workers = workerCount(opt.Workers)
	if r.opt.Stdin == nil {
		r.opt.Stdin = os.Stdin
	}
	r.extractor = r.opt.Extractor
	if r.extractor == nil {
		r.extractor = DefaultExtractor()
	}
	if r.opt.Stats == nil {
		r.opt.Stats = new(Stats)
	}
	return r
}

// reader carries the state of one Read call across its inputs.
type reader struct {
	fields    Fields
	opt       Options
	fn        func(*Document) error
	extractor Extractor
	seen      map[string]docPos // document ID -> where it was first seen
	sources   []string          // inputs that documents came from, indexed by docPos.src
	rejected  []Rejected
	pool      // pages being extracted, and what waits behind them
}

// input reads one input argument, choosing the reader by its kind: the
// extension, after a .gz or .zst one.
func (r *reader) input(path string) error {
	if path == "-" {
		return r.readJSONL("-", r.count(r.opt.Stdin))
	}
	fi, err := os.Stat(path)
	if err != nil {
		return &InputError{File: path, Msg: errMsg(err)}
	}
	if fi.IsDir() {
		return r.readDir(path)
	}
	base, c := splitCodec(path)
	switch ext := strings.ToLower(filepath.Ext(base)); ext {
	case ".jsonl", ".ndjson":
		return r.readFile(path, r.readJSONL)
	case ".csv":
		return r.readFile(path, r.readCSV)
	case ".txt", ".html", ".htm":
		return r.readTextFile(path, filepath.Base(path), nil)
	case ".warc":
		return r.readFile(path, r.readWARC)
	default:
		if c != nil {
			ext += c.ext
		}
		return &InputError{File: path, Msg: fmt.Sprintf("unsupported input type %q: want a directory, "+
			".txt, .html, .htm, .jsonl, .ndjson, .csv, .warc (each optionally .gz or .zst) or -", ext)}
	}
}

// readFile opens path, decompressed when compressed, and hands it to a
// stream reader.
func (r *reader) readFile(path string, read func(string, io.Reader) error) error {
	in, err := openInput(path, maxStream, r.opt.BytesRead)
	if err != nil {
		return &InputError{File: path, Msg: errMsg(err)}
	}
	defer in.Close()
	return read(path, in)
}

// count returns rd, counting its bytes in opt.BytesRead when set.
func (r *reader) count(rd io.Reader) io.Reader {
	if r.opt.BytesRead == nil {
		return rd
	}
	return &countingReader{rd, r.opt.BytesRead}
}

// countingReader adds the bytes read from r to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// InputSize returns the bytes Read reads from inputs, as stored: the
// sizes of the files and of the text files below directories. It reports
// false when that is not known beforehand (standard input, "-") or an
// input cannot be found; Read then reports the error.
func InputSize(inputs []string) (int64, bool) {
	var total int64
	for _, in := range inputs {
		if in == "-" {
			return 0, false
		}
		fi, err := os.Stat(in)
		if err != nil {
			return 0, false
		}
		if !fi.IsDir() {
			total += fi.Size()
			continue
		}
		ids, err := listText(in)
		if err != nil {
			return 0, false
		}
		for _, id := range ids {
			if fi, err := os.Stat(filepath.Join(in, filepath.FromSlash(id))); err == nil {
				total += fi.Size()
			}
		}
	}
	return total, true
}

// reject handles a bad document: under SkipBad it is recorded and reading
// goes on (nil), otherwise it is a fatal *InputError. It is recorded in
// input order, after any step waiting in the queue.
func (r *reader) reject(file string, line int, id, reason string) error {
	return r.rejectAt(&InputError{File: file, Line: line, Msg: reason}, id, false)
}

// rejectNow is reject for a step being applied: recorded at once.
func (r *reader) rejectNow(file string, line int, id, reason string) error {
	return r.rejectAt(&InputError{File: file, Line: line, Msg: reason}, id, true)
}

// rejectAt rejects the document that e describes, with ID id, at once
// (now) or after the queued steps.
func (r *reader) rejectAt(e *InputError, id string, now bool) error {
	if !r.opt.SkipBad {
		return e
	}
	line := e.Line
	if e.Record > 0 {
		line = e.Record
	}
	rej := Rejected{Source: e.File, Line: line, ID: id, Reason: e.Msg}
	add := func() error {
		r.rejected = append(r.rejected, rej)
		return nil
	}
	if now {
		return add()
	}
	return r.inOrder(add, 0)
}

// emit completes and checks a document, then passes it to fn, in input
// order: at once when nothing waits in the queue, else after the steps
// that wait.
func (r *reader) emit(d *Document) error {
	if r.idle() {
		return r.emitNow(d)
	}
	return r.push(step{fn: func() error { return r.emitNow(d) }, size: int64(len(d.Text))})
}

// emitNow is emit for a document whose turn has come.
func (r *reader) emitNow(d *Document) error {
	if d.Outlet == "" {
		d.Outlet = OutletFromURL(d.URL)
	}
	rej := r.rejectNow
	if isWARC(d.Source) {
		rej = r.rejectRecordNow
	}
	if reason := check(d); reason != "" {
		return rej(d.Source, d.Line, d.ID, reason)
	}
	if first, ok := r.seen[d.ID]; ok {
		return rej(d.Source, d.Line, d.ID,
			fmt.Sprintf("duplicate id %q (first seen at %s)", d.ID, place(r.sources[first.src], first.line)))
	}
	if len(r.sources) == 0 || r.sources[len(r.sources)-1] != d.Source {
		r.sources = append(r.sources, d.Source)
	}
	r.seen[d.ID] = docPos{int32(len(r.sources) - 1), d.Line}
	return r.fn(d)
}

// docPos is where a document was read: an index into reader.sources and
// a line. The seen map holds one per document read, so it is kept small:
// the ID key shares the Document's string, and nothing else is allocated.
type docPos struct {
	src  int32
	line int
}

// check returns why d cannot be used, or "". Invalid UTF-8 is caught by
// each format's reader, where the byte offset is known.
func check(d *Document) string {
	for _, s := range []string{d.ID, d.Outlet, d.URL, d.Title, d.Text} {
		if strings.IndexByte(s, 0) >= 0 {
			return "binary content (NUL byte)"
		}
	}
	if strings.TrimSpace(d.Text) == "" {
		return "no text"
	}
	return ""
}
