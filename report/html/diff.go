package html

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/reprint-news/reprint/report"
	"github.com/reprint-news/reprint/shingle"
)

// Doc is one side of a two-document diff.
type Doc struct {
	ID, Outlet, Title string
	Date              time.Time
	Text              string
}

// Scores are the shingle scores of a two-document diff.
type Scores struct {
	Jaccard, AinB, BinA float64
	Shared              int
	Verdict             string // in words: a copy or not, and why
}

// Passages is the word-level alignment of two texts in counts: words of
// each side and how many of them were kept, and the passages of each kind.
type Passages struct {
	WordsA, WordsB int
	KeptA, KeptB   int
	Kept, Cut      int // passages
	Added, Edited  int
	Moved          int // passages moved (counted once, where they went)
}

type diffPage struct {
	Page          pageHead
	Jaccard, AinB float64
	BinA          float64
	Shared        int
	Verdict       string
	Pair          pairView
}

// Diff aligns document b against a (the source on the left) with k-word
// shingles and writes the side-by-side page to w. No templates are known
// for two documents alone, so nothing is greyed.
func Diff(w io.Writer, a, b Doc, s Scores, k int) error {
	sh := shingle.NewShingler(k)
	v := vocab{}
	ta, tb := newText(a.Text, sh, v, nil, ""), newText(b.Text, sh, v, nil, "")
	pv := newPairView(ta, tb, sh.K())
	pv.Source = sideInfo{N: 1, ID: a.ID, Outlet: outletName(a.Outlet), Date: report.FormatDate(a.Date), Title: a.Title}
	pv.Copy = sideInfo{N: 2, ID: b.ID, Outlet: outletName(b.Outlet), Date: report.FormatDate(b.Date), Title: b.Title}
	pv.Anchor = "pair"
	pv.Heading = fmt.Sprintf("A: %s  /  B: %s", a.ID, b.ID)
	pv.SourceInCopy, pv.CopyInSource = s.AinB, s.BinA
	p := diffPage{
		Page:    newHead("reprint diff: "+a.ID+" and "+b.ID, "", false),
		Jaccard: s.Jaccard, AinB: s.AinB, BinA: s.BinA, Shared: s.Shared, Verdict: s.Verdict, Pair: pv,
	}
	return renderTo(w, "diff", p)
}

// WordDiff aligns b against a and writes the result as text, in the
// style of git's --word-diff: kept text as is, cut text as [-...-], added
// text as {+...+}, an edit as both, and a moved passage as [<...<] where
// it was and {>...>} where it went. It returns the passage counts.
func WordDiff(w io.Writer, a, b string, k int) (Passages, error) {
	sh := shingle.NewShingler(k)
	v := vocab{}
	ta, tb := newText(a, sh, v, nil, ""), newText(b, sh, v, nil, "")
	ops := align(ta.tok, tb.tok, sh.K())
	p := Passages{WordsA: len(ta.tok), WordsB: len(tb.tok)}
	var out strings.Builder
	for _, o := range ops {
		if s := out.String(); o.kind != opKept && s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
			out.WriteByte(' ') // a marked passage right after text without a space
		}
		switch o.kind {
		case opKept:
			p.Kept++
			p.KeptA += o.A1 - o.A0
			p.KeptB += o.B1 - o.B0
			out.WriteString(tb.display(o.B0, o.B1))
		case opMovedFrom:
			p.KeptA += o.A1 - o.A0
			fmt.Fprintf(&out, "[<%s<]", strings.TrimSpace(ta.display(o.A0, o.A1)))
			out.WriteString(trailingSpace(ta.display(o.A0, o.A1)))
		case opMovedTo:
			p.Moved++
			p.KeptB += o.B1 - o.B0
			fmt.Fprintf(&out, "{>%s>}", strings.TrimSpace(tb.display(o.B0, o.B1)))
			out.WriteString(trailingSpace(tb.display(o.B0, o.B1)))
		case opCut:
			p.Cut++
			fmt.Fprintf(&out, "[-%s-]", strings.TrimSpace(ta.display(o.A0, o.A1)))
			out.WriteString(trailingSpace(ta.display(o.A0, o.A1)))
		case opAdded:
			p.Added++
			fmt.Fprintf(&out, "{+%s+}", strings.TrimSpace(tb.display(o.B0, o.B1)))
			out.WriteString(trailingSpace(tb.display(o.B0, o.B1)))
		case opEdited:
			p.Edited++
			fmt.Fprintf(&out, "[-%s-]{+%s+}", strings.TrimSpace(ta.display(o.A0, o.A1)), strings.TrimSpace(tb.display(o.B0, o.B1)))
			out.WriteString(trailingSpace(tb.display(o.B0, o.B1)))
		}
	}
	s := out.String()
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	_, err := io.WriteString(w, s)
	return p, err
}

// trailingSpace returns the white space s ends with, so that a marked
// passage keeps the paragraph break after it.
func trailingSpace(s string) string {
	return s[len(strings.TrimRight(s, " \t\r\n")):]
}
