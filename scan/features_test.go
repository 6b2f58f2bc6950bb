package scan

import (
	"context"
	"slices"
	"testing"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/synth"
)

// TestFeaturesOnly: a scan that stops after signing keeps the same
// features as a whole scan, and finds no pairs or stories.
func TestFeaturesOnly(t *testing.T) {
	arts := synth.Generate(synth.Config{Docs: 600, Seed: 7})
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Document
	}
	opt := DefaultOptions()
	opt.KeepFeatures = true
	whole, err := Run(context.Background(), Docs(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.FeaturesOnly = true
	part, err := Run(context.Background(), Docs(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Pairs) == 0 || part.Pairs != nil || part.Stories != nil {
		t.Fatalf("whole scan %d pairs; features-only %d pairs, %d stories, want none", len(whole.Pairs), len(part.Pairs), len(part.Stories))
	}
	if !slices.Equal(whole.Signatures, part.Signatures) || len(whole.Items) != len(part.Items) {
		t.Fatal("features-only signatures differ from the whole scan's")
	}
	for i := range whole.Items {
		if !slices.Equal(whole.Items[i].Set, part.Items[i].Set) {
			t.Fatalf("doc %d: sets differ", i)
		}
	}
}
