package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanWarnings: a page the extractor rejects is read as visible text,
// and the user hears of it three times: a warning on stderr as it
// happens, a line of the summary, and a row of warnings.csv.
func TestScanWarnings(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "pages")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../../corpus/testdata/pages/yahoo-reuters-lavrov.html")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"article.html": string(page),
		"menu.html":    `<html><body><nav>Home News</nav><ul><li>One story title here</li><li>Another link text</li></ul></body></html>`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := reprint(t, "", "scan", "--html=false", "--progress=never", "--out", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const why = "main-text extraction failed (text and comments are not long enough: 0 0): using all visible text"
	if want := "reprint: warning: " + filepath.Join(in, "menu.html") + ": menu.html: " + why + "\n"; !strings.Contains(stderr, want) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, want)
	}
	if want := "html       1 pages extracted, 1 read as visible text (1 warnings)\n"; !strings.Contains(stdout, want) {
		t.Errorf("summary = %q, want it to contain %q", stdout, want)
	}
	csv, err := os.ReadFile(filepath.Join(out, "warnings.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "source,line_or_record,id,warning\n" + filepath.Join(in, "menu.html") + ",0,menu.html," + why + "\n"; string(csv) != want {
		t.Errorf("warnings.csv = %q, want %q", csv, want)
	}
}

// TestScanWARCSummary: records that are not HTML pages served with status
// 200 are counted by why in the summary.
func TestScanWARCSummary(t *testing.T) {
	page, err := os.ReadFile("../../corpus/testdata/pages/yahoo-reuters-lavrov.html")
	if err != nil {
		t.Fatal(err)
	}
	var warc strings.Builder
	record := func(id int, typ, contentType, block string) {
		fmt.Fprintf(&warc, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:0000000%d-0000-4000-8000-000000000000>\r\n"+
			"WARC-Date: 2022-02-01T00:00:00Z\r\nWARC-Target-URI: https://example.com/%d\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			typ, id, id, contentType, len(block), block)
	}
	record(1, "request", "application/http; msgtype=request", "GET /1 HTTP/1.1\r\nHost: example.com\r\n\r\n")
	record(2, "response", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"+string(page))
	record(3, "response", "application/http; msgtype=response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body>gone</body></html>")
	path := filepath.Join(t.TempDir(), "crawl.warc")
	if err := os.WriteFile(path, []byte(warc.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := reprint(t, "", "scan", "--progress=never", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "warc       3 records; skipped: 1 HTTP status 404, 1 request record\n"; !strings.Contains(stderr, want) {
		t.Errorf("summary = %q, want it to contain %q", stderr, want)
	}
}
