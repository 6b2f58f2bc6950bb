package synth

import "strings"

// sent is one sentence of an article in canonical form.
type sent struct {
	s     string
	quote int // 1 + index of the event quote it carries, or 0
	words int
}

// mk wraps the sentence just built.
func (g *gen) mk(s string, quote int) sent { return sent{s: s, quote: quote, words: g.n} }

type para []sent

// quoteSentence returns a sentence carrying quote q, attributed.
func (g *gen) quoteSentence(q quote) string {
	g.reset()
	open := func(end byte) {
		g.b = append(g.b, mOpen)
		g.b = append(g.b, q.text...)
		g.b = append(g.b, end, mClose)
		g.n = q.words
	}
	switch g.r.IntN(6) {
	case 0, 1:
		open(',')
		g.person(q.speaker)
		g.word("said")
		if g.r.IntN(3) == 0 {
			g.day()
		}
		g.punct(".")
	case 2:
		open(',')
		g.word("said")
		g.person(q.speaker)
		g.punct(".")
	case 3:
		g.person(q.speaker)
		g.word("said:")
		g.b = append(g.b, ' ', mOpen)
		g.b = append(g.b, q.text...)
		g.b = append(g.b, '.', mClose)
		g.n += q.words
	case 4:
		g.person(q.speaker)
		g.word("told")
		g.word(g.pick([]string{"reporters", "state television", "a news conference", "local radio", "lawmakers"}) + ":")
		g.b = append(g.b, ' ', mOpen)
		g.b = append(g.b, q.text...)
		g.b = append(g.b, '.', mClose)
		g.n += q.words
	default:
		open(',')
		g.person(q.speaker)
		g.word("told reporters in")
		g.word(g.ev.city)
		g.punct(".")
	}
	capitalise(g.b)
	return string(g.b)
}

// lead returns an opening sentence about the main actor and the event day.
func (g *gen) lead() string {
	for {
		g.reset()
		if g.r.IntN(2) == 0 {
			g.person(0)
		} else {
			g.word(g.ev.country.name)
		}
		g.day()
		g.vp()
		for g.n < 14 {
			g.modifier()
		}
		if g.n <= 30 {
			return g.finish()
		}
		g.seen, g.last, g.dayUses = 0, -1, 0
	}
}

// headline returns a canonical headline of 5 to 14 words.
func (g *gen) headline() string {
	for {
		g.reset()
		seen, last, days := g.seen, g.last, g.dayUses
		switch g.r.IntN(5) {
		case 0, 1:
			g.word(g.ev.country.name)
			g.word(g.v.third[g.verb()])
			if g.r.IntN(2) == 0 {
				g.word(g.adj())
			}
			g.word(g.noun())
			g.word(g.pick([]string{"on", "over", "in", "after", "amid"}))
			g.word(g.nounPl())
		case 2:
			g.word(g.ev.people[0].last)
			g.word("says")
			g.word(g.ev.country.name)
			g.word(g.pick([]string{"will", "won\x03t", "could", "must"}))
			g.word(g.v.base[g.verb()])
			g.word(g.nounPl())
		case 3:
			if len(g.ev.quotes) > 0 {
				q := strings.Fields(g.ev.quotes[g.r.IntN(len(g.ev.quotes))].text)
				k := min(len(q), 3+g.r.IntN(3))
				g.b = append(g.b, mOpen)
				g.b = append(g.b, strings.Join(q[:k], " ")...)
				g.b = append(g.b, mClose, ':')
				g.n = k
			}
			g.word(g.ev.country.name)
			g.word(g.v.third[g.verb()])
			g.word(g.adj())
			g.word(g.noun())
		default:
			g.word(g.adj())
			g.word(g.noun())
			g.word(g.v.third[g.verb()])
			g.word(g.nounPl())
			g.word("in")
			g.word(g.ev.city)
		}
		g.seen, g.last, g.dayUses = seen, last, days
		if g.n >= 5 && g.n <= 14 {
			capitalise(g.b)
			return string(g.b)
		}
	}
}

// body writes paragraphs of 1 to 4 sentences until about target words:
// a lead, the given quotes spread through the text, and reporting.
func (g *gen) body(target int, quotes []int, lead bool) []para {
	var paras []para
	words := 0
	add := func(p para) {
		paras = append(paras, p)
		words += paraWords(p)
	}
	if lead {
		p := para{g.mk(g.lead(), 0)}
		if g.r.IntN(2) == 0 {
			p = append(p, g.mk(g.sentence(), 0))
		}
		add(p)
	}
	pending := append([]int(nil), quotes...)
	for words < target || len(pending) > 0 {
		left := max(1, (target-words)/45)
		if len(pending) > 0 && (words >= target || g.r.IntN(left) < len(pending)) {
			qi := pending[0]
			pending = pending[1:]
			p := para{g.mk(g.quoteSentence(g.ev.quotes[qi]), qi+1)}
			if g.r.IntN(3) == 0 && words < target {
				p = append(p, g.mk(g.sentence(), 0))
			}
			add(p)
			continue
		}
		var p para
		pw := 0
		for range 1 + g.r.IntN(4) {
			p = append(p, g.mk(g.sentence(), 0))
			if pw += g.n; words+pw >= target {
				break
			}
		}
		add(p)
	}
	return paras
}

func paraWords(p para) int {
	n := 0
	for _, s := range p {
		n += s.words
	}
	return n
}
