package html

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// loops are the template range loops that markup.go replaces, as they
// were: their output is what the Go writers must produce.
var loops = template.Must(template.New("loops").Funcs(template.FuncMap{"pct": pct}).Parse(`
{{- define "matrix"}}<svg>{{range .Rows}}<text x="{{.X}}" y="{{.Y}}" text-anchor="end">{{.Text}}</text>
{{end}}{{range .Cols}}<text x="{{.X}}" y="{{.Y}}" transform="rotate(-45 {{.X}} {{.Y}})">{{.Text}}</text>
{{end}}{{range .Cells}}<rect x="{{.X}}" y="{{.Y}}" width="{{.S}}" height="{{.S}}" fill="{{.Fill}}"{{if .Empty}} class="empty"{{end}}><title>{{.Tip}}</title></rect>
{{end}}</svg>{{end}}
{{- define "members"}}<table><tbody>{{range .Members}}<tr><td class="num">{{.N}}</td><td>{{.Outlet}}</td><td>{{.Date}}</td><td>{{.Title}}</td><td>{{.ID}}</td><td>{{.Role}}</td><td>{{if .From}}{{if .Anchor}}<a href="#{{.Anchor}}">#{{.From}}</a>{{else}}#{{.From}}{{end}}{{end}}</td><td class="num">{{if .From}}{{pct .Containment}}{{end}}</td><td class="num">{{if .From}}{{pct .Confidence}}{{end}}</td><td>{{.Reason}}</td></tr>
{{end}}</tbody></table>{{end}}`))

func execLoop(t *testing.T, name string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := loops.ExecuteTemplate(&b, name, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// hostileStrings are texts for every escaped value.
var hostileStrings = []string{
	"", "plain", `"quoted" & 'single'`, "a+b<c>d", "nul\x00byte", "\xff\xfe invalid UTF-8",
	payload, "</title></rect><script>x()</script>", "Reuters + AP: 91%", "日本語のテキスト", "#f1f3f4",
}

func TestMarkupMatchesTemplates(t *testing.T) {
	for _, s := range hostileStrings {
		names := []string{s, "#2 " + s, strings.Repeat(s, 3)}
		m := newMatrix("m", "caption", names, func(i, j int) (float64, string, bool) {
			return float64(i) / 3, s + " tip", i != j+1
		})
		m.Cells[0].Fill = s // fill is an attribute value
		if got, want := "<svg>"+string(m.Body())+"</svg>", execLoop(t, "matrix", m); got != want {
			t.Errorf("matrix of %q:\ngot  %s\nwant %s", s, got, want)
		}
		p := &storyPage{Members: []memberRow{
			{N: 1, ID: s, Outlet: s, Date: "2024-01-02", Title: s, Role: "origin"},
			{N: 2, ID: "b" + s, Outlet: s, Title: s, Role: "copy", From: 1, Anchor: "copy-2", Containment: 0.915, Confidence: 0.5, Reason: s},
			{N: 3, ID: "c", Role: "copy", From: 2, Containment: 0.2, Confidence: -1, Reason: s},
		}}
		if got, want := "<table><tbody>"+string(p.MemberRows())+"</tbody></table>", execLoop(t, "members", p); got != want {
			t.Errorf("members of %q:\ngot  %s\nwant %s", s, got, want)
		}
	}
}

// FuzzEscape checks that escape replaces what html/template does in
// element text, in an RCDATA element (an SVG title) and in a quoted
// attribute value.
func FuzzEscape(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s)
	}
	tmpl := template.Must(template.New("").Parse(`<p>{{.}}</p><svg><title>{{.}}</title></svg><a title="{{.}}"></a>`))
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Skip()
		}
		var b markup
		b.escape(s)
		e := string(b)
		if got := "<p>" + e + "</p><svg><title>" + e + "</title></svg><a title=\"" + e + "\"></a>"; got != want.String() {
			t.Errorf("escape(%q):\ngot  %s\nwant %s", s, got, want.String())
		}
	})
}
