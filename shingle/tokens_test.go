package shingle

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

var tokenTests = []struct {
	name, in string
	want     []string
}{
	{"empty", "", nil},
	{"punctuation only", "!!! ... --- \u00ab\u00bb \u2014 \U0001F44D", nil},
	{"English", "Don\u2019t stop\u2014the U.S. economy\u2019s 3.5% growth!",
		[]string{"don", "t", "stop", "the", "u", "s", "economy", "s", "3", "5", "growth"}},
	{"mixed digits", "covid19 COVID-19 1,000,000 2022-01-28 \uff11\uff12",
		[]string{"covid19", "covid", "19", "1", "000", "000", "2022", "01", "28", "12"}},
	{"URL", "see https://www.reuters.com/world/europe/russia-2022-01-27?x=1#top.",
		[]string{"see", "https", "www", "reuters", "com", "world", "europe", "russia", "2022", "01", "27", "x", "1", "top"}},
	{"email and underscore", "Mail snake_case@Example.org", []string{"mail", "snake", "case", "example", "org"}},
	{"accents stay", "Caf\u00e9 S\u00e3o Paulo Z\u00fcrich Cafe\u0301",
		[]string{"caf\u00e9", "s\u00e3o", "paulo", "z\u00fcrich", "caf\u00e9"}},
	{"Chinese", "\u6771\u4eac\u90fd\u306b\u4f4f\u3093\u3067\u3044\u307e\u3059\u3002",
		[]string{"\u6771", "\u4eac", "\u90fd", "\u306b", "\u4f4f", "\u3093", "\u3067", "\u3044", "\u307e", "\u3059"}},
	{"Japanese with Latin", "iPhone 15\u3092\u8cb7\u3063\u305f",
		[]string{"iphone", "15", "\u3092", "\u8cb7", "\u3063", "\u305f"}},
	{"Katakana prolonged sound", "\u30b3\u30fc\u30d2\u30fc",
		[]string{"\u30b3", "\u30fc", "\u30d2", "\u30fc"}},
	{"Thai marks stay with their letter", "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22 \u0e07\u0e48\u0e32\u0e22",
		[]string{"\u0e20", "\u0e32", "\u0e29", "\u0e32", "\u0e44", "\u0e17", "\u0e22", "\u0e07\u0e48", "\u0e32", "\u0e22"}},
	{"Han next to Latin", "G20\u5cf0\u6703",
		[]string{"g20", "\u5cf0", "\u6703"}},
	{"Korean keeps words", "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8", []string{"\ud55c\uad6d\uc5b4", "\ud14d\uc2a4\ud2b8"}},
	{"Cyrillic", "\u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0441\u0442\u043e\u043b\u0438\u0446\u0430.",
		[]string{"\u043c\u043e\u0441\u043a\u0432\u0430", "\u0441\u0442\u043e\u043b\u0438\u0446\u0430"}},
	{"Devanagari vowel signs", "\u0939\u093f\u0928\u094d\u0926\u0940 \u092d\u093e\u0937\u093e",
		[]string{"\u0939\u093f\u0928\u094d\u0926\u0940", "\u092d\u093e\u0937\u093e"}},
	{"Arabic", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
		[]string{"\u0645\u0631\u062d\u0628\u0627", "\u0628\u0627\u0644\u0639\u0627\u0644\u0645"}},
	{"word after split rune and mark", "\u0e01\u0e31\u0434\u0434 \u6771\u0e31\u0434", []string{"\u0e01\u0e31", "\u0434\u0434", "\u6771\u0e31", "\u0434"}},
	{"leading mark starts a token", "\u0301a b", []string{"\u0301a", "b"}},
	{"soft hyphen joins", "co\u00adoperate", []string{"cooperate"}},
}

func TestTokens(t *testing.T) {
	s := NewShingler(K)
	for _, tt := range tokenTests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Tokens(nil, tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if ref := refTokens(string(Normalize(nil, tt.in))); !slices.Equal(got, ref) {
				t.Errorf("Tokens(%+q) = %+q, reference %+q", tt.in, got, ref)
			}
		})
	}
}

func TestTokensAppends(t *testing.T) {
	got := NewShingler(K).Tokens([]string{"x"}, "A b")
	if want := []string{"x", "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNewShinglerDefault(t *testing.T) {
	for _, k := range []int{-1, 0} {
		if got := NewShingler(k).K(); got != K {
			t.Errorf("NewShingler(%d).K() = %d, want %d", k, got, K)
		}
	}
	if got := NewShingler(3).K(); got != 3 {
		t.Errorf("NewShingler(3).K() = %d", got)
	}
}

// refTokens tokenises normalised text rune by rune, straight from the
// definition.
func refTokens(s string) []string {
	var toks []string
	var cur strings.Builder
	split := false // cur is a rune of a split script
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch classify(r) {
		case classSep:
			flush()
			split = false
		case classWord:
			if split {
				flush()
			}
			split = false
		case classSplit:
			flush()
			split = true
		case classMark:
		}
		if classify(r) != classSep {
			cur.WriteRune(r)
		}
	}
	flush()
	return toks
}

// TestASCIIWord: each of the eight bytes asciiWord classifies at once,
// every byte value in every place among random neighbours, agrees with
// asciiToken, the byte-at-a-time table.
func TestASCIIWord(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for place := range 8 {
		for v := range 256 {
			w := r.Uint64()&^(0xff<<(8*place)) | uint64(v)<<(8*place)
			got := asciiWord(w)>>(8*place+7)&1 == 1
			if want := asciiToken[v] != 0; got != want {
				t.Fatalf("byte %#x at place %d of %#016x: word byte %v, want %v", v, place, w, got, want)
			}
			for other := range 8 {
				b := byte(w >> (8 * other))
				if asciiWord(w)>>(8*other+7)&1 == 1 != (asciiToken[b] != 0) {
					t.Fatalf("byte %#x at place %d of %#016x misclassified", b, other, w)
				}
			}
		}
	}
}

// TestTokensEveryByteInLongWords: every ASCII byte, a non-ASCII letter
// and an invalid byte, put at every place of a text whose words are long
// enough for the eight-byte copy, cut and normalise as the reference
// tokenizer does.
func TestTokensEveryByteInLongWords(t *testing.T) {
	s := NewShingler(K)
	const base = "Quick0Brown9Foxes JUMPEDoverTHElazy dogs42 x Zz9abcdefghijklmnopq"
	inserts := []string{"é", "\xff", "É"}
	for c := range 128 {
		inserts = append(inserts, string(rune(c)))
	}
	for _, ins := range inserts {
		for p := range len(base) + 1 {
			text := base[:p] + ins + base[p:]
			want := refTokens(string(Normalize(nil, text)))
			if got := s.Tokens(nil, text); !slices.Equal(got, want) {
				t.Fatalf("%+q: tokens %+q, want %+q", text, got, want)
			}
		}
	}
}
