package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// readAll runs Read and collects the documents it passes on.
func readAll(inputs []string, opt Options) ([]*Document, []Rejected, error) {
	var docs []*Document
	rej, err := Read(inputs, opt, func(d *Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, rej, err
}

// writeFiles creates files (path relative to dir -> content) below dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ids returns the IDs of docs in order.
func ids(docs []*Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

// checkDocs asserts what every document Read passes on must satisfy:
// valid UTF-8 in every field, a non-empty unique ID, non-blank text.
func checkDocs(t testing.TB, docs []*Document) {
	t.Helper()
	seen := make(map[string]bool)
	for _, d := range docs {
		for _, s := range []string{d.ID, d.Outlet, d.URL, d.Title, d.Text, d.Source} {
			if !utf8.ValidString(s) {
				t.Fatalf("document %q: invalid UTF-8 in %q", d.ID, s)
			}
		}
		if d.ID == "" {
			t.Fatalf("document with empty ID: %+v", d)
		}
		if seen[d.ID] {
			t.Fatalf("duplicate ID %q passed on", d.ID)
		}
		seen[d.ID] = true
		if check(d) != "" {
			t.Fatalf("document %q passed on although %s", d.ID, check(d))
		}
	}
}

// checkSkipBad compares what a read with SkipBad returned with the
// documents and rejections expected; d rewrites the placeholders in the
// expected sources and reasons into real paths.
func checkSkipBad(t *testing.T, docs []*Document, rej []Rejected, wantDocs []string, want []Rejected, d func(string) string) {
	t.Helper()
	checkDocs(t, docs)
	if got := ids(docs); !reflect.DeepEqual(got, wantDocs) {
		t.Errorf("SkipBad: documents %q, want %q", got, wantDocs)
	}
	var wantRej []Rejected
	for _, r := range want {
		r.Source, r.Reason = d(r.Source), d(r.Reason)
		wantRej = append(wantRej, r)
	}
	if !reflect.DeepEqual(rej, wantRej) {
		t.Errorf("SkipBad: rejected\n%+v\nwant\n%+v", rej, wantRej)
	}
}
