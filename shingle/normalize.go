package shingle

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normalize appends to dst the normalised form of s and returns the
// extended slice.
//
// The normalised form is the fixpoint of NFKC, full Unicode case folding
// (cases.Fold) and NFKC again, with every quote and apostrophe variant
// folded to ASCII ' or ", every dash and hyphen variant to '-', the
// invisible soft hyphen, zero-width space, word joiner and byte-order mark
// removed, invalid UTF-8 replaced by U+FFFD, every run of white space
// replaced by one ' ', and leading and trailing white space removed.
// Guillemets and CJK brackets are left alone: they are punctuation, and
// punctuation never forms tokens.
//
// The result is valid UTF-8 and Normalize is idempotent.
// Normalize is safe for concurrent use.
func Normalize(dst []byte, s string) []byte {
	var n *normalizer // taken from the pool only if s needs the slow path
	dst = appendNormal(dst, s, &n)
	if n != nil {
		normalizerPool.Put(n)
	}
	return dst
}

var normalizerPool = sync.Pool{New: func() any { return newNormalizer() }}

// A normalizer holds the scratch buffers and the case folder used for the
// few stretches of text that need the full Unicode machinery. The zero
// value is not usable; see newNormalizer.
type normalizer struct {
	fold      cases.Caser
	iter      norm.Iter
	cur, a, b []byte
}

func newNormalizer() *normalizer {
	return &normalizer{fold: cases.Fold()}
}

// Normalisation works rune by rune from a table: the ASCII bytes from
// asciiNorm, the rest of the Basic Multilingual Plane from bmp (built once,
// on first use, by running the full pipeline on each rune alone). A rune
// whose normal form depends on its neighbours — a combining mark, a Hangul
// jamo, anything that is not a normalisation boundary — is "hard": the run
// of hard runes, together with the rune just before it (which a mark may
// compose with), goes through the full pipeline, slowPath, as one segment.
// Splitting the text there is sound because NFKC composes only across
// non-boundaries and case folding maps each rune on its own. The fuzz test
// checks that the result equals the full pipeline on the whole text.

// asciiNorm maps each ASCII byte to its normal form: letters to lower case,
// the grave accent to an apostrophe, and white space to ' '.
var asciiNorm = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		case unicode.IsSpace(rune(c)):
			t[c] = ' '
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

// An entry describes how one BMP rune normalises on its own.
//
//	bits 0-20   the single rune it becomes (kindRune), or the offset in
//	            multiPool of the bytes it becomes (kindMulti)
//	bits 21-25  for kindMulti, the length of those bytes
//	bits 26-27  token class of the rune itself (see tokens.go)
//	bits 28-29  kind
type entry uint32

const (
	kindHard  = 0 // normalise with its neighbours: slowPath
	kindRune  = 1 // becomes one rune
	kindMulti = 2 // becomes several runes
	kindDrop  = 3 // disappears

	maxMulti = 31 // longest byte string a kindMulti entry can hold
)

func (e entry) kind() int     { return int(e>>28) & 3 }
func (e entry) class() int    { return int(e>>26) & 3 }
func (e entry) r() rune       { return rune(e & (1<<21 - 1)) }
func (e entry) multi() string { return multiPool[e&(1<<21-1) : e&(1<<21-1)+e>>21&31] }
func mkEntry(kind, class int, v uint32) entry {
	return entry(kind)<<28 | entry(class)<<26 | entry(v)
}

var (
	tableOnce sync.Once
	bmp       []entry // len 1<<16
	multiPool string  // concatenated outputs of kindMulti entries
)

func buildTable() {
	n := newNormalizer()
	t := make([]entry, 1<<16)
	var pool []byte
	var buf [utf8.UTFMax]byte
	for r := rune(0x80); r < 1<<16; r++ {
		class := classify(r)
		if 0xD800 <= r && r < 0xE000 { // surrogates never decode
			t[r] = mkEntry(kindHard, class, 0)
			continue
		}
		if m := punct(r); m != 0 {
			t[r] = mkEntry(kindRune, class, uint32(m))
			if m == drop {
				t[r] = mkEntry(kindDrop, class, 0)
			}
			continue
		}
		b := utf8.AppendRune(buf[:0], r)
		p := norm.NFKC.Properties(b)
		if !p.BoundaryBefore() {
			t[r] = mkEntry(kindHard, class, 0)
			continue
		}
		if span, _ := n.fold.Span(b, true); span == len(b) && p.Decomposition() == nil && !unicode.IsSpace(r) {
			// Its own normal form, like most of the table: no need for
			// the whole pipeline.
			t[r] = mkEntry(kindRune, class, uint32(r))
			continue
		}
		out := n.slowPath(string(r))
		switch first, size := utf8.DecodeRune(out); {
		case len(out) == 0:
			t[r] = mkEntry(kindDrop, class, 0)
		case !norm.NFKC.Properties(out).BoundaryBefore():
			// Starts with a mark that could compose with the previous rune.
			t[r] = mkEntry(kindHard, class, 0)
		case size == len(out):
			t[r] = mkEntry(kindRune, class, uint32(first))
		case len(out) <= maxMulti:
			t[r] = mkEntry(kindMulti, class, uint32(len(pool))|uint32(len(out))<<21)
			pool = append(pool, out...)
		default:
			t[r] = mkEntry(kindHard, class, 0)
		}
	}
	bmp, multiPool = t, string(pool)
}

// lookup returns the table entry of a non-ASCII rune.
func lookup(r rune) entry {
	if r < 1<<16 {
		return bmp[r]
	}
	return lookupAstral(r)
}

func lookupAstral(r rune) entry {
	// Outside the BMP (emoji, rare ideographs, historic scripts): a rune
	// that has no decomposition, no case and starts a segment is its own
	// normal form; anything else takes the slow path.
	var buf [utf8.UTFMax]byte
	p := norm.NFKC.Properties(utf8.AppendRune(buf[:0], r))
	if p.BoundaryBefore() && p.Decomposition() == nil && unicode.SimpleFold(r) == r {
		return mkEntry(kindRune, classify(r), uint32(r))
	}
	return mkEntry(kindHard, classify(r), 0)
}

// drop is punct's answer for runes that normalisation deletes.
const drop = 0x7f

// punct returns the ASCII byte that the quote, dash or space r folds to,
// drop if r is deleted, or 0 if r is none of these.
func punct(r rune) byte {
	switch r {
	case '`', '\u00b4', // grave and acute accents used as apostrophes
		'\u2018', '\u2019', '\u201a', '\u201b', // single quotes
		'\u2032', '\u2035', // primes
		'\u02b9', '\u02bc', '\u02bd', // modifier letter prime and apostrophes
		'\uff07': // fullwidth apostrophe
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', // double quotes
		'\u2033', '\u2036', // double primes
		'\u02ba',                     // modifier letter double prime
		'\u301d', '\u301e', '\u301f', // CJK double prime quotes
		'\uff02': // fullwidth quotation mark
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', // hyphens and dashes
		'\u2043', '\u2212', '\u2e3a', '\u2e3b', // hyphen bullet, minus, long dashes
		'\u058a', '\u05be', '\u1806', // Armenian, Hebrew, Mongolian hyphens
		'\ufe31', '\ufe32', '\ufe58', '\ufe63', '\uff0d': // vertical, small and fullwidth forms
		return '-'
	case '\u00ad', '\u200b', '\u2060', '\ufeff': // soft hyphen, zero widths, BOM
		return drop
	}
	if r < utf8.RuneSelf {
		if c := asciiNorm[byte(r)]; c != byte(r) {
			return c
		}
		return 0
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return 0
}

// appendNormal is Normalize, taking a normalizer from the pool into *n only
// if s has a hard rune.
func appendNormal(dst []byte, s string, n **normalizer) []byte {
	tableOnce.Do(buildTable)
	base := len(dst)
	dst = grow(dst, len(s))
	space := false // a space is due before the next rune
	// The last rune written through the table, which a following hard rune
	// may have to take back: where it began in s, and dst and space before it.
	lastIn, lastOut, lastSpace := -1, 0, false
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			dst = grow(dst, len(s)-i+1)
			dst, space, i = appendASCII(dst, s, i, space, base)
			// A mark after the run may compose with its last rune: note
			// where that rune began, and dst and space before it. In dst
			// a space is only ever written just before a non-space.
			if asciiNorm[s[i-1]] == ' ' {
				lastIn = -1
			} else {
				lastIn, lastOut, lastSpace = i-1, len(dst)-1, false
				if lastOut > base && dst[lastOut-1] == ' ' {
					lastOut, lastSpace = lastOut-1, true
				}
			}
			continue
		}
		r, size := decodeRune(s, i)
		e := lookup(r)
		if size == 1 { // invalid UTF-8
			e = mkEntry(kindHard, 0, 0)
		}
		switch e.kind() {
		case kindDrop:
			i += size
		case kindHard:
			start, end := i, i+size
			if lastIn >= 0 {
				start, dst, space = lastIn, dst[:lastOut], lastSpace
			}
			for end < len(s) && s[end] >= utf8.RuneSelf {
				r, size := decodeRune(s, end)
				if k := lookup(r).kind(); size > 1 && k != kindHard && k != kindDrop {
					break
				}
				end += size
			}
			if *n == nil {
				*n = normalizerPool.Get().(*normalizer)
			}
			dst, space = appendRunes(dst, (*n).slowPath(s[start:end]), space, base)
			lastIn = -1
			i = end
		case kindRune:
			if e.r() == ' ' {
				space = len(dst) > base
				lastIn = -1
				i += size
				continue
			}
			lastIn, lastOut, lastSpace = i, len(dst), space
			if space {
				dst = append(dst, ' ')
				space = false
			}
			if e.r() != r {
				dst = utf8.AppendRune(dst, e.r())
				i += size
				continue
			}
			// The common case, a rune that is its own normal form: copy
			// it and any more like it in one go.
			start, out := i, len(dst)
			for i += size; i < len(s) && s[i] >= utf8.RuneSelf; i += size {
				var r rune
				r, size = decodeRune(s, i)
				if e := lookup(r); e.kind() != kindRune || e.r() != r || size == 1 {
					break
				}
				lastIn, lastOut, lastSpace = i, out+i-start, false
			}
			dst = append(dst, s[start:i]...)
		case kindMulti:
			lastIn, lastOut, lastSpace = i, len(dst), space
			dst, space = appendRunes(dst, e.multi(), space, base)
			i += size
		}
	}
	return dst
}

// appendASCII normalises the run of ASCII bytes of s that starts at i,
// appending to dst, which must have room for it and a space. It returns
// dst, whether a space is due, and the end of the run.
func appendASCII(dst []byte, s string, i int, space bool, base int) ([]byte, bool, int) {
	w, buf := len(dst), dst[:cap(dst)]
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		m := asciiNorm[c]
		if m == ' ' {
			space = w > base
			continue
		}
		if space {
			buf[w] = ' '
			w++
			space = false
		}
		buf[w] = m
		w++
	}
	return buf[:w], space, i
}

// appendRunes appends normalised text t to dst, collapsing its spaces with
// the space already due, and returns dst and whether a space is now due.
func appendRunes[T string | []byte](dst []byte, t T, space bool, base int) ([]byte, bool) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == ' ' {
			space = len(dst) > base
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, c)
	}
	return dst, space
}

// maxRounds bounds the fixpoint iteration in slowPath. One round reaches
// the fixpoint for every single rune (TestOneRoundPerRune) and for every
// text the tests have tried; the second round only confirms it.
const maxRounds = 8

// slowPath returns the normal form of t (without space collapsing) by
// running the whole pipeline until it reaches a fixpoint. The result is
// valid until the next call.
func (n *normalizer) slowPath(t string) []byte {
	n.cur = append(n.cur[:0], t...)
	for range maxRounds {
		u := n.round(n.cur)
		if string(u) == string(n.cur) {
			break
		}
		n.cur = append(n.cur[:0], u...)
	}
	return n.cur
}

// round applies punct, NFKC, case folding, NFKC and punct once to t, which
// must not alias n.a or n.b. The result is in n.b.
func (n *normalizer) round(t []byte) []byte {
	// punct first: NFKC would turn the acute accent into a space and a
	// combining mark, and a dropped soft hyphen must not keep a mark from
	// composing with the letter before it.
	n.b = mapPunct(n.b[:0], t)
	n.a = n.nfkc(n.a[:0], n.b)
	n.b = n.foldInto(n.b[:0], n.a)
	n.a = n.nfkc(n.a[:0], n.b)
	n.b = mapPunct(n.b[:0], n.a)
	return n.b
}

// nfkc appends the NFKC form of src to dst. It uses an Iter, whose buffers
// live in n, because norm.Form.Append allocates on every call.
func (n *normalizer) nfkc(dst, src []byte) []byte {
	n.iter.Init(norm.NFKC, src)
	for !n.iter.Done() {
		dst = append(dst, n.iter.Next()...)
	}
	return dst
}

// foldInto appends the case folding of src to dst.
func (n *normalizer) foldInto(dst, src []byte) []byte {
	n.fold.Reset()
	for {
		dst = grow(dst, len(src)+8)
		nDst, nSrc, err := n.fold.Transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+nDst]
		src = src[nSrc:]
		if err != transform.ErrShortDst {
			fixCherokee(dst)
			return dst
		}
	}
}

// fixCherokee works around golang.org/issue/46101: cases.Fold maps the
// Cherokee capital letters to the small ones and the small ones to the
// capitals, so folding never reaches a fixpoint. Unicode folds the small
// letters to the capitals (the capitals were encoded first, and case
// folding is stable), so fixCherokee turns small letters back into
// capitals, in place: both are three bytes long.
func fixCherokee(b []byte) {
	for i := 0; i+2 < len(b); i++ {
		if b[i] != 0xe1 && b[i] != 0xea {
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case 0xab70 <= r && r <= 0xabbf:
			utf8.EncodeRune(b[i:], r-0xab70+0x13a0)
		case 0x13f8 <= r && r <= 0x13fd:
			utf8.EncodeRune(b[i:], r-8)
		}
		i += size - 1
	}
}

// mapPunct appends t to dst with punct applied to each rune and invalid
// UTF-8 replaced by U+FFFD.
func mapPunct(dst, t []byte) []byte {
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRune(t[i:])
		i += size
		switch m := punct(r); m {
		case drop:
		case 0:
			dst = utf8.AppendRune(dst, r)
		default:
			dst = append(dst, m)
		}
	}
	return dst
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), faster for the two- and
// three-byte runes of most non-Latin text.
func decodeRune(s string, i int) (rune, int) {
	switch c0 := s[i]; {
	case 0xc2 <= c0 && c0 < 0xe0 && i+1 < len(s):
		if c1 := s[i+1]; c1&0xc0 == 0x80 {
			return rune(c0&0x1f)<<6 | rune(c1&0x3f), 2
		}
	case 0xe1 <= c0 && c0 < 0xf0 && c0 != 0xed && i+2 < len(s):
		// E0 (overlong forms) and ED (surrogates) take the slow path.
		if c1, c2 := s[i+1], s[i+2]; c1&0xc0 == 0x80 && c2&0xc0 == 0x80 {
			return rune(c0&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// grow makes room for n more bytes in b.
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) < n {
		b = append(b[:cap(b)], make([]byte, n)...)[:len(b)]
	}
	return b
}
