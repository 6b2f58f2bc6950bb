package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// gen writes canonical sentences. It holds the random source, the
// vocabulary and world, the event written about, and the state of the
// article being written (who has been named, the sentence being built).
type gen struct {
	r  *rand.Rand
	v  *vocab
	w  *world
	ev *event

	seen    uint32 // people named in this article (bit i for people[i])
	last    int    // person referred to last, or -1
	dayUses int    // day markers used in this article
	dayHere bool   // a day marker in the sentence being built
	b       []byte // sentence under construction
	n       int    // its words
}

// begin starts a new article about ev.
func (g *gen) begin(ev *event) {
	g.ev, g.seen, g.last, g.dayUses = ev, 0, -1, 0
}

func (g *gen) reset() { g.b, g.n, g.dayHere = g.b[:0], 0, false }

// word appends one or more space-separated words.
func (g *gen) word(s string) {
	if len(g.b) > 0 {
		g.b = append(g.b, ' ')
	}
	g.b = append(g.b, s...)
	g.n += 1 + strings.Count(s, " ")
}

// punct appends punctuation to the last word, once.
func (g *gen) punct(s string) {
	if l := len(g.b); l > 0 && g.b[l-1] == s[0] {
		return
	}
	g.b = append(g.b, s...)
}

// finish capitalises and terminates the sentence and returns it.
func (g *gen) finish() string {
	if l := len(g.b); l > 0 && g.b[l-1] == ',' {
		g.b = g.b[:l-1]
	}
	capitalise(g.b)
	if l := len(g.b); l > 0 && g.b[l-1] != mClose && g.b[l-1] != '.' {
		g.b = append(g.b, '.')
	}
	return string(g.b)
}

// capitalise upper-cases the first letter of b, after any opening quote.
func capitalise(b []byte) {
	for i, c := range b {
		if c == mOpen {
			continue
		}
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		return
	}
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) noun() string {
	if g.ev != nil && len(g.ev.focus) > 0 && g.r.IntN(100) < 35 {
		return g.v.noun[g.ev.focus[g.r.IntN(len(g.ev.focus))]]
	}
	return g.v.noun[g.v.nounZ.draw(g.r)]
}

func (g *gen) nounPl() string {
	if g.ev != nil && len(g.ev.focus) > 0 && g.r.IntN(100) < 35 {
		return g.v.plural[g.ev.focus[g.r.IntN(len(g.ev.focus))]]
	}
	return g.v.plural[g.v.nounZ.draw(g.r)]
}

func (g *gen) adj() string {
	if g.ev != nil && len(g.ev.focusA) > 0 && g.r.IntN(100) < 30 {
		return g.v.adj[g.ev.focusA[g.r.IntN(len(g.ev.focusA))]]
	}
	return g.v.adj[g.v.adjZ.draw(g.r)]
}

func (g *gen) verb() int { return g.v.verbZ.draw(g.r) }

// article returns "a" or "an" for the word that follows.
func (g *gen) article(next string) string {
	c := next[0]
	if c == mVar {
		c = variants[next[1]-0x80][0][0]
	}
	if isVowel(c) {
		return "an"
	}
	return "a"
}

// np appends a noun phrase.
func (g *gen) np() {
	k := g.r.IntN(100)
	plural := k < 28
	var adj string
	if g.r.IntN(100) < 30 {
		adj = g.adj()
	}
	var n string
	if plural {
		n = g.nounPl()
	} else {
		n = g.noun()
	}
	first := n
	if adj != "" {
		first = adj
	}
	switch {
	case plural && k < 12:
		// bare plural
	case plural && k < 20:
		g.word("the")
	case plural:
		g.word(g.pick([]string{"some", "several", "many", "their", "its", "more", "new", "other"}))
	case k < 70:
		g.word("the")
	case k < 84:
		g.word(g.article(first))
	default:
		g.word(g.pick([]string{"its", "their", "this", "that", "another", "a second"}))
	}
	if adj != "" {
		g.word(adj)
	}
	g.word(n)
	if g.r.IntN(100) < 14 {
		g.word("of the")
		g.word(g.noun())
	}
}

// place appends a city, region or country of the event.
func (g *gen) place() {
	c := g.country()
	switch k := g.r.IntN(10); {
	case k < 4:
		g.word(c.name)
	case k < 8 && g.ev != nil:
		g.word(g.ev.city)
	case k < 8:
		g.word(c.capital)
	default:
		g.word(g.pick(c.regions))
	}
}

func (g *gen) country() *country {
	if g.ev != nil {
		return g.ev.country
	}
	return g.w.countries[g.w.countryZ.draw(g.r)]
}

// person appends a reference to people[i]: the full name and office on
// first mention, then the surname, the office or a pronoun.
func (g *gen) person(i int) {
	p := g.ev.people[i]
	bit := uint32(1) << i
	switch {
	case g.seen&bit == 0 && p.title != "":
		if g.r.IntN(5) == 0 {
			g.word(p.country.adj)
		}
		g.word(p.title)
		g.word(p.name())
	case g.seen&bit == 0:
		// Reporters introduce people in different ways.
		switch k := g.r.IntN(4); {
		case (k == 0 || k == 2) && p.org != "":
			g.word(p.name())
			g.punct(",")
			g.word(p.det + " " + p.role + " " + p.org)
			g.punct(",")
		case k == 1:
			g.word(p.name())
			g.punct(",")
			g.word(p.det + " " + p.role)
			g.punct(",")
		case k == 3 && p.org != "":
			g.word(p.name())
			g.word(p.org)
		default:
			g.word(p.role)
			g.word(p.name())
		}
	case g.last == i && g.r.IntN(3) == 0:
		if p.female {
			g.word("she")
		} else {
			g.word("he")
		}
	case p.title != "" && g.r.IntN(4) == 0:
		g.word(p.short)
	default:
		g.word(p.last)
	}
	g.seen |= bit
	g.last = i
}

// subject appends a sentence subject and reports whether it is plural.
func (g *gen) subject() bool {
	k := g.r.IntN(100)
	switch {
	case g.ev != nil && len(g.ev.people) > 0 && k < 40:
		i := 0
		if len(g.ev.people) > 1 && g.r.IntN(100) < 55 {
			i = g.r.IntN(len(g.ev.people))
		}
		g.person(i)
		return false
	case k < 52:
		c := g.country()
		switch g.r.IntN(3) {
		case 0:
			g.word(c.name)
		case 1:
			g.word("the " + c.adj + " government")
		default:
			g.word(c.adj + " officials")
			return true
		}
		return false
	case g.ev != nil && len(g.ev.orgs) > 0 && k < 64:
		g.word(g.pick(g.ev.orgs))
		return false
	case k < 76:
		g.word(g.pick([]string{"officials", "analysts", "critics", "residents", "diplomats", "investors", "lawmakers", "experts"}))
		return true
	default:
		g.word("the")
		if g.r.IntN(4) == 0 {
			g.word(g.adj())
		}
		if g.r.IntN(4) == 0 {
			g.word(g.nounPl())
			return true
		}
		g.word(g.noun())
		return false
	}
}

// number appends a figure, preferring the event's own.
func (g *gen) number() {
	if g.ev != nil && len(g.ev.numbers) > 0 && g.r.IntN(100) < 70 {
		g.word(g.pick(g.ev.numbers))
		return
	}
	g.word(g.freshNumber())
}

// freshNumber returns a new canonical figure.
func (g *gen) freshNumber() string {
	switch g.r.IntN(6) {
	case 0:
		return thousands(100+g.r.IntN(20000)) + " " + g.nounPl()
	case 1:
		return strconv.Itoa(1+g.r.IntN(30)) + "." + strconv.Itoa(g.r.IntN(10)) + " " + g.v.canon("percent")
	case 2:
		return "$" + strconv.Itoa(1+g.r.IntN(900)) + " million"
	case 3:
		return "$" + strconv.Itoa(1+g.r.IntN(90)) + "." + strconv.Itoa(g.r.IntN(10)) + " billion"
	case 4:
		return "at least " + strconv.Itoa(2+g.r.IntN(400)) + " " + g.nounPl()
	default:
		return strconv.Itoa(2+g.r.IntN(60)) + " " + g.pick([]string{"years", "months", "weeks", "days"})
	}
}

// thousands formats n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// day appends the event's day, "on Friday", at most a few times an article.
func (g *gen) day() bool {
	if g.dayUses >= 3 || g.dayHere {
		return false
	}
	g.dayUses++
	g.dayHere = true
	g.word(string(mDay))
	g.n++ // "on Friday" is two words
	return true
}

// pp appends a prepositional or adverbial phrase.
func (g *gen) pp() {
	switch k := g.r.IntN(100); {
	case k < 56:
		g.word(prepositions[g.v.prepZ.draw(g.r)])
		g.np()
	case k < 68:
		g.word(g.pick([]string{"in", "near", "across", "outside", "from"}))
		g.place()
	case k < 74 && g.day():
	case k < 82 && !g.dayHere:
		g.dayHere = true
		g.word(g.pick(adverbTime))
	case k < 96:
		g.word(g.pick([]string{"with", "by", "to", "of"}))
		g.number()
	default:
		g.word("amid")
		g.np()
	}
}

// vp appends a past-tense verb phrase.
func (g *gen) vp() {
	if g.r.IntN(100) < 12 {
		g.word(g.v.adv[g.v.advZ.draw(g.r)])
	}
	g.word(g.v.past[g.verb()])
	g.np()
}

// core appends the main clause of a sentence.
func (g *gen) core() {
	switch k := g.r.IntN(100); {
	case k < 30:
		g.subject()
		if g.r.IntN(5) == 0 {
			g.day()
		}
		g.vp()
	case k < 50:
		g.subject()
		g.word(g.pick([]string{"said", "said", "said", "told reporters", "said in a statement"}))
		if g.r.IntN(3) == 0 {
			g.day()
		}
		if g.r.IntN(2) == 0 {
			g.word("that")
		}
		g.subject()
		if g.r.IntN(3) == 0 {
			g.word("would")
			g.word(g.v.base[g.verb()])
			g.np()
		} else {
			g.vp()
		}
	case k < 58:
		g.word("according to")
		if g.ev != nil && len(g.ev.orgs) > 0 && g.r.IntN(2) == 0 {
			g.word(g.pick(g.ev.orgs))
		} else {
			g.np()
		}
		g.punct(",")
		g.subject()
		g.vp()
	case k < 66:
		g.word("in")
		g.place()
		g.punct(",")
		g.subject()
		g.vp()
	case k < 74:
		if g.subject() {
			g.word("are")
		} else {
			g.word("is")
		}
		g.word(g.pick([]string{"expected to", "due to", "set to", "likely to", "unlikely to"}))
		g.word(g.v.base[g.verb()])
		g.np()
	case k < 77:
		g.word(g.pick([]string{"it was not immediately clear whether", "it was unclear whether", "it remains to be seen whether",
			"it is not yet known whether", "nobody could say whether", "it was not clear if"}))
		g.subject()
		g.word("would")
		g.word(g.v.base[g.verb()])
		g.np()
	case k < 88:
		g.subject()
		g.word(g.pick([]string{"reported", "counted", "estimated", "recorded", "cited", "put the figure at"}))
		g.number()
	case k < 94:
		g.word("the")
		g.word(g.noun())
		g.word(g.pick([]string{"came as", "comes after", "followed reports that", "came days after"}))
		g.subject()
		g.vp()
	default:
		if g.subject() {
			g.word("have been")
		} else {
			g.word("has been")
		}
		g.word(g.adj())
		g.word(g.pick([]string{"since", "for"}))
		g.word(g.pick([]string{"years", "months", "the start of the year", "the election", "the crisis began", "decades"}))
	}
}

// modifier appends a phrase or clause that lengthens a sentence.
func (g *gen) modifier() {
	switch k := g.r.IntN(100); {
	case k < 55:
		g.pp()
	case k < 70:
		g.punct(",")
		g.word(g.pick(conjunctions))
		g.subject()
		g.vp()
	case k < 80:
		if g.r.IntN(2) == 0 {
			g.word("to")
		} else {
			g.word(g.pick([]string{"in order to", "as part of efforts to", "in a bid to", "in an effort to", "seeking to", "aiming to", "hoping to", "so as to"}))
		}
		g.word(g.v.base[g.verb()])
		g.np()
	case k < 85:
		g.punct(",")
		g.word(g.pick([]string{"which", "which", "who", "a move that", "something that"}))
		g.vp()
		g.punct(",")
	default:
		g.word("and")
		g.vp()
	}
}

// sentence returns a canonical sentence of 10 to 30 words.
func (g *gen) sentence() string { return g.sentenceN(10, 30) }

func (g *gen) sentenceN(lo, hi int) string {
	for try := 0; ; try++ {
		g.reset()
		seen, last, days := g.seen, g.last, g.dayUses
		target := lo + g.r.IntN(hi-lo+1)
		g.core()
		for g.n < target {
			mark, n := len(g.b), g.n
			s, l, d := g.seen, g.last, g.dayUses
			g.modifier()
			if g.n > hi {
				g.b, g.n = g.b[:mark], n
				g.seen, g.last, g.dayUses = s, l, d
				break
			}
		}
		if try >= 10 {
			for g.n < lo {
				g.word("in the")
				g.word(g.noun())
			}
		}
		if g.n >= lo && g.n <= hi {
			return g.finish()
		}
		g.seen, g.last, g.dayUses = seen, last, days
	}
}
