package scan

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/shingle"
	"github.com/reprint-news/reprint/synth"
)

// TestTemplatesMatchInMemoryLearning: the templates a scan learns from
// its partitioned, spilled counts are exactly those shingle.LearnTemplates
// finds with every set in memory, for a corpus of 300 outlets, so that
// outlet IDs past the one-word entries (wideID) are counted too, whether
// the counts stay in memory or go to disk.
func TestTemplatesMatchInMemoryLearning(t *testing.T) {
	const outlets, perOutlet = 300, 4
	arts := synth.Generate(synth.Config{Docs: outlets * perOutlet, Seed: 11})
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		d := a.Document
		o := i % outlets
		d.Outlet = fmt.Sprintf("Outlet %03d", o)
		if i%7 == 0 {
			d.Outlet = "" // documents of unknown outlet count corpus-wide only
		}
		d.Text = fmt.Sprintf("Read the %03d Courier every morning for the news that matters to you\n%s\nSubscribe to the %03d Courier newsletter for weekly updates from our newsroom", o, d.Text, o)
		docs[i] = d
	}

	k := DefaultOptions().K
	sh := shingle.NewShingler(k)
	names := make([]string, len(docs))
	sets := make([][]uint32, len(docs))
	for i, d := range docs {
		names[i] = d.Outlet
		for _, h := range sh.Hashes(nil, d.Text) {
			sets[i] = append(sets[i], uint32(h))
		}
		slices.Sort(sets[i])
		sets[i] = slices.Compact(sets[i])
	}
	want := shingle.LearnTemplates(names, sets, shingle.TemplateOptions{})
	if n := len(want.Hashes("Outlet 299")); n == 0 {
		t.Fatal("the last outlet has no template shingles: the test corpus does not exercise wide outlet IDs")
	}

	for _, mem := range []int64{0, 1 << 30} {
		opt := DefaultOptions()
		opt.Mem = mem
		opt.TempDir = t.TempDir()
		opt.FeaturesOnly, opt.KeepFeatures = true, true
		res, err := Run(context.Background(), Docs(docs), opt)
		if err != nil {
			t.Fatal(err)
		}
		got := res.Templates
		if !slices.Equal(got.Outlets(), want.Outlets()) {
			t.Fatalf("mem %d: outlets with templates %v, want %v", mem, got.Outlets(), want.Outlets())
		}
		for _, o := range append([]string{""}, want.Outlets()...) {
			if g, w := got.Hashes(o), want.Hashes(o); !slices.Equal(g, w) {
				t.Errorf("mem %d: outlet %q: %d template shingles, want %d", mem, o, len(g), len(w))
			}
		}
	}
}
