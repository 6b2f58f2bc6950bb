package corpus

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// This file holds a single-pass reader of one JSON object per line. It
// accepts exactly what encoding/json accepts, reports the same syntax
// errors, and decodes the wanted fields as encoding/json would decode
// them into a map[string]json.RawMessage and then into strings, but
// without the map, the raw copies and the repeated scans of every value.

// maxDepth is the deepest nesting of arrays and objects accepted, counting
// the top-level object, as in encoding/json.
const maxDepth = 10000

// Kinds of a top-level value.
const (
	kindNone   = iota // key absent
	kindString        // a string
	kindNumber        // a number
	kindNull          // null
	kindOther         // true, false, an array or an object
)

// Flags of a scanned string.
const (
	strEscape  = 1 << iota // holds a backslash escape
	strInvalid             // holds bytes that are not valid UTF-8
)

// jsonValue locates a top-level value of a line: for a string its content
// without the quotes, else all of it.
type jsonValue struct {
	start, end  int
	kind, flags uint8
}

// jsonScanner checks one line of JSON. Its methods take the offset where
// to go on and return the offset after what they scanned, or -1 when the
// line is malformed; c and ctx then say why, as encoding/json would.
type jsonScanner struct {
	b    []byte
	c    byte                   // the byte where the scan failed
	ctx  string                 // what was wanted there; "" at an early end of input
	bad  bool                   // some string holds invalid UTF-8
	deep *[maxDepth / 64]uint64 // kinds of open containers below the 64 of nested; made when needed
}

// jsonFields picks the named fields out of line, one JSON object with
// nothing but whitespace around it, which starts at offset base of its
// input. It returns the values by slot, or why the line cannot be used; it
// allocates only the strings it returns. A field is a string decoded, a
// number as written (IDs are often numbers) or null as ""; other values do
// not fit. Of duplicate keys the last counts; keys match names exactly.
//
// With check, a line that checkBytes refuses (for a NUL byte or invalid
// UTF-8) is refused for that reason first, as jsonRecord does. Without,
// invalid UTF-8 in a string becomes U+FFFD as with encoding/json.
func jsonFields(line []byte, base int64, names *[nField]string, check bool) (v [nField]string, bad string) {
	var vals [nField]jsonValue
	s := jsonScanner{b: line}
	switch {
	case !startsObject(line):
		bad = "malformed JSON: want an object"
	case s.object(names, &vals) < 0:
		bad = "malformed JSON: " + s.msg()
	case check && s.bad:
		// A line of valid JSON has bytes ≥ 0x80 only in strings, and no
		// NUL byte at all, so the scan saw all that checkBytes would.
		return v, checkBytes(line, base)
	}
	if bad != "" {
		if check {
			if reason := checkBytes(line, base); reason != "" {
				return v, reason
			}
		}
		return v, bad
	}
	for i, val := range vals {
		raw := line[val.start:val.end]
		switch val.kind {
		case kindString:
			v[i] = unquoteString(raw, val.flags)
		case kindNumber:
			v[i] = string(raw)
		case kindOther:
			return v, fmt.Sprintf("field %q: want a string", names[i])
		}
	}
	return v, ""
}

// startsObject reports whether the first byte of line after Unicode white
// space opens an object. Only JSON white space may come before it; the
// scan catches the rest.
func startsObject(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 0 && t[0] == '{'
}

// msg is the encoding/json syntax error of a failed scan.
func (s *jsonScanner) msg() string {
	if s.ctx == "" {
		return "unexpected end of JSON input"
	}
	return "invalid character " + quoteChar(s.c) + " " + s.ctx
}

// quoteChar formats c as encoding/json does in its syntax errors.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// fail records a syntax error at byte c, where ctx was wanted, and
// returns -1.
func (s *jsonScanner) fail(c byte, ctx string) int {
	s.c, s.ctx = c, ctx
	return -1
}

// failAt is fail at offset i, which may be the end of the input: in the
// middle of a literal, number or escape encoding/json reports that as a
// space, not as an unexpected end.
func (s *jsonScanner) failAt(i int, ctx string) int {
	if i >= len(s.b) {
		return s.fail(' ', ctx)
	}
	return s.fail(s.b[i], ctx)
}

// eof records an unexpected end of input and returns -1.
func (s *jsonScanner) eof() int {
	s.ctx = ""
	return -1
}

// skipSpace returns the offset of the first byte of b at or after i that
// is not JSON whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}

// object scans the whole line, noting the last value of each named
// top-level key in vals by slot. It returns len(b), or -1.
func (s *jsonScanner) object(names *[nField]string, vals *[nField]jsonValue) int {
	b := s.b
	i := skipSpace(b, 0)
	if i == len(b) {
		return s.eof()
	}
	if b[i] != '{' {
		return s.fail(b[i], "looking for beginning of value")
	}
	if i = skipSpace(b, i+1); i < len(b) && b[i] == '}' {
		i++
	} else {
		for {
			if i == len(b) {
				return s.eof()
			}
			if b[i] != '"' {
				return s.fail(b[i], "looking for beginning of object key string")
			}
			var kflags uint8
			ks := i + 1
			if i, kflags = s.str(ks); i < 0 {
				return i
			}
			key := b[ks : i-1]
			if i = skipSpace(b, i); i == len(b) {
				return s.eof()
			}
			if b[i] != ':' {
				return s.fail(b[i], "after object key")
			}
			var val jsonValue
			if i, val = s.value(skipSpace(b, i+1), 1); i < 0 {
				return i
			}
			matchKey(key, kflags, names, vals, val)
			if i = skipSpace(b, i); i == len(b) {
				return s.eof()
			}
			if b[i] == '}' {
				i++
				break
			}
			if b[i] != ',' {
				return s.fail(b[i], "after object key:value pair")
			}
			i = skipSpace(b, i+1)
		}
	}
	if i = skipSpace(b, i); i < len(b) {
		return s.fail(b[i], "after top-level value")
	}
	return i
}

// matchKey sets val as the value of each slot named key, a top-level key
// as scanned by str.
func matchKey(key []byte, flags uint8, names *[nField]string, vals *[nField]jsonValue, val jsonValue) {
	for i, name := range names {
		if name == "" {
			continue
		}
		if flags == 0 && string(key) == name || flags != 0 && unquotedIs(key, flags&strInvalid != 0, name) {
			vals[i] = val
		}
	}
}

// value scans the value at offset i, inside depth open containers.
func (s *jsonScanner) value(i, depth int) (int, jsonValue) {
	b := s.b
	if i == len(b) {
		return s.eof(), jsonValue{}
	}
	switch c := b[i]; {
	case c == '"':
		j, flags := s.str(i + 1)
		return j, jsonValue{i + 1, j - 1, kindString, flags}
	case c == '-' || '0' <= c && c <= '9':
		j := s.number(i)
		return j, jsonValue{i, j, kindNumber, 0}
	case c == 'n':
		return s.literal(i, "null"), jsonValue{kind: kindNull}
	case c == 't':
		return s.literal(i, "true"), jsonValue{kind: kindOther}
	case c == 'f':
		return s.literal(i, "false"), jsonValue{kind: kindOther}
	case c == '{' || c == '[':
		return s.nested(i, depth), jsonValue{kind: kindOther}
	default:
		return s.fail(c, "looking for beginning of value"), jsonValue{}
	}
}

// literal scans word (null, true or false), whose first byte is at i.
func (s *jsonScanner) literal(i int, word string) int {
	b := s.b
	for k := 1; k < len(word); k++ {
		if i+k >= len(b) || b[i+k] != word[k] {
			return s.failAt(i+k, "in literal "+word+" (expecting '"+word[k:k+1]+"')")
		}
	}
	return i + len(word)
}

// number scans a number, whose first byte, '-' or a digit, is at i.
func (s *jsonScanner) number(i int) int {
	b := s.b
	if b[i] == '-' {
		if i++; i == len(b) || !isDigit(b[i]) {
			return s.failAt(i, "in numeric literal")
		}
	}
	if b[i] == '0' {
		i++
	} else {
		i = digits(b, i+1)
	}
	if i < len(b) && b[i] == '.' {
		if i++; i == len(b) || !isDigit(b[i]) {
			return s.failAt(i, "after decimal point in numeric literal")
		}
		i = digits(b, i+1)
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		if i++; i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i == len(b) || !isDigit(b[i]) {
			return s.failAt(i, "in exponent of numeric literal")
		}
		i = digits(b, i+1)
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digits returns the offset of the first byte of b at or after i that is
// not a digit.
func digits(b []byte, i int) int {
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i
}

// str scans a string from offset i, just after its opening quote, and
// returns the offset after its closing quote and its flags.
func (s *jsonScanner) str(i int) (int, uint8) {
	b := s.b
	start := i
	var flags uint8
	high := false
	q := -1 // offset of the first quote at or after i, or len(b); -1 before looking
	for {
		if q < i {
			if q = bytes.IndexByte(b[i:], '"'); q < 0 {
				q = len(b) // an unterminated string: scan on for errors
			} else {
				q += i
			}
		}
		// Up to the quote or a backslash before it, only control
		// characters are wrong.
		end := q
		if k := bytes.IndexByte(b[i:q], '\\'); k >= 0 {
			end = i + k
		}
		j, h := controlChar(b, i, end)
		if j < end {
			return s.fail(b[j], "in string literal"), 0
		}
		high = high || h
		switch {
		case j == len(b):
			return s.eof(), 0
		case b[j] == '"':
			if high && !utf8.Valid(b[start:j]) {
				flags |= strInvalid
				s.bad = true
			}
			return j + 1, flags
		}
		flags |= strEscape
		if j+1 < len(b) && simpleEscape[b[j+1]] {
			i = j + 2
		} else if i = s.escape(j + 1); i < 0 {
			return i, 0
		}
	}
}

// simpleEscape marks the bytes that may follow a backslash, but for u.
var simpleEscape = [256]bool{'"': true, '\\': true, '/': true, 'b': true, 'f': true, 'n': true, 'r': true, 't': true}

// escape scans the escape after a backslash at i-1 in a string.
func (s *jsonScanner) escape(i int) int {
	b := s.b
	if i == len(b) {
		return s.fail(' ', "in string escape code")
	}
	switch c := b[i]; c {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return i + 1
	case 'u':
		for k := i + 1; k < i+5; k++ {
			if k == len(b) || !isHex(b[k]) {
				return s.failAt(k, `in \u hexadecimal character escape`)
			}
		}
		return i + 5
	default:
		return s.fail(c, "in string escape code")
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// controlChar returns the offset of the first byte of b[i:end] below
// 0x20, or end; and whether a byte before it is 0x80 or above. It looks at
// 32 bytes at a time.
func controlChar(b []byte, i, end int) (int, bool) {
	// ctl has bit 7 set in each byte of w below 0x20; bytes above the
	// first such byte may be marked falsely, but the first is right.
	ctl := func(w uint64) uint64 { return (w - loBits*0x20) &^ w }
	var high uint64
	for ; i+32 <= end; i += 32 {
		w0 := binary.LittleEndian.Uint64(b[i:])
		w1 := binary.LittleEndian.Uint64(b[i+8:])
		w2 := binary.LittleEndian.Uint64(b[i+16:])
		w3 := binary.LittleEndian.Uint64(b[i+24:])
		if (ctl(w0)|ctl(w1)|ctl(w2)|ctl(w3))&hiBits != 0 {
			break
		}
		high |= w0 | w1 | w2 | w3
	}
	for ; i+8 <= end; i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if m := ctl(w) & hiBits; m != 0 {
			return i + bits.TrailingZeros64(m)>>3, false
		}
		high |= w
	}
	for ; i < end; i++ {
		c := b[i]
		if c < 0x20 {
			return i, false
		}
		high |= uint64(c)
	}
	return end, high&hiBits != 0
}

// nested scans an array or object at i, inside depth open containers. It
// keeps the kinds of the open containers on a stack of bits, not on the
// call stack.
func (s *jsonScanner) nested(i, depth int) int {
	const (
		open  = iota // b[i] opens a container
		key          // at a key of an object, or where one should be
		value        // at a value, or where one should be
		after        // after a value
	)
	b := s.b
	var objs uint64 // kinds of the 64 outermost open containers: 1 for an object
	n := 0          // open containers of this value
	st := open
	for {
		if st != open && i == len(b) {
			return s.eof()
		}
		switch st {
		case open:
			c := b[i]
			if depth+n >= maxDepth {
				return s.fail(c, "exceeded max depth")
			}
			obj := c == '{'
			s.setObj(&objs, n, obj)
			n++
			if i = skipSpace(b, i+1); i == len(b) {
				return s.eof()
			}
			switch {
			case obj && b[i] == '}', !obj && b[i] == ']':
				i++
				if n--; n == 0 {
					return i
				}
				st = after
			case obj:
				st = key
			default:
				st = value
			}
		case key:
			if b[i] != '"' {
				return s.fail(b[i], "looking for beginning of object key string")
			}
			if i, _ = s.str(i + 1); i < 0 {
				return i
			}
			if i = skipSpace(b, i); i == len(b) {
				return s.eof()
			}
			if b[i] != ':' {
				return s.fail(b[i], "after object key")
			}
			i = skipSpace(b, i+1)
			st = value
		case value:
			switch c := b[i]; {
			case c == '{' || c == '[':
				st = open
				continue
			case c == '"':
				i, _ = s.str(i + 1)
			case c == '-' || isDigit(c):
				i = s.number(i)
			case c == 'n':
				i = s.literal(i, "null")
			case c == 't':
				i = s.literal(i, "true")
			case c == 'f':
				i = s.literal(i, "false")
			default:
				return s.fail(c, "looking for beginning of value")
			}
			if i < 0 {
				return i
			}
			st = after
		case after:
			if i = skipSpace(b, i); i == len(b) {
				return s.eof()
			}
			c, obj := b[i], s.isObj(objs, n-1)
			switch {
			case c == ',':
				i = skipSpace(b, i+1)
				st = value
				if obj {
					st = key
				}
			case obj && c == '}', !obj && c == ']':
				i++
				if n--; n == 0 {
					return i
				}
			case obj:
				return s.fail(c, "after object key:value pair")
			default:
				return s.fail(c, "after array element")
			}
		}
	}
}

// setObj notes whether open container k of a nested value is an object.
func (s *jsonScanner) setObj(objs *uint64, k int, obj bool) {
	p, bit := objs, uint64(1)<<(k%64)
	if k >= 64 {
		if s.deep == nil {
			s.deep = new([maxDepth / 64]uint64)
		}
		p = &s.deep[k/64-1]
	}
	if obj {
		*p |= bit
	} else {
		*p &^= bit
	}
}

// isObj reports whether open container k of a nested value is an object.
func (s *jsonScanner) isObj(objs uint64, k int) bool {
	if k >= 64 {
		objs = s.deep[k/64-1]
	}
	return objs&(1<<(k%64)) != 0
}

// unquoteString decodes the content of a scanned string with flags as
// encoding/json does, allocating only the result.
func unquoteString(raw []byte, flags uint8) string {
	if flags == 0 {
		return string(raw)
	}
	fix := flags&strInvalid != 0
	buf := make([]byte, 0, len(raw)) // enough unless invalid bytes grow into U+FFFD
	for len(raw) > 0 {
		lit, r, rest := unquoteNext(raw, fix)
		if r < 0 {
			buf = append(buf, lit...)
		} else {
			buf = utf8.AppendRune(buf, r)
		}
		raw = rest
	}
	// Nothing changes buf after this, so the string can share it, as
	// strings.Builder does.
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// unquotedIs reports whether the content of a scanned string decodes to
// name, without allocating.
func unquotedIs(raw []byte, fix bool, name string) bool {
	var buf [utf8.UTFMax]byte
	for len(raw) > 0 {
		lit, r, rest := unquoteNext(raw, fix)
		if r >= 0 {
			lit = utf8.AppendRune(buf[:0], r)
		}
		if len(name) < len(lit) || name[:len(lit)] != string(lit) {
			return false
		}
		name, raw = name[len(lit):], rest
	}
	return name == ""
}

// unquoteNext splits the first piece off s, the non-empty rest of the
// content of a scanned string: either a run of bytes that decode to
// themselves (lit, with r < 0), or the rune r that an escape stands for
// or, when fix is set, U+FFFD for a byte that is not valid UTF-8. It
// follows encoding/json: a \u escape of half a surrogate pair not followed
// by the escape of the other half is U+FFFD.
func unquoteNext(s []byte, fix bool) (lit []byte, r rune, rest []byte) {
	if s[0] != '\\' {
		n := 0
		if !fix {
			if n = bytes.IndexByte(s, '\\'); n < 0 {
				n = len(s)
			}
		} else {
			for n < len(s) && s[n] != '\\' {
				if s[n] < utf8.RuneSelf {
					n++
					continue
				}
				r, size := utf8.DecodeRune(s[n:])
				if r == utf8.RuneError && size == 1 {
					if n == 0 {
						return nil, utf8.RuneError, s[1:]
					}
					break
				}
				n += size
			}
		}
		return s[:n], -1, s[n:]
	}
	switch c := s[1]; c {
	case 'b':
		return nil, '\b', s[2:]
	case 'f':
		return nil, '\f', s[2:]
	case 'n':
		return nil, '\n', s[2:]
	case 'r':
		return nil, '\r', s[2:]
	case 't':
		return nil, '\t', s[2:]
	case 'u':
		r, s = hex4(s[2:6]), s[6:]
		if utf16.IsSurrogate(r) {
			if len(s) >= 6 && s[0] == '\\' && s[1] == 'u' {
				if d := utf16.DecodeRune(r, hex4(s[2:6])); d != unicode.ReplacementChar {
					return nil, d, s[6:]
				}
			}
			r = unicode.ReplacementChar
		}
		return nil, r, s
	default: // '"', '\\' or '/'
		return nil, rune(c), s[2:]
	}
}

// hex4 returns the value of 4 scanned hex digits.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
