package html

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/reprint-news/reprint/corpus"
)

// The browser tests load the report from disk in Debian's chromium,
// headless, and look at the DOM after the scripts ran (--dump-dom) and at
// what the page logged (--enable-logging=stderr prints every console
// message, Content-Security-Policy violations included, as a CONSOLE
// line). They skip when no chromium is installed, unless
// REPRINT_BROWSER_TEST=1 (set by .ci/run), when they fail instead.
// Screenshots go to $REPRINT_ARTIFACTS, or a temporary directory; with
// -update the seed story page's screenshot is also copied to
// docs/report.png for the README.

func browser(t *testing.T) string {
	t.Helper()
	required := os.Getenv("REPRINT_BROWSER_TEST") == "1"
	if testing.Short() && !required {
		t.Skip("browser test skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if required {
		t.Fatal("REPRINT_BROWSER_TEST=1 but no chromium on PATH (apt-get install -y chromium)")
	}
	t.Skip("no chromium on PATH; install it (apt-get install -y chromium) or set REPRINT_BROWSER_TEST=1 to require it")
	return ""
}

// load opens url in a fresh headless chromium with extra flags and
// returns its stdout and the console messages it logged.
func load(t *testing.T, bin, url string, extra ...string) (string, []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}
	args = append(append(args, extra...), url)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, tail(stderr.String(), 2000))
	}
	var console []string
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") {
			console = append(console, line)
		}
	}
	return stdout.String(), console
}

func tail(s string, n int) string { return s[max(0, len(s)-n):] }

// dom loads a page and returns the DOM after its scripts ran, failing the
// test if the page logged anything at all. With png set it also saves a
// screenshot there, in the same run.
func dom(t *testing.T, bin, path, fragment, png string) string {
	t.Helper()
	args := []string{"--dump-dom"}
	if png != "" {
		args = append(args, "--screenshot="+png, "--window-size=1280,2100", "--hide-scrollbars")
	}
	out, console := load(t, bin, fileURL(t, path)+fragment, args...)
	if len(console) > 0 {
		t.Errorf("%s logged:\n%s", path, strings.Join(console, "\n"))
	}
	if !strings.Contains(out, "</html>") {
		t.Fatalf("%s: no DOM dumped:\n%s", path, tail(out, 500))
	}
	if png != "" {
		b, err := os.ReadFile(png)
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) || len(b) < 10000 {
			t.Fatalf("screenshot %s: %v, %d bytes", png, err, len(b))
		}
		t.Logf("screenshot: %s", png)
	}
	return out
}

// artifact returns where to save a test artifact: $REPRINT_ARTIFACTS, or
// a temporary directory.
func artifact(t *testing.T, name string) string {
	t.Helper()
	dir := os.Getenv("REPRINT_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

func fileURL(t *testing.T, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(abs)
}

// seedReport scans the seed pages, with their manifest, and writes the
// report.
func seedReport(t *testing.T) string {
	t.Helper()
	var docs []corpus.Document
	_, err := corpus.Read([]string{"../../testdata/seeds"}, corpus.Options{Fields: corpus.DefaultFields()}, func(d *corpus.Document) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r, text := scanDocs(t, docs)
	dir := t.TempDir()
	if err := Write(dir, r, Options{Text: text}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// has asserts that the DOM matches each pattern.
func has(t *testing.T, name, dom string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(dom) {
			t.Errorf("%s: DOM lacks %s", name, p)
		}
	}
}

func TestBrowserSeedReport(t *testing.T) {
	bin := browser(t)
	dir := seedReport(t)
	index := filepath.Join(dir, "index.html")
	story := filepath.Join(dir, "stories", "s000003.html")

	d := dom(t, bin, index, "", artifact(t, "report-index.png"))
	has(t, "index.html", d,
		`<html lang="en" data-ready="1">`, // the script ran to the end
		`id="n-documents">5<`, `id="n-stories">1<`, `id="n-copies">1<`, `id="copy-share">20\.0%<`,
		`<figure id="plot-containment">\s*<figcaption>[^<]+</figcaption>\s*<svg`, `<figure id="plot-sizes">`, `<figure id="plot-outlets">`,
		`<rect class="bar"`,
		`<span id="story-count">1 of 1 stories</span>`,
		`<tbody><tr><td><a href="stories/s000003.html">s000003</a></td><td class="num">2</td><td class="num">2</td><td>2022-01-28</td><td>'We don't want wars': Russia sends less hawkish message on Ukraine</td><td>Yahoo News</td><td class="num">63%</td><td class="num">63%</td></tr></tbody>`,
		`<th data-key="size" class="num" aria-sort="descending">`,
	)
	// The filter, from the address: nothing matches.
	d = dom(t, bin, index, "#q=no+such+story", "")
	has(t, "index.html#q=…", d, `<span id="story-count">0 of 1 stories</span>`, `<tbody></tbody>`)

	png := artifact(t, "report-story.png")
	d = dom(t, bin, story, "", png)
	has(t, "s000003.html", d,
		`<table id="member-table">`, `<td>Yahoo News</td><td>2022-01-28</td>`, `<td>origin</td>`, `<td>copy</td><td><a href="#copy-2">#1</a>`,
		`<figure id="story-matrix">`, `<section class="pair" id="copy-2">`,
		`<tr class="kept"><td>sent its strongest signal so far that it is willing to engage with</td><td>sent its strongest signal so far that it is willing to engage with</td></tr>`,
		`<tr class="edited"><td>U\.S\.</td><td>US</td></tr>`,
		`<tr class="cut"><td>`, `<tr class="added"><td class="none"></td><td>`,
	)
	if *update {
		b, err := os.ReadFile(png)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll("../../docs", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../../docs/report.png", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrowserHostile scans documents full of markup under hostile IDs and
// titles: nothing in them may run, load or change the page's structure.
func TestBrowserHostile(t *testing.T) {
	bin := browser(t)
	r, text := scanDocs(t, hostileCorpus(t))
	dir := t.TempDir()
	if err := Write(dir, r, Options{Text: text}); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "stories", "*.html"))
	pages = append([]string{filepath.Join(dir, "index.html")}, pages...)
	if len(pages) < 3 {
		t.Fatalf("pages %v", pages)
	}
	reuters := ""
	for _, p := range pages {
		name := filepath.Base(p)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		png := ""
		if bytes.Contains(src, []byte("Taipei Times")) && name != "index.html" {
			reuters, png = p, artifact(t, "report-hostile.png")
		}
		d := dom(t, bin, p, "", png)
		if m := regexp.MustCompile(`<[^>]*\sdata-pwned=[^>]*>`).FindString(d); m != "" {
			t.Errorf("%s: the payload ran: %s", name, m)
		}
		for _, bad := range []string{`<h1 id="pwned"`, "<textarea", "<img", "<svg onload"} {
			if strings.Contains(d, bad) {
				t.Errorf("%s: the payload became markup: DOM has %q", name, bad)
			}
		}
		// The browser built the tables the page wrote: as many rows and
		// cells, so no text broke out of its cell.
		for _, tag := range []string{"<tr", "<td", "<table", "<section", "<figure"} {
			if a, b := strings.Count(string(src), tag), strings.Count(d, tag); a != b {
				t.Errorf("%s: %d %s in the page, %d in the DOM", name, a, tag, b)
			}
		}
		switch p {
		case pages[0]:
			n := len(pages) - 1
			has(t, name, d, `data-ready="1"`, fmt.Sprintf(`<span id="story-count">%d of %d stories</span>`, n, n))
		case reuters:
			has(t, "the Reuters story", d,
				`&lt;script&gt;document\.documentElement\.setAttribute\("data-pwned", "script"\)&lt;/script&gt;`,
				`&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1 id="pwned"&gt;layout broken&lt;/h1&gt;`,
				`<td>\.\./\.\./etc/x</td>`)
		}
	}
	if reuters == "" {
		t.Error("no story page with the Reuters story")
	}
}
