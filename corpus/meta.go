package corpus

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// dateLayouts are the accepted date forms, tried in order. Fractional
// seconds are accepted after any seconds field.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
}

// ParseDate parses a publication date given as 2006-01-02, RFC 3339 (with
// or without fractional seconds), "2006-01-02 15:04:05" or
// "2006-01-02T15:04:05". A time without a zone is taken as UTC; a time
// with an offset keeps it, as a fixed zone independent of the local one.
func ParseDate(s string) (time.Time, error) {
	t := strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if d, err := time.ParseInLocation(layout, t, time.UTC); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q: want YYYY-MM-DD or RFC 3339", s)
}

// parseOptionalDate is ParseDate for metadata, where blank means unknown.
func parseOptionalDate(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return ParseDate(s)
}

// OutletFromURL returns the host of rawURL, lower-case, without a leading
// "www." and without the port; "" if it has none. A URL without a scheme,
// such as "example.com/a", is read as a host and path when its first
// segment contains a dot.
func OutletFromURL(rawURL string) string {
	s := strings.TrimSpace(rawURL)
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	if u.Host == "" && schemeless(s, u.Scheme) {
		if u, err = url.Parse("//" + s); err != nil {
			return ""
		}
	}
	host := u.Hostname()
	if !utf8.ValidString(host) {
		return "" // url.Parse decodes %XX in hosts, which may leave stray bytes
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	return strings.TrimPrefix(host, "www.")
}

// schemeless reports whether s, which parsed with the given scheme and no
// host, is better read as "host/path": its first segment looks like a
// domain, and what url.Parse took for a scheme (as in "example.com:8080")
// has a dot, which real schemes do not.
func schemeless(s, scheme string) bool {
	if strings.HasPrefix(s, "/") || (scheme != "" && !strings.Contains(scheme, ".")) {
		return false
	}
	first, _, _ := strings.Cut(s, "/")
	return strings.Contains(first, ".")
}
