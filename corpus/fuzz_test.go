package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds the inputs of the error table whose name ends with ext.
func addSeeds(f *testing.F, ext string) {
	for _, tc := range badInputs {
		for name, content := range tc.files {
			if strings.HasSuffix(name, ext) {
				f.Add([]byte(content))
			}
		}
	}
}

// checkErr fails unless err is nil or an *InputError.
func checkErr(t *testing.T, err error) {
	t.Helper()
	var ie *InputError
	if err != nil && !errors.As(err, &ie) {
		t.Fatalf("error %v is not an *InputError", err)
	}
}

// collectStream reads one stream with an internal reader, as Read would.
func collectStream(data []byte, opt Options, read func(*reader, []byte) error) ([]*Document, []Rejected, error) {
	var docs []*Document
	r := newReader(opt, func(d *Document) error {
		docs = append(docs, d)
		return nil
	})
	defer r.stopWorkers()
	err := r.finish(read(r, data))
	return docs, r.rejected, err
}

// fuzzStream checks a stream reader: no panic, only good documents, and
// without SkipBad exactly the documents before the first bad one.
func fuzzStream(t *testing.T, data []byte, read func(*reader, []byte) error) {
	all, rej, err := collectStream(data, Options{SkipBad: true}, read)
	checkErr(t, err)
	checkDocs(t, all)
	strict, _, strictErr := collectStream(data, Options{}, read)
	checkErr(t, strictErr)
	if len(strict) > len(all) || (len(strict) > 0 && !reflect.DeepEqual(strict, all[:len(strict)])) {
		t.Fatalf("strict run passed on %q, SkipBad run %q", ids(strict), ids(all))
	}
	if (strictErr == nil) != (err == nil && len(rej) == 0) {
		t.Fatalf("strict error %v, but SkipBad error %v and %d rejected", strictErr, err, len(rej))
	}
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	f.Add([]byte("\xEF\xBB\xBF" + `{"id":1,"text":"a","url":"http://www.x.org","date":"2022-01-28T10:00:00Z"}` + "\r\n\n" + `{"html":"<p>b</p>"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStream(t, data, func(r *reader, b []byte) error {
			r.opt.Stdin = bytes.NewReader(b)
			return r.input("-")
		})
	})
}

func FuzzReadCSV(f *testing.F) {
	addSeeds(f, ".csv")
	f.Add([]byte("id,url,text,html\n1,http://a.b/c,\"x\ny\",\n2,,,<p>z</p>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStream(t, data, func(r *reader, b []byte) error {
			return r.readCSV("f.csv", bytes.NewReader(b))
		})
	})
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, ".txt")
	for _, name := range []string{"002_2e3d931e3c37b20f.txt", "003_0d9959627c6de714.txt"} {
		b, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStream(t, data, func(r *reader, b []byte) error {
			return r.readText("f.txt", "f.txt", bytes.NewReader(b), int64(len(b)), nil)
		})
		s := string(data)
		h, rest := splitHeader(s)
		if !strings.HasSuffix(s, rest) || (h.date == "") != (rest == s) {
			t.Fatalf("splitHeader(%q) = %+v, %q", s, h, rest)
		}
		if h.date != "" && (!dateShape(h.date) || strings.Contains(h.title, "\n")) {
			t.Fatalf("splitHeader(%q) = %+v", s, h)
		}
	})
}

// FuzzReadGzipJSONL reads fuzzed bytes as a .jsonl.gz input. With plain
// set they are JSONL, compressed here and then cut short by cut bytes (if
// it has that many); else they are the compressed bytes themselves, mostly
// garbage.
func FuzzReadGzipJSONL(f *testing.F) {
	compressedSeeds(f, codecs[0])
	f.Fuzz(func(t *testing.T, data []byte, plain bool, cut uint16) {
		fuzzCompressed(t, codecs[0], data, plain, cut)
	})
}

// FuzzReadZstdJSONL is FuzzReadGzipJSONL for .jsonl.zst.
func FuzzReadZstdJSONL(f *testing.F) {
	compressedSeeds(f, codecs[1])
	f.Fuzz(func(t *testing.T, data []byte, plain bool, cut uint16) {
		fuzzCompressed(t, codecs[1], data, plain, cut)
	})
}

// compressedSeeds adds the seeds of a fuzz test of JSONL compressed with c.
func compressedSeeds(f *testing.F, c *codec) {
	jsonl := []byte(`{"id":"1","text":"a"}` + "\n" + `{"id":"2","text":"b","date":"2022-01-28"}` + "\n")
	for _, cut := range []uint16{0, 4, 12} {
		f.Add(jsonl, true, cut)
	}
	f.Add(compress(f, c, jsonl), false, uint16(0))
	f.Add(append(compress(f, c, jsonl), compress(f, c, []byte(`{"text":"c"}`))...), false, uint16(0))
	f.Add(compress(f, c, append([]byte{0xFF, 0xFE}, "{\x00}\x00"...)), false, uint16(0))
	f.Add([]byte("garbage"), false, uint16(0))
	f.Add([]byte{}, false, uint16(0))
	for _, tc := range badInputs {
		for name, content := range tc.files {
			if strings.HasSuffix(name, ".jsonl") {
				f.Add([]byte(content), true, uint16(0))
			}
		}
	}
	for _, name := range []string{"truncated.jsonl.gz", "truncated.jsonl.zst", "notgzip.jsonl.gz"} {
		if _, cc := splitCodec(name); cc == c {
			b, err := os.ReadFile(filepath.Join(badDir, name))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, false, uint16(0))
		}
	}
}

// fuzzCompressed reads data as JSONL compressed with c; when plain, data
// is compressed here first and then cut bytes are cut off its end. The
// limit on decompressed bytes is lowered to 1 KiB, so that it is met.
func fuzzCompressed(t *testing.T, c *codec, data []byte, plain bool, cut uint16) {
	if plain {
		data = compress(t, c, data)
		data = data[:len(data)-min(int(cut), len(data))]
	}
	fuzzStream(t, data, func(r *reader, b []byte) error {
		s := newStream(bytes.NewReader(b), c, 1<<10)
		defer s.Close()
		return r.readJSONL("f.jsonl"+c.ext, s)
	})
}

// FuzzManifest reads a directory of three documents with a fuzzed
// manifest, as CSV or as JSONL.
func FuzzManifest(f *testing.F) {
	b, err := os.ReadFile(filepath.Join(seeds, "manifest.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, false)
	f.Add([]byte("id,outlet,url,date,title\na.txt,,https://www.a.example/x,2022-01-28,A\nsub/c.txt,C,,,\n"), false)
	f.Add([]byte(`{"id":"a.txt","url":"https://b.example","date":"2022-01-28T00:00:00Z"}`+"\n"+`{"id":"b.txt","title":"B"}`), true)
	for _, tc := range badInputs {
		for name, content := range tc.files {
			if strings.Contains(name, "manifest.") {
				f.Add([]byte(content), strings.HasSuffix(name, ".jsonl"))
			}
		}
	}
	dir := f.TempDir()
	writeFiles(f, dir, map[string]string{"a.txt": "a", "b.txt": " date 2021-02-03 B\nb", "sub/c.txt": "c"})
	f.Fuzz(func(t *testing.T, data []byte, jsonl bool) {
		name, other := "manifest.csv", "manifest.jsonl"
		if jsonl {
			name, other = other, name
		}
		os.Remove(filepath.Join(dir, other))
		writeFiles(t, dir, map[string]string{name: string(data)})
		docs, rej, err := readAll([]string{dir}, Options{SkipBad: true})
		checkErr(t, err)
		checkDocs(t, docs)
		if err == nil && len(docs)+countDocs(rej) != 3 {
			t.Fatalf("%d documents and %+v rejected, want 3 in all", len(docs), rej)
		}
	})
}

// countDocs counts the rejections of documents, leaving out those of
// manifest rows naming missing files.
func countDocs(rej []Rejected) int {
	n := 0
	for _, r := range rej {
		if r.Reason != "manifest names a missing file" {
			n++
		}
	}
	return n
}

// FuzzExtractHTML checks the HTML path on any bytes: charset conversion,
// the default extractor behind its wrapper, and the visible-text
// fallback never panic, and what comes out is valid UTF-8.
func FuzzExtractHTML(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "https://example.com/a")
	}
	for _, p := range []string{"../testdata/bad/bad-charset.html", "../testdata/bad/no-text.html"} {
		b, _ := os.ReadFile(p)
		f.Add(b, "")
	}
	f.Add([]byte(`<meta charset="euc-kr"><p>`+"\xb0\xa1 \xff<table><tr><td>x"), "::bad url")
	// Small pages keep the fuzzer fast: the real ones above take the
	// extractor tens of milliseconds each.
	for _, s := range []string{
		`<html><head><title>T</title><meta property="og:site_name" content="S"><link rel="canonical" href="/a"></head><body><article><h1>H</h1><time datetime="2024-01-02">x</time><p>One two three four five six seven eight nine ten.</p><p>Eleven twelve.</p></article></body></html>`,
		`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-06T07:08:09Z","headline":"H"}</script><div class="content"><p>Words in a div, long enough to be an article body perhaps.</p></div>`,
		`<body><nav><a href=/>Home</a></nav><main><p>Main text.</p><aside>Related</aside></main><footer>(c) S</footer>`,
		`<p>`,
	} {
		f.Add([]byte(s), "http://example.org/x?y=1")
	}
	f.Fuzz(func(t *testing.T, data []byte, pageURL string) {
		lowerPage(t)
		page, reason := decodePage(data, "", 0)
		if reason != "" {
			return
		}
		if !utf8.Valid(page) {
			t.Fatalf("decodePage passed on invalid UTF-8: %q", page)
		}
		r := newReader(Options{}, func(*Document) error { return nil })
		d := &Document{ID: "x", URL: pageURL}
		a, err := extractPage(r.extractor, page, d.URL)
		r.applyPage(d, a, err)
		for _, s := range []string{d.Text, d.Title, d.URL, d.Outlet} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %+v", d)
			}
		}
		if r.opt.Stats.Pages+r.opt.Stats.Fallbacks != 1 {
			t.Fatalf("stats %+v after one page", r.opt.Stats)
		}
	})
}

// FuzzReadWARC checks the WARC reader: no panic, only good documents,
// and without SkipBad exactly the documents before the first bad one.
func FuzzReadWARC(f *testing.F) {
	f.Add(testCrawl(f))
	for _, p := range []string{"truncated.warc", "notwarc.warc"} {
		b, _ := os.ReadFile(filepath.Join(badDir, p))
		f.Add(b)
	}
	f.Add(warcBytes([]warcRec{{"response", "https://a.example/caf\xe9", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", "<p>x</p>")}}))
	f.Add(warcBytes([]warcRec{{"response", "", httpType, httpResp("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "5\r\n<p>ab\r\nzz")}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		lowerPage(t)
		fuzzStream(t, data, func(r *reader, b []byte) error {
			return r.readWARC("f.warc", bytes.NewReader(b))
		})
	})
}

// lowerPage lowers the limits on pages for one fuzz input, so that a
// small input cannot expand (a gzip-encoded body) into a page that takes
// the extractor seconds.
func lowerPage(t *testing.T) {
	oldText, oldPage := maxText, maxPage
	maxText, maxPage = 1<<20, 64<<10
	t.Cleanup(func() { maxText, maxPage = oldText, oldPage })
}
