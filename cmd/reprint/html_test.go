package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/scan"
)

// TestScanSeedsReport checks the HTML report of the seed pages against
// golden files (go test -update rewrites them).
func TestScanSeedsReport(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := reprint(t, "", "scan", seeds, "--out", out); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	for _, name := range []string{"index.html", "stories/s000003.html"} {
		golden(t, filepath.Join("testdata", "golden", "seeds-report", filepath.FromSlash(name)), filepath.Join(out, "report", filepath.FromSlash(name)))
	}
	entries, err := os.ReadDir(filepath.Join(out, "report", "stories"))
	if err != nil || len(entries) != 1 {
		t.Errorf("story pages: %v, %v; want only s000003.html", entries, err)
	}
}

func TestScanNoHTML(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := reprint(t, "", "scan", seeds, "--out", out, "--html=false"); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "report")); !os.IsNotExist(err) {
		t.Errorf("--html=false wrote a report: %v", err)
	}
}

// hostileJSONL is two copies of seed 002's story under IDs that must not
// become file names, as JSONL.
func hostileJSONL(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seeds, "002_2e3d931e3c37b20f.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	var sb strings.Builder
	for i, id := range []string{"../../etc/x", strings.Repeat("x/", 150), "/abs/<script>alert(1)</script>", `a\u0007b`} {
		rec := map[string]string{"id": id, "text": text[:len(text)-i*200], "title": "<script>alert(1)</script>", "outlet": "o" + string(rune('a'+i))}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		sb.Write(line)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// TestScanHostileIDsReport scans documents whose IDs are paths out of the
// report directory, very long, or markup: the run succeeds and every
// report file is inside DIR/report with a name made from a story number.
func TestScanHostileIDsReport(t *testing.T) {
	// An ID with a NUL byte is binary input, which the reader rejects:
	// with --skip-bad the run goes on.
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte(hostileJSONL(t)+`{"id":"nul\u0000id","text":"some text"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	out := filepath.Join(root, "a", "b", "out")
	if code, _, stderr := reprint(t, "", "scan", in, "--out", out, "--skip-bad"); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var html []string
	for _, f := range files {
		if strings.HasPrefix(f, "..") {
			t.Errorf("file written outside the output directory: %s", f)
		}
		if strings.HasPrefix(f, "report/") {
			html = append(html, f)
		}
	}
	if rej, _ := os.ReadFile(filepath.Join(out, "rejected.csv")); !strings.Contains(string(rej), "NUL") {
		t.Errorf("the NUL ID was not rejected: %s", rej)
	}
	if strings.Join(html, " ") != "report/index.html report/stories/s000001.html" {
		t.Errorf("report files %v", html)
	}
	b, err := os.ReadFile(filepath.Join(out, "report", "stories", "s000001.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "<script>alert") || !strings.Contains(string(b), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the story page does not escape the titles")
	}
}

// TestScanStdinReport: stdin cannot be read twice, so the report has no
// side-by-side views and says why.
func TestScanStdinReport(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := reprint(t, hostileJSONL(t), "scan", "-", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.Contains(stderr, "standard input cannot be read twice") {
		t.Errorf("stderr does not explain the missing texts: %s", stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "standard input cannot be read twice") {
		t.Error("the index does not explain the missing texts")
	}
}

func TestDiffSeeds(t *testing.T) {
	a, b := filepath.Join(seeds, "002_2e3d931e3c37b20f.txt"), filepath.Join(seeds, "003_0d9959627c6de714.txt")
	page := filepath.Join(t.TempDir(), "diff.html")
	code, stdout, stderr := reprint(t, "", "diff", a, b, "--html", page, "--word-diff")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	for _, want := range []string{
		"a          002_2e3d931e3c37b20f.txt  2022-01-28  \"'We don't want wars': Russia sends less hawkish message on Ukraine\"\n",
		"jaccard    0.1455\n", "a_in_b     0.1588\n", "b_in_a     0.6342\n", "shared     267 shingles\n",
		"verdict    copy: the smaller text is 63% contained in the larger (threshold 20%), 267 shared shingles\n",
		"with [-U.S.-]{+US+} security proposals",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<meta http-equiv="Content-Security-Policy"`, `<tr class="edited"><td>U.S.</td><td>US</td></tr>`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("diff page lacks %q", want)
		}
	}

	// Unrelated pages: not a copy.
	code, stdout, _ = reprint(t, "", "diff", filepath.Join(seeds, "000_22738a2fa1e210c7.txt"), a)
	if code != 0 || !strings.Contains(stdout, "verdict    not a copy") {
		t.Errorf("000 vs 002: exit %d\n%s", code, stdout)
	}
}

func TestDiffErrors(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte(hostileJSONL(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(seeds, "002_2e3d931e3c37b20f.txt")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", a}, 2, "need two inputs"},
		{[]string{"diff", in, a}, 2, "holds several documents; name one with --id-a"},
		{[]string{"diff", in, a, "--id-a", "nope"}, 2, `holds no document "nope"`},
		{[]string{"diff", a, filepath.Join(seeds, "missing.txt")}, 2, "missing.txt"},
		{[]string{"diff", in, in, "--id-a", "../../etc/x", "--id-b", "/abs/<script>alert(1)</script>"}, 0, ""},
	} {
		code, _, stderr := reprint(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

// TestScanHTMLViews caps the side-by-side views at the two largest
// stories: their pages show the copies, every other story still has a
// page that lists its members and says why there is no view, the index
// says so and lists every story, and the report is the same for any
// number of workers.
func TestScanHTMLViews(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := reprint(t, "", "gen", "--docs", "300", "--seed", "4", "--out", dir); code != 0 {
		t.Fatalf("gen: exit %d, %s", code, stderr)
	}
	in := filepath.Join(dir, "corpus.jsonl")
	out := filepath.Join(dir, "out")
	if code, _, stderr := reprint(t, "", "scan", in, "--out", out, "--html-views", "2"); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	pages, err := filepath.Glob(filepath.Join(out, "report", "stories", "*.html"))
	if err != nil || len(pages) < 5 {
		t.Fatalf("story pages %v, %v; want 5 or more", pages, err)
	}
	viewed, explained := 0, 0
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch s := string(b); {
		case strings.Contains(s, `<table class="sbs">`):
			viewed++
		case strings.Contains(s, "pages of the 2 largest stories only") && strings.Contains(s, `id="member-table"`) && !strings.Contains(s, `id="copies"`):
			explained++
		default:
			t.Errorf("%s: neither a side-by-side view nor why there is none", p)
		}
	}
	if viewed != 2 || explained != len(pages)-2 {
		t.Errorf("%d pages with views, %d explained, of %d; want 2 with views", viewed, explained, len(pages))
	}
	index, err := os.ReadFile(filepath.Join(out, "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("pages of the 2 largest of the %d stories", len(pages)); !strings.Contains(string(index), want) {
		t.Errorf("index does not say %q", want)
	}
	if want := "--html-views N sets how many stories have side-by-side views (now 2; 0: all)"; !strings.Contains(string(index), want) {
		t.Errorf("index does not say %q", want)
	}
	if n := strings.Count(string(index), `"id":"s`); n != len(pages) {
		t.Errorf("index lists %d stories, want %d", n, len(pages))
	}

	// The same report on one core.
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	out1 := filepath.Join(dir, "out1")
	if code, _, stderr := reprint(t, "", "scan", in, "--out", out1, "--html-views", "2"); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	for _, p := range append(pages, filepath.Join(out, "report", "index.html")) {
		rel, _ := filepath.Rel(out, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(out1, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs with GOMAXPROCS=1 (%v)", rel, err)
		}
	}
}

// TestWriteHTMLInputsChanged writes the report of a scan whose input file
// changed afterwards: the texts cannot be trusted, so no pair is shown,
// and stderr and the index say why.
func TestWriteHTMLInputsChanged(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(hostileJSONL(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	copt := corpus.Options{Fields: corpus.DefaultFields()}
	var docs []corpus.Document
	if _, err := corpus.Read([]string{in}, copt, func(d *corpus.Document) error {
		docs = append(docs, *d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	opt := scan.DefaultOptions()
	opt.TempDir = dir
	res, err := scan.Run(context.Background(), scan.Docs(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, []byte(strings.ReplaceAll(hostileJSONL(t), `"o`, `"id":"renamed","x`)), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := writeHTML(dir, res, []string{in}, copt, opt.K, 2000, dir, &stderr, nil); err != nil {
		t.Fatal(err)
	}
	const why = "the inputs changed after the scan"
	if !strings.Contains(stderr.String(), why) {
		t.Errorf("stderr %q does not say %q", stderr.String(), why)
	}
	index, err := os.ReadFile(filepath.Join(dir, "report", "index.html"))
	if err != nil || !strings.Contains(string(index), why) {
		t.Errorf("index does not say %q (%v)", why, err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "report", "stories", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no story page")
	}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		if strings.Contains(string(b), `<table class="sbs">`) || !strings.Contains(string(b), "The text of this pair is not available.") {
			t.Errorf("%s shows texts that may not be the scan's", p)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "reprint-texts-*")); len(left) != 0 {
		t.Errorf("spool files left behind: %v", left)
	}
}
