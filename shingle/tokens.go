package shingle

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// K is the default number of words in a shingle.
const K = 5

// A Shingler turns text into word k-shingles and their hashes.
//
// A Shingler is not safe for concurrent use: it keeps its buffers between
// calls so that, once they have grown to fit the longest text seen, Hashes
// allocates nothing. Make one per goroutine.
type Shingler struct {
	k      int
	norm   []byte      // normalised text, for text with hard runes
	tok    []byte      // its tokens, joined by single spaces
	starts []int32     // start of each token in tok, then len(tok)+1
	n      *normalizer // for hard runes; nil until the first one
}

// NewShingler returns a Shingler of k words per shingle; k < 1 means K.
func NewShingler(k int) *Shingler {
	if k < 1 {
		k = K
	}
	return &Shingler{k: k}
}

// K returns the number of words per shingle.
func (s *Shingler) K() int { return s.k }

// Tokens appends to dst the tokens of text, after Normalize, and returns
// the extended slice. It allocates a string per token: it is meant for
// tests, debugging and the diff view, not for the hot path.
func (s *Shingler) Tokens(dst []string, text string) []string {
	n := s.tokenize(text)
	for i := range n {
		dst = append(dst, string(s.tok[s.starts[i]:s.starts[i+1]-1]))
	}
	return dst
}

// Token classes. A token is a maximal run of word runes, or a single rune
// of a script written without spaces; marks extend the token they follow.
const (
	classSep   = 0 // white space, punctuation, symbols: never in a token
	classWord  = 1 // letters and digits of scripts that separate words by spaces
	classSplit = 2 // letters of scripts without spaces: one token per rune
	classMark  = 3 // combining marks: part of the token before them
)

// splitScripts are the scripts written without spaces between words.
var splitScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

// classify returns the token class of r.
func classify(r rune) int {
	switch {
	case unicode.IsMark(r):
		return classMark
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		// U+30FC, the prolonged sound mark of Katakana, is in the
		// Common script but only ever written inside Japanese words.
		if r == '\u30fc' || unicode.In(r, splitScripts...) {
			return classSplit
		}
		return classWord
	}
	return classSep
}

// asciiToken maps each ASCII byte to its normal form if it is a word rune,
// and to 0 if it is not: the lower-case letters and digits.
var asciiToken = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		if m := asciiNorm[c]; classify(rune(m)) == classWord {
			t[c] = m
		}
	}
	return t
}()

// highBits is the top bit of each byte of a uint64.
const highBits = 0x8080808080808080

// asciiWord returns, for the eight bytes of w, the top bit of each byte
// that is an ASCII word byte (a digit or a letter, as in asciiToken), and
// zero bits elsewhere. Each byte is range-tested on its low seven bits
// with additions that cannot carry into the next byte; a byte with its
// top bit set (not ASCII) is never a word byte. TestASCIIWord keeps it in
// step with asciiToken.
func asciiWord(w uint64) uint64 {
	const ones = 0x0101010101010101
	x := w &^ highBits
	lower := x | 0x20*ones // 'A'-'Z' to 'a'-'z'; no other byte lands there
	letter := (lower + (0x80-'a')*ones) &^ (lower + (0x7f-'z')*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones)
	return (letter | digit) &^ w & highBits
}

// runeClass returns the token class of the non-ASCII rune r.
func runeClass(r rune) int {
	if r < 1<<16 {
		return bmp[r].class()
	}
	return classify(r)
}

// tokenize writes the tokens of text to s.tok, joined by single spaces,
// and their starts to s.starts, followed by len(s.tok)+1, so that tokens
// i..j are s.tok[s.starts[i]:s.starts[j+1]-1]. It returns the number of
// tokens.
//
// Most text needs no context to normalise (see appendNormal): then
// tokenize normalises and cuts in one pass, rune by rune (ASCII words
// eight bytes at a time). Text with a hard rune is normalised first, then
// cut.
func (s *Shingler) tokenize(text string) int {
	tableOnce.Do(buildTable)
	if !s.scan(text, false) {
		s.norm = appendNormal(s.norm[:0], text, &s.n)
		// The string shares s.norm, which does not change until the
		// next call.
		s.scan(unsafe.String(unsafe.SliceData(s.norm), len(s.norm)), true)
	}
	return len(s.starts) - 1
}

// A tokenizer holds the state of scan between runes.
type tokenizer struct {
	tok    []byte
	starts []int32
	inTok  bool // a token is open
	split  bool // the open token is a rune of a split script
}

// scan cuts t into tokens. If t is normalised, scan takes its runes as
// they are; if not, it normalises them one by one, and gives up, returning
// false, at the first rune that cannot be normalised on its own.
func (s *Shingler) scan(t string, normalized bool) bool {
	z := tokenizer{tok: s.tok[:0], starts: s.starts[:0]}
	ok := true
	for i := 0; i < len(t); {
		if c := asciiToken[t[i]]; c != 0 || t[i] < utf8.RuneSelf {
			if c == 0 {
				z.inTok = false
				i++
				continue
			}
			if !z.inTok || z.split {
				z.open(false)
			}
			// Copy the ASCII word in normal form as it is found, eight
			// bytes at a time: each eight are classified and lower-cased
			// together (asciiWord), stored whole, and the word's end
			// found in them; the bytes stored past it are overwritten
			// later. Room is made for that overshoot first.
			if cap(z.tok)-len(z.tok) < len(t)-i+8 {
				z.tok = slices.Grow(z.tok, len(t)-i+8)
			}
			n := len(z.tok)
			tok := z.tok[:cap(z.tok)]
			j := i
			// (n-len(z.tok) never passes j-i, so the room made above
			// keeps every store within tok.)
			for {
				if j+8 > len(t) {
					// The last few bytes of the text, one at a time.
					for ; j < len(t); j++ {
						c := asciiToken[t[j]]
						if c == 0 {
							break
						}
						tok[n] = c
						n++
					}
					break
				}
				w := uint64(t[j]) | uint64(t[j+1])<<8 | uint64(t[j+2])<<16 | uint64(t[j+3])<<24 |
					uint64(t[j+4])<<32 | uint64(t[j+5])<<40 | uint64(t[j+6])<<48 | uint64(t[j+7])<<56
				word := asciiWord(w)
				binary.LittleEndian.PutUint64(tok[n:], w|word>>2) // word>>2 sets 0x20 on letters and digits
				if word != highBits {
					k := bits.TrailingZeros64(^word&highBits) >> 3 // the word bytes before the first other
					n, j = n+k, j+k
					break
				}
				n, j = n+8, j+8
			}
			z.tok = tok[:n]
			i = j
			continue
		}
		r, size := decodeRune(t, i)
		i += size
		if normalized {
			if z.begin(runeClass(r)) {
				z.tok = append(z.tok, t[i-size:i]...)
			}
			continue
		}
		e := lookup(r)
		if size == 1 { // invalid UTF-8
			e = mkEntry(kindHard, 0, 0)
		}
		switch e.kind() {
		case kindRune:
			switch o := e.r(); {
			case o == r: // the common case: its own normal form
				cls := e.class()
				if !z.begin(cls) {
					continue
				}
				start := i - size
				if (cls == classWord || cls == classMark) && !z.split {
					// Take the rest of the word in one go.
					for i < len(t) && t[i] >= utf8.RuneSelf {
						r, size := decodeRune(t, i)
						e := lookup(r)
						// (An invalid byte decodes as U+FFFD, a separator.)
						if c := e.class(); e.kind() != kindRune || e.r() != r || (c != classWord && c != classMark) {
							break
						}
						i += size
					}
				}
				z.tok = append(z.tok, t[start:i]...)
			case o < utf8.RuneSelf:
				z.addASCII(byte(o))
			default:
				z.add(o)
			}
		case kindMulti:
			for _, o := range e.multi() {
				if o < utf8.RuneSelf {
					z.addASCII(byte(o))
				} else {
					z.add(o)
				}
			}
		case kindHard:
			ok = false
			i = len(t)
		}
	}
	s.tok, s.starts = z.tok, append(z.starts, int32(len(z.tok)+1))
	return ok
}

// open starts a token.
func (z *tokenizer) open(split bool) {
	if len(z.tok) > 0 {
		z.tok = append(z.tok, ' ')
	}
	z.starts = append(z.starts, int32(len(z.tok)))
	z.inTok, z.split = true, split
}

// addASCII adds the normalised ASCII byte c.
func (z *tokenizer) addASCII(c byte) {
	if c = asciiToken[c]; c == 0 {
		z.inTok = false
		return
	}
	if !z.inTok || z.split {
		z.open(false)
	}
	z.tok = append(z.tok, c)
}

// add adds the normalised non-ASCII rune r.
func (z *tokenizer) add(r rune) {
	if z.begin(runeClass(r)) {
		z.tok = utf8.AppendRune(z.tok, r)
	}
}

// begin prepares for a non-ASCII rune of token class cls and reports
// whether the rune belongs in a token.
func (z *tokenizer) begin(cls int) bool {
	switch {
	case cls == classSep:
		z.inTok = false
		return false
	case !z.inTok || cls == classSplit || (z.split && cls == classWord):
		z.open(cls == classSplit)
	}
	return true
}
