package corpus

import "testing"

func TestSplitHeader(t *testing.T) {
	for _, tc := range []struct {
		in, date, title, rest string
	}{
		{" date 2022-01-28 'We don't want wars'\n\nBody", "2022-01-28", "'We don't want wars'", "\nBody"},
		{"date 2022-01-29 Title\r\nBody", "2022-01-29", "Title", "Body"},
		{"\t date\t2022-01-29\tTab  \nBody", "2022-01-29", "Tab", "Body"},
		{"date 2022-01-29", "2022-01-29", "", ""},
		{"date 2022-01-29\r\n", "2022-01-29", "", ""},
		{"date 2022-13-45 Impossible\nBody", "2022-13-45", "Impossible", "Body"},
		// Not headers: the text is kept whole.
		{"date night in Paris\nBody", "", "", ""},
		{"dated 2022-01-29 x\nBody", "", "", ""},
		{"date 2022-01-29T10:00 x\nBody", "", "", ""},
		{"date 2022/01/29 x\nBody", "", "", ""},
		{"date 22-01-29 x", "", "", ""},
		{"\ndate 2022-01-29 x", "", "", ""},
		{"Body\ndate 2022-01-29 x", "", "", ""},
		{"", "", "", ""},
	} {
		h, rest := splitHeader(tc.in)
		wantRest := tc.rest
		if tc.date == "" {
			wantRest = tc.in
		}
		if h.date != tc.date || h.title != tc.title || rest != wantRest {
			t.Errorf("splitHeader(%q) = %+v, %q; want {%s %s}, %q", tc.in, h, rest, tc.date, tc.title, wantRest)
		}
	}
}
