package html

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// A sideInfo names one side of a side-by-side view.
type sideInfo struct {
	N                       int // member number in the story (1 = origin); 0 outside a story
	ID, Outlet, Date, Title string
}

// A seg is a stretch of displayed text, template text or not.
type seg struct {
	Text string
	Tmpl bool
}

// A row is one aligned passage: source text on the left, copy text on the
// right (nil: none).
type row struct {
	Class       string // kept, cut, added, edited
	Left, Right []seg
}

// pairView is a side-by-side view of a copy against its source, with the
// coverage figures both ways.
type pairView struct {
	Anchor, Heading string
	Source, Copy    sideInfo
	Rows            []row
	Notes           []string

	SourceWords, CopyWords     int
	SourceKept, CopyKept       float64 // share of words kept in the other (alignment)
	SourceKeptOwn, CopyKeptOwn float64 // the same over non-template words only
	SourceInCopy, CopyInSource float64 // shingle containment from the scan; -1 unknown
}

var opClass = [...]string{opKept: "kept", opCut: "cut", opAdded: "added", opEdited: "edited"}

// newPairView aligns copy against source and lays out the rows.
func newPairView(src, cp *text, k int) pairView {
	ops := align(src.tok, cp.tok, k)
	v := pairView{SourceWords: len(src.tok), CopyWords: len(cp.tok), SourceInCopy: -1, CopyInSource: -1}
	var keptA, keptB, keptOwnA, keptOwnB int
	for _, o := range ops {
		r := row{Class: opClass[o.kind]}
		if o.A1 > o.A0 {
			r.Left = segs(src, o.A0, o.A1)
		}
		if o.B1 > o.B0 {
			r.Right = segs(cp, o.B0, o.B1)
		}
		if o.kind == opKept {
			keptA += o.A1 - o.A0
			keptB += o.B1 - o.B0
			keptOwnA += countOwn(src, o.A0, o.A1)
			keptOwnB += countOwn(cp, o.B0, o.B1)
		}
		if r.Left != nil || r.Right != nil {
			v.Rows = append(v.Rows, r)
		}
	}
	ownA, ownB := countOwn(src, 0, len(src.tok)), countOwn(cp, 0, len(cp.tok))
	v.SourceKept, v.CopyKept = share(keptA, len(src.tok)), share(keptB, len(cp.tok))
	v.SourceKeptOwn, v.CopyKeptOwn = share(keptOwnA, ownA), share(keptOwnB, ownB)
	if !src.exact || !cp.exact {
		v.Notes = append(v.Notes, "Word boundaries in this view are approximate: some text normalises differently in pieces than whole, so template marks may be off by a word.")
	}
	return v
}

func share(n, of int) float64 {
	if of == 0 {
		return -1
	}
	return float64(n) / float64(of)
}

// countOwn counts the tokens of [i, j) that are not template text.
func countOwn(x *text, i, j int) int {
	n := 0
	for _, t := range x.tmpl[i:j] {
		if !t {
			n++
		}
	}
	return n
}

// segs returns the display text of tokens [i, j) cut where template
// marking changes, without white space at either end.
func segs(x *text, i, j int) []seg {
	var out []seg
	add := func(s string, tmpl bool) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Tmpl == tmpl {
			out[n-1].Text += s
			return
		}
		out = append(out, seg{s, tmpl})
	}
	for t := i; t < j; t++ {
		add(x.display(t, t+1), x.tmpl[t])
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		out[n].Text = strings.TrimRightFunc(out[n].Text, unicode.IsSpace)
		if out[n].Text != "" {
			break
		}
		out = out[:n]
	}
	for i := range out {
		out[i].Text = blankLines.ReplaceAllString(out[i].Text, "\n\n")
	}
	return out
}

// blankLines are two or more blank lines in a row, shown as one.
var blankLines = regexp.MustCompile(`\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)+`)

// pct formats a share as a whole percentage; a negative share is unknown
// and shows as a dash.
func pct(f float64) string {
	if f < 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*f)
}
