package synth

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// story is an article in canonical form, kept while later articles may
// still derive from it (copies, rewrites, same-event articles).
type story struct {
	id, label string
	kind      Kind
	ev        *event
	agency    int // wire agency of an original, else -1
	outlet    int
	day       int
	minute    int
	date      time.Time
	title     string // canonical
	byline    string // canonical "By ..." line, or ""
	paras     []para
	tail      string // agency's own closing line, or ""
	template  string
	pending   int // derived articles still to write
}

// words counts the words of the story's body in canonical form.
func (s *story) words() int {
	n := wordCount(s.byline) + wordCount(s.tail) + 2
	for _, p := range s.paras {
		n += paraWords(p)
	}
	return n
}

// wireOriginal writes an agency story about a new event.
func (c *generator) wireOriginal(st *story) {
	g := &c.g
	ev := g.newEvent("e"+st.id[1:], 2+g.r.IntN(3))
	ev.weekday = st.date.Weekday().String()
	st.ev = ev
	g.begin(ev)
	quotes := g.r.Perm(len(ev.quotes))
	st.paras = g.body(300+g.r.IntN(540), quotes, true)
	g.begin(ev)
	st.title = g.headline()
	rep := c.world.reporters[st.agency]
	switch g.r.IntN(5) {
	case 0, 1:
		st.byline = "By " + rep[g.r.IntN(len(rep))] + " and " + rep[g.r.IntN(len(rep))]
	case 2:
		st.byline = "By " + rep[g.r.IntN(len(rep))]
	}
	switch agencies[st.agency].short {
	case "Reuters":
		st.tail = "(Reporting by " + rep[g.r.IntN(len(rep))] + "; Editing by " + rep[g.r.IntN(len(rep))] + ")"
	case "AP":
		if g.r.IntN(2) == 0 {
			st.tail = "Associated Press writer " + rep[g.r.IntN(len(rep))] + " in " + ev.country.capital + " contributed to this report."
		}
	}
}

// single writes an unrelated article about an event of its own.
func (c *generator) single(st *story) {
	g := &c.g
	ev := g.newEvent("", g.r.IntN(3))
	ev.weekday = st.date.Weekday().String()
	st.ev = ev
	g.begin(ev)
	st.paras = g.body(250+g.r.IntN(700), g.r.Perm(len(ev.quotes)), true)
	g.begin(ev)
	st.title = g.headline()
}

// sameEvent writes an independent article on src's event: the same people,
// places and figures, one or two of the same quotes, fresh prose. The
// shared quotes are limited to about 5% of the shorter text's words so the
// two share well under a tenth of their 5-shingles.
func (c *generator) sameEvent(st, src *story) {
	g := &c.g
	st.ev = src.ev
	target := 250 + g.r.IntN(700)
	budget := min(target, src.words()) * 5 / 100
	var quotes []int
	used := 0
	order := g.r.Perm(len(src.ev.quotes))
	slices.SortStableFunc(order, func(a, b int) int { return src.ev.quotes[a].words - src.ev.quotes[b].words })
	for _, q := range order[:min(len(order), 1+g.r.IntN(2))] {
		if w := src.ev.quotes[q].words; len(quotes) == 0 || used+w <= budget {
			quotes = append(quotes, q)
			used += w
		}
	}
	// Long enough that the shared quotes stay a small part of it.
	target = min(960, max(target, 25*used))
	g.begin(src.ev)
	st.paras = g.body(target, quotes, true)
	g.begin(src.ev)
	st.title = g.headline()
}

// page assembles an outlet's page around a rendered body and returns the
// text and the body's bounds in it.
func (c *generator) page(o *outlet, title string, body []byte) (text string, start, end int) {
	b := c.pageBuf[:0]
	sep := func() {
		if len(b) > 0 {
			b = append(b, "\n\n"...)
		}
	}
	if o.chrome && o.appeal != "" && o.appealTop {
		b = append(b, o.appeal...)
	}
	if o.chrome {
		sep()
		b = append(b, o.header...)
	}
	if o.titleInText {
		sep()
		b = append(b, title...)
	}
	if o.chrome && o.readTime {
		sep()
		b = strconv.AppendInt(b, int64(1+len(body)/(6*230)), 10) // about six bytes a word
		b = append(b, " min read"...)
	}
	sep()
	start = len(b)
	b = append(b, body...)
	end = len(b)
	if o.chrome && o.recs > 0 && len(o.recent) > 0 {
		sep()
		b = append(b, o.recHead...)
		n := min(len(o.recent), 3+c.g.r.IntN(o.recs-2))
		for i := len(o.recent) - 1; i >= len(o.recent)-n; i-- {
			b = append(b, '\n')
			b = append(b, o.recent[i]...)
		}
	}
	if o.chrome && o.appeal != "" && !o.appealTop {
		sep()
		b = append(b, o.appeal...)
	}
	if o.chrome {
		sep()
		b = append(b, o.footer...)
	}
	c.pageBuf = b
	return string(b), start, end
}

// renderParas renders paragraphs, sentences joined by spaces, paragraphs by
// blank lines, after an optional prefix on the first paragraph.
func renderParas(dst []byte, st *style, paras []para, prefix, weekday string, delay int) []byte {
	for i, p := range paras {
		if len(dst) > 0 {
			dst = append(dst, "\n\n"...)
		}
		if i == 0 {
			dst = append(dst, prefix...)
		}
		for k, s := range p {
			if k > 0 {
				dst = append(dst, ' ')
			}
			dst = st.render(dst, s.s, weekday, delay)
		}
	}
	return dst
}

// renderWire renders a wire story's body with a dateline and credit in one
// of the outlet forms.
func (c *generator) renderWire(dst []byte, o *outlet, src *story, paras []para, byline, tail bool, dl, cr, delay int) []byte {
	// The text credits the agency when a dateline or credit line names
	// it, or AP's contributor line is kept.
	if dl == dlAgency || dl == dlLine || dl == dlDated || cr != crNone ||
		tail && strings.HasPrefix(src.tail, "Associated Press writer") {
		c.credited = agencies[src.agency].short
	}
	a := agencies[src.agency]
	city := src.ev.city
	if a.caps {
		city = strings.ToUpper(city)
	}
	if byline && src.byline != "" {
		dst = append(dst, src.byline...)
	}
	var prefix string
	switch dl {
	case dlAgency:
		prefix = city + " (" + a.short + ")" + a.dash
	case dlLine:
		if len(dst) > 0 {
			dst = append(dst, "\n\n"...)
		}
		dst = append(dst, a.short+", "+strings.ToUpper(src.ev.city)...)
	case dlDated:
		prefix = strings.ToUpper(src.ev.city) + ", " + src.date.Format("Jan 2") + " (" + a.short + ") - "
	case dlCity:
		prefix = strings.ToUpper(src.ev.city) + " \u2014 "
	}
	dst = renderParas(dst, &o.style, paras, prefix, src.ev.weekday, delay)
	if tail && src.tail != "" {
		dst = append(dst, "\n\n"...)
		dst = append(dst, src.tail...)
	}
	switch cr {
	case crDash:
		dst = append(dst, "\n\n\u2014 "+a.short...)
	case crParen:
		dst = append(dst, "\n\n("+a.short+")"...)
	case crWith:
		dst = append(dst, "\n\nAdditional reporting by "+a.short...)
	case crSource:
		dst = append(dst, "\n\nSource: "+a.short...)
	}
	return dst
}
