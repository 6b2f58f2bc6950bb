package shingle

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var normalizeTests = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"only space", " \t\n\u00a0\u3000 ", ""},
	{"ascii case and space", "  Hello,   WORLD!\n\tBye.  ", "hello, world! bye."},
	{"curly double quotes", "\u201cQuoted,\u201d she said", `"quoted," she said`},
	{"low and reversed double quotes", "\u201eGerman\u201c \u201fx\u201d", `"german" "x"`},
	{"curly apostrophe", "It\u2019s the \u2018best\u2019", "it's the 'best'"},
	{"other apostrophes", "don`t don\u00b4t don\u02bct don\u2032t don\uff07t", "don't don't don't don't don't"},
	{"double prime and fullwidth quote", "\u2033a\u2033 \uff02b\uff02", `"a" "b"`},
	{"guillemets stay", "\u00abBonjour\u00bb \u2039a\u203a", "\u00abbonjour\u00bb \u2039a\u203a"},
	{"CJK brackets stay", "\u300c\u6771\u4eac\u300d", "\u300c\u6771\u4eac\u300d"},
	{"em and en dash", "war\u2014or not\u20132022", "war-or not-2022"},
	{"hyphens and minus", "a\u2010b a\u2011b a\u2012b a\u2015b \u22125 \ufe63x \uff0dy", "a-b a-b a-b a-b -5 -x -y"},
	{"nbsp and other spaces", "a\u00a0b\u202fc\u2009d\u3000e\u2028f", "a b c d e f"},
	{"soft hyphen and zero widths dropped", "co\u00adoperate zero\u200bwidth \ufeffbom", "cooperate zerowidth bom"},
	{"fullwidth via NFKC", "\uff21\uff22\uff23\uff11\uff12\uff13", "abc123"},
	{"Turkish dotted capital I", "\u0130stanbul", "i\u0307stanbul"},
	{"Turkish dotless i stays", "\u0131s\u0131k ISIK", "\u0131s\u0131k isik"},
	{"ligatures", "\ufb01ne \ufb02ow \ufb00 \u00c6sop", "fine flow ff \u00e6sop"},
	{"sharp s folds to ss", "Stra\u00dfe STRASSE", "strasse strasse"},
	{"Greek final sigma", "\u03a3\u039f\u03a6\u039f\u03a3 \u03c3\u03bf\u03c6\u03bf\u03c2", "\u03c3\u03bf\u03c6\u03bf\u03c3 \u03c3\u03bf\u03c6\u03bf\u03c3"},
	{"ellipsis", "wait\u2026", "wait..."},
	{"compatibility forms", "\u00bd \u2122 x\u00b2 \u216b", "1\u20442 tm x2 xii"},
	{"decomposed accent composes", "Cafe\u0301 CAFE\u0301 caf\u00e9", "caf\u00e9 caf\u00e9 caf\u00e9"},
	{"mark after soft hyphen composes", "e\u00ad\u0301", "\u00e9"},
	{"mark after space stays", "a \u0301", "a \u0301"},
	{"leading mark", "\u0301a", "\u0301a"},
	{"Hangul jamo compose", "\u1100\u1161\u11a8", "\uac01"},
	{"halfwidth katakana", "\uff76\uff9e\uff97\uff7d", "\u30ac\u30e9\u30b9"},
	{"Cyrillic", "\u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0441\u0442\u043e\u043b\u0438\u0446\u0430", "\u043c\u043e\u0441\u043a\u0432\u0430 - \u0441\u0442\u043e\u043b\u0438\u0446\u0430"},
	{"invalid UTF-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
	{"emoji", "Good \U0001F44D News", "good \U0001F44D news"},
	{"mathematical letters", "\U0001D400\U0001D401", "ab"},
	{"Cherokee folds to capitals", "\u13a0\uab70 \u13f0\u13f8", "\u13a0\u13a0 \u13f0\u13f0"},
	{"diaeresis spacing", "a \u00a8", "a \u0308"},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Normalize(nil, tt.in))
			if got != tt.want {
				t.Errorf("Normalize(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if ref := refNormalize(tt.in); got != ref {
				t.Errorf("Normalize(%+q) = %+q, reference %+q", tt.in, got, ref)
			}
			if again := string(Normalize(nil, got)); again != got {
				t.Errorf("Normalize(%+q) = %+q, not idempotent", got, again)
			}
		})
	}
}

func TestNormalizeAppends(t *testing.T) {
	dst := []byte("prefix ")
	got := string(Normalize(dst, "  A\u0301  B  "))
	if want := "prefix \u00e1 b"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDecodeRune(t *testing.T) {
	var b [4]byte
	check := func(s string) {
		r, size := decodeRune(s, 0)
		wr, wsize := utf8.DecodeRuneInString(s)
		if r != wr || size != wsize {
			t.Fatalf("decodeRune(%+q) = %U, %d; want %U, %d", s, r, size, wr, wsize)
		}
	}
	for c0 := 0xc0; c0 < 0xf0; c0++ {
		for c1 := range 256 {
			b[0], b[1] = byte(c0), byte(c1)
			check(string(b[:1]))
			check(string(b[:2]))
			for c2 := range 256 {
				b[2] = byte(c2)
				check(string(b[:3]))
			}
		}
	}
}

// trickyRunes are runes whose normal form depends on their neighbours or
// that expand, fold or vanish, for random texts that byte-level fuzzing
// rarely finds.
var trickyRunes = []rune("aeEiI <=-'`\t\u00a0\u2009" +
	"\u0301\u0323\u0302\u0338\u0345\u0307\u0308\u034f" + // marks, CGJ
	"\u00ad\u200b\u2060\ufeff\u200d" + // dropped, ZWJ kept
	"\u2019\u2014\u00b4\u00a8\u2033\u2034\u201c" + // quotes, dashes, spacing accents
	"\u0130\u0131\u00df\u1e9e\ufb01\u2026\u0149\u01c5\u0390\u03a3\u03c2\u1f88\u2126\u212b" + // folding
	"\u1100\u1161\u11a8\uac00\uff76\uff9e\u3099\u304b\u30fc\u6771\u13a0\uab70" + // Hangul, kana, Han, Cherokee
	"\u0e01\u0e31\u0e48\u0939\u093f\u094d\u0928\u0f71\u0f72\u0f73\u0f80" + // Thai, Devanagari, Tibetan
	"\ufdfa\u2f00\ufffd\U0001F44D\U0001D400\U00010400\U0002F800")

func randomTricky(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(12) {
		if rng.IntN(40) == 0 {
			b.WriteByte(0xff) // invalid UTF-8
			continue
		}
		b.WriteRune(trickyRunes[rng.IntN(len(trickyRunes))])
	}
	return b.String()
}

// TestNormalizeRandom checks Normalize, and Tokens, against the reference
// on random texts of tricky runes.
func TestNormalizeRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 0))
	sh := NewShingler(K)
	n := 50000
	if testing.Short() {
		n = 5000
	}
	for range n {
		s := randomTricky(rng)
		got := string(Normalize(nil, s))
		if ref := refNormalize(s); got != ref {
			t.Fatalf("Normalize(%+q) = %+q, reference %+q", s, got, ref)
		}
		if again := string(Normalize(nil, got)); again != got {
			t.Fatalf("Normalize(%+q) = %+q, but Normalize of that = %+q", s, got, again)
		}
		if toks, ref := sh.Tokens(nil, s), refTokens(got); !slices.Equal(toks, ref) {
			t.Fatalf("Tokens(%+q) = %+q, reference %+q", s, toks, ref)
		}
	}
}

// TestConcurrent runs Normalize and one Shingler per goroutine at once, for
// the race detector: the table is built once and shared, normalizers come
// from a pool.
func TestConcurrent(t *testing.T) {
	texts := []string{benchText(t, "english"), benchText(t, "russian"), "Cafe\u0301 \u1100\u1161 " + benchText(t, "chinese")}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = refNormalize(s)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			sh := NewShingler(K)
			for i := range 20 {
				s := texts[(g+i)%len(texts)]
				if got := string(Normalize(nil, s)); got != want[(g+i)%len(texts)] {
					t.Errorf("goroutine %d: Normalize differs from the reference", g)
					return
				}
				sh.Hashes(nil, s)
			}
		})
	}
	wg.Wait()
}

// refNormalize is Normalize the slow and obvious way: the whole pipeline on
// the whole text until it stops changing, then white space collapsed.
func refNormalize(s string) string {
	out := newNormalizer().slowPath(s)
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestTableAgreesInContext checks every BMP rune between letters and
// before a combining mark, where the table and the hard-rune segments
// interact, against the reference.
func TestTableAgreesInContext(t *testing.T) {
	bad := 0
	for r := rune(0x80); r < 1<<16 && bad < 10; r++ {
		if 0xd800 <= r && r < 0xe000 {
			continue
		}
		for _, s := range []string{
			"x" + string(r) + "y",
			"A" + string(r) + "\u0301",
			"e" + string(r) + "\u0323\u0302",
			string(r) + "\u3099",
		} {
			if got, want := string(Normalize(nil, s)), refNormalize(s); got != want {
				t.Errorf("U+%04X: Normalize(%+q) = %+q, reference %+q", r, s, got, want)
				bad++
			}
		}
	}
}

// TestOneRoundPerRune checks that one round of the pipeline reaches the
// fixpoint for every rune, so slowPath never gives up at maxRounds.
func TestOneRoundPerRune(t *testing.T) {
	n := newNormalizer()
	for r := range rune(unicode.MaxRune + 1) {
		if 0xd800 <= r && r < 0xe000 {
			continue
		}
		once := string(n.round([]byte(string(r))))
		if twice := string(n.round([]byte(once))); twice != once {
			t.Errorf("U+%04X: one round gives %+q, two %+q", r, once, twice)
		}
	}
}

// TestOutsideBMP checks the shortcut that lookup takes for runes outside
// the BMP against the whole pipeline.
func TestOutsideBMP(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	n := newNormalizer()
	bad := 0
	for r := rune(1 << 16); r <= unicode.MaxRune && bad < 10; r++ {
		e := lookup(r)
		if e.kind() != kindRune {
			continue
		}
		if got := string(n.slowPath(string(r))); got != string(e.r()) {
			t.Errorf("U+%04X: lookup gives %+q, pipeline %+q", r, string(e.r()), got)
			bad++
		}
	}
}

// TestUnicodeVersion pins the Unicode tables that normalisation and
// tokenisation depend on. Go 1.27 switches golang.org/x/text to Unicode 17:
// when this test fails, check the seed corpus and bump Version.
func TestUnicodeVersion(t *testing.T) {
	const want = "15.0.0"
	for name, v := range map[string]string{
		"unicode": unicode.Version, "cases": cases.UnicodeVersion, "norm": norm.Version,
	} {
		if v != want {
			t.Errorf("%s tables are Unicode %s, Version %d was made with %s", name, v, Version, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for range 50 {
		f.Add(randomTricky(rng))
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(nil, s)
		if !utf8.Valid(got) {
			t.Fatalf("Normalize(%+q) = %+q, not valid UTF-8", s, got)
		}
		if again := Normalize(nil, string(got)); string(again) != string(got) {
			t.Fatalf("Normalize(%+q) = %+q, but Normalize of that = %+q", s, got, again)
		}
		if ref := refNormalize(s); string(got) != ref {
			t.Fatalf("Normalize(%+q) = %+q, reference %+q", s, got, ref)
		}
		if strings.HasPrefix(string(got), " ") || strings.HasSuffix(string(got), " ") ||
			strings.Contains(string(got), "  ") {
			t.Fatalf("Normalize(%+q) = %+q: spaces not collapsed", s, got)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	for _, name := range []string{"english", "russian", "chinese"} {
		b.Run(name, func(b *testing.B) {
			text := benchText(b, name)
			buf := Normalize(nil, text)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				buf = Normalize(buf[:0], text)
			}
		})
	}
}

// seedPath is the realistic English article the benchmarks read.
const seedPath = "../testdata/seeds/002_2e3d931e3c37b20f.txt"

func readSeed(tb testing.TB) string {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// benchText returns the English seed article, or a text of about the same
// length in Russian or Chinese, made by repeating a paragraph.
func benchText(tb testing.TB, lang string) string {
	en := readSeed(tb)
	var para string
	switch lang {
	case "english":
		return en
	case "russian":
		para = "\u00ab\u0415\u0441\u043b\u0438 \u044d\u0442\u043e \u0437\u0430\u0432\u0438\u0441\u0438\u0442 \u043e\u0442 \u0420\u043e\u0441\u0441\u0438\u0438, \u0442\u043e \u0432\u043e\u0439\u043d\u044b \u043d\u0435 \u0431\u0443\u0434\u0435\u0442. \u041c\u044b \u043d\u0435 \u0445\u043e\u0442\u0438\u043c \u0432\u043e\u0439\u043d\u00bb, \u2014 \u0437\u0430\u044f\u0432\u0438\u043b \u043c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440\u0430\u043d\u043d\u044b\u0445 \u0434\u0435\u043b \u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432 \u0432 \u0438\u043d\u0442\u0435\u0440\u0432\u044c\u044e \u0440\u043e\u0441\u0441\u0438\u0439\u0441\u043a\u0438\u043c \u0440\u0430\u0434\u0438\u043e\u0441\u0442\u0430\u043d\u0446\u0438\u044f\u043c 28 \u044f\u043d\u0432\u0430\u0440\u044f 2022 \u0433\u043e\u0434\u0430.\n"
	case "chinese":
		para = "\u4fc4\u7f85\u65af\u5916\u4ea4\u90e8\u9577\u62c9\u592b\u7f85\u592b\u8868\u793a\uff0c\u300c\u5982\u679c\u53d6\u6c7a\u65bc\u4fc4\u7f85\u65af\uff0c\u5c31\u4e0d\u6703\u6709\u6230\u722d\u3002\u6211\u5011\u4e0d\u60f3\u8981\u6230\u722d\u3002\u300d\u4fc4\u7f85\u65af\u5728\u70cf\u514b\u862d\u908a\u5883\u96c6\u7d50\u4e86\u6578\u4ee5\u842c\u8a08\u7684\u90e8\u968a\uff0c2022\u5e741\u670828\u65e5\u3002\n"
	default:
		tb.Fatalf("no text for %q", lang)
	}
	return strings.Repeat(para, len(en)/len(para)+1)
}
