package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
)

// TestPages reads the hand-made news pages of testdata/pages as a
// directory: the main text must hold all of the article (NAME.want) and
// little else, and the page's metadata must fill in the document.
func TestPages(t *testing.T) {
	var warns []Warning
	st := &Stats{}
	docs, rej, err := readAll([]string{"testdata/pages"}, Options{Stats: st, Warn: func(w Warning) { warns = append(warns, w) }})
	if err != nil || rej != nil {
		t.Fatalf("error %v, rejected %v", err, rej)
	}
	checkDocs(t, docs)
	type meta struct{ title, outlet, url, date string }
	want := map[string]meta{
		"brief-short.html":                    {"Council passes budget", "Riverside Gazette", "https://riversidegazette.example/local/council-passes-budget", "2023-03-14"},
		"moscowtimes-lavrov-no-war.html":      {"Russia Not to Blame if War Breaks Out, Lavrov Says", "The Moscow Times", "https://www.themoscowtimes.com/2022/01/28/russia-not-to-blame-if-war-breaks-out-lavrov-says-a761350", "2022-01-28"},
		"moscowtimes-respectful-ties.html":    {"Russia Says Wants 'Respectful' Ties With U.S.", "The Moscow Times", "https://www.themoscowtimes.com/2022/01/30/russia-says-wants-respectful-ties-with-u-s-a761345", "2022-01-30"},
		"moscowtimes-security-proposals.html": {"Russia Sends Security Proposals to U.S. as Ukraine Tensions Soar", "The Moscow Times", "https://www.themoscowtimes.com/2021/12/15/russia-sends-security-proposals-to-u-s-as-ukraine-tensions-soar-a761364", "2021-12-15"},
		"taipeitimes-reuters-lavrov.html":     {"Russia 'does not want war,' foreign minister says", "Taipei Times", "https://www.taipeitimes.com/News/world/archives/2022/01/29/2003772104", "2022-01-29"},
		"yahoo-reuters-lavrov.html":           {"'We don't want wars': Russia sends less hawkish message on Ukraine", "Yahoo News", "https://news.yahoo.com/dont-want-wars-russia-sends-less-hawkish-message-ukraine-114417535.html", "2022-01-28"},
	}
	if len(docs) != len(want) || st.Pages != len(want) || st.Fallbacks != 0 || warns != nil {
		t.Fatalf("%d documents, stats %+v, warnings %v; want %d pages read by the extractor", len(docs), st, warns, len(want))
	}
	for _, d := range docs {
		w := want[d.ID]
		got := meta{d.Title, d.Outlet, d.URL, d.Date.Format(time.DateOnly)}
		if got != w {
			t.Errorf("%s: metadata %+v, want %+v", d.ID, got, w)
		}
		exp, err := os.ReadFile(filepath.Join("testdata/pages", strings.TrimSuffix(d.ID, ".html")+".want"))
		if err != nil {
			t.Fatal(err)
		}
		recall, precision := wordScore(string(exp), d.Text)
		t.Logf("%s: recall %.3f precision %.3f", d.ID, recall, precision)
		if recall < 1 || precision < 0.9 {
			t.Errorf("%s: recall %.3f, precision %.3f of the article's words; want 1 and at least 0.9", d.ID, recall, precision)
		}
	}
}

// wordScore returns the share of want's words that got has, and the
// share of got's words that are want's, counting repeats.
func wordScore(want, got string) (recall, precision float64) {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	w, g := split(want), split(got)
	n := make(map[string]int)
	for _, x := range w {
		n[x]++
	}
	hit := 0
	for _, x := range g {
		if n[x] > 0 {
			n[x]--
			hit++
		}
	}
	if len(g) == 0 || len(w) == 0 {
		return 0, 0
	}
	return float64(hit) / float64(len(w)), float64(hit) / float64(len(g))
}

// failing is an Extractor that rejects every page, or panics.
type failing struct{ panic bool }

func (f failing) Extract(page []byte, pageURL string) (Article, error) {
	if f.panic {
		panic("boom")
	}
	return Article{}, errors.New("no article here")
}

// TestExtractorFallback checks that a page the extractor rejects, or
// panics on, is read as visible text with a warning, and that manifest
// and record metadata win over the page's.
func TestExtractorFallback(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><title>Page title</title><meta property="og:site_name" content="Site">
<meta name="date" content="2022-02-01"></head><body><nav>Menu</nav><p>Body &amp; soul.</p></body></html>`
	writeFiles(t, dir, map[string]string{
		"d/a.html":       page,
		"d/b.htm":        page,
		"d/manifest.csv": "id,title,outlet\nb.htm,Manifest title,\n",
		"p.jsonl":        `{"id":"j","html":` + jsonQuote(page) + `,"date":"2022-03-04","outlet":"Rec"}` + "\n",
	})
	for _, ex := range []Extractor{failing{}, failing{panic: true}} {
		var warns []string
		st := &Stats{}
		docs, rej, err := readAll([]string{filepath.Join(dir, "d"), filepath.Join(dir, "p.jsonl")},
			Options{Extractor: ex, Stats: st, Warn: func(w Warning) { warns = append(warns, w.String()) }})
		if err != nil || rej != nil {
			t.Fatalf("error %v, rejected %v", err, rej)
		}
		day := func(s string) time.Time { d, _ := ParseDate(s); return d }
		want := []Document{
			{ID: "a.html", Outlet: "Site", Title: "Page title", Date: day("2022-02-01"), Text: "Menu\nBody & soul.\n", Source: filepath.Join(dir, "d/a.html")},
			{ID: "b.htm", Outlet: "Site", Title: "Manifest title", Date: day("2022-02-01"), Text: "Menu\nBody & soul.\n", Source: filepath.Join(dir, "d/b.htm")},
			{ID: "j", Outlet: "Rec", Title: "Page title", Date: day("2022-03-04"), Text: "Menu\nBody & soul.\n", Source: filepath.Join(dir, "p.jsonl"), Line: 1},
		}
		var got []Document
		for _, d := range docs {
			got = append(got, *d)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%T %+v:\ngot  %+v\nwant %+v", ex, ex, got, want)
		}
		reason := "no article here"
		if ex.(failing).panic {
			reason = "extractor panicked: boom"
		}
		wantWarns := []string{
			filepath.Join(dir, "d/a.html") + ": a.html: main-text extraction failed (" + reason + "): using all visible text",
			filepath.Join(dir, "d/b.htm") + ": b.htm: main-text extraction failed (" + reason + "): using all visible text",
			filepath.Join(dir, "p.jsonl") + ":1: j: main-text extraction failed (" + reason + "): using all visible text",
		}
		if !reflect.DeepEqual(warns, wantWarns) || st.Fallbacks != 3 || st.Pages != 0 {
			t.Errorf("warnings\n%q\nwant\n%q\nstats %+v", warns, wantWarns, st)
		}
	}
}

// jsonQuote returns s as a JSON string.
func jsonQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestDecodePage covers the charset rules: BOM, HTTP header, meta tag,
// and the windows-1252 guess for undeclared bytes that are not UTF-8.
func TestDecodePage(t *testing.T) {
	for _, tc := range []struct {
		name, page, ct, want, reason string
	}{
		{"utf-8 default", "<p>café</p>", "", "<p>café</p>", ""},
		{"utf-8 bom", "\xEF\xBB\xBF<p>café</p>", "", "<p>café</p>", ""},
		{"header charset", "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", "text/html; charset=windows-1251", "<p>Привет</p>", ""},
		{"meta charset", `<meta charset="koi8-r"><p>` + "\xf0\xd2\xc9\xd7\xc5\xd4</p>", "", `<meta charset="koi8-r"><p>Привет</p>`, ""},
		{"http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>caf` + "\xe9</p>", "", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>café</p>`, ""},
		{"header wins over meta", `<meta charset="koi8-r"><p>` + "\xe9</p>", "text/html; charset=windows-1252", `<meta charset="koi8-r"><p>é</p>`, ""},
		{"undeclared latin-1", "<p>caf\xe9</p>", "", "<p>café</p>", ""},
		{"declared utf-8, invalid", `<meta charset="utf-8"><p>caf` + "\xe9</p>", "", "", "invalid UTF-8 at byte 28"},
		{"shift_jis, bad pair", `<meta charset="shift_jis">` + "ok \x85\x40", "", "", "invalid shift_jis at byte 29"},
		{"euc-kr, bad byte", `<meta charset="euc-kr">` + "\xb0\xa1 \xff", "", "", "invalid euc-kr at byte 26"},
		{"NUL", "<p>a\x00b</p>", "", "", "binary content (NUL byte)"},
	} {
		got, reason := decodePage([]byte(tc.page), tc.ct, 0)
		if string(got) != tc.want || reason != tc.reason {
			t.Errorf("%s: got %q, %q; want %q, %q", tc.name, got, reason, tc.want, tc.reason)
		}
	}
}

// TestExtractKeepsParagraphs: the extracted text has a line per
// paragraph, so a dateline starts its line, where credit detection looks
// for it (trafilatura's own plain text runs paragraphs together).
func TestExtractKeepsParagraphs(t *testing.T) {
	page, err := os.ReadFile("testdata/pages/yahoo-reuters-lavrov.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := DefaultExtractor().Extract(page, "https://news.yahoo.com/x")
	if err != nil {
		t.Fatal(err)
	}
	const dateline = "\nMOSCOW (Reuters) - Russia on Friday sent its strongest signal"
	if !strings.Contains(a.Text, dateline) || strings.Count(a.Text, "\n") < 10 || strings.HasSuffix(a.Text, "\n") {
		t.Errorf("text does not keep its paragraphs (want a line starting %q):\n%.600s", dateline[1:], a.Text)
	}
}
