package credit

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of evidence, strongest first. Credit.Kind holds one of these.
const (
	// KindDateline is an agency in a dateline at the start of a
	// paragraph: "MOSCOW (Reuters) -", "BEIJING, Jan 5 (Xinhua) --",
	// "(AP) —", "Berlin (dpa) -", or the inverted form "Reuters, MOSCOW".
	KindDateline = "dateline"
	// KindByline is an agency in a byline: "By Jane Doe, Associated
	// Press", "By JANE DOE AP Business Writer", "By Reuters Staff".
	KindByline = "byline"
	// KindCreditLine is a story credit outside the dateline and byline:
	// "(Additional reporting by Reuters bureaux ...)", "Copyright 2024
	// Reuters", "© 2024 The Associated Press", "Source: AFP", "— AFP",
	// "(with AFP)", "With inputs from PTI", "... said. (AFP)",
	// "Associated Press writer Jane Doe contributed to this report."
	KindCreditLine = "credit-line"
	// KindTag is an agency alone in brackets on a line of its own,
	// "(Reuters)", or opening a paragraph without a dash.
	KindTag = "tag"
	// KindPhoto is a picture credit: "Photo: Reuters", "(AP
	// Photo/Evan Vucci)", "REUTERS/Maxim Shemetov", "Mikhail Metzel /
	// TASS" at the end of a caption. It says the agency took a picture,
	// not that it wrote the story; callers that want story credits skip
	// this kind. Find reports it for an agency only when the text has no
	// stronger evidence for that agency.
	KindPhoto = "photo"
)

// Credit is one agency credited by a document, and how.
type Credit struct {
	Agency string // canonical name, one of Agencies(): "Reuters", "AP", "AFP", ...
	Kind   string // KindDateline, KindByline, KindCreditLine, KindTag or KindPhoto
	Offset int    // byte offset in the text where the evidence starts
	Text   string // the evidence, trimmed, at most 120 bytes; always text[Offset:Offset+len(Text)]
}

// maxText bounds Credit.Text in bytes (cut on a rune boundary).
const maxText = 120

type kind uint8

const (
	kDateline kind = iota
	kByline
	kCredit
	kTag
	kPhoto
)

var kindNames = [...]string{KindDateline, KindByline, KindCreditLine, KindTag, KindPhoto}

// hit is one piece of evidence for one agency.
type hit struct {
	agency     int
	kind       kind
	start, end int
}

// Find returns the agencies text credits, one Credit per agency carrying
// its strongest evidence (dateline > byline > credit-line > tag > photo;
// among equals, the earliest), sorted by Agency in byte order. It returns
// nil when the text credits no agency. A mere mention ("Reuters
// reported", "told AFP", "according to the AP", "a Reuters/Ipsos poll") is
// not a credit; see the package documentation for the patterns.
func Find(text string) []Credit {
	hits := collect(text)
	if len(hits) == 0 {
		return nil
	}
	best := hits[:0:0]
	for _, h := range hits {
		i := sort.Search(len(best), func(i int) bool { return best[i].agency >= h.agency })
		switch {
		case i == len(best) || best[i].agency != h.agency:
			best = append(best, hit{})
			copy(best[i+1:], best[i:])
			best[i] = h
		case h.kind < best[i].kind || h.kind == best[i].kind && h.start < best[i].start:
			best[i] = h
		}
	}
	out := make([]Credit, len(best))
	for i, h := range best {
		out[i] = makeCredit(text, h)
	}
	return out
}

// makeCredit trims and bounds a hit's evidence.
func makeCredit(text string, h hit) Credit {
	s, e := h.start, h.end
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	if e-s > maxText {
		e = s + maxText
		for e > s && !utf8.RuneStart(text[e]) {
			e--
		}
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return Credit{Agency: names[h.agency], Kind: kindNames[h.kind], Offset: s, Text: text[s:e]}
}

// collect returns every piece of evidence in text, in no useful order.
func collect(text string) []hit {
	f := finder{text: text}
	f.scanAliases()
	if len(f.occs) == 0 {
		return nil
	}
	for k := 0; k < len(f.occs); {
		g1 := k
		for g1+1 < len(f.occs) && isListSep(text[f.occs[g1].end:f.occs[g1+1].ctx]) {
			g1++
		}
		f.group(k, g1)
		k = g1 + 1
	}
	f.reutersSignOff()
	return f.hits
}

// occ is one alias occurrence.
type occ struct {
	a          *alias
	ctx        int // start, including a leading "The "
	start, end int // the alias itself
}

type finder struct {
	text string
	occs []occ
	hits []hit
}

// scanAliases finds every alias occurrence, longest alias first at each
// position, never overlapping.
//
// It looks only where an alias may start: at a byte that starts some
// alias, and, when that byte is ASCII, at the start of a word (every
// alias that starts with an ASCII byte needs a word boundary before it).
// The look-out is one table look-up per byte pair (startAfter), and each
// place it stops is then checked exactly: on varied text 1.15x (a Reuters
// page) to 1.5x (generated pages) as fast as stepping word by word, the
// way referenceScan in the tests does.
func (f *finder) scanAliases() {
	text := f.text
	for i := 0; i < len(text); i++ {
		if i == 0 {
			if !first[text[0]] {
				continue
			}
		} else {
			for i < len(text) && !startAfter[uint16(text[i-1])<<8|uint16(text[i])] {
				i++
			}
			if i == len(text) {
				break
			}
		}
		if !mayStartAlias(text, i) {
			continue
		}
		c := text[i]
		prevWord := false
		if i > 0 {
			if p := text[i-1]; p < utf8.RuneSelf {
				prevWord = asciiWordTab[p]
			} else {
				prevWord = isWordRune(lastRune(text[:i]))
			}
		}
		if prevWord && c < utf8.RuneSelf {
			continue
		}
		a := matchAt(text, i, byFirst[c], prevWord)
		if a == nil {
			continue
		}
		j := i + len(a.s)
		ctx := i
		if i >= 4 && (text[i-4:i] == "The " || text[i-4:i] == "the ") && (i == 4 || !isWordRune(lastRune(text[:i-4]))) {
			ctx = i - 4
		}
		f.occs = append(f.occs, occ{a: a, ctx: ctx, start: i, end: j})
		i = j - 1 // the next search starts at j
	}
}

// mayStartAlias reports whether an alias may start at text[i]: false
// means surely not.
func mayStartAlias(text string, i int) bool {
	if i+2 >= len(text) {
		return i+1 < len(text) // every alias has two bytes at least
	}
	k := startKey(text[i], text[i+1], text[i+2])
	return starts[k/64]&(1<<(k%64)) != 0
}

// asciiWordTab[c] reports whether c is an ASCII word byte; false for
// every byte of a multi-byte character.
var asciiWordTab = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiWord(byte(c))
	}
	return t
}()

func matchAt(text string, i int, cands []*alias, prevWord bool) *alias {
	for _, a := range cands {
		if a.bStart && prevWord {
			continue
		}
		j := i + len(a.s)
		if j > len(text) {
			continue
		}
		if a.fold {
			if !equalFoldASCII(text[i:j], a.s) {
				continue
			}
		} else if text[i:j] != a.s {
			continue
		}
		if a.bEnd && j < len(text) && isWordRune(firstRune(text[j:])) {
			continue
		}
		return a
	}
	return nil
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x != y && otherCase(x) != y {
			return false
		}
	}
	return true
}

// gctx is the context of one group: aliases joined into a list
// ("AFP/Reuters", "Reuters and AFP").
type gctx struct {
	g0, g1 int // first and last occurrence
	s, e   int // span of the list
	ts, te int // the paragraph (line) around it, trimmed of space and bullets
	ws     int // start of the look-behind window (>= ts)
}

func (f *finder) add(c *gctx, k kind, start, end int) {
	for i := c.g0; i <= c.g1; i++ {
		f.hits = append(f.hits, hit{agency: f.occs[i].a.agency, kind: k, start: start, end: end})
	}
}

// group tries every pattern on one list of aliases.
func (f *finder) group(g0, g1 int) {
	text := f.text
	c := &gctx{g0: g0, g1: g1, s: f.occs[g0].ctx, e: f.occs[g1].end}
	ls := strings.LastIndexByte(text[:c.s], '\n') + 1
	le := len(text)
	if i := strings.IndexByte(text[c.e:], '\n'); i >= 0 {
		le = c.e + i
	}
	c.ts = skipLead(text, ls, c.s)
	c.te = c.e + len(trimRight(text[c.e:le]))
	c.ws = max(c.ts, c.s-96)
	for c.ws < c.s && !utf8.RuneStart(text[c.ws]) {
		c.ws++
	}
	f.bracket(c)
	f.inverted(c)
	f.byline(c)
	f.markers(c)
	f.photoAfter(c)
	f.paragraph(c)
}

// skipLead skips spaces and list bullets from i, up to limit.
func skipLead(text string, i, limit int) int {
	for i < limit {
		r, n := utf8.DecodeRuneInString(text[i:limit])
		if unicode.IsSpace(r) || r == '•' || r == '·' || r == '▪' || r == '*' && i+1 < limit && text[i+1] == ' ' {
			i += n
			continue
		}
		break
	}
	return i
}

var closers = map[rune]rune{'(': ')', '[': ']', '（': '）', '【': '】', '〔': '〕', '/': '/'}

// bracket handles "(AGENCY)" forms: datelines, tags, end credits, and
// "【PLACE AGENCY】" / "(PLACE=AGENCY)" datelines.
func (f *finder) bracket(c *gctx) {
	text := f.text
	r, n := utf8.DecodeLastRuneInString(text[c.ts:c.s])
	if cl, ok := closers[r]; ok && n > 0 {
		ob := c.s - n
		j := c.e
		if cl != '/' && j < c.te && text[j] == '/' { // dpa service codes: "(dpa/lnw)"
			k := j + 1
			for k < c.te && k-j <= 6 && text[k] >= 'a' && text[k] <= 'z' {
				k++
			}
			if k-j >= 3 {
				j = k
			}
		}
		if r2, n2 := utf8.DecodeRuneInString(text[j:c.te]); r2 == cl && n2 > 0 {
			f.bracketed(c, ob, j+n2, cl == '/')
		}
		return
	}
	r0, n0 := utf8.DecodeRuneInString(text[c.ts:c.te])
	if cl, ok := closers[r0]; ok && r0 != '/' {
		inner := text[c.ts+n0 : c.s]
		if inner != "" && len(inner) <= 40 && !strings.ContainsFunc(inner, func(r rune) bool {
			_, br := closers[r]
			return unicode.IsSpace(r) || br || r == ')' || r == ']' || r == '）' || r == '】'
		}) && (strings.HasSuffix(inner, "=") || isCJK(lastRune(inner))) {
			if r2, n2 := utf8.DecodeRuneInString(text[c.e:c.te]); r2 == cl {
				f.add(c, kDateline, c.ts, c.e+n2)
			}
		}
	}
}

// bracketed classifies an agency list in brackets text[ob:cb].
func (f *finder) bracketed(c *gctx, ob, cb int, slash bool) {
	text := f.text
	before := trimRight(text[c.ts:ob])
	after := text[cb:c.te]
	a := trimLeft(after)
	if before == "" {
		if slash {
			return
		}
		if n, ok := dashAfter(a); ok {
			f.add(c, kDateline, c.ts, c.te-len(a)+n)
		} else {
			f.add(c, kTag, ob, cb)
		}
		return
	}
	if f.definition(c, before, ob) {
		return
	}
	if isPlace(before) {
		if n, ok := dashAfter(a); ok {
			f.add(c, kDateline, c.ts, c.te-len(a)+n)
			return
		}
		if slash && (a == "" || a[0] == '.') {
			f.add(c, kDateline, c.ts, cb+min(1, len(after)))
			return
		}
		if len(after) > len(a) && unicode.IsUpper(firstRune(a)) { // "New Delhi, Jan 5 (PTI) The ..."
			f.add(c, kDateline, c.ts, cb)
			return
		}
	}
	if !slash && isListEnd(a) && endsSentence(before) {
		f.add(c, kCredit, ob, cb)
	}
}

// definition reports whether the bracket spells out what comes before it
// ("Agence France-Presse (AFP)", "Palestinian Authority (PA)",
// "Unified Payments Interface (UPI)") rather than crediting an agency.
func (f *finder) definition(c *gctx, before string, ob int) bool {
	if c.g0 > 0 {
		p := f.occs[c.g0-1]
		if p.end <= ob && p.end >= c.ts && trimRight(f.text[p.end:ob]) == "" {
			return true
		}
	}
	for i := c.g0; i <= c.g1; i++ {
		if a := f.occs[i].a; a.acro && spellsAcronym(before, a.s) {
			return true
		}
	}
	return false
}

func spellsAcronym(before, acr string) bool {
	if i := strings.LastIndexByte(before, ','); i >= 0 { // "ATHENS, Pa. (AP)" is a dateline
		before = before[i+1:]
	}
	words := strings.FieldsFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' })
	k := len(acr) - 1
	for w := len(words) - 1; w >= 0 && k >= 0; w-- {
		if connectors[words[w]] {
			continue
		}
		if unicode.ToUpper(firstRune(words[w])) != rune(acr[k]) {
			return false
		}
		k--
	}
	return k < 0
}

// dashAfter reports whether s starts with a dateline dash ("-", "–", "—",
// "--", ".-" as in EFE's "(EFE).-") or a colon ("(ANI):"), and its length.
func dashAfter(s string) (int, bool) {
	i := 0
	if strings.HasPrefix(s, ".") {
		i = 1
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if strings.HasPrefix(s[i:], ":") && i == 0 {
		return 1, true
	}
	n := dashRun(s[i:])
	if n == 0 {
		return 0, false
	}
	return i + n, true
}

// dashRun is the byte length of the run of dashes (at most three) that
// starts s.
func dashRun(s string) int {
	n := 0
	for k := 0; k < 3 && n < len(s); k++ {
		r, m := utf8.DecodeRuneInString(s[n:])
		if !isDash(r) {
			break
		}
		n += m
	}
	return n
}

func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‒' || r == '―' || r == '−'
}

// inverted handles the inverted dateline "Reuters, MOSCOW" / "AFP, Paris"
// at the start of a paragraph, and Xinhua's "新华社北京1月5日电".
func (f *finder) inverted(c *gctx) {
	if c.s != c.ts {
		return
	}
	text := f.text
	rest := text[c.e:c.te]
	if isCJK(firstRune(f.occs[c.g0].a.s)) {
		w := rest[:min(len(rest), 48)]
		for _, d := range []string{"电", "電"} {
			if i := strings.Index(w, d); i > 0 {
				f.add(c, kDateline, c.ts, c.e+i+len(d))
				return
			}
		}
	}
	if !strings.HasPrefix(rest, ",") {
		return
	}
	place := rest[1:]
	end := c.te
	for _, sep := range []string{", with ", " with ", " - ", " – ", " — ", " -- "} {
		if i := strings.Index(place, sep); i >= 0 {
			place = place[:i]
			end = c.e + 1 + i
		}
	}
	place = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(place), ",;"))
	if place == "" || len(place) > 60 || len(strings.Fields(place)) > 6 {
		return
	}
	if hasPhotoWord(place) {
		f.add(c, kPhoto, c.ts, end)
		return
	}
	if isPlace(place) {
		f.add(c, kDateline, c.ts, end)
	}
}

func hasPhotoWord(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.Trim(w, ",.;/") {
		case "Getty", "Images", "Photo", "Photos", "PHOTO", "Pictures", "Shutterstock", "Alamy", "EPA", "EPA-EFE":
			return true
		}
	}
	return false
}

var bylineLeads = []string{"By", "BY", "by", "Por", "POR", "Par", "PAR", "Von", "VON"}

// byLead returns what follows a byline lead word ("By ") in line, if any.
func byLead(line string) (string, bool) {
	for _, w := range bylineLeads {
		if len(line) > len(w) && strings.HasPrefix(line, w) && unicode.IsSpace(firstRune(line[len(w):])) {
			return line[len(w):], true
		}
	}
	return "", false
}

// byline handles "By NAME(S), AGENCY [title]" on one line and "By NAME(S)"
// followed by a line that starts with the agency.
func (f *finder) byline(c *gctx) {
	text := f.text
	post := text[c.e:c.te]
	if !isTitleRest(post) {
		return
	}
	if raw, ok := byLead(text[c.ts:c.s]); ok {
		names := trimNameSeps(raw)
		// With only a space between them, a name that is not an acronym
		// may be the surname itself: "By Michael R. Bloomberg".
		spaceOnly := names != "" && strings.TrimSpace(raw) == names
		if names == "" || isNames(names) && (!spaceOnly || f.occs[c.g0].a.acro) {
			f.add(c, kByline, c.ts, c.te)
		}
		return
	}
	if c.s != c.ts {
		return
	}
	// previous non-blank line, skipping at most one blank line
	end := strings.LastIndexByte(text[:c.ts], '\n')
	for tries := 0; end >= 0 && tries < 2; tries++ {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		line := strings.TrimSpace(text[start:end])
		if line == "" {
			end = start - 1
			continue
		}
		if names, ok := byLead(line); ok {
			if names = trimNameSeps(names); names != "" && isNames(names) {
				f.add(c, kByline, start, c.te)
			}
		}
		return
	}
}

// trimNameSeps strips what separates names from the agency after them:
// ", ", " | ", " - ", " of ", " for ", "(".
func trimNameSeps(s string) string {
	for range 3 {
		s = trimRight(s)
		r := lastRune(s)
		switch {
		case r == ',' || r == '|' || r == '/' || r == '(' || r == ';' || isDash(r):
			s = s[:len(s)-utf8.RuneLen(r)]
			continue
		}
		cut := false
		for _, w := range []string{"of", "for", "and", "with", "from", "at"} {
			if hasSuffixWord(s, w) {
				s = s[:len(s)-len(w)]
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	return strings.TrimSpace(s)
}

// markers handles credits announced by a word before the agency:
// copyright, "Source:", photo markers, a sign-off dash, "with".
func (f *finder) markers(c *gctx) {
	text := f.text
	w := text[c.ws:c.s]
	atStart := c.ws == c.ts
	post := text[c.e:c.te]
	end := isListEndSpan(text, c.e, c.te)

	// © 2024 The Associated Press / Copyright 2024 Reuters / (c) AFP
	if i, ok := copyrightStart(w); ok {
		f.add(c, kCredit, c.ws+i, c.e)
	}

	t := trimRight(w)
	// Source: AFP
	if end >= 0 && (strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")) {
		u := trimRight(strings.TrimSuffix(strings.TrimSuffix(t, ":"), "："))
		for _, m := range sourceWords {
			if hasSuffixWord(u, m) && clauseStart(u[:len(u)-len(m)], atStart) {
				f.add(c, kCredit, c.ws+len(u)-len(m), end)
				break
			}
		}
	}

	// Photo: Reuters / Photo by Jane Doe/AFP / Credit: AFP
	if i, ok := photoMarker(w); ok {
		f.add(c, kPhoto, c.ws+i, c.e)
	}

	// "(with AFP)", "With inputs from PTI", "With PTI inputs"
	for _, lead := range withLeads {
		if !hasSuffixWordFold(t, lead) {
			continue
		}
		b := t[:len(t)-len(lead)]
		if !clauseStart(b, atStart) {
			continue
		}
		e := end
		if lead == "with" && e < 0 {
			for _, in := range []string{" inputs", " input", " Inputs"} {
				if hasPrefixWord(post, in) {
					e = isListEndSpan(text, c.e+len(in), c.te)
					break
				}
			}
		}
		if e >= 0 {
			st := len(trimRight(b))
			if r := lastRune(b[:st]); r == '(' || r == '[' {
				st--
			}
			f.add(c, kCredit, c.ws+st, max(e, c.e))
		}
		break
	}
	if end < 0 {
		return
	}
	// "... said. — AFP" / "—With Reuters"
	u := t
	if hasSuffixWordFold(u, "with") {
		u = trimRight(u[:len(u)-4])
	}
	if r := lastRune(u); isDash(r) {
		v := strings.TrimRightFunc(u, isDash)
		if len(u)-len(v) <= 6 {
			b := trimRight(v)
			if b == "" && atStart || endsSentence(b) {
				f.add(c, kCredit, c.ws+len(v), end)
			}
		}
	}
}

var (
	sourceWords  = []string{"Sources", "Source", "SOURCES", "SOURCE", "source", "Fuentes", "Fuente", "Quellen", "Quelle", "Fonti", "Fonte", "Источник", "来源", "來源", "出典", "출처"}
	photoMarkers = []string{"Photograph", "Photos", "Photo", "PHOTO", "photo", "Pictures", "Picture", "Pic", "Images", "Image", "Fotos", "Foto", "FOTO", "Фото", "Credit", "CREDIT", "credit"}
	withLeads    = []string{"with agency inputs from", "with inputs from", "with input from", "with additional reporting from", "with additional reporting by", "with reporting from", "with reporting by", "with files from", "with"}
)

// photoMarker reports whether w, the text before an agency, ends with a
// picture marker and maybe names: "Photo: ", "Photo by Jane Doe/",
// "Credit: ". It returns where the marker starts.
func photoMarker(w string) (int, bool) {
	for p := len(w) - 1; p >= 0 && len(w)-p <= 64; p-- {
		var after int
		switch {
		case w[p] == ':':
			after = p + 1
		case strings.HasPrefix(w[p:], "："):
			after = p + len("：")
		case (w[p] == 'b' || w[p] == 'B') && strings.HasPrefix(w[p+1:], "y ") && p > 0 && w[p-1] == ' ':
			after = p + 2
		default:
			continue
		}
		b := trimRight(w[:p])
		for _, m := range photoMarkers {
			if !hasSuffixWord(b, m) {
				continue
			}
			if r := trimNameSeps(w[after:]); r == "" || len(r) <= 48 && isNames(r) {
				return len(b) - len(m), true
			}
			return 0, false
		}
	}
	return 0, false
}

// copyrightStart reports whether w (the text before an agency) ends with a
// copyright notice ("©", "(c)", "Copyright", a year), and where it starts.
func copyrightStart(w string) (int, bool) {
	t := strings.TrimRightFunc(w, func(r rune) bool {
		return r >= '0' && r <= '9' || r == '-' || r == '–' || r == ',' || unicode.IsSpace(r)
	})
	found := false
	for range 2 {
		t = trimRight(t)
		switch {
		case strings.HasSuffix(t, "©"):
			t = t[:len(t)-len("©")]
		case strings.HasSuffix(t, "(c)") || strings.HasSuffix(t, "(C)"):
			t = t[:len(t)-3]
		case hasSuffixWordFold(t, "copyright"):
			t = t[:len(t)-len("copyright")]
		default:
			return len(t), found
		}
		found = true
	}
	return len(t), found
}

// photoAfter handles picture credits where the agency comes first or
// ends a caption: "(AP Photo/Evan Vucci)", "AFP via Getty Images",
// "REUTERS/Maxim Shemetov", "Mikhail Metzel / TASS".
func (f *finder) photoAfter(c *gctx) {
	text := f.text
	post := text[c.e:c.te]
	w := text[c.ws:c.s]
	atStart := c.ws == c.ts
	t := trimRight(w)
	slashBefore := strings.HasSuffix(t, "/")

	// AP Photo / AFP PHOTO / AFP via Getty Images
	for _, p := range []string{" Photos", " Photo", " PHOTO", " photo", " Images", " Pictures"} {
		if !strings.HasPrefix(post, p) {
			continue
		}
		rest := post[len(p):]
		if (clauseStart(w, atStart) || slashBefore) && (rest == "" || isListEnd(rest) || strings.HasPrefix(trimLeft(rest), "/") || rest[0] == ')' || rest[0] == ',') {
			f.add(c, kPhoto, c.s, c.e+len(p))
			return
		}
	}
	for _, p := range []string{" via Getty", "/Getty", " / Getty"} {
		if strings.HasPrefix(post, p) && clauseStart(w, atStart) && !slashBefore {
			f.add(c, kPhoto, c.s, c.e+len(p))
			return
		}
	}
	// REUTERS/Maxim Shemetov
	if (strings.HasPrefix(post, "/") || strings.HasPrefix(post, " / ")) && allCaps(text[c.s:c.e]) && clauseStart(w, atStart) && !endsWithSource(t) {
		rest := strings.TrimLeft(post, " /")
		end := len(rest)
		if i := strings.IndexAny(rest, ");"); i >= 0 {
			end = i
		}
		if name := strings.TrimSpace(rest[:end]); name != "" && len(strings.Fields(name)) <= 5 && isNames(name) && !strings.ContainsFunc(name, unicode.IsDigit) {
			f.add(c, kPhoto, c.s, c.e+len(post)-len(rest)+end)
			return
		}
	}
	// Mikhail Metzel / TASS   (a caption ending with the photographer / agency)
	if slashBefore && (isListEnd(post) || strings.HasPrefix(post, " via Getty")) {
		if i, ok := captionName(trimRight(t[:len(t)-1]), atStart); ok && i >= 0 {
			f.add(c, kPhoto, c.ws+i, c.e)
		}
	}
}

// captionName looks back from the end of s over one to four capitalised
// words (a photographer's name) that follow the start of the line or the
// end of a sentence, and returns where the name starts.
func captionName(s string, atStart bool) (int, bool) {
	rest := s
	start := -1
	for k := 0; k < 4; k++ {
		sp := strings.LastIndexFunc(rest, unicode.IsSpace)
		tokStart := 0
		if sp >= 0 {
			_, n := utf8.DecodeRuneInString(rest[sp:])
			tokStart = sp + n
		}
		tok := rest[tokStart:]
		if tok == "" {
			return 0, false
		}
		if strings.HasPrefix(tok, "(") || strings.HasPrefix(tok, "[") {
			return tokStart, isNameWord(tok[1:])
		}
		if !isNameWord(tok) {
			if start >= 0 && endsSentence(tok) {
				return start, true
			}
			return 0, false
		}
		start = tokStart
		if sp < 0 {
			return start, atStart
		}
		rest = trimRight(rest[:sp])
		if rest == "" {
			return start, atStart
		}
		if r := lastRune(rest); r == ':' || r == '|' || isDash(r) {
			return start, true
		}
	}
	if endsSentence(rest) {
		return start, true
	}
	return 0, false
}

func isNameWord(tok string) bool {
	if tok == "" || !unicode.IsUpper(firstRune(tok)) {
		return false
	}
	if r := lastRune(tok); r == '.' && utf8.RuneCountInString(tok) > 2 || r == ',' || r == '!' || r == '?' || r == ':' {
		return false
	}
	for _, r := range tok {
		if !(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '.' || r == '\'' || r == '’') {
			return false
		}
	}
	return true
}

func endsWithSource(t string) bool {
	t = trimRight(strings.TrimSuffix(t, ":"))
	for _, m := range sourceWords {
		if strings.HasSuffix(t, m) {
			return true
		}
	}
	return false
}

func allCaps(s string) bool {
	up := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		up = up || unicode.IsUpper(r)
	}
	return up
}

// paragraph handles credits that take a whole short paragraph:
// "(Additional reporting by Reuters bureaux; Editing by ...)" and
// "Associated Press writer Jane Doe contributed to this report."
func (f *finder) paragraph(c *gctx) {
	p := f.text[c.ts:c.te]
	if len(p) > 500 {
		return
	}
	if isSignOff(p) {
		f.add(c, kCredit, c.ts, c.te)
		return
	}
	if len(p) <= 400 && strings.Contains(p, "ontribut") && (containsFold(p, "contributed to this report") || containsFold(p, "contributed reporting") ||
		containsFold(p, "contributed to this story") || hasPrefixFold(strings.TrimLeft(p, "(["), "contributing:")) {
		f.add(c, kCredit, c.ts, c.te)
	}
}

// isSignOff reports whether paragraph p is a reporting credit: it starts
// with "Additional reporting", or with "Reporting by" / "Writing by" /
// "Compiled by" and is bracketed or names an editor ("Editing by").
func isSignOff(p string) bool {
	if len(p) > 500 {
		return false
	}
	q := strings.TrimLeft(p, "([")
	if hasPrefixFold(q, "additional reporting") {
		return true
	}
	if !(hasPrefixFold(q, "reporting by") || hasPrefixFold(q, "writing by") || hasPrefixFold(q, "compiled by") || hasPrefixFold(q, "reporting from")) {
		return false
	}
	return len(q) < len(p) && (strings.HasSuffix(p, ")") || strings.HasSuffix(p, ").") || strings.HasSuffix(p, "]")) || containsFold(p, "editing by")
}

// reutersSignOff applies Reuters' unsigned sign-off, "(Reporting by X;
// Editing by Y)", as a Reuters credit-line when Reuters is otherwise
// credited only by a tag (it changes nothing when a dateline exists).
func (f *finder) reutersSignOff() {
	reuters := nameIdx["Reuters"]
	best := kPhoto + 1
	for _, h := range f.hits {
		if h.agency == reuters && h.kind < best {
			best = h.kind
		}
	}
	if best != kTag {
		return
	}
	text := f.text
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		s := skipLead(text, i, end)
		e := s + len(trimRight(text[s:end]))
		if isSignOff(text[s:e]) {
			f.hits = append(f.hits, hit{agency: reuters, kind: kCredit, start: s, end: e})
			return
		}
		i = end + 1
	}
}

// ---- small text helpers ----

var connectors = map[string]bool{
	"of": true, "the": true, "de": true, "del": true, "la": true, "le": true, "les": true, "am": true, "an": true,
	"upon": true, "sur": true, "en": true, "di": true, "da": true, "do": true, "dos": true, "das": true, "y": true,
	"e": true, "und": true, "and": true, "el": true, "al": true, "im": true, "on": true, "des": true, "du": true,
	"van": true, "von": true, "der": true, "den": true, "bin": true, "&": true, "et": true, "i": true,
}

// isPlace reports whether s looks like a dateline place, optionally with a
// date: "WASHINGTON", "SAN JUAN, Puerto Rico", "BEIJING, Jan. 5",
// "COPENHAGEN/PARIS", "Madrid, 5 ene", "New Delhi [India], January 5",
// "МОСКВА, 28 января.".
func isPlace(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return false
	}
	n := 0
	prevDigit := false
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '/' }) {
		if n++; n > 12 {
			return false
		}
		tok = strings.Trim(tok, ".[]")
		if tok == "" {
			return false
		}
		for _, r := range tok {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '.' || r == '\'' || r == '’') {
				return false
			}
		}
		r := firstRune(tok)
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r) || isCJK(r):
			prevDigit = false
		case unicode.IsDigit(r):
			if n == 1 {
				return false
			}
			prevDigit = true
		case n > 1 && (prevDigit || connectors[tok]):
			prevDigit = false
		default:
			return false
		}
	}
	return n > 0
}

var nameConnectors = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "di": true, "van": true, "von": true, "der": true, "den": true,
	"du": true, "le": true, "la": true, "al": true, "el": true, "bin": true, "y": true, "e": true, "dos": true,
	"das": true, "del": true, "ter": true, "und": true, "et": true,
}

// isNames reports whether s looks like a list of people's names:
// capitalised words and name particles, no digits.
func isNames(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return false
	}
	upper, n := 0, 0
	for _, tok := range strings.Fields(s) {
		tok = strings.TrimRight(tok, ",;")
		if tok == "" {
			continue
		}
		if n++; n > 12 {
			return false
		}
		if nameConnectors[tok] {
			continue
		}
		if !unicode.IsUpper(firstRune(tok)) {
			return false
		}
		for _, r := range tok {
			if !(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '.' || r == '\'' || r == '’') {
				return false
			}
		}
		upper++
	}
	return upper > 0
}

var titleWords = map[string]bool{
	"and": true, "staff": true, "writer": true, "writers": true, "reporter": true, "reporters": true,
	"correspondent": true, "correspondents": true, "in": true, "of": true, "the": true, "for": true,
	"with": true, "from": true, "at": true, "news": true, "&": true, "business": true, "science": true,
	"medical": true, "health": true, "technology": true, "political": true, "diplomatic": true, "sports": true,
	"chief": true, "senior": true, "national": true, "foreign": true, "legal": true, "economics": true,
	"entertainment": true, "religion": true, "education": true, "environment": true, "special": true,
	"investigative": true, "video": true, "editor": true, "journalist": true,
}

// isTitleRest reports whether s, what follows the agency in a byline, is
// empty or a job title or place: "Business Writer", "staff", ", London".
func isTitleRest(s string) bool {
	s = trimLeft(s)
	s = strings.TrimLeft(s, ")]")
	s = strings.TrimSpace(strings.TrimLeft(trimLeft(s), ",|/:-–—"))
	if s == "" {
		return true
	}
	if len(s) > 60 {
		return false
	}
	for _, tok := range strings.Fields(s) {
		tok = strings.TrimRight(tok, ",.;")
		if tok == "" || titleWords[tok] {
			continue
		}
		if !unicode.IsUpper(firstRune(tok)) {
			return false
		}
		for _, r := range tok {
			if !(unicode.IsLetter(r) || r == '-' || r == '.' || r == '\'' || r == '’') {
				return false
			}
		}
	}
	return true
}

// isListEnd reports whether s, what follows an agency list, ends the
// paragraph: nothing but closing punctuation.
func isListEnd(s string) bool {
	return isListEndSpan(s, 0, len(s)) >= 0
}

// isListEndSpan is isListEnd for text[i:j]; it returns the end of the
// closing punctuation, or -1.
func isListEndSpan(text string, i, j int) int {
	p := strings.TrimSpace(text[i:j])
	if len(p) > 4 {
		return -1
	}
	end := i
	for _, r := range p {
		if !strings.ContainsRune(".)]）】;,:!", r) {
			return -1
		}
	}
	if p != "" && (p[0] == ')' || strings.HasPrefix(p, "）") || strings.HasPrefix(p, "】") || p[0] == ']') {
		end = j
	}
	return end
}

// clauseStart reports whether b, the text before a marker, ends where a
// credit can start: the start of the line, or after an opening bracket,
// the end of a sentence, a dash, a bar or a colon.
func clauseStart(b string, atStart bool) bool {
	b = trimRight(b)
	if b == "" {
		return atStart
	}
	r := lastRune(b)
	return strings.ContainsRune("([（【.!?;:|•\"”’»", r) || isDash(r)
}

// endsSentence reports whether b ends with sentence-final punctuation, a
// closing quote or bracket, or a dash.
func endsSentence(b string) bool {
	b = trimRight(b)
	if b == "" {
		return false
	}
	r := lastRune(b)
	return strings.ContainsRune(".!?\"”’»)。", r) || isDash(r)
}

func isListSep(s string) bool {
	if len(s) > 10 || strings.IndexByte(s, '\n') >= 0 {
		return false
	}
	switch strings.TrimSpace(s) {
	case "", "/", ",", "&", "+", "and", "und", "et", "y", "e", "и", "、", "・", ", and":
		return true
	}
	return false
}

func asciiWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// isWordRune reports whether r continues a word in an alphabetic script.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord(byte(r))
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) && !isCJK(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func trimLeft(s string) string  { return strings.TrimLeftFunc(s, unicode.IsSpace) }
func trimRight(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

// hasSuffixWord reports whether s ends with the word w, not preceded by a
// letter or digit.
func hasSuffixWord(s, w string) bool {
	return strings.HasSuffix(s, w) && (len(s) == len(w) || !isWordRune(lastRune(s[:len(s)-len(w)])))
}

func hasSuffixWordFold(s, w string) bool {
	return len(s) >= len(w) && equalFoldASCII(s[len(s)-len(w):], w) && (len(s) == len(w) || !isWordRune(lastRune(s[:len(s)-len(w)])))
}

func hasPrefixWord(s, w string) bool {
	return strings.HasPrefix(s, w) && (len(s) == len(w) || !isWordRune(firstRune(s[len(w):])))
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && equalFoldASCII(s[:len(p)], p)
}

// containsFold reports whether s contains the lower-case ASCII string p,
// ignoring ASCII case.
func containsFold(s, p string) bool {
	for i := 0; i+len(p) <= len(s); i++ {
		if (s[i] == p[0] || s[i]+'a'-'A' == p[0]) && equalFoldASCII(s[i:i+len(p)], p) {
			return true
		}
	}
	return false
}
