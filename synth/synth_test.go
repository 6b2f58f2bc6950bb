package synth

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

// testCorpus is a generated corpus shared by the tests that only read it.
var testCorpus = sync.OnceValue(func() []Article { return Generate(Config{Docs: 6000, Seed: 42}) })

func jsonl(t testing.TB, arts []Article) []byte {
	var b bytes.Buffer
	if err := WriteJSONL(&b, arts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Docs: 800, Seed: 9}
	a, b := jsonl(t, Generate(cfg)), jsonl(t, Generate(cfg))
	if !bytes.Equal(a, b) {
		t.Fatal("same config, different JSONL")
	}
	var la, lb bytes.Buffer
	WriteLabels(&la, Generate(cfg))
	WriteLabels(&lb, Generate(cfg))
	if !bytes.Equal(la.Bytes(), lb.Bytes()) {
		t.Fatal("same config, different labels")
	}
	cfg.Seed = 10
	if bytes.Equal(a, jsonl(t, Generate(cfg))) {
		t.Fatal("different seeds, same JSONL")
	}
}

func TestExactCount(t *testing.T) {
	for _, outlets := range []int{0, 1, 2, 3, 5, 7, 12, 30} {
		for n := 0; n <= 100; n++ {
			arts := Generate(Config{Docs: n, Outlets: outlets, Seed: uint64(n)})
			if len(arts) != n {
				t.Fatalf("Docs %d, Outlets %d: got %d articles", n, outlets, len(arts))
			}
			checkLabels(t, arts)
		}
	}
	for _, n := range []int{999, 1000, 1001, 12345} {
		if got := len(Generate(Config{Docs: n, Seed: 1})); got != n {
			t.Fatalf("Docs %d: got %d", n, got)
		}
	}
}

// checkLabels checks the reference labels for consistency.
func checkLabels(t *testing.T, arts []Article) {
	t.Helper()
	pos := make(map[string]int, len(arts))
	stories := make(map[string][]int)
	for i, a := range arts {
		if _, dup := pos[a.ID]; dup {
			t.Fatalf("duplicate ID %s", a.ID)
		}
		if i > 0 && a.ID <= arts[i-1].ID {
			t.Fatalf("IDs out of order: %s after %s", a.ID, arts[i-1].ID)
		}
		pos[a.ID] = i
		stories[a.Story] = append(stories[a.Story], i)
		if a.Text == "" || a.Title == "" || a.Outlet == "" || !strings.HasPrefix(a.URL, "https://") {
			t.Fatalf("%s: empty field: %+v", a.ID, a.Document)
		}
	}
	origEvents := make(map[string]string)
	for _, a := range arts {
		if a.Kind == KindOriginal {
			origEvents[a.Event] = a.ID
		}
	}
	for i, a := range arts {
		switch a.Kind {
		case KindCopy, KindRewrite:
			j, ok := pos[a.Source]
			if !ok {
				t.Fatalf("%s: source %q missing", a.ID, a.Source)
			}
			src := arts[j]
			if j >= i {
				t.Fatalf("%s: source %s published later", a.ID, src.ID)
			}
			if src.Story != a.Story || src.Event != a.Event || src.Outlet == a.Outlet {
				t.Fatalf("%s (%s) vs source %s: story %s/%s event %s/%s outlet %s/%s", a.ID, a.Kind, src.ID,
					a.Story, src.Story, a.Event, src.Event, a.Outlet, src.Outlet)
			}
			if src.Kind != KindOriginal && !(a.Kind == KindCopy && src.Kind == KindBrief) {
				t.Fatalf("%s: %s of a %s", a.ID, a.Kind, src.Kind)
			}
			if a.Kind == KindCopy && src.Kind == KindBrief && a.Template != src.Template {
				t.Fatalf("%s: brief copy template %q, source %q", a.ID, a.Template, src.Template)
			}
			if !a.Date.IsZero() && !src.Date.IsZero() {
				if a.Date.Before(src.Date) || a.Date.Sub(src.Date) >= 4*24*time.Hour {
					t.Fatalf("%s dated %v, source %v", a.ID, a.Date, src.Date)
				}
			}
		default:
			if a.Source != "" {
				t.Fatalf("%s: %s with source %q", a.ID, a.Kind, a.Source)
			}
			if len(stories[a.Story]) > 1 && stories[a.Story][0] != i {
				t.Fatalf("%s: %s shares story %s with an earlier article", a.ID, a.Kind, a.Story)
			}
		}
		switch a.Kind {
		case KindOriginal:
			if a.Event == "" {
				t.Fatalf("%s: original without event", a.ID)
			}
		case KindEvent:
			if origEvents[a.Event] == "" || pos[origEvents[a.Event]] >= i {
				t.Fatalf("%s: event %q has no earlier original", a.ID, a.Event)
			}
			if len(stories[a.Story]) != 1 {
				t.Fatalf("%s: same-event article shares its story", a.ID)
			}
		case KindBrief:
			if a.Template == "" || a.Event != "" {
				t.Fatalf("%s: brief template %q event %q", a.ID, a.Template, a.Event)
			}
		case KindSingle:
			if a.Event != "" || a.Template != "" || len(stories[a.Story]) != 1 {
				t.Fatalf("%s: single with labels %+v", a.ID, a)
			}
		case KindCopy, KindRewrite:
		default:
			t.Fatalf("%s: kind %q", a.ID, a.Kind)
		}
	}
}

func TestLabels(t *testing.T) {
	arts := testCorpus()
	checkLabels(t, arts)

	count := make(map[Kind]int)
	copies := make(map[string][]string) // original -> outlets of its copies
	undated := 0
	for _, a := range arts {
		count[a.Kind]++
		if a.Kind == KindCopy && a.Template == "" {
			copies[a.Source] = append(copies[a.Source], a.Outlet)
		}
		if a.Date.IsZero() {
			undated++
		}
	}
	want := map[Kind]float64{KindOriginal: .15, KindCopy: .35, KindRewrite: .10, KindEvent: .10, KindBrief: .15, KindSingle: .15}
	for k, share := range want {
		if got := float64(count[k]) / float64(len(arts)); math.Abs(got-share) > 0.01 {
			t.Errorf("%s: %.3f of documents, want about %.2f", k, got, share)
		}
	}
	for _, a := range arts {
		if a.Kind != KindOriginal {
			continue
		}
		outs := copies[a.ID]
		if len(outs) < 1 || len(outs) > 10 {
			t.Errorf("%s: %d copies", a.ID, len(outs))
		}
		slices.Sort(outs)
		if len(slices.Compact(outs)) != len(outs) {
			t.Errorf("%s: two copies in one outlet", a.ID)
		}
	}
	if share := float64(undated) / float64(len(arts)); share < 0.17 || share > 0.23 {
		t.Errorf("%.3f of documents undated, want about 0.20", share)
	}
	t.Logf("kinds: %v; undated %d of %d", count, undated, len(arts))
}

// TestShingleShares measures what rewrites and same-event articles share
// with their originals, on the articles' own text without outlet chrome.
func TestShingleShares(t *testing.T) {
	arts := testCorpus()
	byID := make(map[string]*Article)
	orig := make(map[string]*Article)
	for i := range arts {
		a := &arts[i]
		byID[a.ID] = a
		if a.Kind == KindOriginal {
			orig[a.Event] = a
		}
	}
	share := make(map[Kind][]float64)
	for i := range arts {
		a := &arts[i]
		switch a.Kind {
		case KindRewrite, KindCopy:
			if src := byID[a.Source]; src.Kind == KindOriginal {
				share[a.Kind] = append(share[a.Kind], sharedOfSmaller(src.body(), a.body()))
			}
		case KindEvent:
			share[a.Kind] = append(share[a.Kind], sharedOfSmaller(orig[a.Event].body(), a.body()))
		}
	}
	for _, k := range []Kind{KindCopy, KindRewrite, KindEvent} {
		t.Logf("%-8s n=%4d shared 5-shingles of the smaller text, quantiles 0/.05/.25/.5/.75/.95/1: %.3f",
			k, len(share[k]), quantiles(share[k], 0, .05, .25, .5, .75, .95, 1))
	}
	in := 0
	for _, s := range share[KindRewrite] {
		if s >= 0.25 && s <= 0.45 {
			in++
		}
	}
	if frac := float64(in) / float64(len(share[KindRewrite])); frac < 0.9 {
		t.Errorf("%.2f of rewrites keep 25-45%% of shingles, want at least 0.90", frac)
	}
	for _, s := range share[KindEvent] {
		if s >= 0.10 {
			t.Errorf("a same-event article shares %.3f of shingles, want under 0.10", s)
		}
	}
	if q := quantiles(share[KindCopy], 0.5)[0]; q < 0.8 {
		t.Errorf("median copy shares %.3f, want over 0.8", q)
	}
}

func TestTemplatesPerOutlet(t *testing.T) {
	cfg := Config{Docs: 3000, Seed: 42}
	arts := Generate(cfg)
	outs := newGenerator(cfg).outlets // the same outlets, rebuilt from the seed
	byName := make(map[string]*outlet)
	bare := 0
	for _, o := range outs {
		byName[o.name] = o
		if !o.chrome {
			bare++
			continue
		}
		if n := wordCount(o.header); n < 20 || n > 80 {
			t.Errorf("%s: header of %d words", o.name, n)
		}
		if n := wordCount(o.footer) + wordCount(o.appeal); n < 40 || n > 200 {
			t.Errorf("%s: footer and appeal of %d words", o.name, n)
		}
	}
	if bare == 0 || bare > len(outs)/3 {
		t.Errorf("%d of %d outlets without chrome", bare, len(outs))
	}
	published := make(map[string]int)
	withRecs := 0
	for _, a := range arts {
		o := byName[a.Outlet]
		if o == nil {
			t.Fatalf("%s: unknown outlet %q", a.ID, a.Outlet)
		}
		published[o.name]++
		if !strings.HasPrefix(a.URL, "https://"+o.domain+"/") {
			t.Errorf("%s: URL %s not on %s", a.ID, a.URL, o.domain)
		}
		if !o.chrome {
			if a.bodyEnd != len(a.Text) {
				t.Errorf("%s: bare outlet %s adds text after the body", a.ID, o.name)
			}
			continue
		}
		for _, part := range []string{o.header, o.footer, o.appeal} {
			if !strings.Contains(a.Text, part) {
				t.Fatalf("%s: %s page lacks its template %q", a.ID, o.name, part)
			}
		}
		if strings.Contains(a.body(), o.header) {
			t.Errorf("%s: header inside the body", a.ID)
		}
		if o.recs > 0 && strings.Contains(a.Text[a.bodyEnd:], o.recHead) {
			withRecs++
		}
	}
	for _, o := range outs {
		if published[o.name] == 0 {
			t.Errorf("%s published nothing", o.name)
		}
	}
	if withRecs == 0 {
		t.Error("no page has a recommended-stories list")
	}
}

func TestLengths(t *testing.T) {
	bounds := map[Kind][2]int{KindOriginal: {300, 900}, KindRewrite: {250, 1000}, KindEvent: {250, 1000},
		KindSingle: {250, 1000}, KindBrief: {60, 150}, KindCopy: {40, 1000}}
	for _, a := range testCorpus() {
		n := wordCount(a.body())
		if b := bounds[a.Kind]; n < b[0] || n > b[1] {
			t.Errorf("%s: %s of %d words, want %d-%d", a.ID, a.Kind, n, b[0], b[1])
		}
	}
}

func TestSentences(t *testing.T) {
	c := newGenerator(Config{Docs: 1, Seed: 5})
	g := &c.g
	g.ev = g.newEvent("e", 3)
	st := style{curly: true, british: true}
	for i := range 3000 {
		g.begin(g.ev)
		var s string
		switch i % 3 {
		case 0:
			s = g.sentence()
		case 1:
			s = g.lead()
		default:
			s = g.quoteSentence(g.ev.quotes[i%len(g.ev.quotes)])
		}
		r := st.renderString(s, "Friday", 0)
		if n := len(strings.Fields(r)); n < 10 || n > 32 {
			t.Fatalf("sentence of %d words: %q", n, r)
		}
		if strings.ContainsAny(r, "\x01\x02\x03\x04\x05") || !strings.HasSuffix(r, ".") && !strings.HasSuffix(r, ".\u201d") {
			t.Fatalf("badly rendered sentence %q", r)
		}
		if first, _ := utf8First(r); !unicode.IsUpper(first) && first != '\u201c' {
			t.Fatalf("sentence not capitalised: %q", r)
		}
	}
}

func utf8First(s string) (rune, int) {
	for _, r := range s {
		return r, 0
	}
	return 0, 0
}

func TestVocabulary(t *testing.T) {
	freq := make(map[string]int)
	for _, a := range testCorpus()[:2000] {
		if a.Kind == KindCopy {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.body()), func(r rune) bool { return !unicode.IsLetter(r) }) {
			freq[w]++
		}
	}
	type wf struct {
		w string
		n int
	}
	var ranked []wf
	for w, n := range freq {
		ranked = append(ranked, wf{w, n})
	}
	slices.SortFunc(ranked, func(a, b wf) int { return b.n - a.n })
	if ranked[0].w != "the" {
		t.Errorf("most frequent word %q, want \"the\"", ranked[0].w)
	}
	rank := make(map[string]int)
	for i, x := range ranked {
		rank[x.w] = i
	}
	for _, w := range []string{"of", "said", "in", "a"} {
		if r, ok := rank[w]; !ok || r >= 20 {
			t.Errorf("%q ranks %d, want in the top 20", w, r)
		}
	}
	if len(freq) < 3000 {
		t.Errorf("%d distinct words, want several thousand", len(freq))
	}
	var top []string
	for _, x := range ranked[:15] {
		top = append(top, fmt.Sprintf("%s:%d", x.w, x.n))
	}
	t.Logf("%d distinct words; top: %s", len(freq), strings.Join(top, " "))
}

func TestQuoteStyles(t *testing.T) {
	var curly, straight, british, american int
	for _, a := range testCorpus() {
		b := a.body()
		if strings.Contains(b, "\u201c") {
			curly++
		}
		if strings.Contains(b, "\"") {
			straight++
		}
		if strings.Contains(b, " per cent") {
			british++
		}
		if strings.Contains(b, " percent") {
			american++
		}
	}
	if curly == 0 || straight == 0 || british == 0 || american == 0 {
		t.Errorf("curly %d, straight %d, per cent %d, percent %d: want both of each", curly, straight, british, american)
	}
}

func TestWriteJSONL(t *testing.T) {
	arts := Generate(Config{Docs: 300, Seed: 3})
	sc := bufio.NewScanner(bytes.NewReader(jsonl(t, arts)))
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		var m map[string]string
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		a := arts[i]
		if m["id"] != a.ID || m["outlet"] != a.Outlet || m["url"] != a.URL || m["title"] != a.Title || m["text"] != a.Text {
			t.Fatalf("line %d does not match article %s", i+1, a.ID)
		}
		date, has := m["date"]
		if a.Date.IsZero() == has || has && date != a.Date.Format("2006-01-02") {
			t.Fatalf("line %d: date %q for %v", i+1, date, a.Date)
		}
		if len(m) != 5+btoi(has) {
			t.Fatalf("line %d: fields %v", i+1, m)
		}
		i++
	}
	if i != len(arts) {
		t.Fatalf("%d lines for %d articles", i, len(arts))
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestWriteLabels(t *testing.T) {
	arts := Generate(Config{Docs: 300, Seed: 3})
	var b bytes.Buffer
	if err := WriteLabels(&b, arts); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "doc_id,story_id,kind,source,event,template" || len(rows) != len(arts)+1 {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	for i, a := range arts {
		want := []string{a.ID, a.Story, string(a.Kind), a.Source, a.Event, a.Template}
		if !slices.Equal(rows[i+1], want) {
			t.Fatalf("row %d = %v, want %v", i+1, rows[i+1], want)
		}
	}
}

func TestGenerateFuncStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := GenerateFunc(Config{Docs: 100, Seed: 1}, func(Article) error {
		n++
		if n == 7 {
			return stop
		}
		return nil
	})
	if err != stop || n != 7 {
		t.Fatalf("err %v after %d articles", err, n)
	}
}

func TestStart(t *testing.T) {
	start := time.Date(2021, 6, 30, 15, 0, 0, 0, time.UTC)
	for _, a := range Generate(Config{Docs: 200, Seed: 1, Start: start}) {
		if !a.Date.IsZero() && (a.Date.Before(start.Truncate(24*time.Hour)) || a.Date.After(start.AddDate(0, 0, 5))) {
			t.Fatalf("%s dated %v, start %v", a.ID, a.Date, start)
		}
	}
}

func ExampleGenerate() {
	arts := Generate(Config{Docs: 1000, Seed: 1})
	count := make(map[Kind]int)
	for _, a := range arts {
		count[a.Kind]++
	}
	for _, k := range []Kind{KindOriginal, KindCopy, KindRewrite, KindEvent, KindBrief, KindSingle} {
		fmt.Println(k, count[k])
	}
	// Output:
	// original 150
	// copy 350
	// rewrite 100
	// event 100
	// brief 150
	// single 150
}
