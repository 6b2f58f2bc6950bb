package credit

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"
)

// referenceScan is scanAliases written the plain way, one rune and one
// word at a time, keeping track of whether the rune before is a word
// rune. scanAliases must find exactly what it finds.
func referenceScan(text string) []occ {
	var occs []occ
	prevWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if first[c] && (!prevWord || c >= utf8.RuneSelf) && mayStartAlias(text, i) {
			if a := matchAt(text, i, byFirst[c], prevWord); a != nil {
				j := i + len(a.s)
				ctx := i
				if i >= 4 && (text[i-4:i] == "The " || text[i-4:i] == "the ") && (i == 4 || !isWordRune(lastRune(text[:i-4]))) {
					ctx = i - 4
				}
				occs = append(occs, occ{a: a, ctx: ctx, start: i, end: j})
				prevWord = isWordRune(lastRune(a.s))
				i = j
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		prevWord = isWordRune(r)
		i += n
	}
	return occs
}

func checkScan(t *testing.T, text string) {
	t.Helper()
	f := finder{text: text}
	f.scanAliases()
	if want := referenceScan(text); !slices.Equal(f.occs, want) {
		t.Errorf("scanAliases(%q) = %v, the reference finds %v", text, f.occs, want)
	}
}

func TestScanAliasesMatchesReference(t *testing.T) {
	texts := []string{
		"", "A", "AP", "(AP)", "xAP AP", "élan AP", "中AP", "中 AP", "\xe8AP", "中\xadAP",
		"the AP", "The Associated Press", "TheAP", "REUTERS Reuters reuters", "dpa DPA Dpa",
		"路透社报道", "据路透社报道", "Рейтер сообщил", "ТАСС", "xТАСС", "共同通信", "AFP通信",
		"ITAR-TASS", "ITAR-TASSx", "Bloomberg News'", "\xff\xfeAFP", "AP\xe2\x80\x94", "路透社路透社", "AP/AFP",
	}
	for _, tc := range findCases {
		texts = append(texts, tc.text)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			texts = append(texts, string(b))
		}
	}
	for _, text := range texts {
		checkScan(t, text)
	}
}

// FuzzScanAliases checks scanAliases against referenceScan.
func FuzzScanAliases(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add("中\xadAP (Reuters) 路透社 xТАСС")
	f.Fuzz(checkScan)
}
