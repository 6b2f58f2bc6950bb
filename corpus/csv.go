package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readCSV reads one document per row of rd, a CSV file with a header,
// which came from src.
func (r *reader) readCSV(src string, rd io.Reader) error {
	f := r.fields
	return eachCSV(src, rd, f, []string{f.Text, f.HTML}, func(rec *record) error { return r.recordDoc(src, rec) })
}

// eachCSV calls fn for each row of rd, which came from src, with the
// fields f names picked out by the header; the header must have at least
// one of the want columns. UTF-16 is converted. A row that cannot be used
// is passed on with its reason in record.bad, and reading resumes at the
// next line; a broken stream (see brokenStream) is passed on at the line
// reached. A bad header or an I/O error is fatal.
func eachCSV(src string, rd io.Reader, f Fields, want []string, fn func(*record) error) error {
	scan := &utf8Scan{r: decodeUTF16(rd)}
	br := bufio.NewReader(scan)
	var skip int64 // bytes of BOM before what the csv.Reader sees
	if b, _ := br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		br.Discard(len(utf8BOM))
		skip = int64(len(utf8BOM))
	}
	cr := csv.NewReader(br)
	cols, err := readHeader(src, cr, f, want)
	if _, ok := err.(*InputError); ok {
		return err
	}
	if err != nil {
		return brokenStream(src, scan.line(), err, fn)
	}
	if cols == nil {
		return nil
	}
	for {
		start := skip + cr.InputOffset()
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		rec, err := csvRecord(cr, row, err, cols)
		if err != nil {
			return brokenStream(src, scan.line(), err, fn)
		}
		if off := scan.firstIn(start, skip+cr.InputOffset()); off >= 0 {
			rec.bad = badUTF8(off)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}

// readHeader reads the header row and returns the column of each field
// slot (-1 when absent); nil columns for an empty input. A bad header is
// an *InputError; a read error is returned as is.
func readHeader(src string, cr *csv.Reader, f Fields, want []string) (cols []int, err error) {
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, &InputError{File: src, Line: pe.StartLine, Msg: "malformed CSV: " + pe.Err.Error()}
	}
	if err != nil {
		return nil, err
	}
	names := f.names()
	cols = make([]int, nField)
	for i, name := range names {
		cols[i] = column(header, name)
	}
	for _, w := range want {
		if column(header, w) >= 0 {
			return cols, nil
		}
	}
	line, _ := cr.FieldPos(0)
	return nil, &InputError{File: src, Line: line, Msg: fmt.Sprintf("header has no %s column", quoteOr(want))}
}

// csvRecord makes a record of a row and the error Read returned with it.
// A parse error makes a bad record; any other error is returned.
func csvRecord(cr *csv.Reader, row []string, err error, cols []int) (*record, error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &record{line: pe.StartLine, bad: "malformed CSV: " + pe.Err.Error()}, nil
	}
	if err != nil {
		return nil, err
	}
	rec := &record{}
	rec.line, _ = cr.FieldPos(0)
	for i, c := range cols {
		if c >= 0 && c < len(row) {
			rec.v[i] = row[c]
		}
	}
	return rec, nil
}

// column returns the index of the header column called name, or -1.
// Blanks around header names are ignored; an empty name matches nothing.
func column(header []string, name string) int {
	for i, h := range header {
		if name != "" && strings.TrimSpace(h) == name {
			return i
		}
	}
	return -1
}

// quoteOr formats names as `"a"`, `"a" or "b"`, `"a", "b" or "c"`.
func quoteOr(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// utf8Scan passes its input through while noting the offset of the first
// invalid UTF-8 byte on each line, so that a CSV row, whose fields
// csv.Reader does not check, can be rejected with the byte's position. It
// also counts lines, for the line a broken stream reached.
type utf8Scan struct {
	r        io.Reader
	lines    int     // line feeds passed
	off      int64   // input offset of pend[0]
	pend     []byte  // tail of the last read: an incomplete rune
	buf      []byte  // scratch: pend followed by the new bytes
	lineDone bool    // the current line already has an offset in bad
	bad      []int64 // offsets of invalid bytes, ascending
}

// Read reads from the underlying reader and scans what it got.
func (s *utf8Scan) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.scan(p[:n], err != nil)
	return n, err
}

// scan notes invalid bytes in p. An incomplete rune at the end is kept
// for the next call, unless final says no more input will come.
func (s *utf8Scan) scan(p []byte, final bool) {
	s.buf = append(append(s.buf[:0], s.pend...), p...)
	b, i := s.buf, 0
	for i < len(b) {
		if c := b[i]; c < utf8.RuneSelf {
			if c == '\n' {
				s.lines++
				s.lineDone = false
			}
			i++
			continue
		}
		if !final && !utf8.FullRune(b[i:]) {
			break
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 && !s.lineDone {
			s.bad, s.lineDone = append(s.bad, s.off+int64(i)), true
		}
		i += size
	}
	s.off += int64(i)
	s.pend = append(s.pend[:0], b[i:]...)
}

// line returns the 1-based number of the line the input has reached.
func (s *utf8Scan) line() int { return s.lines + 1 }

// firstIn returns the first noted offset in [lo, hi), or -1. Offsets
// below lo are forgotten: rows are asked for in input order.
func (s *utf8Scan) firstIn(lo, hi int64) int64 {
	for len(s.bad) > 0 && s.bad[0] < lo {
		s.bad = s.bad[1:]
	}
	if len(s.bad) > 0 && s.bad[0] < hi {
		return s.bad[0]
	}
	return -1
}
