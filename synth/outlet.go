package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// style is an outlet's house style: how it renders canonical text.
type style struct {
	curly     bool // “curly” rather than "straight" quotes
	british   bool // organise, centre, per cent
	noDots    bool // US rather than U.S.
	relDays   bool // "yesterday" for the event day when a day late
	titleCase bool // Headline Case For Titles
}

// Dateline forms an outlet uses when it runs a wire story.
const (
	dlAgency = iota // MOSCOW (Reuters) - text
	dlLine          // "Reuters, MOSCOW" as a line of its own
	dlDated         // MOSCOW, Jan. 28 (Reuters) - text
	dlCity          // MOSCOW — text, agency credited at the end or not at all
	dlNone          // no dateline
	numDatelines
)

// Credit lines at the end of a wire story.
const (
	crNone   = iota
	crDash   // — Reuters
	crParen  // (Reuters)
	crWith   // Additional reporting by Reuters
	crSource // Source: Reuters
	numCredits
)

// outlet is a publisher with its page template.
type outlet struct {
	name, domain string
	agency       int // index into agencies for an agency's own site, else -1
	style
	dateline, credit int
	weight           float64 // share of the articles it publishes

	chrome      bool
	header      string // rendered; fixed for every page
	appeal      string // donation appeal; fixed
	appealTop   bool
	footer      string
	recs        int    // most "recommended stories" shown; 0 for none
	recHead     string // heading of that list
	titleInText bool
	readTime    bool // an "N min read" line under the title
	recent      []string
}

var (
	outletSuffixes = []string{"Times", "Herald", "Post", "Gazette", "Chronicle", "Observer", "Tribune",
		"Courier", "Star", "News", "Record", "Sentinel", "Journal", "Independent", "Examiner", "Dispatch",
		"Monitor", "Daily", "Express", "Mail", "Telegraph", "Mirror", "Today", "Insider"}
	navWords = []string{"Home", "World", "Business", "Politics", "Sport", "Opinion", "Culture", "Science",
		"Tech", "Health", "Video", "Podcasts", "Newsletters", "Markets", "Lifestyle", "Travel", "Local",
		"Climate", "Economy", "Europe", "Asia", "Africa", "Americas", "Middle East", "Obituaries",
		"Weather", "Puzzles", "Investigations", "Analysis", "Live", "Archive", "Education", "Property"}
	cookieNotices = []string{
		"We use cookies and similar technologies to improve your experience, measure audiences and show you personalised content and ads. By clicking Accept all you agree to our use of cookies. Manage preferences Accept all Reject all",
		"This website uses cookies to ensure you get the best experience on our website. You can change your cookie settings at any time. Learn more Got it",
		"We and our partners store and access information on your device, such as cookies, to process personal data for personalised ads and content, ad and content measurement, audience insights and product development. Manage options Accept",
	}
	appealLines = []string{
		"Enjoying ad-free content?",
		"Our journalism is independent and free to read, but it is not free to produce.",
		"%n relies on readers like you to keep reporting from %c.",
		"Since %y, we have not put our journalism behind a paywall.",
		"This commitment costs us $%k,000 a month. Your support can help us fill the gap.",
		"Every contribution, however big or small, makes a difference.",
		"Support %n from just $5 a month. It only takes a minute.",
		"Independent journalism is under pressure. We need your help to keep providing you with the truth.",
		"Become a member and get our newsletters, events and an ad-free experience.",
		"If you value what we do, please consider a donation.",
		"Your gift funds reporters on the ground in %c and beyond.",
	}
	appealCalls = []string{"Support us", "Donate now", "Become a member", "Contribute", "Subscribe today"}
	footerLinks = []string{"About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use",
		"Cookie settings", "Accessibility", "Sitemap", "Corrections", "Newsletters", "RSS", "Help", "Ethics policy",
		"Syndication", "Submit a tip", "Subscriptions", "Archive"}
	recHeads = []string{"Recommended stories", "More from %n", "Read more", "Trending now", "Most read", "You may also like", "Related"}
)

// newOutlets builds n outlets: a few agencies' own sites, then newspapers,
// portals and broadcasters, each with a page template and house style.
func newOutlets(r *rand.Rand, w *world, v *vocab, n int) []*outlet {
	nAgency := min(n/6, len(agencies))
	names := make(map[string]bool)
	var outs []*outlet
	for i := range n {
		o := &outlet{agency: -1, recent: make([]string, 0, 8)}
		o.curly = r.IntN(2) == 0
		o.british = r.IntN(3) == 0
		o.noDots = r.IntN(2) == 0
		o.relDays = r.IntN(2) == 0
		o.titleCase = r.IntN(2) == 0
		o.weight = 0.5 + float64(r.Float64()*1.5) // no fused multiply-add
		if i < nAgency {
			a := agencies[i]
			o.agency = i
			o.name, o.domain = a.name, a.domain
			o.curly, o.british, o.noDots = false, i == 2 || i == 3, false
			o.dateline, o.credit = dlAgency, crNone
		} else {
			for {
				c := w.countries[r.IntN(len(w.countries))]
				var name string
				switch r.IntN(4) {
				case 0:
					name = "The " + c.cities[r.IntN(len(c.cities))] + " " + outletSuffixes[r.IntN(len(outletSuffixes))]
				case 1:
					name = c.adj + " " + outletSuffixes[r.IntN(len(outletSuffixes))]
				case 2:
					name = "The " + w.placeRoot(r) + " " + outletSuffixes[r.IntN(len(outletSuffixes))]
				default:
					name = w.placeRoot(r) + " News"
				}
				if !names[name] {
					names[name] = true
					o.name = name
					break
				}
			}
			o.domain = domainOf(o.name)
			o.dateline = r.IntN(numDatelines)
			o.credit = r.IntN(numCredits)
		}
		// A few outlets publish bare text, without any page chrome.
		o.chrome = !(i >= nAgency && r.IntN(6) == 0)
		if n > 2 && i == n-1 { // at least one bare outlet in a corpus of several
			o.chrome = false
		}
		if o.chrome {
			o.buildChrome(r, w, v)
		}
		o.titleInText = r.IntN(2) == 0
		outs = append(outs, o)
	}
	return outs
}

func domainOf(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if f == "The" {
			continue
		}
		for _, c := range strings.ToLower(f) {
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				b.WriteRune(c)
			}
		}
	}
	return b.String() + ".example"
}

// wordCount counts words separated by ASCII white space.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		w := c != ' ' && c != '\n' && c != '\t' && c != '\r'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// buildChrome draws the outlet's fixed header, appeal and footer and its
// related-stories list.
func (o *outlet) buildChrome(r *rand.Rand, w *world, v *vocab) {
	home := w.countries[r.IntN(len(w.countries))]
	fill := func(s string) string {
		s = strings.ReplaceAll(s, "%n", o.name)
		s = strings.ReplaceAll(s, "%c", home.name)
		s = strings.ReplaceAll(s, "%y", strconv.Itoa(1990+r.IntN(34)))
		s = strings.ReplaceAll(s, "%k", strconv.Itoa(5+r.IntN(40)))
		return s
	}
	// Header: site name, navigation, perhaps a tagline, a cookie notice and
	// account links; 20 to 80 words.
	nav := r.Perm(len(navWords))
	k := 6 + r.IntN(10)
	sep := []string{" | ", "\n", " · ", "  "}[r.IntN(4)]
	var extra []string
	if r.IntN(2) == 0 {
		extra = append(extra, "Independent news from "+home.name+" and the world since "+strconv.Itoa(1950+r.IntN(70)))
	}
	cookie := r.IntN(3) > 0
	if cookie {
		extra = append(extra, cookieNotices[r.IntN(len(cookieNotices))])
	}
	extra = append(extra, []string{"Sign in Subscribe", "Log in", "Subscribe for $1", "Menu Search", "Edition: International"}[r.IntN(5)])
	var h string
	for {
		var items []string
		for _, i := range nav[:k] {
			items = append(items, navWords[i])
		}
		h = strings.Join(append([]string{o.name, strings.Join(items, sep)}, extra...), "\n")
		switch n := wordCount(h); {
		case n < 20 && k < len(nav):
			k++
			continue
		case n > 80 && cookie:
			extra = append(extra[:len(extra)-2], extra[len(extra)-1])
			cookie = false
			continue
		}
		break
	}
	o.header = h

	// Appeal and footer, 40 to 200 words together.
	if r.IntN(3) > 0 {
		var lines []string
		for _, k := range r.Perm(len(appealLines))[:2+r.IntN(4)] {
			lines = append(lines, fill(appealLines[k]))
		}
		lines = append(lines, appealCalls[r.IntN(len(appealCalls))])
		o.appeal = strings.Join(lines, "\n")
		o.appealTop = r.IntN(3) == 0
	}
	var links []string
	for _, k := range r.Perm(len(footerLinks))[:5+r.IntN(8)] {
		links = append(links, footerLinks[k])
	}
	f := []string{strings.Join(links, " | ")}
	if r.IntN(2) == 0 {
		f = append(f, "Follow us on Facebook, X, Instagram and YouTube.")
	}
	if r.IntN(2) == 0 {
		f = append(f, o.name+" is an independent news organization based in "+home.capital+
			". Our reporters cover politics, business, culture and sport across "+home.name+" and the region.")
	}
	f = append(f, "\u00a9 "+strconv.Itoa(2000+r.IntN(24))+" "+o.name+". All rights reserved.")
	o.footer = strings.Join(f, "\n")
	for wordCount(o.footer)+wordCount(o.appeal) < 40 {
		o.footer = footerLinks[r.IntN(len(footerLinks))] + " | " + o.footer
	}
	for wordCount(o.footer)+wordCount(o.appeal) > 200 {
		o.appeal = ""
	}
	if r.IntN(5) < 2 {
		o.recs = 3 + r.IntN(4)
		o.recHead = fill(recHeads[r.IntN(len(recHeads))])
	}
	o.readTime = r.IntN(4) == 0
}

// render writes canonical text s in the outlet's style. weekday names the
// event's day; delay is how many days after it the page appears.
func (st *style) render(dst []byte, s, weekday string, delay int) []byte {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] > mDay {
			j++
		}
		dst = append(dst, s[i:j]...)
		if j == len(s) {
			break
		}
		switch s[j] {
		case mOpen:
			if st.curly {
				dst = append(dst, "\u201c"...)
			} else {
				dst = append(dst, '"')
			}
		case mClose:
			if st.curly {
				dst = append(dst, "\u201d"...)
			} else {
				dst = append(dst, '"')
			}
		case mApos:
			if st.curly {
				dst = append(dst, "\u2019"...)
			} else {
				dst = append(dst, '\'')
			}
		case mVar:
			j++
			e := variants[s[j]-0x80]
			if (e[2] == "dots" && st.noDots) || (e[2] == "" && st.british) {
				dst = append(dst, e[1]...)
			} else {
				dst = append(dst, e[0]...)
			}
		case mDay:
			switch {
			case delay == 1 && st.relDays:
				dst = append(dst, "yesterday"...)
			default:
				dst = append(dst, "on "...)
				dst = append(dst, weekday...)
			}
		}
		i = j + 1
	}
	return dst
}

// renderString is render to a new string.
func (st *style) renderString(s, weekday string, delay int) string {
	return string(st.render(nil, s, weekday, delay))
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "on": true,
	"for": true, "to": true, "and": true, "but": true, "or": true, "at": true, "by": true, "with": true,
	"as": true, "from": true, "over": true, "after": true, "amid": true}

// headlineCase capitalises the words of a rendered headline.
func headlineCase(t string) string {
	words := strings.Split(t, " ")
	for i, w := range words {
		if (i > 0 && smallWords[w]) || w == "" {
			continue
		}
		b := []byte(w)
		for k, c := range b {
			if c >= 'a' && c <= 'z' {
				b[k] = c - 'a' + 'A'
				break
			}
			if c >= 'A' && c <= 'Z' || c >= 0x80 {
				break
			}
		}
		words[i] = string(b)
	}
	return strings.Join(words, " ")
}

// remember records a title for the outlet's related-stories list.
func (o *outlet) remember(title string) {
	if len(o.recent) == cap(o.recent) {
		copy(o.recent, o.recent[1:])
		o.recent = o.recent[:len(o.recent)-1]
	}
	o.recent = append(o.recent, title)
}
