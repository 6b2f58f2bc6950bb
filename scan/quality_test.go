package scan

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/eval"
	"github.com/reprint-news/reprint/synth"
)

var update = flag.Bool("update", false, "rewrite testdata/quality.txt")

// quality scores a scan of the generated articles against their labels,
// overall and per kind of document, as a text table.
func quality(arts []synth.Article, res *Result) string {
	pred := assign(arts, res)
	var b bytes.Buffer
	s := eval.Compare(pred, labels(arts))
	fmt.Fprintf(&b, "all          docs %5d  precision %.4f  recall %.4f  f1 %.4f  ari %.4f\n", s.Docs, s.Precision, s.Recall, s.F1, s.ARI)

	// Recall per kind: the true pairs between a copy (or rewrite, or brief
	// copy) and its source.
	recall := map[synth.Kind][][]string{}
	byID := map[string]synth.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, a := range arts {
		if a.Source != "" {
			kind := a.Kind
			if byID[a.Source].Kind == synth.Kind("brief") {
				kind = "brief-copy"
			}
			recall[kind] = append(recall[kind], []string{a.ID, a.Source})
		}
	}
	for _, k := range []synth.Kind{"copy", "rewrite", "brief-copy"} {
		in, all := eval.Together(recall[k], pred)
		fmt.Fprintf(&b, "%-12s pairs %5d  recall %.4f\n", k, all, ratio(in, all))
	}

	// False merges: pairs that must stay apart. Same-event articles against
	// every article of their event's story; briefs of one template against
	// each other.
	apart := map[string][][]string{}
	events, templates := map[string][]string{}, map[string][]string{}
	for _, a := range arts {
		if a.Event != "" && (a.Kind == "event" || a.Kind == "original") {
			events[a.Event] = append(events[a.Event], a.ID)
		}
		if a.Template != "" && a.Source == "" {
			templates[a.Template] = append(templates[a.Template], a.ID)
		}
	}
	for _, e := range sortedKeys(events) {
		apart["event"] = append(apart["event"], events[e])
	}
	for _, tm := range sortedKeys(templates) {
		apart["brief"] = append(apart["brief"], templates[tm])
	}
	for _, k := range []string{"event", "brief"} {
		merged, all := eval.Together(apart[k], pred)
		fmt.Fprintf(&b, "%-12s pairs %5d  kept apart %.4f\n", k, all, 1-ratio(merged, all))
	}
	index := map[string]int{} // document ID -> position
	for i, a := range arts {
		index[a.ID] = i
	}
	direction(&b, arts, index, res)
	creditScores(&b, arts, index, res)
	return b.String()
}

// creditScores scores the agencies found in each text against those the
// generator wrote (datelines, credit lines), and the uncredited-copy flag
// against the truth: a copy crediting nothing of a source that credits.
func creditScores(b *bytes.Buffer, arts []synth.Article, index map[string]int, res *Result) {
	var truth, found, right int
	for i, a := range arts {
		truth += len(a.Credits)
		found += len(res.Docs[i].Credits)
		for _, c := range res.Docs[i].Credits {
			if slices.Contains(a.Credits, c) {
				right++
			}
		}
	}
	fmt.Fprintf(b, "credits      docs %5d  credited %d  precision %.4f  recall %.4f\n", len(arts), truth, ratio(int64(right), int64(found)), ratio(int64(right), int64(truth)))
	var flagged, real, both int
	for _, st := range res.Stories {
		for _, l := range st.Links {
			f := len(res.Docs[l.Doc].Credits) == 0 && len(res.Docs[l.From].Credits) > 0
			a := arts[l.Doc]
			src, ok := index[a.Source]
			r := ok && len(a.Credits) == 0 && len(arts[src].Credits) > 0
			if f {
				flagged++
			}
			if r {
				real++
			}
			if f && r {
				both++
			}
		}
	}
	fmt.Fprintf(b, "uncredited   copies %5d  flagged %d  precision %.4f  recall %.4f\n", real, flagged, ratio(int64(both), int64(flagged)), ratio(int64(both), int64(real)))
}

// direction scores provenance against the generator's true sources, for
// copies and rewrites found in a story: how often the link points at the
// true source, and how often it points the wrong way (at a document that
// was copied from this one), apart for pairs with both dates known.
func direction(b *bytes.Buffer, arts []synth.Article, index map[string]int, res *Result) {
	type count struct{ n, exact, reversed int }
	var dated, undated count
	for _, st := range res.Stories {
		for _, l := range st.Links {
			a := arts[l.Doc]
			if a.Source == "" {
				continue
			}
			c := &undated
			if src := arts[index[a.Source]]; a.HasDate() && src.HasDate() {
				c = &dated
			}
			c.n++
			if arts[l.From].ID == a.Source {
				c.exact++
			}
			if arts[l.From].Source == a.ID {
				c.reversed++
			}
		}
	}
	// Origins: stories whose named origin is a copy of a member of the
	// same story (the true source was there to be named instead).
	var multi, wrong int
	for _, st := range res.Stories {
		if len(st.Members) < 2 {
			continue
		}
		multi++
		if src, ok := index[arts[st.Origin].Source]; ok && res.StoryOf[src] == res.StoryOf[st.Origin] {
			wrong++
		}
	}
	fmt.Fprintf(b, "origin       stories %5d  origin is a copy of a member %d\n", multi, wrong)
	for _, x := range []struct {
		name string
		c    count
	}{{"dated", dated}, {"undated", undated}} {
		fmt.Fprintf(b, "direction    %-8s copies %5d  source found %.4f  reversed %d\n", x.name, x.c.n, ratio(int64(x.c.exact), int64(x.c.n)), x.c.reversed)
	}
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestQuality scans a generated corpus of 5,000 articles, with outlet
// metadata and without it, and compares the scores with
// testdata/quality.txt: a change in quality shows as a diff to review.
func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and scans 10,000 documents")
	}
	arts := synth.Generate(synth.Config{Docs: 5000, Seed: 1})
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Document
	}
	var got bytes.Buffer
	res := run(t, docs)
	fmt.Fprintf(&got, "# reprint scan, default options, synth seed 1, 5000 documents\n\n## with outlet metadata\n%s", quality(arts, res))
	all := eval.Compare(assign(arts, res), labels(arts))
	if all.F1 < 0.98 {
		t.Errorf("F1 with metadata = %.4f, want >= 0.98", all.F1)
	}
	for i := range docs {
		docs[i].Outlet, docs[i].URL = "", ""
	}
	res = run(t, docs)
	fmt.Fprintf(&got, "\n## without outlet metadata (no outlet, no URL)\n%s", quality(arts, res))

	path := filepath.Join("testdata", "quality.txt")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./scan -update writes it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("quality changed; review and run go test ./scan -run TestQuality -update:\n--- got\n%s--- want\n%s", got.Bytes(), want)
	}
}

func assign(arts []synth.Article, res *Result) eval.Assignment {
	a := eval.Assignment{}
	for i, x := range arts {
		a[x.ID] = res.Stories[res.StoryOf[i]].ID
	}
	return a
}

func labels(arts []synth.Article) eval.Assignment {
	a := eval.Assignment{}
	for _, x := range arts {
		a[x.ID] = x.Story
	}
	return a
}

func run(t *testing.T, docs []corpus.Document) *Result {
	t.Helper()
	res, err := Run(context.Background(), Docs(docs), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return res
}
