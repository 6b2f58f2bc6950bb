package report

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/reprint-news/reprint/scan"
)

// OutletStats is what outlets.csv says of one outlet.
type OutletStats struct {
	Outlet     string
	Articles   int
	Copies     int            // articles that are copies in a story (not its origin)
	Origins    int            // articles that are the origin of a story of two or more
	Uncredited int            // copies crediting no agency although their source does
	Agencies   map[string]int // agency -> articles crediting it
}

// Outlets computes the per-outlet statistics, sorted by outlet name; an
// unknown outlet is listed as "".
func Outlets(r *scan.Result) []OutletStats {
	by := map[string]*OutletStats{}
	get := func(o string) *OutletStats {
		s, ok := by[o]
		if !ok {
			s = &OutletStats{Outlet: o, Agencies: map[string]int{}}
			by[o] = s
		}
		return s
	}
	for _, d := range r.Docs {
		s := get(d.Outlet)
		s.Articles++
		for _, a := range d.Credits {
			s.Agencies[a]++
		}
	}
	for _, st := range r.Stories {
		if len(st.Members) < 2 {
			continue
		}
		get(r.Docs[st.Origin].Outlet).Origins++
		for _, l := range st.Links {
			s := get(r.Docs[l.Doc].Outlet)
			s.Copies++
			if uncredited(r, l.Doc, l.From) {
				s.Uncredited++
			}
		}
	}
	out := make([]OutletStats, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b OutletStats) int { return cmp.Compare(a.Outlet, b.Outlet) })
	return out
}

// uncredited reports whether doc credits no agency although its source
// does.
func uncredited(r *scan.Result, doc, source int) bool {
	return len(r.Docs[doc].Credits) == 0 && len(r.Docs[source].Credits) > 0
}

// OutletsCSV writes outlets.csv: one row per outlet with its articles,
// copies and origins (counts and shares of its articles), the agencies its
// articles credit ("Reuters:12;AP:3", most credited first; needs
// --credits) and its uncredited copies.
func OutletsCSV(w io.Writer, r *scan.Result) error {
	stats := Outlets(r)
	return writeCSV(w, []string{"outlet", "articles", "copies", "copy_share", "origins", "origin_share", "agencies_credited", "uncredited_copies"},
		len(stats), func(i int) []string {
			s := stats[i]
			return []string{s.Outlet, strconv.Itoa(s.Articles),
				strconv.Itoa(s.Copies), ratio(float64(s.Copies) / float64(s.Articles)),
				strconv.Itoa(s.Origins), ratio(float64(s.Origins) / float64(s.Articles)),
				agencies(s.Agencies), strconv.Itoa(s.Uncredited)}
		})
}

func agencies(m map[string]int) string {
	names := make([]string, 0, len(m))
	for a := range m {
		names = append(names, a)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	parts := make([]string, len(names))
	for i, a := range names {
		parts[i] = a + ":" + strconv.Itoa(m[a])
	}
	return strings.Join(parts, ";")
}

// OutletMatrixCSV writes outlet_matrix.csv: for each pair of outlets, how
// many articles of the first were copied from an article of the second
// (each copy counted once, towards its most likely source).
func OutletMatrixCSV(w io.Writer, r *scan.Result) error {
	type pair struct{ copier, source string }
	n := map[pair]int{}
	for _, st := range r.Stories {
		for _, l := range st.Links {
			n[pair{r.Docs[l.Doc].Outlet, r.Docs[l.From].Outlet}]++
		}
	}
	keys := make([]pair, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pair) int {
		if c := cmp.Compare(a.copier, b.copier); c != 0 {
			return c
		}
		return cmp.Compare(a.source, b.source)
	})
	return writeCSV(w, []string{"copier_outlet", "source_outlet", "copies"}, len(keys), func(i int) []string {
		return []string{keys[i].copier, keys[i].source, strconv.Itoa(n[keys[i]])}
	})
}
