package corpus

import (
	"fmt"
	"testing"
	"time"
)

func TestOutletFromURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://www.themoscowtimes.com/2022/01/28/x", "themoscowtimes.com"},
		{"HTTP://WWW.Example.COM:8080/a?b#c", "example.com"},
		{"https://news.yahoo.com/", "news.yahoo.com"},
		{"https://user:pw@www.taipeitimes.com./News", "taipeitimes.com"},
		{"//cdn.example.org/x", "cdn.example.org"},
		{"www.example.net/story", "example.net"},
		{"example.net:8443/story", "example.net"},
		{"  https://a.example  ", "a.example"},
		{"http://[::1]:80/", "::1"},
		{"https://www2.example.com", "www2.example.com"},
		{"https://wwwexample.com", "wwwexample.com"},
		{"localhost:8080", ""},
		{"mailto:desk@example.com", ""},
		{"/relative/path", ""},
		{"n/a", ""},
		{"", ""},
		{"http://%ff.example/", ""},
		{"http://[bad", ""},
	} {
		if got := OutletFromURL(tc.in); got != tc.want {
			t.Errorf("OutletFromURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	plus3 := time.FixedZone("", 3*3600)
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2022-01-28", time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC), true},
		{" 2022-01-28\n", time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC), true},
		{"2022-01-28T10:11:12Z", time.Date(2022, 1, 28, 10, 11, 12, 0, time.UTC), true},
		{"2022-01-28T10:11:12.345Z", time.Date(2022, 1, 28, 10, 11, 12, 345e6, time.UTC), true},
		{"2022-01-28T10:11:12+03:00", time.Date(2022, 1, 28, 10, 11, 12, 0, plus3), true},
		{"2022-01-28T10:11:12.5+03:00", time.Date(2022, 1, 28, 10, 11, 12, 5e8, plus3), true},
		{"2022-01-28 10:11:12", time.Date(2022, 1, 28, 10, 11, 12, 0, time.UTC), true},
		{"2022-01-28T10:11:12", time.Date(2022, 1, 28, 10, 11, 12, 0, time.UTC), true},
		{"2022-01-28 10:11:12.25", time.Date(2022, 1, 28, 10, 11, 12, 25e7, time.UTC), true},
		{"", time.Time{}, false},
		{"28/01/2022", time.Time{}, false},
		{"2022-1-28", time.Time{}, false},
		{"2022-02-30", time.Time{}, false},
		{"2022-01-28T10:11", time.Time{}, false},
		{"2022-01-28T10:11:12+0300", time.Time{}, false},
		{"Jan 28, 2022", time.Time{}, false},
	} {
		got, err := ParseDate(tc.in)
		if !tc.ok {
			want := fmt.Sprintf("bad date %q: want YYYY-MM-DD or RFC 3339", tc.in)
			if err == nil || err.Error() != want {
				t.Errorf("ParseDate(%q) = %v, %v; want error %q", tc.in, got, err, want)
			}
			continue
		}
		// Formatting compares the instant and the zone offset.
		if err != nil || got.Format(time.RFC3339Nano) != tc.want.Format(time.RFC3339Nano) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}
