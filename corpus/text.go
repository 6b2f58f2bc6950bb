package corpus

import (
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// readTextFile reads path as one plain-text or HTML document with the
// given ID, decompressed when its name ends in .gz or .zst. meta, when not nil, is
// the document's manifest entry.
func (r *reader) readTextFile(path, id string, meta *manifestEntry) error {
	in, err := openInput(path, maxText, r.opt.BytesRead)
	if err != nil {
		return r.reject(path, 0, id, errMsg(err))
	}
	defer in.Close()
	var size int64 // expected length, when known
	if f, ok := in.(interface{ Stat() (os.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
	} else if s, ok := in.(*stream); ok && s.c.name == "gzip" {
		size = gzipSize(path)
	}
	return r.readText(path, id, in, size, meta)
}

// gzipSize returns the decompressed size that the gzip file at path gives
// in its last four bytes, or 0. That is the size of the last member only,
// modulo 4 GiB, so it is a hint for the buffer, never trusted: a value
// below the compressed size or past the limit on text is ignored.
func gzipSize(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() < 18 {
		return 0
	}
	var b [4]byte
	if _, err := f.ReadAt(b[:], fi.Size()-4); err != nil {
		return 0
	}
	n := int64(b[0]) | int64(b[1])<<8 | int64(b[2])<<16 | int64(b[3])<<24
	if n < fi.Size() || n > maxText {
		return 0
	}
	return n
}

// readText reads rd, the bytes of the plain-text file at path, expected
// to be size bytes long (0 when unknown), as one document; UTF-16 is
// converted.
func (r *reader) readText(path, id string, rd io.Reader, size int64, meta *manifestEntry) error {
	// A strings.Builder hands over its bytes as the document's text
	// without a copy: a 100 MB file costs 100 MB, not twice that.
	var b strings.Builder
	if size > 0 && int64(int(size)) == size {
		b.Grow(int(size) + 1) // room for the whole file, read in place
	}
	if _, err := io.Copy(&b, decodeUTF16(rd)); err != nil {
		return r.reject(path, 0, id, errMsg(err))
	}
	if isHTML(path) {
		return r.htmlFileDoc(path, id, []byte(b.String()), meta)
	}
	return r.textDoc(path, id, b.String(), meta)
}

// htmlFileDoc makes a document of an HTML file's bytes, converted from
// the page's charset; manifest values win over the page's metadata.
func (r *reader) htmlFileDoc(path, id string, data []byte, meta *manifestEntry) error {
	d := &Document{ID: id, Source: path}
	var metaErr error
	if meta != nil {
		metaErr = meta.apply(d) // before extraction, which takes the manifest's URL
	}
	return r.page(&pageJob{d: d, raw: data, decode: true, then: func(j *pageJob) error {
		if j.reason != "" {
			return r.rejectNow(path, 0, id, j.reason)
		}
		if metaErr != nil {
			return r.rejectNow(meta.file, meta.line, id, metaErr.Error())
		}
		return r.pageDoc(j)
	}})
}

// pageDoc completes a page's document with what extraction found, then
// emits it. It is a pageJob's then for a page whose bytes were fine.
func (r *reader) pageDoc(j *pageJob) error {
	r.applyPage(j.d, j.a, j.err)
	return r.emitNow(j.d)
}

// textDoc makes a document of a plain-text file's bytes: an optional
// header line gives date and title, and manifest values win over it.
func (r *reader) textDoc(path, id string, data string, meta *manifestEntry) error {
	if strings.IndexByte(data, 0) >= 0 || !utf8.ValidString(data) {
		if reason := checkBytes([]byte(data), 0); reason != "" {
			return r.reject(path, 0, id, reason)
		}
	}
	h, text := splitHeader(strings.TrimPrefix(data, string(utf8BOM)))
	d := &Document{ID: id, Title: h.title, Text: text, Source: path}
	if h.date != "" && (meta == nil || meta.v[fDate] == "") {
		t, err := ParseDate(h.date)
		if err != nil {
			return r.reject(path, 1, id, err.Error())
		}
		d.Date = t
	}
	if meta != nil {
		if err := meta.apply(d); err != nil {
			return r.reject(meta.file, meta.line, id, err.Error())
		}
	}
	return r.emit(d)
}

// header is what a plain-text file's first line may say about it.
type header struct {
	date  string // YYYY-MM-DD as written; "" when there is no header
	title string
}

// splitHeader splits off a first line of the form " date YYYY-MM-DD Title"
// (leading blanks optional, title optional) and returns it parsed with the
// rest of the text. Without such a line it returns s unchanged. The date
// is only checked for shape here, so a header with an impossible date
// such as 2022-13-45 is still recognised and can be reported.
func splitHeader(s string) (header, string) {
	line, rest, _ := strings.Cut(s, "\n")
	after, ok := strings.CutPrefix(strings.TrimLeft(line, " \t"), "date")
	if !ok || !startsBlank(after) {
		return header{}, s
	}
	after = strings.TrimLeft(after, " \t")
	if len(after) < 10 || !dateShape(after[:10]) || !(len(after) == 10 || startsBlank(after[10:])) {
		return header{}, s
	}
	return header{date: after[:10], title: strings.TrimSpace(after[10:])}, rest
}

// startsBlank reports whether s begins with a space, tab or carriage return.
func startsBlank(s string) bool {
	return s != "" && strings.IndexByte(" \t\r", s[0]) >= 0
}

// dateShape reports whether s looks like YYYY-MM-DD.
func dateShape(s string) bool {
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 10
}
