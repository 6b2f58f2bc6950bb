package html

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/scan"
)

// payload is markup a scraped page may carry. Were any of it to reach a
// page unescaped, it would set data-pwned on the root element, add an
// element with id "pwned", or break out of the text's table cell.
const payload = `
<script>document.documentElement.setAttribute("data-pwned", "script")</script>
<img src=x onerror="document.documentElement.setAttribute('data-pwned', 'img')">
</textarea><textarea>
</td></tr></table><h1 id="pwned">layout broken</h1><!--
<svg onload="document.documentElement.setAttribute('data-pwned', 'svg')"></svg>
`

// hostileIDs are document IDs that must not turn into file names.
var hostileIDs = []string{
	"../../etc/x",
	strings.Repeat("long/", 60) + ".txt", // 300 characters
	"nul\x00id",
	`C:\evil\..\x" onmouseover="alert(1)`,
	"<img src=x onerror=alert(1)>",
}

func readSeed(t testing.TB, prefix string) string {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/seeds/" + prefix + "_*.txt")
	if len(paths) != 1 {
		t.Fatalf("seed %s: %v", prefix, paths)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	// Drop the " date YYYY-MM-DD Title" header line some seeds have.
	s := string(b)
	if strings.HasPrefix(strings.TrimLeft(s, " "), "date ") {
		s = s[strings.IndexByte(s, '\n')+1:]
	}
	return s
}

// hostileCorpus is the Reuters story of seeds 002 and 003 with the
// payload in both texts, in titles and outlets, under hostile IDs, and a
// second story made of seed 000 and a trimmed copy of it.
func hostileCorpus(t testing.TB) []corpus.Document {
	s000, s001, s002, s003 := readSeed(t, "000"), readSeed(t, "001"), readSeed(t, "002"), readSeed(t, "003")
	mid := func(s string) string { // payload in the middle of a text
		i := strings.Index(s[len(s)/2:], "\n") + len(s)/2
		return s[:i] + "\n" + payload + "\n" + s[i:]
	}
	day := func(d int) time.Time { return time.Date(2022, 1, d, 0, 0, 0, 0, time.UTC) }
	return []corpus.Document{
		{ID: hostileIDs[0], Outlet: `<b>Yahoo</b> "News" ` + payload, Title: `</title><script>alert(1)</script>` + payload, Date: day(28), Text: mid(s002)},
		{ID: hostileIDs[1], Outlet: "Taipei Times", Title: "Russia 'does not want war' </textarea>", Date: day(29), Text: mid(s003)},
		{ID: hostileIDs[2], Outlet: "The Moscow Times", Title: "Respectful ties", Text: s000},
		{ID: hostileIDs[3], Outlet: "Copy & Paste Daily", Title: payload, Date: day(30), Text: s000[:len(s000)*2/3]},
		{ID: hostileIDs[4], Outlet: "The Moscow Times", Title: "Lavrov", Text: s001},
	}
}

// scanDocs scans docs in memory and returns the result and a Text
// function over the same documents.
func scanDocs(t testing.TB, docs []corpus.Document) (*scan.Result, func(int) (string, bool, error)) {
	t.Helper()
	opt := scan.DefaultOptions()
	opt.TempDir = t.TempDir()
	opt.Workers = 2
	r, err := scan.Run(context.Background(), scan.Docs(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	return r, func(i int) (string, bool, error) { return docs[i].Text, true, nil }
}
