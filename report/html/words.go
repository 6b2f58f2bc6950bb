package html

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reprint-news/reprint/shingle"
)

// A text is a document cut into the tokens the scan shingled, each tied
// back to the bytes of the original text it came from, so that an
// alignment of tokens can be shown as the text people read.
//
// The shingler normalises the whole text before cutting it into tokens,
// and normalisation can change byte lengths, so token offsets cannot be
// read off its output. Instead the text is cut into pieces at places that
// always separate tokens (white space, ASCII punctuation, other
// punctuation, and around each character of scripts written without
// spaces), and each piece is tokenised alone. The concatenated tokens are
// then checked against the whole text by their shingle hashes, which
// equal the shingler's only for the same tokens. Where the two differ
// (no such text is known, but normalisation has rules that look at
// neighbouring runes), the text is cut at white space only, and the
// pieces' tokens are used even if they still differ: the view is for
// people, and exact says whether the shingles it marks are the scan's.
type text struct {
	src   string
	tok   []int32 // token IDs (see vocab)
	start []int   // display start of each token in src; start[len(tok)] = len(src)
	tmpl  []bool  // the token is in no shingle that counted (template text)
	exact bool    // the tokens are the shingler's tokens of src
}

// vocab interns token strings as small integers, so that alignment
// compares integers.
type vocab map[string]int32

func (v vocab) id(s string) int32 {
	if id, ok := v[s]; ok {
		return id
	}
	id := int32(len(v))
	v[s] = id
	return id
}

// newText cuts src into tokens of the k-shingler sh, and marks the tokens
// that only template shingles cover: IsTemplate of t for outlet (t nil:
// none).
func newText(src string, sh *shingle.Shingler, v vocab, t *shingle.Templates, outlet string) *text {
	whole := sh.Hashes(nil, src)
	toks, starts := piecesTokens(src, sh, splitFine)
	hashes := shingleHashes(toks, sh.K())
	exact := slices.Equal(hashes, whole)
	if !exact {
		toks, starts = piecesTokens(src, sh, splitSpace)
		hashes = shingleHashes(toks, sh.K())
		exact = slices.Equal(hashes, whole)
	}
	x := &text{src: src, start: append(starts, len(src)), exact: exact}
	x.tok = make([]int32, len(toks))
	for i, s := range toks {
		x.tok[i] = v.id(s)
	}
	x.tmpl = templateTokens(hashes, len(toks), sh.K(), t, outlet)
	return x
}

// templateTokens marks the n tokens of which every covering k-shingle
// (hashes, as shingleHashes gives them) is template text: such a word
// counted in no shingle the scan compared.
func templateTokens(hashes []uint64, n, k int, t *shingle.Templates, outlet string) []bool {
	marks := make([]bool, n)
	if t == nil || n == 0 {
		return marks
	}
	if n < k { // one shingle of all tokens
		for i := range marks {
			marks[i] = t.IsTemplate(outlet, uint32(hashes[0]))
		}
		return marks
	}
	// Filter keeps, in order, the hashes that are not template text, so
	// walking both marks the others; a hash that occurs twice is kept
	// twice or not at all. One call looks the outlet up once.
	h32 := make([]uint32, len(hashes))
	for i, h := range hashes {
		h32[i] = uint32(h)
	}
	kept := t.Filter(nil, outlet, h32)
	tm := make([]bool, len(hashes))
	for i, h := range h32 {
		if len(kept) > 0 && kept[0] == h {
			kept = kept[1:]
		} else {
			tm[i] = true
		}
	}
	// Token j is covered by shingles max(0, j-k+1) .. min(j, len-1).
	for j := range marks {
		all := true
		for i := max(0, j-k+1); i <= min(j, len(hashes)-1); i++ {
			if !tm[i] {
				all = false
				break
			}
		}
		marks[j] = all
	}
	return marks
}

// shingleHashes returns the hash of every k-shingle of toks, as
// shingle.Shingler.Hashes computes it from the same tokens: the tokens
// joined by single spaces. They are joined once, and each shingle hashed
// where it lies in the joined text.
func shingleHashes(toks []string, k int) []uint64 {
	if len(toks) == 0 {
		return nil
	}
	size := 0
	for _, t := range toks {
		size += len(t) + 1
	}
	joined := make([]byte, 0, size)
	off := make([]int, len(toks)+1) // start of each token in joined
	for i, t := range toks {
		off[i] = len(joined)
		joined = append(joined, t...)
		joined = append(joined, ' ')
	}
	off[len(toks)] = len(joined)
	n := max(1, len(toks)-k+1)
	out := make([]uint64, n)
	for i := range n {
		end := min(i+k, len(toks))
		out[i] = shingle.Hash(joined[off[i] : off[end]-1])
	}
	return out
}

type splitMode int

const (
	splitFine  splitMode = iota // white space, punctuation and split scripts
	splitSpace                  // white space only
)

// piecesTokens cuts src into pieces and tokenises each. It returns the
// tokens and, for each, where its display starts in src: a piece's first
// token starts at the piece, the piece's other tokens (rare: a piece
// that normalises into several words) at the piece's end, so that each
// token's display runs up to the next token's start.
func piecesTokens(src string, sh *shingle.Shingler, mode splitMode) ([]string, []int) {
	toks := make([]string, 0, len(src)/5+1) // about one token in six bytes
	starts := make([]int, 0, len(src)/5+2)
	var buf []string
	for i := 0; i < len(src); {
		j := pieceEnd(src, i, mode)
		if j == i { // a separator
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
			continue
		}
		piece := src[i:j]
		if w, ok := asciiWord(piece); ok {
			toks = append(toks, w)
			starts = append(starts, i)
		} else {
			buf = sh.Tokens(buf[:0], piece)
			for n, t := range buf {
				toks = append(toks, t)
				if n == 0 {
					starts = append(starts, i)
				} else {
					starts = append(starts, j)
				}
			}
		}
		i = j
	}
	return toks, starts
}

// asciiWord returns the token of a piece made only of ASCII letters and
// digits: the piece in lower case.
func asciiWord(p string) (string, bool) {
	upper := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			upper = true
		default:
			return "", false
		}
	}
	if upper {
		return strings.ToLower(p), true
	}
	return p, true
}

// splitScripts are the scripts the shingler cuts into one token per
// character (see package shingle).
var splitScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

func isSplit(r rune) bool {
	return r >= '\u0e00' && (r == '\u30fc' || unicode.In(r, splitScripts...)) // Thai, the first, starts at U+0E00
}

// isSep reports whether r always separates tokens in mode.
func isSep(r rune, mode splitMode) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if mode == splitSpace {
			return c == ' ' || '\t' <= c && c <= '\r'
		}
		return !alnum
	}
	if mode == splitSpace {
		return unicode.IsSpace(r)
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// pieceEnd returns the end of the piece that starts at i, or i if src[i:]
// starts with a separator.
func pieceEnd(src string, i int, mode splitMode) int {
	j := i
	for j < len(src) {
		if c := src[j]; c < utf8.RuneSelf { // ASCII: a letter or digit, or a separator
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || mode == splitSpace && !isSep(rune(c), mode) {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(src[j:])
		if isSep(r, mode) {
			break
		}
		if mode == splitFine && isSplit(r) {
			if j > i {
				break // the character starts a piece of its own
			}
			j += size
			for j < len(src) { // with its marks
				r, size := utf8.DecodeRuneInString(src[j:])
				if !unicode.IsMark(r) {
					break
				}
				j += size
			}
			return j
		}
		j += size
	}
	return j
}

// display returns the text of tokens [i, j): from the start of token i
// (the start of the text for i = 0) to the start of token j, the
// separators after the last token included.
func (x *text) display(i, j int) string {
	return x.src[x.from(i):x.start[j]]
}

func (x *text) from(i int) int {
	if i == 0 {
		return 0
	}
	return x.start[i]
}
