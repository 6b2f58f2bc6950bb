package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// warcRec is one WARC record, for building test crawls.
type warcRec struct {
	typ, uri, ctype, block string
}

// warcBytes returns recs as a WARC file; record i gets the ID
// urn:uuid:0000000i-0000-4000-8000-000000000000 and the date
// 2022-02-0iT12:00:00Z.
func warcBytes(recs []warcRec) []byte {
	var b bytes.Buffer
	for i, r := range recs {
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\n"+
			"WARC-Date: 2022-02-%02dT12:00:00Z\r\n", r.typ, i+1, i+1)
		if r.uri != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
		}
		fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.ctype, len(r.block), r.block)
	}
	return b.Bytes()
}

// httpResp returns an HTTP response block.
func httpResp(status string, header, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + header + "\r\n" + body
}

const httpType = "application/http; msgtype=response"

// testCrawl is a small crawl with every kind of record Read meets.
func testCrawl(t testing.TB) []byte {
	taipei, err := os.ReadFile("testdata/pages/taipeitimes-reuters-lavrov.html")
	if err != nil {
		t.Fatal(err)
	}
	cyrillic := "<html><body><article><p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0.</p></article></body></html>" // "Привет мир." in windows-1251
	var gz bytes.Buffer
	gz.Write(compress(t, codecs[0], []byte("<html><body><p>Stored gzip-compressed and chunked.</p></body></html>")))
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", gz.Len(), gz.Bytes())
	return warcBytes([]warcRec{
		{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
		{"request", "https://www.taipeitimes.com/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: www.taipeitimes.com\r\n\r\n"},
		{"response", "https://www.taipeitimes.com/a", httpType, httpResp("200 OK", "Content-Type: text/html; charset=utf-8\r\n", string(taipei))},
		{"response", "https://ru.example/b", httpType, httpResp("200 OK", "Content-Type: text/html; charset=windows-1251\r\n", cyrillic)},
		{"response", "https://ru.example/missing", httpType, httpResp("404 Not Found", "Content-Type: text/html\r\n", "<p>Not found</p>")},
		{"response", "https://ru.example/logo.png", httpType, httpResp("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n")},
		{"revisit", "https://ru.example/b", httpType, httpResp("200 OK", "Content-Type: text/html\r\n", "")},
		{"metadata", "https://ru.example/b", "application/warc-fields", "via: https://ru.example/\r\n"},
		{"resource", "file:///c.html", "text/html", "<p>A resource, not a response.</p>"},
		{"response", "https://gz.example/c", httpType, httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked)},
		{"response", "https://br.example/d", httpType, httpResp("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x00")},
	})
}

func TestReadWARC(t *testing.T) {
	dir := t.TempDir()
	crawl := testCrawl(t)
	for _, name := range []string{"crawl.warc", "crawl.warc.gz", "crawl.warc.zst"} {
		t.Run(name, func(t *testing.T) {
			data := crawl
			if _, c := splitCodec(name); c != nil {
				data = compress(t, c, crawl)
			}
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			st := &Stats{}
			docs, rej, err := readAll([]string{path}, Options{SkipBad: true, Stats: st})
			if err != nil {
				t.Fatal(err)
			}
			checkDocs(t, docs)
			type doc struct{ id, url, outlet, title, date, text string }
			var got []doc
			for _, d := range docs {
				text := d.Text
				if len(text) > 40 {
					text = text[:40]
				}
				got = append(got, doc{d.ID, d.URL, d.Outlet, d.Title, d.Date.Format(time.RFC3339), text})
				if d.Source != path {
					t.Errorf("%s: source %q", d.ID, d.Source)
				}
			}
			want := []doc{
				{"urn:uuid:00000003-0000-4000-8000-000000000000", "https://www.taipeitimes.com/a", "Taipei Times",
					"Russia 'does not want war,' foreign minister says", "2022-01-29T00:00:00Z", "Russia yesterday sent its strongest signa"[:40]},
				{"urn:uuid:00000004-0000-4000-8000-000000000000", "https://ru.example/b", "ru.example", "", "2022-02-04T12:00:00Z", "Привет мир."},
				{"urn:uuid:00000010-0000-4000-8000-000000000000", "https://gz.example/c", "gz.example", "", "2022-02-10T12:00:00Z", "Stored gzip-compressed and chunked."},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("documents\n%q\nwant\n%q", got, want)
			}
			if len(docs) != 3 {
				t.Fatalf("rejected %+v", rej)
			}
			if lines := []int{docs[0].Line, docs[1].Line, docs[2].Line}; !reflect.DeepEqual(lines, []int{3, 4, 10}) {
				t.Errorf("record numbers %v, want [3 4 10]", lines)
			}
			wantRej := []Rejected{{path, 11, "urn:uuid:00000011-0000-4000-8000-000000000000", `unsupported Content-Encoding "br"`}}
			if !reflect.DeepEqual(rej, wantRej) {
				t.Errorf("rejected %+v, want %+v", rej, wantRej)
			}
			wantSkip := map[string]int{"warcinfo record": 1, "request record": 1, "HTTP status 404": 1, "not HTML": 1,
				"revisit record": 1, "metadata record": 1, "resource record": 1}
			if st.WARCRecords != 11 || !reflect.DeepEqual(st.WARCSkipped, wantSkip) || st.Pages != 3 {
				t.Errorf("stats %+v, want 11 records, 3 pages, skipped %v", st, wantSkip)
			}
		})
	}
}

// TestReadWARCStrict checks the message of a bad record without SkipBad,
// and that a record ID seen twice is a duplicate.
func TestReadWARCStrict(t *testing.T) {
	dir := t.TempDir()
	page := httpResp("200 OK", "Content-Type: text/html\r\n", "<p>Same page twice.</p>")
	crawl := warcBytes([]warcRec{{"response", "https://a.example/", httpType, page}})
	path := filepath.Join(dir, "twice.warc")
	if err := os.WriteFile(path, append(crawl, crawl...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read([]string{path}, Options{}, func(*Document) error { return nil })
	want := path + `: record 2: duplicate id "urn:uuid:00000001-0000-4000-8000-000000000000" (first seen at ` + path + " record 1)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant  %s", err, want)
	}
}
