package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Article is what an Extractor finds in an HTML page: its main text and
// what the page says about itself. Any field may be empty.
type Article struct {
	Title string    // headline
	Site  string    // site name, as og:site_name or JSON-LD publisher give it
	URL   string    // canonical URL
	Date  time.Time // publication date; the zero Time when unknown
	Text  string    // main text, paragraphs separated by blank lines
}

// Extractor finds the main text of a news page and its metadata. page is
// the page as UTF-8 (Read converts other charsets first; a meta charset
// tag left in it is to be ignored) and pageURL where it was published, or
// "". An error, or an Article without text, means that the extractor
// rejects the page: Read then falls back to the page's visible text, with
// a warning. Extract must not keep page, and must be safe for concurrent
// use unless Options.Workers is 1.
type Extractor interface {
	Extract(page []byte, pageURL string) (Article, error)
}

// DefaultExtractor returns the extractor Read uses when Options.Extractor
// is nil: go-trafilatura, chosen over go-readability by a measured
// comparison (see the README, "HTML pages and WARC"), favouring
// precision and with comments excluded.
func DefaultExtractor() Extractor { return trafilaturaExtractor{} }

// trafilaturaExtractor wraps go-trafilatura.
type trafilaturaExtractor struct{}

func (trafilaturaExtractor) Extract(page []byte, pageURL string) (Article, error) {
	// Parse here rather than in trafilatura.Extract, which guesses the
	// charset again and would undo Read's conversion.
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Article{}, err
	}
	// FavorPrecision keeps trafilatura from "rescuing" a short text with
	// the whole page, title and menus included: a short brief stays
	// short, and a page with no article fails and falls back visibly.
	opt := trafilatura.Options{ExcludeComments: true, Focus: trafilatura.FavorPrecision}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		opt.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opt)
	if err != nil {
		return Article{}, err
	}
	m := res.Metadata
	text := res.ContentText
	if res.ContentNode != nil {
		// ContentText runs paragraphs together with spaces; a line per
		// block keeps datelines and credit lines at the start of their
		// paragraph, where credit detection looks for them.
		text = nodeText(res.ContentNode)
	}
	return Article{Title: m.Title, Site: m.Sitename, URL: m.URL, Date: m.Date, Text: text}, nil
}

// nodeText is the text of the tree at n, a line per block element (as
// visibleText makes it), hidden elements left out.
func nodeText(n *html.Node) string {
	var b blockText
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.text(n.Data)
			return
		case html.ElementNode:
			if hiddenTags[n.Data] {
				return
			}
			if blockTags[n.Data] {
				b.lineEnd()
				defer b.lineEnd()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSuffix(b.String(), "\n")
}

// blockText gathers text a line per block element: runs of white space
// collapsed, and a line ended at each block boundary (once).
type blockText struct{ b strings.Builder }

func (t *blockText) text(s string) { t.b.WriteString(collapseSpace(s)) }

func (t *blockText) lineEnd() {
	if t.b.Len() > 0 && !strings.HasSuffix(t.b.String(), "\n") {
		t.b.WriteByte('\n')
	}
}

// String returns the text gathered, one trimmed non-empty line each.
func (t *blockText) String() string { return cleanLines(t.b.String()) }

// VisibleText returns the extractor Read falls back to: every piece of
// text a browser would show (outside script, style, template and the
// like), a line per block element, and the metadata of the page's title,
// meta and link tags. It never rejects a page.
func VisibleText() Extractor { return visibleExtractor{} }

type visibleExtractor struct{}

func (visibleExtractor) Extract(page []byte, pageURL string) (Article, error) {
	return visibleText(page), nil
}

// hiddenTags are the elements whose content is not shown as text.
var hiddenTags = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true,
	"iframe": true, "svg": true, "math": true, "head": true, "title": true,
	"textarea": true, "select": true, "object": true,
}

// blockTags are the elements that end a line of text.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "tr": true, "td": true, "th": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"article": true, "section": true, "blockquote": true, "pre": true, "hr": true,
	"ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "table": true,
	"header": true, "footer": true, "nav": true, "aside": true, "main": true,
	"figure": true, "figcaption": true, "form": true, "address": true, "body": true,
}

// visibleText tokenizes page once, keeping visible text and the metadata
// of the head. Text inside hidden elements is dropped; an element left
// open hides the rest of the page only up to its end tag, which the
// tokenizer finds even in broken markup (raw-text elements such as script
// end at their end tag by definition).
func visibleText(page []byte) Article {
	var a Article
	var b blockText
	z := html.NewTokenizer(bytes.NewReader(page))
	hidden := 0        // depth of hidden elements around the current token
	inTitle := false   // inside <title>
	var title []byte   // the <title> text
	var dates []string // candidate dates, best first
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			a.Text = b.String()
			if a.Title == "" {
				a.Title = collapse(string(title))
			}
			for _, d := range dates {
				if t, err := pageDate(d); err == nil {
					a.Date = t
					break
				}
			}
			return a
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch tag {
			case "title":
				inTitle = tt == html.StartTagToken
			case "meta":
				metaTag(&a, attrs, &dates)
			case "link":
				if strings.EqualFold(attrs["rel"], "canonical") && a.URL == "" {
					a.URL = strings.TrimSpace(attrs["href"])
				}
			case "time":
				if d := attrs["datetime"]; d != "" {
					dates = append(dates, d)
				}
			}
			if hiddenTags[tag] && tt == html.StartTagToken && tag != "title" {
				hidden++
			}
			if blockTags[tag] {
				b.lineEnd()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "title" {
				inTitle = false
			} else if hiddenTags[tag] && hidden > 0 {
				hidden--
			}
			if blockTags[tag] {
				b.lineEnd()
			}
		case html.TextToken:
			switch {
			case inTitle:
				title = append(title, z.Text()...)
			case hidden == 0:
				b.text(string(z.Text()))
			}
		}
	}
}

// metaTag notes what a <meta> tag says about the page: title, site name,
// canonical URL, or a candidate publication date.
func metaTag(a *Article, attrs map[string]string, dates *[]string) {
	key := strings.ToLower(attrs["property"])
	if key == "" {
		key = strings.ToLower(attrs["name"])
	}
	if key == "" {
		key = strings.ToLower(attrs["itemprop"])
	}
	v := strings.TrimSpace(attrs["content"])
	if v == "" {
		return
	}
	switch key {
	case "og:title":
		a.Title = v
	case "og:site_name", "application-name":
		if a.Site == "" {
			a.Site = v
		}
	case "og:url":
		if a.URL == "" {
			a.URL = v
		}
	case "article:published_time", "og:published_time", "datepublished", "pubdate",
		"publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created",
		"sailthru.date", "parsely-pub-date":
		*dates = append(*dates, v)
	}
}

// pageDate parses a date as pages give them: ParseDate's forms, RFC 1123
// and RFC 3339 without seconds.
func pageDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := ParseDate(s); err == nil {
		return t, nil
	}
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, "2006-01-02T15:04Z07:00", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("no date")
}

// collapseSpace replaces each run of white space in s by one space, as
// a browser shows inline text.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// cleanLines trims each line of s and drops the blank ones.
func cleanLines(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// collapse is collapseSpace without blanks at the ends.
func collapse(s string) string { return strings.TrimSpace(collapseSpace(s)) }

// extract runs ex on page, recovering from a panic in it, which it
// reports as an error: a third-party extractor must not stop a run.
func extract(ex Extractor, page []byte, pageURL string) (a Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = Article{}, fmt.Errorf("extractor panicked: %v", p)
		}
	}()
	return ex.Extract(page, pageURL)
}
