package corpus

import (
	"bufio"
	"bytes"
	"io"
	"slices"
)

// maxLine is the longest JSONL line read, without its line ending.
const maxLine = 64 << 20

// readJSONL reads one document per JSON line of rd, which came from src.
func (r *reader) readJSONL(src string, rd io.Reader) error {
	return eachJSONL(src, rd, r.fields, func(rec *record) error { return r.recordDoc(src, rec) })
}

// eachJSONL calls fn for each non-blank line of rd, which came from src,
// with the fields f names picked out; UTF-16 is converted. A line that is
// not a usable JSON object is passed on with its reason in record.bad, as
// is a broken stream (see brokenStream) at the line reached; an I/O error
// is fatal.
func eachJSONL(src string, rd io.Reader, f Fields, fn func(*record) error) error {
	lr := &lineReader{br: bufio.NewReaderSize(decodeUTF16(rd), 64<<10), max: maxLine}
	names := f.names()
	for {
		line, long, err := lr.read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return brokenStream(src, lr.n+1, err, fn)
		}
		base := lr.off
		if lr.n == 1 && bytes.HasPrefix(line, utf8BOM) {
			line, base = line[len(utf8BOM):], base+int64(len(utf8BOM))
		}
		rec := &record{line: lr.n}
		switch {
		case long:
			rec.bad = "line longer than 64 MiB"
		case len(bytes.TrimSpace(line)) == 0:
			continue
		default:
			rec.v, rec.bad = jsonRecord(line, base, &names)
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}

// jsonRecord picks the named fields out of one JSON line, which starts at
// offset base of its input. It returns the values by slot, or why the line
// cannot be used.
func jsonRecord(line []byte, base int64, names *[nField]string) (v [nField]string, bad string) {
	return jsonFields(line, base, names, true)
}

// lineReader reads lines of any length up to max, counting lines and
// byte offsets. Unlike bufio.Scanner it does not fail on long lines; it
// reports them and moves on to the next line.
type lineReader struct {
	br   *bufio.Reader
	max  int    // longest line kept, without its line ending
	buf  []byte // the current line
	n    int    // 1-based number of the line last read
	off  int64  // input offset of the line last read
	next int64  // input offset of the next line
}

// read returns the next line without "\n" or "\r\n". long reports a line
// longer than max, whose bytes are then dropped. It returns io.EOF after
// the last line.
func (lr *lineReader) read() (line []byte, long bool, err error) {
	lr.buf, lr.off = lr.buf[:0], lr.next
	for {
		frag, err := lr.br.ReadSlice('\n')
		lr.next += int64(len(frag))
		if long = long || len(lr.buf)+len(frag) > lr.max+2; long {
			lr.buf = lr.buf[:0]
		} else {
			if len(lr.buf)+len(frag) > cap(lr.buf) {
				// Double, rather than append's 1.25 for large slices: a long
				// line then costs about twice its length in allocations.
				lr.buf = slices.Grow(lr.buf, max(len(frag), cap(lr.buf)))
			}
			lr.buf = append(lr.buf, frag...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && lr.next == lr.off:
			return nil, false, io.EOF
		case err != nil && err != io.EOF:
			return nil, false, err
		}
		lr.n++
		line = bytes.TrimSuffix(bytes.TrimSuffix(lr.buf, []byte("\n")), []byte("\r"))
		if long || len(line) > lr.max {
			return nil, true, nil
		}
		return line, false, nil
	}
}
