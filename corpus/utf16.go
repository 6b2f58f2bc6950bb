package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// UTF-16 byte order marks, little- and big-endian.
var (
	utf16LE = []byte{0xFF, 0xFE}
	utf16BE = []byte{0xFE, 0xFF}
)

// decodeUTF16 returns rd's bytes as UTF-8: when they start with a UTF-16
// byte order mark, the text after the mark converted; else unchanged. Of
// text that is not valid UTF-16 it returns what comes before the first bad
// code unit, then a *streamError "invalid UTF-16 at byte N", N being the
// unit's 0-based offset in rd.
func decodeUTF16(rd io.Reader) io.Reader {
	br := bufio.NewReaderSize(rd, 16)
	bom, _ := br.Peek(2)
	order := unicode.LittleEndian
	switch {
	case bytes.Equal(bom, utf16LE):
	case bytes.Equal(bom, utf16BE):
		order = unicode.BigEndian
	default:
		return br
	}
	br.Discard(2)
	checked := transform.NewReader(br, &utf16Check{big: order == unicode.BigEndian})
	return unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Reader(checked)
}

// utf16Check is a transform.Transformer that passes UTF-16 after its byte
// order mark through unchanged, failing at the first code unit that is not
// valid: a surrogate without its pair, or a last odd byte. The decoder of
// x/text would silently replace those with U+FFFD.
type utf16Check struct {
	big bool  // big-endian
	off int64 // bytes passed so far
}

func (c *utf16Check) Reset() { c.off = 0 }

func (c *utf16Check) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	n := 0
	for n < len(src) && err == nil {
		size := 2
		switch u := c.unit(src, n); {
		case u < 0 || (u >= 0xD800 && u < 0xDC00 && c.unit(src, n+2) < 0):
			if !atEOF {
				err = transform.ErrShortSrc // wait for the rest of the unit or pair
				continue
			}
			err = c.bad(n)
		case u >= 0xD800 && u < 0xDC00:
			if low := c.unit(src, n+2); low < 0xDC00 || low >= 0xE000 {
				err = c.bad(n)
			}
			size = 4
		case u >= 0xDC00 && u < 0xE000:
			err = c.bad(n)
		}
		if err == nil && n+size > len(dst) {
			err = transform.ErrShortDst
		}
		if err == nil {
			n += size
		}
	}
	copy(dst, src[:n])
	c.off += int64(n)
	return n, n, err
}

// unit returns the code unit at src[i:], or -1 when src ends before it.
func (c *utf16Check) unit(src []byte, i int) int {
	if i+2 > len(src) {
		return -1
	}
	if c.big {
		return int(src[i])<<8 | int(src[i+1])
	}
	return int(src[i+1])<<8 | int(src[i])
}

// bad is the error for an invalid unit at src[i:]; the offset counts the
// byte order mark.
func (c *utf16Check) bad(i int) error {
	return &streamError{fmt.Sprintf("invalid UTF-16 at byte %d", int64(len(utf16LE))+c.off+int64(i))}
}
