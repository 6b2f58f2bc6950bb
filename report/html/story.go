package html

import (
	"fmt"
	"strconv"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/report"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/shingle"
)

// memberRow is one member in a story page's table.
type memberRow struct {
	N                       int
	ID, Outlet, Date, Title string
	Role                    string
	From                    int    // member number of the source; 0 for the origin
	Anchor                  string // of its side-by-side view, "" if not shown
	Containment, Confidence float64
	Reason                  string
}

type storyPage struct {
	Page       pageHead
	Notes      []string
	Members    []memberRow
	Matrix     matrix
	Pairs      []pairView
	MoreCopies string
}

// matrixMax is the most members a story's similarity matrix shows.
const matrixMax = 60

// newStoryPage builds the page of story i, ranked rank in the index's
// order; pairs are the indexes in r.Pairs of its verified pairs.
func newStoryPage(r *scan.Result, i, rank int, pairs []int, sh *shingle.Shingler, opt Options) (*storyPage, error) {
	s := &r.Stories[i]
	origin := &r.Docs[s.Origin]
	title := "Story " + storyFile(i)
	if origin.Title != "" {
		title += ": " + origin.Title
	}
	p := &storyPage{Page: newHead(title, "../index.html", false)}

	// Members in the order of stories.jsonl: the origin, then the copies.
	order := []int{s.Origin}
	num := map[int]int{s.Origin: 1}
	for _, l := range s.Links {
		num[l.Doc] = len(order) + 1
		order = append(order, l.Doc)
	}
	views := opt.Text != nil && opt.viewed(rank)
	p.Members = append(p.Members, member(r, s.Origin, 1, "origin"))
	for n, l := range s.Links {
		m := member(r, l.Doc, n+2, "copy")
		m.From, m.Containment, m.Confidence, m.Reason = num[l.From], l.Containment, l.Confidence, l.Reason
		if n < opt.CopiesPerPage && views {
			m.Anchor = fmt.Sprintf("copy-%d", m.N)
		}
		p.Members = append(p.Members, m)
	}

	p.Matrix = storyMatrix(r, order, pairs)

	if opt.Text == nil {
		p.Notes = append(p.Notes, "The texts are not available, so copies are not shown side by side.")
		return p, nil
	}
	if !views {
		p.Notes = append(p.Notes, fmt.Sprintf("Copies are shown side by side on the pages of the %s largest stories only, so that the report of a large corpus is quick to write; this story is number %s by size. Below are each copy's source and scores, and how much of each member is in each other.", thousands(opt.Views), thousands(rank+1)))
		return p, nil
	}
	texts := map[int]*text{}
	v := make(vocab, 4096)
	get := func(doc int) (*text, error) {
		if x, ok := texts[doc]; ok {
			return x, nil
		}
		src, ok, err := opt.Text(doc)
		if err != nil || !ok {
			texts[doc] = nil
			return nil, err
		}
		x := newText(src, sh, v, r.Templates, r.Docs[doc].Outlet)
		texts[doc] = x
		return x, nil
	}
	match := pairIndex(r, pairs)
	for n, l := range s.Links {
		if n >= opt.CopiesPerPage {
			p.MoreCopies = fmt.Sprintf("%d more copies are not shown side by side; the table above names their sources.", len(s.Links)-n)
			break
		}
		a, err := get(l.From)
		if err != nil {
			return nil, err
		}
		b, err := get(l.Doc)
		if err != nil {
			return nil, err
		}
		src, cp := side(r, l.From, num[l.From]), side(r, l.Doc, num[l.Doc])
		var pv pairView
		if a != nil && b != nil {
			pv = newPairView(a, b, opt.K)
		} else {
			pv = pairView{SourceKept: -1, CopyKept: -1, SourceKeptOwn: -1, CopyKeptOwn: -1}
			pv.Notes = append(pv.Notes, "The text of this pair is not available.")
		}
		pv.Anchor = fmt.Sprintf("copy-%d", num[l.Doc])
		pv.Heading = fmt.Sprintf("#%d %s, copied from #%d %s", num[l.Doc], outletName(cp.Outlet), num[l.From], outletName(src.Outlet))
		pv.Source, pv.Copy = src, cp
		pv.SourceInCopy, pv.CopyInSource = -1, -1
		if m, ok := match[[2]int{l.From, l.Doc}]; ok {
			pv.SourceInCopy, pv.CopyInSource = m.AinB, m.BinA
			if l.From > l.Doc {
				pv.SourceInCopy, pv.CopyInSource = m.BinA, m.AinB
			}
		}
		p.Pairs = append(p.Pairs, pv)
	}
	return p, nil
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func member(r *scan.Result, doc, n int, role string) memberRow {
	d := &r.Docs[doc]
	return memberRow{N: n, ID: d.ID, Outlet: outletName(d.Outlet), Date: report.FormatDate(d.Date), Title: d.Title, Role: role}
}

func side(r *scan.Result, doc, n int) sideInfo {
	d := &r.Docs[doc]
	return sideInfo{N: n, ID: d.ID, Outlet: outletName(d.Outlet), Date: report.FormatDate(d.Date), Title: d.Title}
}

// pairIndex maps (doc, doc) both ways to the story's verified pairs.
func pairIndex(r *scan.Result, pairs []int) map[[2]int]cluster.Match {
	m := make(map[[2]int]cluster.Match, 2*len(pairs))
	for _, p := range pairs {
		x := r.Pairs[p]
		m[[2]int{x.A, x.B}] = x
		m[[2]int{x.B, x.A}] = x
	}
	return m
}

// storyMatrix is the heatmap of a story: the containment of each member
// (row) in each other (column), for the verified pairs.
func storyMatrix(r *scan.Result, order []int, pairs []int) matrix {
	match := pairIndex(r, pairs)
	shown := order[:min(len(order), matrixMax)]
	names := make([]string, len(shown))
	for n, d := range shown {
		names[n] = fmt.Sprintf("#%d %s", n+1, outletName(r.Docs[d].Outlet))
	}
	m := newMatrix("story-matrix", "Containment of each member (row) in each other (column), for verified pairs; blank: not verified as a copy", names, func(i, j int) (float64, string, bool) {
		a, b := shown[i], shown[j]
		if a == b {
			return 1, fmt.Sprintf("#%d", i+1), true
		}
		x, ok := match[[2]int{a, b}]
		if !ok {
			return 0, fmt.Sprintf("#%d and #%d: not verified", i+1, j+1), false
		}
		c := x.AinB
		if a > b {
			c = x.BinA
		}
		return c, fmt.Sprintf("#%d in #%d: %s (Jaccard %s)", i+1, j+1, pct(c), pct(x.Jaccard)), true
	})
	if len(order) > matrixMax {
		m.Note = fmt.Sprintf("The first %d of %d members.", matrixMax, len(order))
	}
	return m
}
