package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestScanPagesSameBytesAnyGOMAXPROCS scans HTML pages, a WARC crawl of
// the same pages and pages that fall back or are rejected, with one core
// and with four: pages are extracted on one worker a core, and every
// output file must be the same, byte for byte.
func TestScanPagesSameBytesAnyGOMAXPROCS(t *testing.T) {
	const pages = "../../corpus/testdata/pages/"
	names, err := filepath.Glob(pages + "*.html")
	if err != nil || len(names) == 0 {
		t.Fatal("no pages", err)
	}
	dir := t.TempDir()
	var warc strings.Builder
	menu := `<html><body><nav>Home News</nav><ul><li>One story title here</li><li>Another link text</li></ul></body></html>`
	for i, name := range append(names, "menu") {
		page := []byte(menu)
		if name != "menu" {
			if page, err = os.ReadFile(name); err != nil {
				t.Fatal(err)
			}
		}
		block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + string(page)
		fmt.Fprintf(&warc, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\n"+
			"WARC-Date: 2022-02-01T00:00:00Z\r\nWARC-Target-URI: https://crawl.example/%d\r\n"+
			"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", i+1, i, len(block), block)
	}
	crawl := filepath.Join(dir, "crawl.warc")
	if err := os.WriteFile(crawl, []byte(warc.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{pages, crawl, "../../testdata/bad/bad-charset.html", "../../testdata/bad/no-text.html", "../../testdata/bad/ok.jsonl"}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	outs := map[int]string{}
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		outs[procs] = filepath.Join(dir, fmt.Sprint("out", procs))
		args := append([]string{"scan", "--quiet", "--skip-bad", "--html=false", "--out", outs[procs]}, inputs...)
		if code, _, stderr := reprint(t, "", args...); code != 0 {
			t.Fatalf("GOMAXPROCS=%d: exit %d: %s", procs, code, stderr)
		}
	}
	for _, name := range []string{"stories.jsonl", "pairs.csv", "assignments.csv", "warnings.csv", "rejected.csv"} {
		a, _ := os.ReadFile(filepath.Join(outs[1], name))
		b, _ := os.ReadFile(filepath.Join(outs[4], name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between GOMAXPROCS=1 and 4:\n%s\n---\n%s", name, a, b)
		}
	}
	// The crawl's copies of the pages are found as copies, the menu page
	// warned about, and the bad pages rejected.
	for name, want := range map[string]string{
		"warnings.csv": "crawl.warc,7,urn:uuid:00000007-0000-4000-8000-000000000000,main-text extraction failed",
		"rejected.csv": "bad-charset.html,0,bad-charset.html,invalid shift_jis at byte 93\n../../testdata/bad/no-text.html,0,no-text.html,no text",
		"pairs.csv":    "urn:uuid:00000006-0000-4000-8000-000000000000",
	} {
		if b, _ := os.ReadFile(filepath.Join(outs[1], name)); !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, b)
		}
	}
}
