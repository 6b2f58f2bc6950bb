package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/report"
	htmlreport "github.com/reprint-news/reprint/report/html"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/shingle"
)

// cmdDiff compares two documents: shingle scores, the copy verdict the
// scan would give them (without corpus templates), the word alignment in
// counts, and on request the word diff or the side-by-side HTML page.
func cmdDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("diff", stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reprint diff [flags] A B\n\nA and B are inputs as for scan (a .txt file, or a JSONL/CSV file with --id-a/--id-b);\nB is compared against A, the source.\n\nflags:\n%s", fs.FlagUsages())
	}
	opt := scan.DefaultOptions()
	htmlOut := fs.String("html", "", "write the side-by-side view to `FILE` (self-contained HTML)")
	words := fs.Bool("word-diff", false, "print the texts aligned word by word: [-cut-] {+added+}, moved [<from<] {>to>}")
	idA := fs.String("id-a", "", "the document `ID` to take from A when A holds several")
	idB := fs.String("id-b", "", "the document `ID` to take from B when B holds several")
	fs.Float64Var(&opt.Threshold, "threshold", opt.Threshold, "containment of the smaller text in the larger that makes a copy")
	fs.IntVar(&opt.MinShared, "min-shared", opt.MinShared, "shared shingles a copy needs at least")
	fs.IntVar(&opt.K, "shingle", opt.K, "words per shingle")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return usageErr("diff: need two inputs, A and B, got %d", fs.NArg())
	}
	if err := checkScanOptions(opt); err != nil {
		return err
	}
	a, err := oneDoc(fs.Arg(0), *idA, "--id-a", stdin)
	if err != nil {
		return err
	}
	b, err := oneDoc(fs.Arg(1), *idB, "--id-b", stdin)
	if err != nil {
		return err
	}
	s := diffScores(a, b, opt)
	var out strings.Builder
	fmt.Fprintf(&out, "a          %s\n", describe(a))
	fmt.Fprintf(&out, "b          %s\n", describe(b))
	fmt.Fprintf(&out, "jaccard    %.4f\n", s.Jaccard)
	fmt.Fprintf(&out, "a_in_b     %.4f\n", s.AinB)
	fmt.Fprintf(&out, "b_in_a     %.4f\n", s.BinA)
	fmt.Fprintf(&out, "shared     %d shingles\n", s.Shared)
	fmt.Fprintf(&out, "verdict    %s\n", s.Verdict)
	var wd strings.Builder
	p, err := htmlreport.WordDiff(&wd, a.Text, b.Text, opt.K)
	if err != nil {
		return err
	}
	fmt.Fprintf(&out, "words      a %d, %s kept in b; b %d, %s kept from a\n", p.WordsA, share(p.KeptA, p.WordsA), p.WordsB, share(p.KeptB, p.WordsB))
	fmt.Fprintf(&out, "passages   %d kept, %d edited, %d cut, %d added, %d moved\n", p.Kept, p.Edited, p.Cut, p.Added, p.Moved)
	if *words {
		out.WriteString("\n")
		out.WriteString(wd.String())
	}
	if _, err := io.WriteString(stdout, out.String()); err != nil {
		return err
	}
	if *htmlOut != "" {
		err := report.WriteFile(*htmlOut, func(w io.Writer) error {
			return htmlreport.Diff(w, htmlDoc(a), htmlDoc(b), s, opt.K)
		})
		if err != nil {
			return &exitError{2, fmt.Errorf("diff: writing %s: %w", *htmlOut, err)}
		}
	}
	return nil
}

// oneDoc reads input and returns its one document, or the one named id.
func oneDoc(input, id, flag string, stdin io.Reader) (*corpus.Document, error) {
	var docs []corpus.Document
	var found *corpus.Document
	_, err := corpus.Read([]string{input}, corpus.Options{Fields: corpus.DefaultFields(), Stdin: stdin}, func(d *corpus.Document) error {
		if id != "" {
			if d.ID == id {
				found = d
			}
			return nil
		}
		if len(docs) < 2 {
			docs = append(docs, *d)
		}
		return nil
	})
	switch {
	case err != nil:
		return nil, &exitError{2, err}
	case id != "" && found == nil:
		return nil, usageErr("diff: %s holds no document %q", input, id)
	case id != "":
		return found, nil
	case len(docs) == 0:
		return nil, usageErr("diff: %s holds no document", input)
	case len(docs) > 1:
		return nil, usageErr("diff: %s holds several documents; name one with %s", input, flag)
	}
	return &docs[0], nil
}

func describe(d *corpus.Document) string {
	parts := []string{d.ID}
	if d.Outlet != "" {
		parts = append(parts, d.Outlet)
	}
	if dt := report.FormatDate(d.Date); dt != "" {
		parts = append(parts, dt)
	}
	if d.Title != "" {
		parts = append(parts, fmt.Sprintf("%q", d.Title))
	}
	return strings.Join(parts, "  ")
}

func share(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

func htmlDoc(d *corpus.Document) htmlreport.Doc {
	return htmlreport.Doc{ID: d.ID, Outlet: d.Outlet, Title: d.Title, Date: d.Date, Text: d.Text}
}

// diffScores scores b against a on shingle sets as verification does
// (page chrome shared at both ends of two pages of one site discounted),
// without template suppression: two documents teach no templates.
func diffScores(a, b *corpus.Document, opt scan.Options) htmlreport.Scores {
	sh := shingle.NewShingler(opt.K)
	item := func(d *corpus.Document) cluster.Item {
		seq := sh.Hashes(nil, d.Text)
		set := make([]uint32, len(seq))
		for i, h := range seq {
			set[i] = uint32(h)
		}
		it := cluster.Item{Outlet: d.Outlet}
		it.Head = slices.Clone(set[:min(opt.BookendLen, len(set))])
		it.Tail = slices.Clone(set[max(0, len(set)-opt.BookendLen):])
		slices.Reverse(it.Tail)
		slices.Sort(set)
		it.Set = slices.Compact(set)
		return it
	}
	ia, ib := item(a), item(b)
	m, ok := cluster.Verify(&ia, &ib, 0, 1, cluster.VerifyOptions{Threshold: opt.Threshold, MinShared: opt.MinShared, Window: 8 * opt.K})
	s := htmlreport.Scores{Jaccard: m.Jaccard, AinB: m.AinB, BinA: m.BinA, Shared: m.Shared}
	switch {
	case ok:
		s.Verdict = fmt.Sprintf("copy: the smaller text is %.0f%% contained in the larger (threshold %.0f%%), %d shared shingles", 100*m.Containment(), 100*opt.Threshold, m.Shared)
	case m.Shared < opt.MinShared:
		s.Verdict = fmt.Sprintf("not a copy: %d shared shingles, fewer than %d", m.Shared, opt.MinShared)
	default:
		s.Verdict = fmt.Sprintf("not a copy: the smaller text is %.0f%% contained in the larger, below %.0f%%", 100*m.Containment(), 100*opt.Threshold)
	}
	if m.Chrome > 0 {
		s.Verdict += fmt.Sprintf("; %d shingles of shared page chrome discounted", m.Chrome)
	}
	return s
}
