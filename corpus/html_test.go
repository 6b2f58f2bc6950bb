package corpus

import (
	"testing"
	"time"
)

func TestVisibleText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain &amp; simple", "plain & simple\n"},
		{"<p>One</p><p>Two<br/>Three</p>", "One\nTwo\nThree\n"},
		{"<B>bold</B> and <a href='x>y'>link</a>", "bold and link\n"},
		{"a<!-- <p>hidden</p> -->b", "ab\n"},
		{"a<script type=x>var s = '<p>';</SCRIPT >b", "ab\n"},
		{"a<style>p{}</style>b<style>unterminated", "ab\n"},
		{"1 < 2 and 3 > 2", "1 < 2 and 3 > 2\n"},
		{"x <", "x <\n"},
		{"<title>T</title><noscript>Enable JS</noscript><p>  spread\n  over   lines </p>", "spread over lines\n"},
		{"&lt;p&gt; is text", "<p> is text\n"},
		{"caf&eacute; &#8212; &#0;", "café — \uFFFD\n"},
	} {
		if got := visibleText([]byte(tc.in)).Text; got != tc.want {
			t.Errorf("visibleText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestVisibleTextMeta(t *testing.T) {
	page := `<html><head><title> Headline | Site </title>
<meta property="og:site_name" content="The Site">
<link rel="canonical" href="https://site.example/a">
<meta property="article:published_time" content="2022-01-28T10:00:00+03:00">
</head><body><p>Text.</p><time datetime="2020-01-01">old</time></body></html>`
	a := visibleText([]byte(page))
	want := Article{Title: "Headline | Site", Site: "The Site", URL: "https://site.example/a",
		Date: time.Date(2022, 1, 28, 7, 0, 0, 0, time.UTC), Text: "Text.\nold\n"}
	if a.Title != want.Title || a.Site != want.Site || a.URL != want.URL || !a.Date.Equal(want.Date) || a.Text != want.Text {
		t.Errorf("got %+v\nwant %+v", a, want)
	}
}
