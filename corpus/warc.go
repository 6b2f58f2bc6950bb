package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// readWARC reads the records of rd, a WARC file that came from src (see
// Read for which become documents). Records are numbered from 1; the
// number stands in for a line in messages and Rejected.
func (r *reader) readWARC(src string, rd io.Reader) error {
	// The reader closes what it reads from when that is an io.Closer;
	// readFile closes the input itself.
	wr, err := gowarc.NewWarcFileReaderFromStream(struct{ io.Reader }{rd}, 0,
		gowarc.WithBufferMaxMemBytes(1<<20), gowarc.WithBufferTmpDir(""))
	if err != nil {
		return &InputError{File: src, Msg: errMsg(err)}
	}
	defer wr.Close()
	for n := 1; ; n++ {
		rec, err := wr.Next()
		if err == io.EOF || (err == nil && rec.WarcRecord == nil) {
			return nil
		}
		if err == nil {
			err = truncated(rec.Validation)
		}
		if err != nil {
			rec.Close()
			return r.brokenWARC(src, n, err)
		}
		err = r.warcRecord(src, n, rec.WarcRecord)
		rec.Close()
		if err != nil {
			return err
		}
	}
}

// errTruncated is a WARC record that ends before its Content-Length.
var errTruncated = errors.New("truncated WARC record (input ends before its Content-Length)")

// truncated returns errTruncated when the validation findings of a record
// show that the input ended inside it: gowarc reads such a record as far
// as it goes and notes the missing end-of-record marker.
func truncated(validation []error) error {
	for _, v := range validation {
		msg := v.Error()
		if strings.Contains(msg, "too few bytes in end of record marker") ||
			strings.Contains(msg, "unexpected end of record") {
			return errTruncated
		}
	}
	return nil
}

// brokenWARC handles an error that stopped the reading of a WARC input at
// record n. Like a broken stream of JSONL, it spoils the rest of the input:
// under SkipBad one Rejected stands for it and reading goes on with the
// next input. An I/O error is fatal.
func (r *reader) brokenWARC(src string, n int, err error) error {
	var se *streamError
	var raw *rawError
	switch {
	case errors.As(err, &se):
		return r.rejectRecord(src, n, "", se.msg)
	case errors.As(err, &raw):
		return &InputError{File: src, Record: n, Msg: errMsg(raw.err)}
	case errors.Is(err, errTruncated):
		return r.rejectRecord(src, n, "", err.Error())
	case errors.Is(err, io.ErrUnexpectedEOF):
		return r.rejectRecord(src, n, "", errTruncated.Error())
	case errors.Is(err, gowarc.ErrNoRecord):
		return r.rejectRecord(src, n, "", `no WARC record found (no "WARC/" version line)`)
	}
	msg := strings.TrimPrefix(oneLine(err.Error()), "gowarc: ")
	return r.rejectRecord(src, n, "", "malformed WARC record: "+msg)
}

// rejectRecord is reject for WARC record n of file.
func (r *reader) rejectRecord(file string, n int, id, reason string) error {
	return r.rejectAt(&InputError{File: file, Record: n, Msg: reason}, id, false)
}

// rejectRecordNow is rejectNow for WARC record n of file.
func (r *reader) rejectRecordNow(file string, n int, id, reason string) error {
	return r.rejectAt(&InputError{File: file, Record: n, Msg: reason}, id, true)
}

// warcRecord makes a document of WARC record n of src when it is an HTML
// page served with status 200, and counts it as skipped otherwise.
func (r *reader) warcRecord(src string, n int, rec gowarc.WarcRecord) error {
	st := r.opt.Stats
	if err := r.inOrder(func() error { st.WARCRecords++; return nil }, 0); err != nil {
		return err
	}
	skip := func(why string) error {
		return r.inOrder(func() error {
			if st.WARCSkipped == nil {
				st.WARCSkipped = make(map[string]int)
			}
			st.WARCSkipped[why]++
			return nil
		}, 0)
	}
	if rec.Type() != gowarc.Response {
		return skip(rec.Type().String() + " record")
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return skip("response without HTTP")
	}
	if code := block.HttpStatusCode(); code != http.StatusOK {
		return skip(fmt.Sprintf("HTTP status %d", code))
	}
	h := block.HttpHeader()
	ct := ""
	if h != nil {
		ct = h.Get("Content-Type")
	}
	if mt, _, _ := mime.ParseMediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
		return skip("not HTML")
	}
	h2 := rec.WarcHeader()
	d := &Document{
		ID:     strings.ToValidUTF8(strings.Trim(rec.RecordId(), "<>"), "\uFFFD"),
		URL:    strings.ToValidUTF8(strings.Trim(h2.Get(gowarc.WarcTargetURI), "<>"), "\uFFFD"),
		Source: src,
		Line:   n,
	}
	if d.ID == "" {
		d.ID = d.URL
	}
	if d.ID == "" {
		d.ID = fmt.Sprintf("%s:%d", src, n)
	}
	body, err := block.PayloadBytes()
	if err != nil {
		return r.rejectRecord(src, n, d.ID, "unreadable payload: "+oneLine(err.Error()))
	}
	body, reason := decodeBody(body, h, chunked(block.ProtocolHeaderBytes()))
	if reason != "" {
		return r.rejectRecord(src, n, d.ID, reason)
	}
	raw, err := io.ReadAll(io.LimitReader(body, maxText+1))
	if err != nil {
		var se *streamError
		if errors.As(err, &se) {
			return r.rejectRecord(src, n, d.ID, se.msg)
		}
		return r.rejectRecord(src, n, d.ID, "unreadable payload: "+oneLine(err.Error()))
	}
	if int64(len(raw)) > maxText {
		return r.rejectRecord(src, n, d.ID, fmt.Sprintf("page exceeds %s limit", sizeString(maxText)))
	}
	crawled, dateErr := rec.Date() // the record is closed before the page is done
	return r.page(&pageJob{d: d, raw: raw, ct: ct, decode: true, then: func(j *pageJob) error {
		if j.reason != "" {
			return r.rejectRecordNow(src, n, d.ID, j.reason)
		}
		r.applyPage(d, j.a, j.err)
		if d.Date.IsZero() && dateErr == nil {
			d.Date = crawled
		}
		return r.emitNow(d)
	}})
}

// chunked reports whether HTTP response headers say that the body is
// sent in chunks. gowarc parses the headers with net/http, which moves
// Transfer-Encoding out of the header map, so it is looked up here.
func chunked(header []byte) bool {
	for line := range strings.Lines(string(header)) {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") &&
			strings.Contains(strings.ToLower(value), "chunked") {
			return true
		}
	}
	return false
}

// decodeBody undoes the transfer and content encodings that a crawler
// may have stored with an HTTP body: chunked, and gzip.
func decodeBody(body io.Reader, h *http.Header, isChunked bool) (io.Reader, string) {
	if isChunked {
		body = httputil.NewChunkedReader(bufio.NewReader(body))
	}
	if h == nil {
		return body, ""
	}
	switch ce := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); ce {
	case "", "identity":
	case "gzip", "x-gzip":
		body = newStream(body, codecs[0], maxText)
	default:
		return nil, fmt.Sprintf("unsupported Content-Encoding %q", ce)
	}
	return body, ""
}
