package corpus

import (
	"html"
	"strings"
)

// blockTags are the elements that end a line of text.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "tr": true, "td": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"article": true, "section": true, "blockquote": true, "pre": true,
	"ul": true, "ol": true, "table": true, "header": true, "footer": true,
}

// stripTags is a crude HTML-to-text stand-in until real main-text
// extraction arrives: it drops tags, comments and the contents of script
// and style elements, ends a line at block elements and decodes entities.
// A "<" that does not start a tag is kept as text.
func stripTags(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 == len(s) {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:i]))
		s = s[i:]
		if !isTagStart(s[1]) {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		var name string
		name, s = skipTag(s)
		if blockTags[name] {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// isTagStart reports whether c, following "<", starts a tag or comment.
func isTagStart(c byte) bool {
	return c == '/' || c == '!' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// skipTag skips the tag, comment or script/style element at the start of
// s and returns the tag's lower-case name and the rest of s. An
// unterminated tag runs to the end of s.
func skipTag(s string) (name, rest string) {
	if strings.HasPrefix(s, "<!--") {
		return "", after(s[4:], "-->")
	}
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", ""
	}
	name = strings.ToLower(strings.TrimPrefix(s[1:end], "/"))
	if j := strings.IndexAny(name, " \t\r\n/"); j >= 0 {
		name = name[:j]
	}
	rest = s[end+1:]
	if (name == "script" || name == "style") && s[1] != '/' {
		rest = after(rest, "</"+name)
		rest = after(rest, ">")
	}
	return name, rest
}

// after returns what follows the first ASCII case-insensitive match of
// sub in s, or "" when there is none.
func after(s, sub string) string {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return s[i+len(sub):]
		}
	}
	return ""
}
