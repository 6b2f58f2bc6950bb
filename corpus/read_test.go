package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const seeds = "../testdata/seeds"

// seed is what one seed document should read as.
type seed struct {
	id, outlet, date, title string
	firstLine               string // first non-blank line of the text
}

var seedsWithManifest = []seed{
	{"000_22738a2fa1e210c7.txt", "The Moscow Times", "", "Russia Says Wants 'Respectful' Ties With U.S.", "Support The Moscow Times!"},
	{"001_1a49a5ce151d01e4.txt", "The Moscow Times", "", "Russia Not to Blame if War Breaks Out, Lavrov Says", "×"},
	{"002_2e3d931e3c37b20f.txt", "Yahoo News", "2022-01-28", "'We don't want wars': Russia sends less hawkish message on Ukraine", "• Oops!"},
	{"003_0d9959627c6de714.txt", "Taipei Times", "2022-01-29", "Russia 'does not want war,' foreign minister says", "Reuters, MOSCOW"},
	{"004_da31ee3ee82403ab.txt", "The Moscow Times", "", "Russia Sends Security Proposals to U.S. as Ukraine Tensions Soar", "×"},
}

// Without the manifest only the header lines of 002 and 003 say anything.
var seedsWithoutManifest = []seed{
	{"000_22738a2fa1e210c7.txt", "", "", "", "Support The Moscow Times!"},
	{"001_1a49a5ce151d01e4.txt", "", "", "", "×"},
	{"002_2e3d931e3c37b20f.txt", "", "2022-01-28", "'We don't want wars': Russia sends less hawkish message on Ukraine", "• Oops!"},
	{"003_0d9959627c6de714.txt", "", "2022-01-29", "Russia ‘does not want war,’ foreign minister says", "Reuters, MOSCOW"},
	{"004_da31ee3ee82403ab.txt", "", "", "", "×"},
}

func TestReadSeeds(t *testing.T) {
	noManifest := t.TempDir()
	paths, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("seeds: %v, %d files", err, len(paths))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, noManifest, map[string]string{filepath.Base(p): string(b)})
	}
	for _, tc := range []struct {
		name, dir string
		want      []seed
	}{
		{"manifest", seeds, seedsWithManifest},
		{"no manifest", noManifest, seedsWithoutManifest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, rej, err := readAll([]string{tc.dir}, Options{})
			if err != nil || rej != nil {
				t.Fatalf("Read: %v, rejected %v", err, rej)
			}
			checkDocs(t, docs)
			if len(docs) != len(tc.want) {
				t.Fatalf("got %d documents %q, want %d", len(docs), ids(docs), len(tc.want))
			}
			for i, w := range tc.want {
				checkSeed(t, docs[i], w, filepath.Join(tc.dir, w.id))
			}
		})
	}
}

func checkSeed(t *testing.T, d *Document, w seed, source string) {
	t.Helper()
	got := seed{d.ID, d.Outlet, "", d.Title, firstLine(d.Text)}
	if d.HasDate() {
		got.date = d.Date.Format(time.DateOnly)
	}
	if got != w {
		t.Errorf("got  %+v\nwant %+v", got, w)
	}
	if d.Source != source || d.Line != 0 || d.URL != "" {
		t.Errorf("%s: Source %q Line %d URL %q, want %q 0 \"\"", d.ID, d.Source, d.Line, d.URL, source)
	}
	if strings.Contains(d.Text, "date 2022-") {
		t.Errorf("%s: header line left in the text", d.ID)
	}
}

// firstLine returns the first non-blank line of s, trimmed.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

func TestReadDirWalk(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/b.txt":       "ab",
		"a-c.txt":       "\xEF\xBB\xBFwith BOM",
		"Z/UP.TXT":      "upper-case extension",
		"a/.hidden.txt": "hidden file",
		".git/x.txt":    "hidden dir",
		"notes.md":      "not text",
		"data.jsonl":    `{"text":"not read from a directory"}`,
		"manifest.jsonl": `{"id":"a/b.txt","url":"https://www.Example.COM:8443/x","title":" T "}
{"id":"a-c.txt","outlet":"Own","url":"https://example.org/","date":"2024-05-06T07:08:09+02:00"}
`,
	})
	docs, rej, err := readAll([]string{dir}, Options{})
	if err != nil || rej != nil {
		t.Fatalf("Read: %v, rejected %v", err, rej)
	}
	checkDocs(t, docs)
	// Sorted by the whole relative path: '-' sorts before '/' and upper case first.
	if got, want := ids(docs), []string{"Z/UP.TXT", "a-c.txt", "a/b.txt"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("IDs %q, want %q", got, want)
	}
	want := []Document{
		{ID: "Z/UP.TXT", Text: "upper-case extension"},
		{ID: "a-c.txt", Outlet: "Own", URL: "https://example.org/", Text: "with BOM",
			Date: time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("", 2*3600))},
		{ID: "a/b.txt", Outlet: "example.com", URL: "https://www.Example.COM:8443/x", Title: "T", Text: "ab"},
	}
	for i, d := range docs {
		w := want[i]
		w.Source = filepath.Join(dir, filepath.FromSlash(w.ID))
		if !d.Date.Equal(w.Date) {
			t.Errorf("%s: date %v, want %v", d.ID, d.Date, w.Date)
		}
		d.Date, w.Date = time.Time{}, time.Time{}
		if *d != w {
			t.Errorf("got  %+v\nwant %+v", *d, w)
		}
	}
}

func TestReadSingleText(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"sub/story.txt": "date 2023-02-03\r\nBody\r\n"})
	docs, _, err := readAll([]string{filepath.Join(dir, "sub/story.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{ID: "story.txt", Date: time.Date(2023, 2, 3, 0, 0, 0, 0, time.UTC),
		Text: "Body\r\n", Source: filepath.Join(dir, "sub/story.txt")}
	if len(docs) != 1 || !reflect.DeepEqual(docs[0], want) {
		t.Fatalf("got %+v, want %+v", docs, want)
	}
}

func TestReadJSONLCustomFields(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dump.ndjson")
	writeFiles(t, dir, map[string]string{"dump.ndjson": "\xEF\xBB\xBF" +
		`{"doc":"a1","body":"Body one","site":"Site","link":"http://x.org/1","published":"2022-01-28","headline":"H1","text":"ignored"}` + "\n" +
		"\n" +
		`{"body":"no id","link":"https://www.news.example.co.uk/a"}` + "\r\n" +
		`{"doc":17,"body":"","raw":"<p>Hello &amp; <b>bye</b></p><script>x()</script>","published":null}` + "\n" +
		`  {"doc":"a4","body":"x","published":"2022-01-28 10:11:12.5"}  `})
	opt := Options{Fields: Fields{ID: "doc", Text: "body", Outlet: "site", URL: "link",
		Date: "published", Title: "headline", HTML: "raw"}}
	docs, rej, err := readAll([]string{path}, opt)
	if err != nil || rej != nil {
		t.Fatalf("Read: %v, rejected %v", err, rej)
	}
	checkDocs(t, docs)
	want := []Document{
		{ID: "a1", Outlet: "Site", URL: "http://x.org/1", Date: time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC),
			Title: "H1", Text: "Body one", Line: 1},
		{ID: path + ":3", Outlet: "news.example.co.uk", URL: "https://www.news.example.co.uk/a", Text: "no id", Line: 3},
		{ID: "17", Text: "Hello & bye", Line: 4},
		{ID: "a4", Text: "x", Date: time.Date(2022, 1, 28, 10, 11, 12, 5e8, time.UTC), Line: 5},
	}
	if len(docs) != len(want) {
		t.Fatalf("got %q, want %d documents", ids(docs), len(want))
	}
	for i := range want {
		want[i].Source = path
		if !reflect.DeepEqual(*docs[i], want[i]) {
			t.Errorf("got  %+v\nwant %+v", *docs[i], want[i])
		}
	}
}

func TestReadStdin(t *testing.T) {
	in := strings.NewReader(`{"id":"s1","text":"one"}` + "\n" + `{"text":"two"}` + "\n")
	docs, _, err := readAll([]string{"-"}, Options{Stdin: in})
	if err != nil {
		t.Fatal(err)
	}
	got := []Document{*docs[0], *docs[1]}
	want := []Document{
		{ID: "s1", Text: "one", Source: "-", Line: 1},
		{ID: "-:2", Text: "two", Source: "-", Line: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestReadCSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.csv")
	writeFiles(t, dir, map[string]string{"a.csv": "\xEF\xBB\xBFnote, id ,text,url,title\n" +
		"x,c1,\"first line\nsecond, with comma\n\"\"quoted\"\"\",https://a.example/1,T1\n" +
		"\n" +
		"y,,plain,,\n" +
		"z,c3,,,\"multi\nline title\"\n"})
	docs, rej, err := readAll([]string{path}, Options{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{
		{ID: "c1", Outlet: "a.example", URL: "https://a.example/1", Title: "T1",
			Text: "first line\nsecond, with comma\n\"quoted\"", Line: 2},
		{ID: path + ":6", Text: "plain", Line: 6},
	}
	for i := range want {
		want[i].Source = path
	}
	var got []Document
	for _, d := range docs {
		got = append(got, *d)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	wantRej := []Rejected{{Source: path, Line: 7, ID: "c3", Reason: "no text"}}
	if !reflect.DeepEqual(rej, wantRej) {
		t.Errorf("rejected %+v, want %+v", rej, wantRej)
	}
}

func TestReadFnError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	_, err := Read([]string{seeds}, Options{}, func(*Document) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Fatalf("err %v after %d calls, want %v after 2", err, calls, stop)
	}
}

func TestReadNoInputs(t *testing.T) {
	docs, rej, err := readAll(nil, Options{})
	if docs != nil || rej != nil || err != nil {
		t.Fatalf("got %v %v %v", docs, rej, err)
	}
}

func TestInputErrorString(t *testing.T) {
	for _, tc := range []struct {
		e    InputError
		want string
	}{
		{InputError{File: "a.jsonl", Line: 3, Msg: "no text"}, "a.jsonl:3: no text"},
		{InputError{File: "dir/x.txt", Msg: "no text"}, "dir/x.txt: no text"},
		{InputError{File: "-", Line: 1, Msg: "malformed JSON: want an object"}, "-:1: malformed JSON: want an object"},
		{InputError{File: "crawl.warc.gz", Record: 7, Msg: "truncated WARC record"}, "crawl.warc.gz: record 7: truncated WARC record"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.e, got, tc.want)
		}
	}
}
