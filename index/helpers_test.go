package index

import (
	"context"
	"slices"
	"testing"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/synth"
)

// generated returns n synthetic articles as documents (seeded).
func generated(n int, seed uint64) []corpus.Document {
	arts := synth.Generate(synth.Config{Docs: n, Seed: seed})
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = a.Document
	}
	return docs
}

// testParams are the default parameters, or with a smaller signature for
// tests that walk every byte of an index.
func testParams(sigSize int) Params {
	o := scan.DefaultOptions()
	if sigSize > 0 {
		o.SignatureSize = sigSize
	}
	return ParamsFor(o)
}

// batchOf scans docs as reprint check does and returns the batch.
func batchOf(t testing.TB, p Params, docs []corpus.Document) *Batch {
	t.Helper()
	opt := p.ScanOptions(scan.DefaultOptions())
	opt.Workers = 2
	res, err := scan.Run(context.Background(), scan.Docs(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	fps := make([]uint64, len(docs))
	for i := range docs {
		fps[i] = Fingerprint(docs[i].Text)
	}
	b, err := NewBatch(p, res, fps)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// clone copies a batch deeply, so that Prepare on the copy leaves b alone.
func (b *Batch) clone() *Batch {
	c := *b
	c.Docs = slices.Clone(b.Docs)
	c.Signatures = slices.Clone(b.Signatures)
	c.Items = make([]cluster.Item, len(b.Items))
	for i, it := range b.Items {
		c.Items[i] = cluster.Item{Outlet: it.Outlet, Set: slices.Clone(it.Set), Head: slices.Clone(it.Head), Tail: slices.Clone(it.Tail)}
	}
	return &c
}

// build writes a new index of docs in a temporary directory and opens it.
func build(t testing.TB, p Params, docs []corpus.Document) (*Index, string) {
	t.Helper()
	dir := t.TempDir()
	if err := Build(context.Background(), dir, batchOf(t, p, docs)); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, dir
}
