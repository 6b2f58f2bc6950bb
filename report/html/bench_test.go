package html

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/scan"
)

// benchCorpus makes a result of n stories of three members each (an
// origin of about 400 words in 8 paragraphs; a copy that drops a
// paragraph and rewords a few words; a copy of that copy with a caption
// added), with the texts, as a scan would find them.
func benchCorpus(n int) (*scan.Result, []string) {
	rng := uint64(42)
	next := func(k int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(k))
	}
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "an", "or", "el"}
	word := func() string {
		var b strings.Builder
		for range 1 + next(3) {
			b.WriteString(syll[next(len(syll))])
		}
		return b.String()
	}
	para := func(words int) []string {
		p := make([]string, words)
		for i := range p {
			p[i] = word()
		}
		return p
	}
	r := &scan.Result{}
	var texts []string
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for s := range n {
		var paras [][]string
		for range 8 {
			paras = append(paras, para(45+next(20)))
		}
		join := func(ps [][]string) string {
			var out []string
			for _, p := range ps {
				out = append(out, strings.Join(p, " ")+".")
			}
			return strings.Join(out, "\n\n")
		}
		origin := join(paras)
		drop := next(len(paras))
		var edited [][]string
		for i, p := range paras {
			if i == drop {
				continue
			}
			q := append([]string(nil), p...)
			for range 2 {
				q[next(len(q))] = word()
			}
			edited = append(edited, q)
		}
		copy1 := join(edited)
		copy2 := join(append([][]string{para(15)}, edited...))
		base := len(r.Docs)
		for m, t := range []string{origin, copy1, copy2} {
			r.Docs = append(r.Docs, scan.Doc{ID: fmt.Sprintf("doc-%d-%d", s, m), Outlet: fmt.Sprintf("outlet%02d", next(40)), Title: strings.Join(para(8), " "), Date: day.AddDate(0, 0, m)})
			r.StoryOf = append(r.StoryOf, s)
			texts = append(texts, t)
		}
		r.Pairs = append(r.Pairs,
			cluster.Match{A: base, B: base + 1, Jaccard: 0.8, AinB: 0.85, BinA: 0.95, Shared: 300},
			cluster.Match{A: base, B: base + 2, Jaccard: 0.75, AinB: 0.8, BinA: 0.9, Shared: 280},
			cluster.Match{A: base + 1, B: base + 2, Jaccard: 0.9, AinB: 0.97, BinA: 0.93, Shared: 330})
		r.Stories = append(r.Stories, scan.Story{
			ID: fmt.Sprintf("s%06d", s+1), Members: []int{base, base + 1, base + 2}, Origin: base,
			Links: []cluster.Link{
				{Doc: base + 1, From: base, Containment: 0.95, Confidence: 0.9, Reason: "dated earlier"},
				{Doc: base + 2, From: base + 1, Containment: 0.93, Confidence: 0.8, Reason: "dated earlier"},
			},
		})
	}
	return r, texts
}

// BenchmarkWrite10kStories writes the whole report of 10,000 stories
// (30,000 documents, 20,000 side-by-side views); it reports the bytes
// written per op.
func BenchmarkWrite10kStories(b *testing.B) {
	r, texts := benchCorpus(benchStories)
	text := func(i int) (string, bool, error) { return texts[i], true, nil }
	b.ResetTimer()
	for b.Loop() {
		dir := b.TempDir()
		if err := Write(dir, r, Options{Text: text}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		var size int64
		filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				info, _ := d.Info()
				size += info.Size()
			}
			return err
		})
		b.ReportMetric(float64(size)/1e6, "MB")
		b.StartTimer()
	}
}

// benchStories is the number of stories BenchmarkWrite10kStories writes.
const benchStories = 10000
