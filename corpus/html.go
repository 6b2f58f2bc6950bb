package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// maxPage is the largest HTML page given to the extractor, in bytes of
// UTF-8; a larger one is read as visible text. The extractor holds several
// copies of a page's tree, some ten times the page's size each, and news
// pages are well below a few megabytes.
var maxPage = 8 << 20

// Warning is a problem that did not stop a document from being read, such
// as a page the extractor rejected and that was read as visible text.
type Warning struct {
	Source string // input path as given, or "-" for stdin
	Line   int    // 1-based line, or WARC record number; 0 for a whole file
	ID     string // document ID
	Msg    string
}

// String returns "FILE:LINE: ID: msg", or "FILE record N: ID: msg" for a
// WARC record; without LINE when it is 0.
func (w Warning) String() string {
	return fmt.Sprintf("%s: %s: %s", place(w.Source, w.Line), w.ID, w.Msg)
}

// Stats counts what Read did besides passing documents on. Read adds to
// the Stats that Options.Stats points to.
type Stats struct {
	Pages     int // HTML pages read through the extractor
	Fallbacks int // HTML pages read as visible text: rejected by the extractor, or too large

	WARCRecords int            // WARC records read
	WARCSkipped map[string]int // WARC records that are not documents, by why (see Read)
}

// decodePage converts an HTML page's bytes to UTF-8. The charset is that
// of a UTF-8 or UTF-16 byte order mark, else the one contentType (an HTTP
// Content-Type value, or "") names, else the one a meta tag near the start
// declares, else UTF-8 when the bytes are valid UTF-8 and windows-1252
// otherwise, as browsers do. base is the page's offset in its input, for
// the message when a byte cannot be decoded.
func decodePage(b []byte, contentType string, base int64) ([]byte, string) {
	if bytes.HasPrefix(b, utf8BOM) {
		b, base = b[len(utf8BOM):], base+int64(len(utf8BOM))
		contentType = "text/html; charset=utf-8"
	}
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	if name == "utf-8" {
		if reason := checkBytes(b, base); reason != "" {
			return nil, reason
		}
		return b, ""
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Sprintf("invalid %s: %v", name, err)
	}
	if bytes.Contains(out, replacement) {
		if off := undecodable(enc, b); off >= 0 {
			return nil, fmt.Sprintf("invalid %s at byte %d", name, base+int64(off))
		}
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return nil, "binary content (NUL byte)"
	}
	return out, ""
}

// replacement is U+FFFD in UTF-8, what decoders put for a byte they
// cannot decode.
var replacement = []byte("\uFFFD")

// undecodable returns the offset of the first byte of b that enc decodes
// to U+FFFD, or -1. It feeds the decoder a character at a time, so it is
// only called once a whole decoding has shown such a byte.
func undecodable(enc encoding.Encoding, b []byte) int {
	t := enc.NewDecoder()
	var dst [64]byte
	for off := 0; off < len(b); {
		n := 1
		for {
			end := min(off+n, len(b))
			nDst, nSrc, err := t.Transform(dst[:], b[off:end], end == len(b))
			if nSrc > 0 {
				if bytes.Contains(dst[:nDst], replacement) {
					return off
				}
				off += nSrc
				break
			}
			if err == nil || end == len(b) {
				return -1 // no progress possible: give up rather than loop
			}
			n++
		}
	}
	return -1
}

// extractPage finds the article in page, a page of UTF-8 HTML that was
// published at pageURL, with ex. A page ex rejects, or one too large for
// it, is read as visible text: the article is then that, and err says
// why ex's was not used. It is safe for concurrent use when ex is.
func extractPage(ex Extractor, page []byte, pageURL string) (a Article, err error) {
	if len(page) > maxPage {
		err = fmt.Errorf("page larger than %s", sizeString(int64(maxPage)))
	} else {
		a, err = extract(ex, page, pageURL)
		if err == nil && strings.TrimSpace(a.Text) == "" {
			err = fmt.Errorf("no main text found")
		}
	}
	if err != nil {
		a = visibleText(page)
	}
	return a, err
}

// applyPage sets d's text from a, what extractPage found in d's page, and
// fills in d's title, date, URL and outlet from the page's metadata where
// d has none. A page read as visible text (err set) gets a warning.
func (r *reader) applyPage(d *Document, a Article, err error) {
	if err != nil {
		r.opt.Stats.Fallbacks++
		r.warn(d, fmt.Sprintf("main-text extraction failed (%s): using all visible text", oneLine(err.Error())))
	} else {
		r.opt.Stats.Pages++
	}
	d.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
	for _, p := range []struct {
		dst *string
		val string
	}{{&d.Title, a.Title}, {&d.URL, a.URL}, {&d.Outlet, a.Site}} {
		if *p.dst == "" {
			*p.dst = strings.ToValidUTF8(collapse(p.val), "\uFFFD")
		}
	}
	if d.Date.IsZero() && !a.Date.IsZero() {
		d.Date = a.Date
	}
	d.URL = strings.ToValidUTF8(d.URL, "\uFFFD") // a WARC header may hold any bytes
}

// warn passes a warning about d to Options.Warn, if set.
func (r *reader) warn(d *Document, msg string) {
	if r.opt.Warn != nil {
		r.opt.Warn(Warning{Source: d.Source, Line: d.Line, ID: d.ID, Msg: msg})
	}
}

// oneLine shortens an error message to its first line, at most 200 bytes.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}
