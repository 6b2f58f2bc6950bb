package html

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteHostile(t *testing.T) {
	docs := hostileCorpus(t)
	r, text := scanDocs(t, docs)
	var sizes []int
	for _, s := range r.Stories {
		sizes = append(sizes, len(s.Members))
	}
	if slices.Max(sizes) < 2 {
		t.Fatalf("the hostile corpus gave no story: %v", sizes)
	}
	root := t.TempDir()
	dir := filepath.Join(root, "report")
	if err := Write(dir, r, Options{Text: text}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Fatalf("files outside the report directory: %v", entries)
	}
	files := readTree(t, dir)
	name := regexp.MustCompile(`^(index\.html|stories/s[0-9]{6}\.html)$`)
	stories := 0
	for p, b := range files {
		if !name.MatchString(p) {
			t.Errorf("unexpected file %q", p)
		}
		if strings.HasPrefix(p, "stories/") {
			stories++
		}
		for _, bad := range []string{`<script>document`, `<img src=x`, `</textarea><textarea>`, `<h1 id="pwned"`, `<svg onload`, "\x00", `<b>Yahoo</b>`, `onmouseover="alert`} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s holds unescaped %q", p, bad)
			}
		}
		checkCSP(t, p, b)
	}
	multi := 0
	for _, s := range r.Stories {
		if len(s.Members) > 1 {
			multi++
		}
	}
	if stories != multi {
		t.Errorf("%d story pages for %d stories with copies", stories, multi)
	}
	// The payload is shown, as text, in the side-by-side view.
	var page []byte
	for p, b := range files {
		if strings.HasPrefix(p, "stories/") && bytes.Contains(b, []byte("Taipei Times")) {
			page = b
		}
	}
	if !bytes.Contains(page, []byte(`&lt;script&gt;document.documentElement.setAttribute(&#34;data-pwned&#34;, &#34;script&#34;)&lt;/script&gt;`)) {
		t.Errorf("the Reuters story page does not show the payload as text")
	}
	if !bytes.Contains(page, []byte(`../../etc/x`)) {
		t.Errorf("the story page does not name the document ../../etc/x")
	}
}

// checkCSP asserts that a page has one CSP meta tag that allows its
// inline style and inline script by their hashes and nothing else, and
// that the page has no other code: no event handler attributes, no
// external resources.
func checkCSP(t *testing.T, name string, b []byte) {
	t.Helper()
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindAllSubmatch(b, -1)
	if len(m) != 1 {
		t.Fatalf("%s: %d CSP meta tags", name, len(m))
	}
	policy := strings.ReplaceAll(string(m[0][1]), "&#39;", "'")
	sum := func(s []byte) string {
		h := sha256.Sum256(s)
		return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	}
	want := "default-src 'none'; style-src "
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllSubmatch(b, -1)
	if len(styles) != 1 {
		t.Fatalf("%s: %d style elements", name, len(styles))
	}
	want += sum(styles[0][1]) + "; base-uri 'none'; form-action 'none'"
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllSubmatch(b, -1)
	if len(scripts) > 1 {
		t.Fatalf("%s: %d inline scripts", name, len(scripts))
	}
	if len(scripts) == 1 {
		want += "; script-src " + sum(scripts[0][1])
	}
	if policy != want {
		t.Errorf("%s: policy\n%s\nwant\n%s", name, policy, want)
	}
	if n := bytes.Count(b, []byte("<script")); n != 2*len(scripts) {
		t.Errorf("%s: %d script elements, want %d (data and code)", name, n, 2*len(scripts))
	}
	// Escaped text has no tags; real tags must carry no handlers or
	// sources.
	for _, tag := range regexp.MustCompile(`<[a-zA-Z][^>]*>`).FindAll(b, -1) {
		if regexp.MustCompile(`(?i)\son[a-z]+\s*=|\s(src|srcset|action|formaction)\s*=|href="(javascript|data|https?):`).Match(tag) {
			t.Errorf("%s: tag with code or an external resource: %s", name, tag)
		}
	}
	if bytes.Contains(b, []byte("@import")) || bytes.Contains(b, []byte("url(")) {
		t.Errorf("%s: style loads something", name)
	}
}

func TestWriteSameBytesAnyWorkers(t *testing.T) {
	r, text := scanDocs(t, hostileCorpus(t))
	var trees []map[string][]byte
	for _, w := range []int{1, 4} {
		dir := t.TempDir()
		if err := Write(dir, r, Options{Text: text, Workers: w}); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, readTree(t, dir))
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("%d files with 1 worker, %d with 4", len(trees[0]), len(trees[1]))
	}
	for p, b := range trees[0] {
		if !bytes.Equal(b, trees[1][p]) {
			t.Errorf("%s differs between 1 and 4 workers", p)
		}
	}
}

func TestWriteListsAndStale(t *testing.T) {
	r, text := scanDocs(t, hostileCorpus(t))
	dir := t.TempDir()
	stories := filepath.Join(dir, "stories")
	if err := os.MkdirAll(stories, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"s999999.html", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(stories, f), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(dir, r, Options{Text: text, ListSize: 1}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	if _, ok := files["stories/s999999.html"]; ok {
		t.Error("a story page of an earlier report was left")
	}
	if _, ok := files["stories/notes.txt"]; !ok {
		t.Error("a file the report did not make was removed")
	}
	if _, ok := files["list-2.html"]; !ok {
		t.Errorf("no list-2.html with one story a list: %v", slices.Sorted(mapsKeys(files)))
	}
	if !bytes.Contains(files["index.html"], []byte(`href="list-2.html"`)) {
		t.Error("index.html does not link list-2.html")
	}
}

func mapsKeys(m map[string][]byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestWriteWithoutTexts(t *testing.T) {
	r, _ := scanDocs(t, hostileCorpus(t))
	dir := t.TempDir()
	if err := Write(dir, r, Options{Notes: []string{"standard input cannot be read twice"}}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	if !bytes.Contains(files["index.html"], []byte("standard input cannot be read twice")) {
		t.Error("the index does not carry the note")
	}
	for p, b := range files {
		if strings.HasPrefix(p, "stories/") && !bytes.Contains(b, []byte("texts are not available")) {
			t.Errorf("%s does not say the texts are missing", p)
		}
	}
}
