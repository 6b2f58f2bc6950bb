package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Field slots of a record, in the order of Fields.
const (
	fID = iota
	fText
	fOutlet
	fURL
	fDate
	fTitle
	fHTML
	nField
)

// names lists the field names by slot.
func (f Fields) names() [nField]string {
	return [nField]string{f.ID, f.Text, f.Outlet, f.URL, f.Date, f.Title, f.HTML}
}

// record is one JSONL line or CSV row with the configured fields picked
// out, before it becomes a Document or a manifest entry.
type record struct {
	line int            // 1-based line where the record starts
	bad  string         // why the record is unusable; "" when it is fine
	v    [nField]string // field values by slot; "" when absent
}

// recordDoc turns a JSONL or CSV record read from src into a document
// and emits it.
func (r *reader) recordDoc(src string, rec *record) error {
	if rec.bad != "" {
		return r.reject(src, rec.line, rec.v[fID], rec.bad)
	}
	d := &Document{
		ID:     rec.v[fID],
		Outlet: strings.TrimSpace(rec.v[fOutlet]),
		URL:    strings.TrimSpace(rec.v[fURL]),
		Title:  strings.TrimSpace(rec.v[fTitle]),
		Text:   rec.v[fText],
		Source: src,
		Line:   rec.line,
	}
	if d.ID == "" {
		d.ID = fmt.Sprintf("%s:%d", src, rec.line)
	}
	t, err := parseOptionalDate(rec.v[fDate])
	if err != nil {
		return r.reject(src, rec.line, d.ID, err.Error())
	}
	d.Date = t
	if strings.TrimSpace(d.Text) == "" && rec.v[fHTML] != "" {
		return r.page(&pageJob{d: d, raw: []byte(rec.v[fHTML]), then: r.pageDoc})
	}
	return r.emit(d)
}

// brokenStream handles an error that stopped the reading of src at the
// given line. A *streamError (compressed data truncated, corrupt or too
// big; invalid UTF-16) spoils only the rest of the input: it goes to fn as
// one bad record at that line, and the input ends there. Any other error,
// such as an I/O error, is fatal.
func brokenStream(src string, line int, err error, fn func(*record) error) error {
	var se *streamError
	if errors.As(err, &se) {
		return fn(&record{line: line, bad: se.msg})
	}
	return &InputError{File: src, Line: line, Msg: errMsg(err)}
}

// checkBytes returns why raw input bytes cannot be text, or "". base is
// the offset of b in its input, so the message names a byte of the input.
func checkBytes(b []byte, base int64) string {
	if bytes.IndexByte(b, 0) >= 0 {
		return "binary content (NUL byte)"
	}
	if i := invalidUTF8(b); i >= 0 {
		return badUTF8(base + int64(i))
	}
	return ""
}

// invalidUTF8 returns the offset of the first byte of b that is not part
// of a valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// badUTF8 is the reason for invalid UTF-8 at a 0-based input offset.
func badUTF8(off int64) string {
	return fmt.Sprintf("invalid UTF-8 at byte %d", off)
}

// utf8BOM is the byte order mark some editors put at the start of UTF-8 files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
