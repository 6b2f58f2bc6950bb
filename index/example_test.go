package index_test

import (
	"context"
	"fmt"
	"os"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/index"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/synth"
)

// scanBatch scans documents under the index parameters p, as reprint
// check does, and returns them as a batch.
func scanBatch(p index.Params, docs []corpus.Document) *index.Batch {
	res, err := scan.Run(context.Background(), scan.Docs(docs), p.ScanOptions(scan.DefaultOptions()))
	if err != nil {
		panic(err)
	}
	fps := make([]uint64, len(docs))
	for i, d := range docs {
		fps[i] = index.Fingerprint(d.Text)
	}
	b, err := index.NewBatch(p, res, fps)
	if err != nil {
		panic(err)
	}
	return b
}

// Index yesterday's articles, then check today's against them.
func Example() {
	var docs []corpus.Document
	for _, a := range synth.Generate(synth.Config{Docs: 400, Seed: 1}) {
		docs = append(docs, a.Document)
	}
	dir, _ := os.MkdirTemp("", "index-example")
	defer os.RemoveAll(dir)

	p := index.ParamsFor(scan.DefaultOptions())
	if err := index.Build(context.Background(), dir, scanBatch(p, docs[:300])); err != nil {
		panic(err)
	}
	ix, err := index.Open(dir)
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	rep, err := index.Check(context.Background(), ix, scanBatch(p, docs[300:]),
		index.CheckOptions{FailOn: []string{index.FailRate}, MaxCopyRate: 0.5})
	if err != nil {
		panic(err)
	}
	s := rep.Summary
	fmt.Printf("%d new documents against %d indexed\n", s.Docs, s.IndexDocs)
	fmt.Printf("copies: %d of indexed documents, %d inside the dump\n", s.IndexCopies, s.DumpCopies)
	fmt.Printf("copy rate %.2f, failed %v\n", s.CopyRate, s.Failed)
	// Output:
	// 100 new documents against 300 indexed
	// copies: 75 of indexed documents, 6 inside the dump
	// copy rate 0.81, failed true
}
