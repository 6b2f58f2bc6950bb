package html

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-news/reprint/shingle"
)

// checkText asserts what the views rely on: the displays of all tokens
// put back together are the text, token starts never go backwards, and
// when the cut is exact the shingle hashes are the shingler's.
func checkText(t *testing.T, src string) *text {
	t.Helper()
	sh := shingle.NewShingler(shingle.K)
	x := newText(src, sh, vocab{}, nil, "")
	if len(x.start) != len(x.tok)+1 || len(x.tmpl) != len(x.tok) {
		t.Fatalf("%q: %d tokens, %d starts, %d marks", src, len(x.tok), len(x.start), len(x.tmpl))
	}
	var b strings.Builder
	for i := range x.tok {
		if x.start[i+1] < x.start[i] {
			t.Fatalf("%q: token %d starts at %d after token %d at %d", src, i+1, x.start[i+1], i, x.start[i])
		}
		b.WriteString(x.display(i, i+1))
	}
	if len(x.tok) > 0 && b.String() != src {
		t.Fatalf("displays joined give %q, want %q", b.String(), src)
	}
	if x.exact {
		toks := sh.Tokens(nil, src)
		if got, want := shingleHashes(toks, shingle.K), sh.Hashes(nil, src); !slices.Equal(got, want) {
			t.Fatalf("%q: hashes differ from the shingler's", src)
		}
	}
	return x
}

func TestTextSeeds(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(paths) != 5 {
		t.Fatalf("found %d seeds", len(paths))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if x := checkText(t, string(b)); !x.exact {
			t.Errorf("%s: tokens cut in pieces differ from the shingler's", p)
		}
	}
}

func TestTextCases(t *testing.T) {
	// Every case cuts exactly (a search over all runes between letters,
	// and marks after separators, found none that does not); the
	// fallback cut at white space must agree too.
	sh := shingle.NewShingler(shingle.K)
	for _, src := range []string{
		"",
		"   ",
		"Hello, World!",
		"U.S.-led talks—again",
		"don’t stop",
		"東京で会議",
		"e\u0301te\u0301 cafe\u0301",         // combining marks compose
		"ﬁnancial ＡＢＣ",                       // ligature, fullwidth
		"Apple™ and №5",                      // symbols fold into letters
		"<script>alert(1)</script>\x00 ok",   // markup is text; NUL is a separator
		"\xff\xfe broken UTF-8 \xc3",         // invalid bytes
		strings.Repeat("word ", 50) + "end.", // long
		"ก ข ค ภาษาไทย ລາວ", // split scripts
		"x\u00ad\u200by soft hyphen and zero width",
	} {
		if x := checkText(t, src); !x.exact {
			t.Errorf("%q: not exact", src)
		}
		if toks, _ := piecesTokens(src, sh, splitSpace); !slices.Equal(toks, sh.Tokens(nil, src)) {
			t.Errorf("%q: cut at white space gives %q, want %q", src, toks, sh.Tokens(nil, src))
		}
	}
}

func TestTemplateTokens(t *testing.T) {
	// Three pages of one outlet share a header: it is that outlet's
	// template, and its words (all shingles around them template) are
	// marked; words next to real text are not.
	header := "Subscribe to our newsletter for the latest news from the region today"
	bodies := []string{
		"The river flooded three villages after a week of heavy rain in the valley",
		"Parliament passed the budget late on Thursday after a long and bitter debate",
		"The national team won the final on penalties in front of a home crowd",
	}
	sh := shingle.NewShingler(shingle.K)
	var sets [][]uint32
	var outlets []string
	for _, b := range bodies {
		var set []uint32
		for _, h := range sh.Hashes(nil, header+"\n\n"+b) {
			set = append(set, uint32(h))
		}
		slices.Sort(set)
		sets = append(sets, slices.Compact(set))
		outlets = append(outlets, "example.com")
	}
	tm := shingle.LearnTemplates(outlets, sets, shingle.TemplateOptions{})
	x := newText(header+"\n\n"+bodies[0], sh, vocab{}, tm, "example.com")
	nh := len(strings.Fields(header))
	for i, m := range x.tmpl {
		if want := i < nh-shingle.K+1; m != want {
			t.Errorf("token %d (%q): template %v, want %v", i, x.display(i, i+1), m, want)
		}
	}
	// Another outlet has no such template.
	y := newText(header+"\n\n"+bodies[0], sh, vocab{}, tm, "other.org")
	if slices.Contains(y.tmpl, true) {
		t.Errorf("other outlet has template words: %v", y.tmpl)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"Hello, World!", "東京で会議", "e\u0301te\u0301", "Apple™", "\xff\xfe", "a  b\n\nc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkText(t, s)
	})
}
