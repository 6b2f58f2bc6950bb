package html

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/reprint-news/reprint/scan"
)

// Plots are inline SVG laid out here, in Go, and written by the page
// templates, so that every label goes through html/template's escaping.

type bar struct {
	X, Y, W, H float64
	Tip        string
}

type label struct {
	X, Y float64
	Text string
}

type barChart struct {
	ID, Caption string
	W, H        float64
	X0, X1, Y0  float64 // plot area: x from X0 to X1, baseline at Y0
	YMax        string  // the largest count, written at the top
	Bars        []bar
	Labels      []label
}

// newBarChart lays out one bar per count, labelled below.
func newBarChart(id, caption string, counts []int, labels, tips []string) barChart {
	const w, h, left, right, top, bottom = 380.0, 190.0, 8.0, 8.0, 18.0, 22.0
	c := barChart{ID: id, Caption: caption, W: w, H: h, X0: left, X1: w - right, Y0: h - bottom}
	most := max(1, slices.Max(append([]int{0}, counts...)))
	c.YMax = fmt.Sprintf("max %d", most)
	step := (c.X1 - c.X0) / float64(max(1, len(counts)))
	for i, n := range counts {
		bh := (c.Y0 - top) * float64(n) / float64(most)
		x := c.X0 + float64(i)*step
		c.Bars = append(c.Bars, bar{X: round1(x + 1), Y: round1(c.Y0 - bh), W: round1(step - 2), H: round1(bh), Tip: tips[i]})
		if labels[i] != "" {
			c.Labels = append(c.Labels, label{X: round1(x + step/2), Y: h - 6, Text: labels[i]})
		}
	}
	return c
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

// containmentChart is the distribution of containment (of the smaller
// text in the larger) over verified pairs, in bins of 5 points.
func containmentChart(r *scan.Result) barChart {
	counts := make([]int, 20)
	for _, m := range r.Pairs {
		counts[min(19, int(m.Containment()*20))]++
	}
	labels, tips := make([]string, 20), make([]string, 20)
	for i := range counts {
		if i%4 == 0 {
			labels[i] = fmt.Sprintf("%d%%", 5*i)
		}
		tips[i] = fmt.Sprintf("%d–%d%%: %d pairs", 5*i, 5*i+5, counts[i])
	}
	labels[19] = "100%"
	return newBarChart("plot-containment", fmt.Sprintf("Containment of the smaller text in the larger, over %d verified pairs", len(r.Pairs)), counts, labels, tips)
}

// sizeBins are the story sizes binned together in the size chart.
var sizeBins = []struct {
	lo, hi int
	label  string
}{{2, 2, "2"}, {3, 3, "3"}, {4, 4, "4"}, {5, 5, "5"}, {6, 10, "6–10"}, {11, 20, "11–20"}, {21, 50, "21–50"}, {51, 100, "51–100"}, {101, 1 << 62, ">100"}}

// sizeChart counts stories of two or more members by size.
func sizeChart(r *scan.Result) barChart {
	counts := make([]int, len(sizeBins))
	total := 0
	for _, s := range r.Stories {
		n := len(s.Members)
		if n < 2 {
			continue
		}
		total++
		for i, b := range sizeBins {
			if b.lo <= n && n <= b.hi {
				counts[i]++
			}
		}
	}
	labels, tips := make([]string, len(sizeBins)), make([]string, len(sizeBins))
	for i, b := range sizeBins {
		labels[i] = b.label
		tips[i] = fmt.Sprintf("%s members: %d stories", b.label, counts[i])
	}
	return newBarChart("plot-sizes", fmt.Sprintf("Story sizes (members), over %d stories with copies", total), counts, labels, tips)
}

type cell struct {
	X, Y, S float64
	Fill    string
	Empty   bool
	Tip     string
}

type matrix struct {
	ID, Caption, Note string
	W, H              float64
	Rows, Cols        []label
	Cells             []cell
}

// newMatrix lays out an n x n heatmap with the names on the left and,
// slanted, on top. value(i, j) gives a cell's shade (0..1), its tip, and
// whether it has a value at all.
func newMatrix(id, caption string, names []string, value func(i, j int) (float64, string, bool)) matrix {
	m := matrix{ID: id, Caption: caption}
	n := len(names)
	if n == 0 {
		return m
	}
	s := 18.0
	switch {
	case n <= 8:
		s = 32
	case n > 30:
		s = 10
	}
	const left, top = 150.0, 110.0
	m.W, m.H = round1(left+s*float64(n)+top), round1(top+s*float64(n)+6)
	for i, name := range names {
		short := truncate(name, 22)
		m.Rows = append(m.Rows, label{X: left - 4, Y: round1(top + s*float64(i) + s*0.7), Text: short})
		m.Cols = append(m.Cols, label{X: round1(left + s*float64(i) + s*0.6), Y: top - 4, Text: short})
	}
	for i := range n {
		for j := range n {
			v, tip, ok := value(i, j)
			c := cell{X: round1(left + s*float64(j)), Y: round1(top + s*float64(i)), S: s - 1, Tip: tip}
			if ok {
				c.Fill = shade(v)
			} else {
				c.Fill, c.Empty = "#f1f3f4", true
			}
			m.Cells = append(m.Cells, c)
		}
	}
	return m
}

// shade maps 0..1 to a colour from pale to deep blue.
func shade(v float64) string {
	v = max(0, min(1, v))
	mix := func(a, b float64) int { return int(a + (b-a)*v + 0.5) }
	return fmt.Sprintf("#%02x%02x%02x", mix(0xe8, 0x0b), mix(0xf0, 0x3d), mix(0xfa, 0x91))
}

// truncate shortens s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// outletMatrixMax is how many outlets the corpus's outlet matrix shows.
const outletMatrixMax = 25

// outletMatrix shows who copied from whom: copies by copier outlet (rows)
// and source outlet (columns), for the outlets with the most copies
// either way.
func outletMatrix(r *scan.Result) matrix {
	type key struct{ copier, source string }
	counts := map[key]int{}
	involved := map[string]int{}
	for _, s := range r.Stories {
		for _, l := range s.Links {
			k := key{outletName(r.Docs[l.Doc].Outlet), outletName(r.Docs[l.From].Outlet)}
			counts[k]++
			involved[k.copier]++
			involved[k.source]++
		}
	}
	names := make([]string, 0, len(involved))
	for o := range involved {
		names = append(names, o)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(involved[b], involved[a]), cmp.Compare(a, b))
	})
	note := ""
	if len(names) > outletMatrixMax {
		note = fmt.Sprintf("The %d outlets with the most copies either way, of %d; outlet_matrix.csv has all.", outletMatrixMax, len(names))
		names = names[:outletMatrixMax]
	}
	most := 1
	for _, n := range counts {
		most = max(most, n)
	}
	m := newMatrix("plot-outlets", "Who copied from whom: copies by copier outlet (rows) and source outlet (columns)", names, func(i, j int) (float64, string, bool) {
		n := counts[key{names[i], names[j]}]
		tip := fmt.Sprintf("%s copied %d from %s", names[i], n, names[j])
		return float64(n) / float64(most), tip, n > 0
	})
	m.Note = note
	return m
}

// outletName shows an unknown outlet as such.
func outletName(o string) string {
	if o == "" {
		return "(unknown outlet)"
	}
	return o
}
