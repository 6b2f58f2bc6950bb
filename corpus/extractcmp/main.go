// Command extractcmp compares HTML main-text extractors on the hand-made
// news pages of corpus/testdata/pages: for each page, the words of the
// extracted text against those of the page's expected article body
// (NAME.want), and the time per page. It is a module of its own so that
// the extractors compared never enter reprint's go.mod.
//
//	cd corpus/extractcmp && go run . [-n 50] [-v]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractor returns the main text and metadata of a page.
type extractor struct {
	name string
	run  func(page []byte, u *url.URL) (text, meta string, err error)
}

var extractors = []extractor{
	{"go-readability/v2 v2.1.3", func(page []byte, u *url.URL) (string, string, error) {
		a, err := readability.FromReader(bytes.NewReader(page), u)
		if err != nil {
			return "", "", err
		}
		var b strings.Builder
		if err := a.RenderText(&b); err != nil {
			return "", "", err
		}
		t, _ := a.PublishedTime()
		return b.String(), fmt.Sprintf("title=%q site=%q date=%v", a.Title(), a.SiteName(), t.Format(time.RFC3339)), nil
	}},
	{"go-trafilatura v1.12.2", func(page []byte, u *url.URL) (string, string, error) {
		r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, ExcludeComments: true})
		if err != nil {
			return "", "", err
		}
		m := r.Metadata
		return r.ContentText, fmt.Sprintf("title=%q site=%q date=%v url=%q", m.Title, m.Sitename, m.Date.Format(time.RFC3339), m.URL), nil
	}},
	{"go-trafilatura v1.12.2, no baseline rescue", func(page []byte, u *url.URL) (string, string, error) {
		cfg := trafilatura.DefaultConfig()
		cfg.MinExtractedSize = 0
		r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, ExcludeComments: true, Config: cfg})
		if err != nil {
			return "", "", err
		}
		return r.ContentText, "", nil
	}},
	{"go-trafilatura v1.12.2, favor precision", func(page []byte, u *url.URL) (string, string, error) {
		r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, ExcludeComments: true, Focus: trafilatura.FavorPrecision})
		if err != nil {
			return "", "", err
		}
		return r.ContentText, "", nil
	}},
	{"go-trafilatura v1.12.2 +fallback", func(page []byte, u *url.URL) (string, string, error) {
		r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, ExcludeComments: true, EnableFallback: true})
		if err != nil {
			return "", "", err
		}
		return r.ContentText, "", nil
	}},
	{"all visible text (baseline)", func(page []byte, u *url.URL) (string, string, error) {
		return visible(page), "", nil
	}},
}

func main() {
	n := flag.Int("n", 20, "runs per page for the timing")
	verbose := flag.Bool("v", false, "print each page's scores and metadata")
	flag.Parse()
	pages, _ := filepath.Glob("../testdata/pages/*.html")
	sort.Strings(pages)
	u, _ := url.Parse("https://example.com/news/story.html")
	fmt.Println("| extractor | recall | precision | F1 | ms/page |")
	fmt.Println("|---|---|---|---|---|")
	for _, ex := range extractors {
		var rs, ps float64
		var total time.Duration
		for _, p := range pages {
			page, err := os.ReadFile(p)
			check(err)
			want, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".want")
			check(err)
			text, meta, err := ex.run(page, u)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s on %s: %v\n", ex.name, p, err)
			}
			r, pr := score(words(string(want)), words(text))
			rs, ps = rs+r, ps+pr
			start := time.Now()
			for i := 0; i < *n; i++ {
				ex.run(page, u)
			}
			total += time.Since(start) / time.Duration(*n)
			if *verbose {
				fmt.Fprintf(os.Stderr, "%-34s %-40s recall %.3f precision %.3f %s\n", ex.name, filepath.Base(p), r, pr, meta)
			}
		}
		k := float64(len(pages))
		r, p := rs/k, ps/k
		fmt.Printf("| %s | %.3f | %.3f | %.3f | %.2f |\n", ex.name, r, p, 2*r*p/(r+p), float64(total.Microseconds())/1000/k)
	}
}

// words returns the lower-case words of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// score returns the recall and precision of got's words against want's,
// counting each word as often as it occurs.
func score(want, got []string) (recall, precision float64) {
	n := make(map[string]int)
	for _, w := range want {
		n[w]++
	}
	hit := 0
	for _, w := range got {
		if n[w] > 0 {
			n[w]--
			hit++
		}
	}
	if len(got) == 0 {
		return 0, 0
	}
	return float64(hit) / float64(len(want)), float64(hit) / float64(len(got))
}

// visible returns the text of every element of page outside script,
// style and the like: what a page shows with its chrome.
func visible(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return b.String()
			}
			return b.String()
		case html.StartTagToken:
			if n, _ := z.TagName(); string(n) == "script" || string(n) == "style" {
				skip++
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); (string(n) == "script" || string(n) == "style") && skip > 0 {
				skip--
			}
			b.WriteByte('\n')
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		}
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
