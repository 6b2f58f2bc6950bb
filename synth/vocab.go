package synth

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

// Markers in canonical text. Generated text is kept in a canonical form in
// which the characters that differ between outlets' house styles are
// markers; rendering for an outlet (render) replaces them in one pass.
const (
	mOpen  = '\x01' // opening double quote
	mClose = '\x02' // closing double quote
	mApos  = '\x03' // apostrophe
	mVar   = '\x04' // followed by one byte, 0x80 + an index into variants
	mDay   = '\x05' // "on <weekday>" of the event, or "yesterday" / "today"
)

// vocab is the language every corpus shares: word lists with Zipf ranks,
// verb forms, plurals, word classes and synonyms. It does not depend on the
// corpus seed, so corpora with different seeds speak the same language.
type vocab struct {
	noun, plural           []string
	base, past, third      []string
	adj, adv               []string
	nounZ, verbZ, adjZ     *alias
	advZ, prepZ            *alias
	class                  map[string]byte // canonical word -> 'n' noun, 'v' verb, 'p' past verb, 'a' adjective, 'd' adverb
	syn                    map[string][]string
	varIdx                 map[string]byte
	surnames               []string
	firstMale, firstFemale []string
}

var (
	vocabOnce sync.Once
	theVocab  *vocab
)

// getVocab builds the shared vocabulary once.
func getVocab() *vocab {
	vocabOnce.Do(func() { theVocab = buildVocab() })
	return theVocab
}

// Sizes of the generated tail of each word class: with the hand-written
// words they make a vocabulary of several thousand words.
const (
	tailNouns = 2200
	tailVerbs = 500
	tailAdjs  = 900
)

func buildVocab() *vocab {
	v := &vocab{
		class:  make(map[string]byte),
		syn:    make(map[string][]string),
		varIdx: make(map[string]byte),
	}
	for i, e := range variants {
		v.varIdx[e[0]] = byte(i)
	}
	seen := make(map[string]bool)
	// Generated words come from a fixed seed: the vocabulary is part of the
	// generator, not of the corpus.
	r := rand.New(rand.NewPCG(0x766f6361, 0x62756c61))
	fresh := func(suffixes []string) string {
		for {
			w := syllables(r, 1+r.IntN(2)) + suffixes[r.IntN(len(suffixes))]
			if len(w) < 5 || len(w) > 11 || seen[w] || clashes(w) {
				continue
			}
			seen[w] = true
			return w
		}
	}
	for _, w := range strings.Fields(nounWords) {
		if !seen[w] {
			seen[w] = true
			v.noun = append(v.noun, w)
		}
	}
	for range tailNouns {
		v.noun = append(v.noun, fresh(nounSuf))
	}
	for _, n := range v.noun {
		v.plural = append(v.plural, v.canon(pluralOf(n)))
	}
	for i, n := range v.noun {
		v.noun[i] = v.canon(n)
	}
	for _, pair := range strings.Fields(verbWords) {
		b, p, _ := strings.Cut(pair, ":")
		if seen["v:"+b] {
			continue
		}
		seen["v:"+b] = true
		v.base = append(v.base, b)
		v.past = append(v.past, p)
	}
	for range tailVerbs {
		b := fresh(verbSuf)
		v.base = append(v.base, b)
		v.past = append(v.past, pastOf(b))
	}
	for i, b := range v.base {
		v.third = append(v.third, v.canon(thirdOf(b)))
		v.base[i] = v.canon(b)
		v.past[i] = v.canon(v.past[i])
	}
	for _, w := range strings.Fields(adjWords) {
		if !seen["a:"+w] {
			seen["a:"+w] = true
			v.adj = append(v.adj, v.canon(w))
		}
	}
	for range tailAdjs {
		v.adj = append(v.adj, fresh(adjSuf))
	}
	v.adv = strings.Fields(advWords)

	// Word classes for the paraphraser; the first class a word gets wins.
	for _, list := range []struct {
		words []string
		c     byte
	}{{v.noun, 'n'}, {v.plural, 'n'}, {v.past, 'p'}, {v.base, 'v'}, {v.adj, 'a'}, {v.adv, 'd'}} {
		for _, w := range list.words {
			if _, ok := v.class[w]; !ok {
				v.class[w] = list.c
			}
		}
	}
	for _, entry := range strings.Fields(synonymList) {
		w, alts, _ := strings.Cut(entry, ":")
		w = v.canon(w)
		for _, a := range strings.Split(alts, ",") {
			v.syn[w] = append(v.syn[w], v.canon(strings.ReplaceAll(a, "_", " ")))
		}
	}

	v.firstMale = strings.Fields(firstMale)
	v.firstFemale = strings.Fields(firstFemale)
	v.surnames = strings.Fields(surnameWords)

	// Zipf-Mandelbrot with an offset: the commonest noun is about 3% of
	// nouns (function words, picked by the grammar, are far commoner) and
	// the generated tail about a seventh.
	v.nounZ = newZipf(len(v.noun), 1.4, 15)
	v.verbZ = newZipf(len(v.base), 1.4, 12)
	v.adjZ = newZipf(len(v.adj), 1.4, 12)
	v.advZ = newZipf(len(v.adv), 1, 2)
	v.prepZ = newAlias(prepWeights)
	return v
}

// canon returns the canonical (marker) form of a word with house-style
// variants, or the word itself.
func (v *vocab) canon(w string) string {
	if i, ok := v.varIdx[w]; ok {
		return string([]byte{mVar, 0x80 + i})
	}
	return w
}

// clashes reports whether a generated word contains a word that has
// house-style variants, which would break the variant markers.
func clashes(w string) bool {
	for _, e := range variants {
		if e[2] == "" && strings.Contains(w, e[0]) {
			return true
		}
	}
	return false
}

// syllables joins n random syllables.
func syllables(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(onsets[r.IntN(len(onsets))])
		b.WriteString(nuclei[r.IntN(len(nuclei))])
		b.WriteString(codas[r.IntN(len(codas))])
	}
	return b.String()
}

var irregularPlural = map[string]string{
	"child": "children", "person": "people", "man": "men", "woman": "women",
	"crisis": "crises", "analysis": "analyses", "data": "data", "people": "people",
	"youth": "youths", "elderly": "elderly", "public": "public", "staff": "staff",
	"aircraft": "aircraft", "talk": "talks",
}

func pluralOf(n string) string {
	if p, ok := irregularPlural[n]; ok {
		return p
	}
	switch {
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "x"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"):
		return n + "es"
	case strings.HasSuffix(n, "y") && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	}
	return n + "s"
}

func pastOf(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

func thirdOf(b string) string {
	switch b {
	case "have":
		return "has"
	}
	switch {
	case strings.HasSuffix(b, "s"), strings.HasSuffix(b, "x"), strings.HasSuffix(b, "ch"),
		strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "o"):
		return b + "es"
	case strings.HasSuffix(b, "y") && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// alias draws indices with fixed probabilities in constant time (Vose's
// alias method).
type alias struct {
	prob  []uint64 // threshold on 32 random bits; 1<<32 means always
	alias []int32
}

// newZipf returns a Zipf-Mandelbrot sampler over n ranks: P(r) ∝ 1/(r+q)^s.
// Weights are rounded to 40 bits so that the tables, and with them the
// corpus, are the same whatever last bits math.Pow gives on a platform.
func newZipf(n int, s, q float64) *alias {
	w := make([]float64, n)
	for i := range w {
		w[i] = math.Round(math.Ldexp(1/math.Pow(float64(i)+q, s), 40))
	}
	return newAlias(w)
}

func newAlias(w []float64) *alias {
	n := len(w)
	var sum float64
	for _, x := range w {
		sum += x
	}
	scaled := make([]float64, n)
	var small, large []int32
	for i, x := range w {
		scaled[i] = x * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	a := &alias{prob: make([]uint64, n), alias: make([]int32, n)}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a.prob[s] = uint64(scaled[s] * (1 << 32))
		a.alias[s] = l
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range large {
		a.prob[i] = 1 << 32
		a.alias[i] = i
	}
	for _, i := range small { // rounding leftovers
		a.prob[i] = 1 << 32
		a.alias[i] = i
	}
	return a
}

func (a *alias) draw(r *rand.Rand) int {
	u := r.Uint64()
	i := int((u >> 32) * uint64(len(a.prob)) >> 32)
	if u&0xffffffff < a.prob[i] {
		return i
	}
	return int(a.alias[i])
}
