package synth

import "strings"

// An event is what a group of articles is written about: a place, people,
// organisations, figures and the quotes the people gave. A wire original,
// its copies and rewrites, and the independent articles on the same event
// all draw on one event.
type event struct {
	label   string
	country *country
	city    string
	people  []*person // people[0] is the main actor
	orgs    []string
	numbers []string // canonical phrases: "4,200 troops", "3.5 <percent>"
	quotes  []quote
	focus   []int // noun indices that this event's articles favour
	focusA  []int // adjective indices
	weekday string
}

type quote struct {
	text    string // canonical, capitalised, without final punctuation
	speaker int    // index into people
	words   int
}

// quoteText returns a new quote of 8 to 16 words for a speaker.
func (g *gen) quoteText() string {
	for {
		g.reset()
		switch g.r.IntN(9) {
		case 0:
			g.word("we will not")
			g.word(g.v.base[g.verb()])
			g.np()
			g.pp()
		case 1:
			g.word("there will be no")
			g.word(g.noun())
			g.pp()
		case 2:
			g.word("this is")
			a := g.adj()
			g.word(g.article(a))
			g.word(a)
			g.word(g.noun())
			g.word("for")
			g.np()
		case 3:
			g.word("we don\x03t want")
			g.word(g.nounPl())
			g.punct(",")
			g.word("but we also won\x03t")
			g.word(g.v.base[g.verb()])
			g.np()
		case 4:
			g.word("if it depends on")
			g.word(g.country().name)
			g.punct(",")
			g.word("then there will be no")
			g.word(g.noun())
		case 5:
			g.word("our")
			g.word(g.nounPl())
			g.word("are ready to")
			g.word(g.v.base[g.verb()])
			g.np()
		case 6:
			g.word("I think")
			g.np()
			g.word(g.v.past[g.verb()])
			g.np()
			g.pp()
		case 7:
			g.word("it is up to")
			g.word(g.country().name)
			g.word("to")
			g.word(g.v.base[g.verb()])
			g.np()
		default:
			g.word("the")
			g.word(g.noun())
			g.word("is")
			g.word(g.adj())
			g.word("and we expect")
			g.np()
			g.word("to")
			g.word(g.v.base[g.verb()])
		}
		for g.n < 8 {
			g.pp()
		}
		if g.n <= 16 && !strings.ContainsRune(string(g.b), mDay) {
			capitalise(g.b)
			return string(g.b)
		}
	}
}

// newEvent draws an event: a place, two to five people, organisations,
// figures, focus words and two to four quotes.
func (g *gen) newEvent(label string, nQuotes int) *event {
	w, r := g.w, g.r
	c := w.countries[w.countryZ.draw(r)]
	ev := &event{label: label, country: c, city: c.capital}
	if r.IntN(10) < 4 {
		ev.city = c.cities[r.IntN(len(c.cities))]
	}
	g.ev = ev
	if r.IntN(10) < 6 {
		ev.people = append(ev.people, c.officials[r.IntN(len(c.officials))])
	} else {
		ev.people = append(ev.people, g.newPerson(c))
	}
	for range 1 + r.IntN(4) {
		if r.IntN(4) == 0 {
			o := w.countries[w.countryZ.draw(r)]
			ev.people = append(ev.people, o.officials[r.IntN(len(o.officials))])
		} else {
			ev.people = append(ev.people, g.newPerson(c))
		}
	}
	for range 1 + r.IntN(3) {
		ev.orgs = append(ev.orgs, w.organisation(r, c))
	}
	for range 12 {
		ev.focus = append(ev.focus, g.v.nounZ.draw(r))
	}
	for range 6 {
		ev.focusA = append(ev.focusA, g.v.adjZ.draw(r))
	}
	ev.focus = append(ev.focus, 50+r.IntN(len(g.v.noun)-50), 50+r.IntN(len(g.v.noun)-50))
	g.ev = nil // fresh numbers, not the event's own
	for range 2 + r.IntN(3) {
		ev.numbers = append(ev.numbers, g.freshNumber())
	}
	g.ev = ev
	for i := range nQuotes {
		sp := 0
		if i > 0 && r.IntN(2) == 0 {
			sp = r.IntN(len(ev.people))
		}
		t := g.quoteText()
		ev.quotes = append(ev.quotes, quote{text: t, speaker: sp, words: wordCount(t)})
	}
	g.ev = nil
	return ev
}

// newPerson draws a person without an office, described by apposition.
func (g *gen) newPerson(c *country) *person {
	p := g.w.newName(g.r, g.v)
	p.country = c
	d := descriptions[g.r.IntN(len(descriptions))]
	p.role, p.org = d[0], d[1]
	if p.role == "spokes*" {
		p.role = "spokesman"
		if p.female {
			p.role = "spokeswoman"
		}
	}
	p.org = strings.ReplaceAll(p.org, "%o", g.w.organisation(g.r, c))
	p.org = strings.ReplaceAll(p.org, "%f", g.pick(g.w.firms))
	p.org = strings.ReplaceAll(p.org, "%m", g.pick(g.w.companies))
	p.org = strings.ReplaceAll(p.org, "%c", g.pick(c.cities))
	switch {
	case p.role == "head" || p.role == "mayor" || p.role == "chief executive":
		p.det = "the"
	default:
		p.det = g.article(p.role)
	}
	return p
}
