package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/reprint-news/reprint/scan"
)

// Summary writes a short account of a scan for people: what was read, what
// was found, the largest stories and where the time went. elapsed is the
// wall time of the whole run, or 0 to leave it out (for golden tests).
func Summary(w io.Writer, r *scan.Result, elapsed time.Duration) error {
	var multi []scan.Story
	inStories := 0
	for _, s := range r.Stories {
		if len(s.Members) > 1 {
			multi = append(multi, s)
			inStories += len(s.Members)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "documents  %d read, %d rejected\n", len(r.Docs)+len(r.Rejected), len(r.Rejected))
	fmt.Fprintf(&b, "stories    %d with copies (%d documents), %d documents alone\n", len(multi), inStories, len(r.Docs)-inStories)
	fmt.Fprintf(&b, "templates  %d shingles common to the corpus, %d outlet template shingles\n", r.Stats.CommonShingles, r.Stats.OutletShingles)
	fmt.Fprintf(&b, "copies     %d verified pairs of %d candidates (pairs colliding in %d+ LSH bands, of %d colliding in any)",
		len(r.Pairs), r.Stats.Verified, r.Stats.LSH.Hits, r.Stats.LSH.Collisions)
	if l := r.Stats.LSH; l.Oversized > 0 {
		fmt.Fprintf(&b, "; %d oversized LSH buckets skipped (%d entries)", l.Oversized, l.OversizedDocs)
	}
	b.WriteString("\n")
	slices.SortStableFunc(multi, func(x, y scan.Story) int { return cmp.Compare(len(y.Members), len(x.Members)) })
	for i, s := range multi[:min(5, len(multi))] {
		if i == 0 {
			b.WriteString("largest\n")
		}
		o := r.Docs[s.Origin]
		fmt.Fprintf(&b, "  %s  %d documents, %d outlets, origin %s %q\n", s.ID, len(s.Members), outlets(r, s), o.ID, o.Title)
	}
	if r.Stats.Spilled {
		b.WriteString("memory     intermediate data spilled to disk (--mem)\n")
	}
	if elapsed > 0 {
		fmt.Fprintf(&b, "time       %s (", round(elapsed))
		for i, st := range r.Stats.Stages {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %s", st.Name, round(st.Time))
		}
		b.WriteString(")\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func outlets(r *scan.Result, s scan.Story) int {
	seen := map[string]bool{}
	for _, m := range s.Members {
		seen[r.Docs[m].Outlet] = true
	}
	return len(seen)
}

// round shortens a duration for people: 1.531s, 30.58ms, 45µs.
func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
