package html

import (
	"html/template"
	"strconv"
)

// Markup written in Go rather than by a template's range loop. A story
// page has a row per member and a heatmap cell per pair of members, each
// with several values; html/template evaluates every value by reflection
// and escapes it through a function call, which made the loops most of
// the cost of a page without side-by-side views. These writers produce
// the bytes the templates did: every string goes through escape, which
// replaces what html/template's escapers replace in element content and
// quoted attribute values.

// markup builds a piece of a page.
type markup []byte

func (b *markup) raw(s string) { *b = append(*b, s...) }

// escape appends s as text or a quoted attribute value.
func (b *markup) escape(s string) {
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			*b = append(*b, s[i])
			continue
		}
		*b = append(*b, r...)
	}
}

func (b *markup) int(n int) { *b = strconv.AppendInt(*b, int64(n), 10) }

// float appends f as fmt.Sprint formats it (the values here are small).
func (b *markup) float(f float64) { *b = strconv.AppendFloat(*b, f, 'g', -1, 64) }

func (b markup) html() template.HTML { return template.HTML(b) }

// Body is the heatmap's labels and cells, as SVG elements.
func (m matrix) Body() template.HTML {
	b := make(markup, 0, 128*(len(m.Rows)+len(m.Cols)+len(m.Cells)))
	for _, l := range m.Rows {
		b.raw(`<text x="`)
		b.float(l.X)
		b.raw(`" y="`)
		b.float(l.Y)
		b.raw(`" text-anchor="end">`)
		b.escape(l.Text)
		b.raw("</text>\n")
	}
	for _, l := range m.Cols {
		b.raw(`<text x="`)
		b.float(l.X)
		b.raw(`" y="`)
		b.float(l.Y)
		b.raw(`" transform="rotate(-45 `)
		b.float(l.X)
		b.raw(` `)
		b.float(l.Y)
		b.raw(`)">`)
		b.escape(l.Text)
		b.raw("</text>\n")
	}
	for _, c := range m.Cells {
		b.raw(`<rect x="`)
		b.float(c.X)
		b.raw(`" y="`)
		b.float(c.Y)
		b.raw(`" width="`)
		b.float(c.S)
		b.raw(`" height="`)
		b.float(c.S)
		b.raw(`" fill="`)
		b.escape(c.Fill)
		b.raw(`"`)
		if c.Empty {
			b.raw(` class="empty"`)
		}
		b.raw(`><title>`)
		b.escape(c.Tip)
		b.raw("</title></rect>\n")
	}
	return b.html()
}

// MemberRows is the members table's body.
func (p *storyPage) MemberRows() template.HTML {
	b := make(markup, 0, 400*len(p.Members))
	for _, m := range p.Members {
		b.raw(`<tr><td class="num">`)
		b.int(m.N)
		for _, s := range []string{m.Outlet, m.Date, m.Title, m.ID, m.Role} {
			b.raw(`</td><td>`)
			b.escape(s)
		}
		b.raw(`</td><td>`)
		if m.From != 0 {
			if m.Anchor != "" {
				b.raw(`<a href="#`)
				b.escape(m.Anchor) // copy-N
				b.raw(`">#`)
				b.int(m.From)
				b.raw(`</a>`)
			} else {
				b.raw(`#`)
				b.int(m.From)
			}
		}
		b.raw(`</td><td class="num">`)
		if m.From != 0 {
			b.escape(pct(m.Containment))
		}
		b.raw(`</td><td class="num">`)
		if m.From != 0 {
			b.escape(pct(m.Confidence))
		}
		b.raw(`</td><td>`)
		b.escape(m.Reason)
		b.raw("</td></tr>\n")
	}
	return b.html()
}
