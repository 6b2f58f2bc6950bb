package index

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reprint-news/reprint/corpus"
)

// tinyCorpus is a small hand-made corpus: stories of random words, one
// outlet's chrome in three of its pages (so outlet templates are stored),
// and a dump with a copy of an indexed story and a story copied inside it.
func tinyCorpus() (indexed, dump []corpus.Document) {
	rng := rand.New(rand.NewPCG(1, 2))
	story := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf("w%d", rng.IntN(5000))
		}
		return strings.Join(w, " ")
	}
	chrome := "subscribe to the daily planet newsletter for all the news you need every single morning"
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	a, b, c, d := story(90), story(80), story(70), story(100)
	indexed = []corpus.Document{
		{ID: "i1", Outlet: "planet", Title: "A", Date: day, Text: a + " " + chrome},
		{ID: "i2", Outlet: "planet", Title: "B", Text: b + " " + chrome},
		{ID: "i3", Outlet: "planet", URL: "https://planet.example/c", Date: day.Add(26 * time.Hour), Text: c + " " + chrome},
		{ID: "i4", Outlet: "", Text: story(60)},
	}
	dump = []corpus.Document{
		{ID: "d1", Outlet: "echo", Date: day.Add(48 * time.Hour), Text: a[:len(a)*3/4]},
		{ID: "d2", Outlet: "echo", Text: d},
		{ID: "d3", Outlet: "star", Text: d[:len(d)*2/3] + " " + story(20)},
		{ID: "d4", Outlet: "star", Text: story(50)},
	}
	return indexed, dump
}

// tinyIndex builds the tiny index and returns its directory, the dump's
// batch and the findings of a check, as JSON.
func tinyIndex(t testing.TB) (string, *Batch, []byte) {
	t.Helper()
	p := testParams(32)
	indexed, dump := tinyCorpus()
	_, dir := build(t, p, indexed)
	b := batchOf(t, p, dump)
	want, err := checkJSON(dir, b.clone())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(want, []byte(`"kind": "index"`)) || !bytes.Contains(want, []byte(`"kind": "dump"`)) {
		t.Fatalf("the tiny check finds no copies of both kinds:\n%s", want)
	}
	return dir, b, want
}

func checkJSON(dir string, b *Batch) ([]byte, error) {
	ix, err := Open(dir)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	rep, err := Check(context.Background(), ix, b, CheckOptions{FailOn: []string{FailAnyCopy}})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = WriteFindings(&buf, rep, FormatJSON)
	return buf.Bytes(), err
}

func verifyDir(dir string) error {
	ix, err := Open(dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	return ix.Verify(context.Background())
}

// indexFiles returns the files of an index worth corrupting: the manifest
// and the segments.
func indexFiles(t *testing.T, dir string) []string {
	_, segs, err := readManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{filepath.Join(dir, ManifestName)}
	for _, s := range segs {
		files = append(files, filepath.Join(dir, s.name))
	}
	return files
}

// TestEveryByteFlipped flips each byte of each file of a small index in
// turn: Verify reports every one, and a check either fails with an error
// or, when it did not read the byte, finds exactly what it found before.
// None panics.
func TestEveryByteFlipped(t *testing.T) {
	dir, b, want := tinyIndex(t)
	total := 0
	for _, path := range indexFiles(t, dir) {
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		unnoticed := 0
		for i := range orig {
			data := bytes.Clone(orig)
			data[i] ^= 0xff
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := verifyDir(dir); err == nil {
				t.Fatalf("%s: byte %d flipped, Verify finds nothing wrong", filepath.Base(path), i)
			}
			got, err := checkJSON(dir, b.clone())
			if err == nil {
				unnoticed++
				if !bytes.Equal(got, want) {
					t.Fatalf("%s: byte %d flipped, check answers differently:\n%s\nwant\n%s", filepath.Base(path), i, got, want)
				}
			}
		}
		os.WriteFile(path, orig, 0o644)
		t.Logf("%s: %d bytes flipped, each found by Verify; %d not read by a check", filepath.Base(path), len(orig), unnoticed)
		total += len(orig)
	}
	if total < 1000 {
		t.Errorf("only %d bytes in the index: too small to mean much", total)
	}
	if got, err := checkJSON(dir, b.clone()); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("restored index: %v", err)
	}
}

// TestEveryTruncation cuts each file of a small index at every length:
// opening fails every time, with an error saying it is corrupt.
func TestEveryTruncation(t *testing.T) {
	dir, _, _ := tinyIndex(t)
	for _, path := range indexFiles(t, dir) {
		orig, _ := os.ReadFile(path)
		for n := range len(orig) {
			if err := os.WriteFile(path, orig[:n], 0o644); err != nil {
				t.Fatal(err)
			}
			ix, err := Open(dir)
			if err == nil {
				ix.Close()
				t.Fatalf("%s cut to %d of %d bytes opens", filepath.Base(path), n, len(orig))
			}
			if msg := err.Error(); !strings.Contains(msg, "corrupt index") && !strings.Contains(msg, "not a reprint index") {
				t.Fatalf("%s cut to %d bytes: unclear error %v", filepath.Base(path), n, err)
			}
		}
		os.WriteFile(path, orig, 0o644)
	}
	if err := verifyDir(dir); err != nil {
		t.Fatal(err)
	}
	// A missing segment is as bad as a truncated one.
	files := indexFiles(t, dir)
	os.Remove(files[1])
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "corrupt index") {
		t.Fatalf("Open with a segment missing: %v", err)
	}
}
