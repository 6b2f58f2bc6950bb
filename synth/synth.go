package synth

import (
	"container/heap"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/reprint-news/reprint/corpus"
)

// Config says what corpus to generate. The same Config always gives the
// same articles, byte for byte.
type Config struct {
	Docs    int       // total documents to produce (exactly)
	Outlets int       // number of outlets; 12 when 0 or less
	Seed    uint64    // seed of the random source
	Start   time.Time // date of the first articles; 2024-01-01 UTC when zero
}

// Kind says how an article came about.
type Kind string

// The kinds of article in a corpus.
const (
	KindOriginal Kind = "original" // a wire agency's story, published by the agency or one outlet
	KindCopy     Kind = "copy"     // an original (or a brief) republished with light edits
	KindRewrite  Kind = "rewrite"  // a newspaper's heavy rewrite of an original, same story
	KindEvent    Kind = "event"    // an independent article on an original's event, own story
	KindBrief    Kind = "brief"    // a templated brief (earnings, sport, weather, markets, rates)
	KindSingle   Kind = "single"   // an unrelated article
)

// Article is a generated document with its reference labels.
type Article struct {
	corpus.Document

	// Story is the reference story label: copies and rewrites share their
	// source's label; every other article has its own.
	Story string
	Kind  Kind
	// Source is, for a copy or a rewrite, the ID of the document it was
	// copied from (a wire original, or a brief); "" otherwise. It shadows
	// Document.Source, which the generator leaves empty.
	Source string
	// Event is shared by the articles written about one event: a wire
	// original, its copies and rewrites, and the independent same-event
	// articles. It is "" for briefs, their copies and singles.
	Event string
	// Template names the brief template, for briefs and for copies of
	// briefs; "" otherwise.
	Template string
	// Credits names the agency the text credits for its story, by a
	// dateline ("MOSCOW (Reuters) -", "Reuters, MOSCOW"), a credit line
	// ("Source: AFP", "— With dpa") or AP's contributor line, as the
	// generator wrote it; nil when the text credits none.
	Credits []string

	bodyStart, bodyEnd int // the article's own text within Text, without the outlet's chrome
}

// body returns the article text without the outlet's page chrome.
func (a *Article) body() string { return a.Text[a.bodyStart:a.bodyEnd] }

// Generate returns cfg.Docs articles in publication order.
func Generate(cfg Config) []Article {
	arts := make([]Article, 0, max(0, cfg.Docs))
	GenerateFunc(cfg, func(a Article) error {
		arts = append(arts, a)
		return nil
	})
	return arts
}

// GenerateFunc calls fn with each of cfg.Docs articles in publication order
// and stops at the first error fn returns, which it returns. It holds only
// the stories that later articles still derive from (a wire original until
// its last copy, rewrite or same-event article, at most a few days of
// publication), so it streams corpora of any size.
func GenerateFunc(cfg Config, fn func(Article) error) error {
	if cfg.Docs <= 0 {
		return nil
	}
	c := newGenerator(cfg)
	return c.run(fn)
}

// Proportions of the kinds, in percent of all documents; singles take the
// rest. A tenth of briefs are copied, and those copies count as copies.
const (
	pctOriginal = 15
	pctCopy     = 35
	pctRewrite  = 10
	pctEvent    = 10
	pctBrief    = 15
	docsPerDay  = 300 // publication rate that spreads a corpus over days
	hiddenDates = 20  // percent of documents published without a date
)

// quota is how many documents of each kind a corpus has.
type quota struct {
	orig, copyOrig, briefCopy, rewrite, event, brief, single int
	maxCopies                                                int
}

func quotas(n, nonAgency, outlets int) quota {
	q := quota{
		orig:    n * pctOriginal / 100,
		brief:   n * pctBrief / 100,
		rewrite: n * pctRewrite / 100,
		event:   n * pctEvent / 100,
	}
	if n >= 2 && q.orig == 0 {
		q.orig = 1
	}
	q.maxCopies = max(0, min(10, nonAgency-1))
	if nonAgency >= 2 {
		q.briefCopy = q.brief / 10
	}
	q.copyOrig = n*pctCopy/100 - q.briefCopy
	if outlets < 2 {
		q.rewrite = 0
	}
	fit := func() {
		q.copyOrig = max(min(q.copyOrig, q.orig*q.maxCopies), q.orig*min(1, q.maxCopies))
		q.rewrite = min(q.rewrite, 2*q.orig)
		q.event = min(q.event, 3*q.orig)
		q.briefCopy = min(q.briefCopy, q.brief)
	}
	fit()
	total := func() int { return q.orig + q.copyOrig + q.briefCopy + q.rewrite + q.event + q.brief }
	for total() > n {
		switch {
		case q.briefCopy > 0:
			q.briefCopy--
		case q.brief > 0:
			q.brief--
		case q.event > 0:
			q.event--
		case q.rewrite > 0:
			q.rewrite--
		case q.copyOrig > q.orig*min(1, q.maxCopies):
			q.copyOrig--
		default:
			q.orig--
		}
		fit()
	}
	q.single = n - total()
	return q
}

// plan is an article scheduled for publication.
type plan struct {
	day, minute int
	seq         int64
	kind        Kind
	outlet      int
	src         *story // what a copy, rewrite or same-event article derives from
	ordinal     int    // for originals and briefs: the index among their kind
	agency      int    // for originals: the wire agency
	template    int    // for briefs: index into briefTemplates
}

type planHeap []*plan

func (h planHeap) Len() int { return len(h) }
func (h planHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.day != b.day {
		return a.day < b.day
	}
	if a.minute != b.minute {
		return a.minute < b.minute
	}
	return a.seq < b.seq
}
func (h planHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *planHeap) Push(x any)   { *h = append(*h, x.(*plan)) }
func (h *planHeap) Pop() any {
	old := *h
	p := old[len(old)-1]
	*h = old[:len(old)-1]
	return p
}

// generator holds the state of one corpus being written.
type generator struct {
	cfg     Config
	start   time.Time
	g       gen
	world   *world
	outlets []*outlet
	plain   []int  // outlets that are not agencies' own sites
	plainZ  *alias // their publishing weights
	agencyZ *alias
	briefOn [][]int // outlets publishing each brief template

	primaries []byte  // 'o', 'b', 's' in publication order
	copies    []uint8 // per original: copies, rewrites, same-event articles
	rewrites  []uint8
	events    []uint8
	briefCopy []bool // per brief: whether another outlet copies it

	pending planHeap
	seq     int64
	emitted int
	digits  int
	bodyBuf []byte
	// credited is the agency the article being rendered credits, or "".
	credited string
	pageBuf  []byte
}

func newGenerator(cfg Config) *generator {
	if cfg.Outlets <= 0 {
		cfg.Outlets = 12
	}
	start := cfg.Start
	if start.IsZero() {
		start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x72657072696e74))
	v := getVocab()
	c := &generator{cfg: cfg, start: time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, start.Location())}
	c.g = gen{r: r, v: v, last: -1}
	c.world = newWorld(r, v)
	c.g.w = c.world
	c.outlets = newOutlets(r, c.world, v, cfg.Outlets)
	var w []float64
	for i, o := range c.outlets {
		if o.agency < 0 {
			c.plain = append(c.plain, i)
			w = append(w, o.weight)
		}
	}
	if len(c.plain) > 0 {
		c.plainZ = newAlias(w)
	}
	c.agencyZ = newAlias([]float64{5, 4, 3, 1, 1})
	for range briefTemplates {
		var on []int
		if len(c.plain) > 0 {
			for _, k := range r.Perm(len(c.plain))[:min(len(c.plain), 3+r.IntN(3))] {
				on = append(on, c.plain[k])
			}
		} else {
			on = []int{r.IntN(len(c.outlets))}
		}
		c.briefOn = append(c.briefOn, on)
	}
	c.digits = max(6, len(strconv.Itoa(cfg.Docs-1)))
	c.plan(r)
	return c
}

// plan fixes how many documents of each kind there are, in which order the
// primary ones (originals, briefs, singles) appear, and how many copies,
// rewrites and same-event articles each original gets.
func (c *generator) plan(r *rand.Rand) {
	q := quotas(c.cfg.Docs, len(c.plain), len(c.outlets))
	c.primaries = make([]byte, 0, q.orig+q.brief+q.single)
	for range q.orig {
		c.primaries = append(c.primaries, 'o')
	}
	for range q.brief {
		c.primaries = append(c.primaries, 'b')
	}
	for range q.single {
		c.primaries = append(c.primaries, 's')
	}
	r.Shuffle(len(c.primaries), func(i, j int) { c.primaries[i], c.primaries[j] = c.primaries[j], c.primaries[i] })

	// Copies per original: about geometric, 1 to maxCopies, then nudged to
	// the exact total.
	c.copies = make([]uint8, q.orig)
	sum := 0
	for i := range c.copies {
		if q.maxCopies == 0 {
			break
		}
		k := 1
		for k < q.maxCopies && r.IntN(100) < 55 {
			k++
		}
		c.copies[i] = uint8(k)
		sum += k
	}
	for sum < q.copyOrig {
		if i := r.IntN(q.orig); int(c.copies[i]) < q.maxCopies {
			c.copies[i]++
			sum++
		}
	}
	for sum > q.copyOrig {
		if i := r.IntN(q.orig); c.copies[i] > 1 {
			c.copies[i]--
			sum--
		}
	}
	spread := func(n, most int) []uint8 {
		a := make([]uint8, q.orig)
		for range n {
			for {
				if i := r.IntN(q.orig); int(a[i]) < most {
					a[i]++
					break
				}
			}
		}
		return a
	}
	c.rewrites = spread(q.rewrite, 2)
	c.events = spread(q.event, 3)
	c.briefCopy = make([]bool, q.brief)
	for _, i := range r.Perm(q.brief)[:q.briefCopy] {
		c.briefCopy[i] = true
	}
}

// run publishes day by day: the day's primary articles at random times,
// and the articles derived from earlier ones that fall due.
func (c *generator) run(fn func(Article) error) error {
	r := c.g.r
	np := len(c.primaries)
	days := max(1, (c.cfg.Docs+docsPerDay-1)/docsPerDay)
	next, orig, brief := 0, 0, 0
	for day := 0; next < np || c.pending.Len() > 0; day++ {
		for next < np && next*days/np == day {
			p := &plan{day: day, minute: r.IntN(1440), agency: -1}
			switch c.primaries[next] {
			case 'o':
				p.kind, p.ordinal = KindOriginal, orig
				orig++
				p.agency = c.agencyZ.draw(r)
				if p.agency < len(c.outlets) && c.outlets[p.agency].agency == p.agency && r.IntN(2) == 0 {
					p.outlet = p.agency
				} else {
					p.outlet = c.plainOutlet()
				}
			case 'b':
				p.kind, p.ordinal = KindBrief, brief
				brief++
				p.template = r.IntN(len(briefTemplates))
				p.outlet = c.briefOn[p.template][r.IntN(len(c.briefOn[p.template]))]
			default:
				p.kind = KindSingle
				p.outlet = c.plainOutlet()
			}
			c.push(p)
			next++
		}
		for c.pending.Len() > 0 && c.pending[0].day == day {
			p := heap.Pop(&c.pending).(*plan)
			if err := fn(c.publish(p)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *generator) push(p *plan) {
	p.seq = c.seq
	c.seq++
	heap.Push(&c.pending, p)
}

// plainOutlet draws an outlet that is not an agency's own site.
func (c *generator) plainOutlet() int {
	if c.plainZ == nil {
		return c.g.r.IntN(len(c.outlets))
	}
	return c.plain[c.plainZ.draw(c.g.r)]
}

// derive schedules an article derived from src at most maxDelay days later.
func (c *generator) derive(src *story, kind Kind, outlet, maxDelay int) {
	r := c.g.r
	delay := 0
	switch k := r.IntN(100); {
	case maxDelay >= 3 && k < 8:
		delay = 3
	case maxDelay >= 2 && k < 20:
		delay = 2
	case maxDelay >= 1 && k < 55:
		delay = 1
	}
	p := &plan{kind: kind, outlet: outlet, src: src, day: src.day + delay, agency: -1}
	if delay == 0 {
		if src.minute >= 1439 {
			p.day++
			p.minute = r.IntN(1440)
		} else {
			p.minute = src.minute + 1 + r.IntN(1439-src.minute)
		}
	} else {
		p.minute = r.IntN(1440)
	}
	src.pending++
	c.push(p)
}

// others returns n distinct outlets other than not, drawn from the
// outlets that are not agencies' sites (or from all, when allowAgency).
func (c *generator) others(not, n int, allowAgency bool) []int {
	var pool []int
	if allowAgency || len(c.plain) == 0 {
		for i := range c.outlets {
			if i != not {
				pool = append(pool, i)
			}
		}
	} else {
		for _, i := range c.plain {
			if i != not {
				pool = append(pool, i)
			}
		}
	}
	if len(pool) == 0 {
		pool = []int{not}
	}
	c.g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	return pool[:min(n, len(pool))]
}

// publish writes the article a plan calls for.
func (c *generator) publish(p *plan) Article {
	g := &c.g
	id := c.id()
	c.emitted++
	date := time.Date(c.start.Year(), c.start.Month(), c.start.Day()+p.day, 0, p.minute, 0, 0, c.start.Location())
	st := &story{id: id, label: "s" + id[1:], kind: p.kind, outlet: p.outlet, day: p.day,
		minute: p.minute, date: date, agency: p.agency}
	o := c.outlets[p.outlet]
	a := Article{Kind: p.kind}
	weekday := date.Weekday().String()
	delay := 0
	var title string
	body := c.bodyBuf[:0]

	switch p.kind {
	case KindOriginal:
		c.wireOriginal(st)
		k := p.ordinal
		for _, out := range c.others(p.outlet, int(c.copies[k]), false) {
			c.derive(st, KindCopy, out, 3)
		}
		for range c.rewrites[k] {
			c.derive(st, KindRewrite, c.others(p.outlet, 1, false)[0], 2)
		}
		for range c.events[k] {
			c.derive(st, KindEvent, c.others(p.outlet, 1, true)[0], 2)
		}
		title = st.title
		body = c.renderWire(body, o, st, st.paras, true, true, dlAgency, crNone, 0)
		a.Event = st.ev.label
	case KindBrief:
		c.brief(st, p.template)
		if c.briefCopy[p.ordinal] {
			c.derive(st, KindCopy, c.others(p.outlet, 1, false)[0], 1)
		}
		title = st.title
		body = renderParas(body, &o.style, st.paras, "", weekday, 0)
		a.Template = st.template
	case KindSingle:
		c.single(st)
		title = st.title
		body = renderParas(body, &o.style, st.paras, c.dateline(st.ev, 3), weekday, 0)
	case KindCopy, KindRewrite, KindEvent:
		src := p.src
		delay = p.day - src.day
		weekday = src.date.Weekday().String()
		switch p.kind {
		case KindCopy:
			a.Story, a.Source, a.Template = src.label, src.id, src.template
			if src.kind == KindBrief {
				title = src.title
				body = renderParas(body, &o.style, src.paras, "", weekday, delay)
			} else {
				paras := c.copyParas(src)
				title = src.title
				if g.r.IntN(10) < 7 {
					g.begin(src.ev)
					title = g.headline()
				}
				cr := o.credit
				if o.dateline == dlCity || o.dateline == dlNone {
					if cr == crNone && g.r.IntN(3) > 0 {
						cr = crDash
					}
				}
				body = c.renderWire(body, o, src, paras, g.r.IntN(10) < 4, g.r.IntN(10) < 3, o.dateline, cr, delay)
			}
		case KindRewrite:
			a.Story, a.Source = src.label, src.id
			c.rewrite(st, src)
			title = st.title
			body = renderParas(body, &o.style, st.paras, c.dateline(src.ev, 2), weekday, delay)
			if g.r.IntN(2) == 0 {
				body = append(body, "\n\n\u2014 With "+agencies[src.agency].short...)
				c.credited = agencies[src.agency].short
			}
		case KindEvent:
			c.sameEvent(st, src)
			title = st.title
			body = renderParas(body, &o.style, st.paras, c.dateline(src.ev, 2), weekday, delay)
		}
		if src.ev != nil {
			a.Event = src.ev.label
		}
		src.pending--
		if src.pending == 0 {
			src.paras, src.ev = nil, nil // nothing derives from it any more
		}
	}
	c.bodyBuf = body

	t := o.style.renderString(title, weekday, delay)
	if o.titleCase {
		t = headlineCase(t)
	}
	text, start, end := c.page(o, t, body)
	o.remember(t)

	// An agency's own pages credit it in their copyright footer.
	for _, ag := range agencies {
		if o.name == ag.name || o.name == ag.short {
			if c.credited != "" && c.credited != ag.short {
				a.Credits = append(a.Credits, c.credited)
			}
			c.credited = ag.short
		}
	}
	if c.credited != "" {
		a.Credits = append(a.Credits, c.credited)
		slices.Sort(a.Credits)
		c.credited = ""
	}
	a.ID = id
	a.Outlet = o.name
	a.URL = "https://" + o.domain + "/" + date.Format("2006/01") + "/" + slug(t) + "-" + strconv.Itoa(c.emitted)
	if g.r.IntN(100) >= hiddenDates {
		a.Date = date
	}
	a.Title = t
	a.Text = text
	if a.Story == "" {
		a.Story = st.label
	}
	a.bodyStart, a.bodyEnd = start, end
	return a
}

// dateline returns, one time in oneIn, a newspaper's own dateline
// ("MOSCOW — ") for an article on ev, and "" otherwise.
func (c *generator) dateline(ev *event, oneIn int) string {
	if c.g.r.IntN(oneIn) != 0 {
		return ""
	}
	return strings.ToUpper(ev.city) + " \u2014 "
}

// id returns the next document ID, zero-padded so IDs sort in order.
func (c *generator) id() string {
	s := strconv.Itoa(c.emitted)
	return "d" + strings.Repeat("0", max(0, c.digits-len(s))) + s
}

// slug makes a URL path segment of a title's first words.
func slug(title string) string {
	var b strings.Builder
	words := 0
	inWord := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if !inWord {
				if words++; words > 8 {
					break
				}
				if b.Len() > 0 {
					b.WriteByte('-')
				}
			}
			b.WriteRune(r)
			inWord = true
		} else {
			inWord = false
		}
	}
	return b.String()
}
