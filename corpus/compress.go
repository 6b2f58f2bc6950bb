package corpus

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// MaxDecompressed is the most bytes a compressed JSONL or CSV input may
// expand to. Past it the input is refused as a likely decompression bomb.
const MaxDecompressed = 64 << 30

// MaxDecompressedText is the most bytes a compressed .txt document may
// expand to; its text is held in memory whole.
const MaxDecompressedText = 256 << 20

// maxZstdWindow is the largest zstd window accepted: the zstd tool's own
// limit without --long or --memory. It bounds the decoder's memory.
const maxZstdWindow = 128 << 20

// The decompression limits in force; tests lower them.
var (
	maxStream int64 = MaxDecompressed
	maxText   int64 = MaxDecompressedText
)

// codec is a compression format, known by its file extension.
type codec struct {
	ext  string                                 // ".gz" or ".zst"
	name string                                 // "gzip" or "zstd", as messages say
	open func(io.Reader) (io.ReadCloser, error) // a decoder of the compressed bytes
}

var codecs = []*codec{
	{".gz", "gzip", openGzip},
	{".zst", "zstd", openZstd},
}

func openGzip(r io.Reader) (io.ReadCloser, error) {
	z, err := gzip.NewReader(r) // reads concatenated members, as gzip -d does
	if err != nil {
		return nil, err
	}
	return z, nil
}

func openZstd(r io.Reader) (io.ReadCloser, error) {
	d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(maxZstdWindow))
	if err != nil {
		return nil, err
	}
	return d.IOReadCloser(), nil
}

// splitCodec returns name without a final .gz or .zst (in any case) and
// the codec that extension names; name itself and nil when it names none.
func splitCodec(name string) (string, *codec) {
	ext := filepath.Ext(name)
	for _, c := range codecs {
		if strings.EqualFold(ext, c.ext) {
			return name[:len(name)-len(ext)], c
		}
	}
	return name, nil
}

// openInput opens the file at path, decompressed when its name ends in
// .gz or .zst, in which case more than max decompressed bytes are refused.
// The file's bytes are counted in n when it is not nil.
func openInput(path string, max int64, n *atomic.Int64) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var rd io.ReadCloser = f
	if n != nil {
		rd = &countingFile{countingReader{f, n}, f}
	}
	if _, c := splitCodec(path); c != nil {
		return newStream(rd, c, max), nil
	}
	return rd, nil
}

// countingFile is a file whose reads are counted. It has only the
// methods its readers use: an embedded *os.File would also lend it
// WriteTo, through which io.Copy would read around the count.
type countingFile struct {
	countingReader
	f *os.File
}

func (c *countingFile) Close() error               { return c.f.Close() }
func (c *countingFile) Stat() (os.FileInfo, error) { return c.f.Stat() }

// streamError is a stream that cannot be read to its end: compressed data
// that is truncated, corrupt or expands past its limit, or invalid UTF-16.
// It spoils only the rest of its input, so under SkipBad it is a
// rejection, not a fatal error.
type streamError struct{ msg string }

func (e *streamError) Error() string { return e.msg }

// stream reads compressed bytes decompressed. It starts the decoder on the
// first Read, so that every problem of the compressed data, even in its
// header, comes from Read as a *streamError. It gives at most max bytes,
// and its errors stick: Read returns the same error again.
type stream struct {
	c   *codec
	src *rawReader
	dec io.ReadCloser // nil until the first Read
	max int64
	n   int64 // decompressed bytes given so far
	err error
}

// newStream returns a stream of rd's bytes, compressed with c. Its Close
// closes rd when rd is an io.Closer.
func newStream(rd io.Reader, c *codec, max int64) *stream {
	return &stream{c: c, src: &rawReader{r: rd}, max: max}
}

// Read reads decompressed bytes.
func (s *stream) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.dec == nil {
		dec, err := s.c.open(s.src)
		if err != nil {
			s.err = s.fail(err)
			return 0, s.err
		}
		s.dec = dec
	}
	if rest := s.max - s.n + 1; int64(len(p)) > rest {
		p = p[:rest] // one byte past the limit tells that it is passed
	}
	n, err := s.dec.Read(p)
	if s.n += int64(n); s.n > s.max {
		n -= int(s.n - s.max)
		s.n = s.max
		err = &streamError{fmt.Sprintf("decompressed size exceeds %s limit", sizeString(s.max))}
	} else if err != nil {
		err = s.fail(err)
	}
	s.err = err
	return n, err
}

// fail turns a decoder's error into the stream's: io.EOF at the end, a
// *streamError for a problem of the compressed data, and the error itself
// for an I/O error of the underlying reader.
func (s *stream) fail(err error) error {
	var raw *rawError
	switch {
	case errors.As(err, &raw):
		return raw.err
	case err == io.EOF && s.src.n > 0:
		return io.EOF
	case err == io.EOF, errors.Is(err, io.ErrUnexpectedEOF): // an empty file is truncated too, as for gzip -d
		return &streamError{fmt.Sprintf("truncated %s stream (unexpected EOF)", s.c.name)}
	case errors.Is(err, zstd.ErrWindowSizeExceeded):
		return &streamError{fmt.Sprintf("zstd window exceeds %s limit", sizeString(maxZstdWindow))}
	}
	msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "gzip: "), "flate: ")
	return &streamError{fmt.Sprintf("corrupt %s stream (%s)", s.c.name, msg)}
}

// Close releases the decoder and closes the underlying reader.
func (s *stream) Close() error {
	if s.dec != nil {
		s.dec.Close()
	}
	if c, ok := s.src.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// rawReader reads compressed bytes, counting them, and wraps its errors
// in *rawError so that they are not taken for faults of the data.
type rawReader struct {
	r io.Reader
	n int64
}

func (r *rawReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	if err != nil && err != io.EOF {
		err = &rawError{err}
	}
	return n, err
}

// rawError is an I/O error under a decoder.
type rawError struct{ err error }

func (e *rawError) Error() string { return e.err.Error() }
func (e *rawError) Unwrap() error { return e.err }

// sizeString formats a byte count in the largest binary unit that divides
// it: "64 GiB", "10 MiB", "3 KiB" or "100 bytes".
func sizeString(n int64) string {
	for _, u := range []struct {
		shift uint
		name  string
	}{{30, "GiB"}, {20, "MiB"}, {10, "KiB"}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d %s", n>>u.shift, u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
