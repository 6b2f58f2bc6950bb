package corpus

import "testing"

func TestStripTags(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain &amp; simple", "plain & simple"},
		{"<p>One</p><p>Two<br/>Three</p>", "\nOne\n\nTwo\nThree\n"},
		{"<B>bold</B> and <a href='x>y'>link</a>", "bold and y'>link"}, // crude: a ">" in a quoted attribute ends the tag,
		{"a<!-- <p>hidden</p> -->b", "ab"},
		{"a<script type=x>var s = '<p>';</SCRIPT >b", "ab"},
		{"a<style>p{}</style>b<style>unterminated", "ab"},
		{"1 < 2 and 3 > 2", "1 < 2 and 3 > 2"},
		{"x <", "x <"},
		{"x <unterminated tag", "x "},
		{"a<!-- unterminated", "a"},
		{"&lt;p&gt; is text", "<p> is text"},
		{"caf&eacute; &#8212; &#0;", "café — \uFFFD"},
	} {
		if got := stripTags(tc.in); got != tc.want {
			t.Errorf("stripTags(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
