package html

import (
	"fmt"
	"html/template"
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

// pairView is a side-by-side view of a copy against its source, with the
// coverage figures both ways.
type pairView struct {
	Anchor, Heading string
	Source, Copy    sideInfo
	Rows            template.HTML // the aligned passages as table rows (see rowHTML)
	Notes           []string

	SourceWords, CopyWords     int
	SourceKept, CopyKept       float64 // share of words kept in the other (alignment)
	SourceKeptOwn, CopyKeptOwn float64 // the same over non-template words only
	SourceInCopy, CopyInSource float64 // shingle containment from the scan; -1 unknown
}

var opClass = [...]string{opKept: "kept", opCut: "cut", opAdded: "added", opEdited: "edited", opMovedFrom: "moved", opMovedTo: "moved"}

// newPairView aligns copy against source and lays out the rows.
func newPairView(src, cp *text, k int) pairView {
	ops := align(src.tok, cp.tok, k)
	v := pairView{SourceWords: len(src.tok), CopyWords: len(cp.tok), SourceInCopy: -1, CopyInSource: -1}
	var keptA, keptB, keptOwnA, keptOwnB int
	var rows strings.Builder
	for _, o := range ops {
		var left, right []seg
		if o.A1 > o.A0 {
			left = segs(src, o.A0, o.A1)
		}
		if o.B1 > o.B0 {
			right = segs(cp, o.B0, o.B1)
		}
		if o.kind == opKept || o.kind == opMovedFrom || o.kind == opMovedTo {
			keptA += o.A1 - o.A0
			keptB += o.B1 - o.B0
			keptOwnA += countOwn(src, o.A0, o.A1)
			keptOwnB += countOwn(cp, o.B0, o.B1)
		}
		if left != nil || right != nil {
			writeRow(&rows, opClass[o.kind], left, right)
		}
	}
	v.Rows = template.HTML(rows.String())
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
	type span struct {
		from, to int
		tmpl     bool
	}
	var spans []span
	for t := i; t < j; t++ {
		from, to := x.from(t), x.start[t+1]
		if from == to {
			continue
		}
		if n := len(spans); n > 0 && spans[n-1].tmpl == x.tmpl[t] {
			spans[n-1].to = to // displays are contiguous
			continue
		}
		spans = append(spans, span{from, to, x.tmpl[t]})
	}
	out := make([]seg, 0, len(spans))
	for _, s := range spans {
		out = append(out, seg{x.src[s.from:s.to], s.tmpl})
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
		if strings.Contains(out[i].Text, "\n\n") {
			out[i].Text = blankLines.ReplaceAllString(out[i].Text, "\n\n")
		}
	}
	return out
}

// writeRow writes one aligned passage as a table row: the source's text
// on the left and the copy's on the right, or a hatched empty cell, each
// text escaped by html/template's own HTML escaper (what the page
// template applies to text in element content), template text in a span.
// A side-by-side view has thousands of stretches of text; writing the
// rows here rather than in a range loop of the page template makes story
// pages much faster to write.
func writeRow(b *strings.Builder, class string, left, right []seg) {
	b.WriteString(`<tr class="`)
	b.WriteString(class) // one of opClass: no escaping needed
	b.WriteString(`">`)
	for _, side := range [][]seg{left, right} {
		if side == nil {
			b.WriteString(`<td class="none"></td>`)
			continue
		}
		b.WriteString("<td>")
		for _, s := range side {
			if s.Tmpl {
				b.WriteString(`<span class="tmpl">`)
			}
			b.WriteString(template.HTMLEscapeString(s.Text))
			if s.Tmpl {
				b.WriteString(`</span>`)
			}
		}
		b.WriteString("</td>")
	}
	b.WriteString("</tr>\n")
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
