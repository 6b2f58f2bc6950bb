package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestScanBadInputs runs scan on each failure of testdata/bad that the
// HTML and WARC readers add: without --skip-bad it must exit 2 with the
// exact message, naming file and line or record; with it, exit 0 and
// write exactly that rejected row, the good documents before it kept.
func TestScanBadInputs(t *testing.T) {
	const bad = "../../testdata/bad/"
	for _, tc := range []struct {
		file, msg, row string
		docs           int // good documents in the file
	}{
		{"bad-charset.html", "bad-charset.html: invalid shift_jis at byte 93", "bad-charset.html,0,bad-charset.html,invalid shift_jis at byte 93", 0},
		{"no-text.html", "no-text.html: no text", "no-text.html,0,no-text.html,no text", 0},
		{"truncated.warc", "truncated.warc: record 3: truncated WARC record (input ends before its Content-Length)",
			"truncated.warc,3,,truncated WARC record (input ends before its Content-Length)", 1},
		{"truncated.warc.gz", "truncated.warc.gz: record 3: truncated gzip stream (unexpected EOF)",
			"truncated.warc.gz,3,,truncated gzip stream (unexpected EOF)", 1},
		{"notwarc.warc", `notwarc.warc: record 1: no WARC record found (no "WARC/" version line)`,
			`notwarc.warc,1,,"no WARC record found (no ""WARC/"" version line)"`, 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := t.TempDir()
			in := []string{bad + tc.file, bad + "ok.jsonl"}
			code, _, stderr := reprint(t, "", append([]string{"scan", "--quiet", "--out", filepath.Join(dir, "o1")}, in...)...)
			if want := "reprint: " + bad + tc.msg + "\n"; code != 2 || stderr != want {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, want)
			}
			if _, err := os.Stat(filepath.Join(dir, "o1")); err == nil {
				t.Error("a failed scan wrote its output directory")
			}
			out := filepath.Join(dir, "o2")
			code, _, stderr = reprint(t, "", append([]string{"scan", "--quiet", "--skip-bad", "--out", out}, in...)...)
			if code != 0 {
				t.Fatalf("--skip-bad: exit %d: %s", code, stderr)
			}
			rej, err := os.ReadFile(filepath.Join(out, "rejected.csv"))
			if want := "source,line_or_record,id,reason\n" + bad + tc.row + "\n"; err != nil || string(rej) != want {
				t.Errorf("rejected.csv\n%s(%v)\nwant\n%s", rej, err, want)
			}
			ids, _ := readAssignments(t, filepath.Join(out, "assignments.csv"))
			if len(ids) != tc.docs+1 || ids[len(ids)-1] != "ok" {
				t.Errorf("assigned %q, want %d documents then ok", ids, tc.docs)
			}
		})
	}
}

// TestScanHTMLAndWARC scans the hand-made news pages as a directory and
// the same two Reuters copies again inside a WARC file: the Yahoo and
// Taipei Times pages of the one Reuters story are a story, whether read
// from files or from the crawl.
func TestScanHTMLAndWARC(t *testing.T) {
	const pages = "../../corpus/testdata/pages/"
	dir := t.TempDir()
	var warc strings.Builder
	for i, name := range []string{"yahoo-reuters-lavrov.html", "taipeitimes-reuters-lavrov.html"} {
		page, err := os.ReadFile(pages + name)
		if err != nil {
			t.Fatal(err)
		}
		block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + string(page)
		warc.WriteString("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000000" + string(rune('1'+i)) +
			"-0000-4000-8000-000000000000>\r\nWARC-Date: 2022-02-01T00:00:00Z\r\nWARC-Target-URI: https://example.com/" + name +
			"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n")
	}
	crawl := filepath.Join(dir, "crawl.warc")
	if err := os.WriteFile(crawl, []byte(warc.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{pages, crawl} {
		out := filepath.Join(dir, filepath.Base(in)+".out")
		if code, _, stderr := reprint(t, "", "scan", "--quiet", "--out", out, in); code != 0 {
			t.Fatalf("%s: exit %d: %s", in, code, stderr)
		}
		ids, story := readAssignments(t, filepath.Join(out, "assignments.csv"))
		var yahoo, taipei string
		for _, id := range ids {
			switch {
			case strings.Contains(id, "yahoo") || strings.HasPrefix(id, "urn:uuid:00000001"):
				yahoo = story[id]
			case strings.Contains(id, "taipeitimes") || strings.HasPrefix(id, "urn:uuid:00000002"):
				taipei = story[id]
			}
		}
		members := 0
		for _, id := range ids {
			if story[id] == yahoo {
				members++
			}
		}
		if yahoo == "" || yahoo != taipei || members != 2 {
			t.Errorf("%s: stories %v; want the Yahoo and Taipei Times pages together, alone", in, story)
		}
	}
}
