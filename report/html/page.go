package html

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
)

//go:embed assets/style.css assets/index.js assets/pages.tmpl
var assets embed.FS

var (
	style  = mustAsset("assets/style.css")
	script = mustAsset("assets/index.js")
	pages  = template.Must(template.New("pages").Funcs(template.FuncMap{"pct": pct}).Parse(mustAsset("assets/pages.tmpl")))
)

func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// hash is a CSP source expression that allows exactly the inline code s.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// csp returns the Content-Security-Policy of a page: nothing may load or
// run but the page's own inline style and, when withScript, its inline
// script, each allowed by its hash. Text that slipped through escaping
// still could not run (no 'unsafe-inline', no event handlers), load
// anything (default-src 'none') or send a form anywhere.
func csp(withScript bool) string {
	p := "default-src 'none'; style-src " + hash(style) + "; base-uri 'none'; form-action 'none'"
	if withScript {
		p += "; script-src " + hash(script)
	}
	return p
}

// The policies of pages with and without a script, hashed once.
var cspScript, cspNoScript = csp(true), csp(false)

// pageHead is what the common head of every page needs.
type pageHead struct {
	Title string
	Up    string // link to the index, "" on the index itself
	CSP   string
	Style template.CSS
}

func newHead(title, up string, withScript bool) pageHead {
	p := cspNoScript
	if withScript {
		p = cspScript
	}
	return pageHead{Title: title, Up: up, CSP: p, Style: template.CSS(style)}
}

// render executes one named page template into a buffer, so that a page
// is written whole or not at all.
func render(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func renderTo(w io.Writer, name string, data any) error {
	b, err := render(name, data)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
