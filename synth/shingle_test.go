package synth

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// shingleSet returns the set of word 5-shingles of text: lower-cased runs
// of letters and digits, five at a time. It is the test's own small
// shingler, independent of the generator's estimate.
func shingleSet(text string) map[uint64]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	set := make(map[uint64]bool)
	for i := 0; i+5 <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+5], " ")))
		set[h.Sum64()] = true
	}
	return set
}

// sharedOfSmaller is |A ∩ B| / min(|A|, |B|) over 5-shingle sets.
func sharedOfSmaller(a, b string) float64 {
	sa, sb := shingleSet(a), shingleSet(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) == 0 {
		return 0
	}
	n := 0
	for h := range sa {
		if sb[h] {
			n++
		}
	}
	return float64(n) / float64(len(sa))
}

// quantiles returns the given quantiles of xs.
func quantiles(xs []float64, qs ...float64) []float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	var out []float64
	for _, q := range qs {
		out = append(out, s[min(len(s)-1, int(q*float64(len(s))))])
	}
	return out
}
