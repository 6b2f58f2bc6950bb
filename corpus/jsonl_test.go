package corpus

import (
	"bufio"
	"io"
	"reflect"
	"strings"
	"testing"
)

// repeatReader yields an endless run of one byte without allocating it.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestReadLongLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int // bytes of the first line
		long bool
	}{
		{"at the limit", maxLine, false},
		{"over the limit", maxLine + 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A JSON string of n bytes in all: `"xxx…x"`.
			first := io.MultiReader(strings.NewReader(`"`), io.LimitReader(repeatReader('x'), int64(tc.n-2)),
				strings.NewReader("\"\r\n"+`{"id":"next","text":"ok"}`))
			docs, rej, err := readAll([]string{"-"}, Options{Stdin: first, SkipBad: true})
			if err != nil {
				t.Fatal(err)
			}
			reason := "malformed JSON: want an object"
			if tc.long {
				reason = "line longer than 64 MiB"
			}
			want := []Rejected{{Source: "-", Line: 1, Reason: reason}}
			if !reflect.DeepEqual(rej, want) || len(docs) != 1 || docs[0].ID != "next" || docs[0].Line != 2 {
				t.Fatalf("rejected %+v (want %+v), documents %q", rej, want, ids(docs))
			}
		})
	}
}

func TestLineReader(t *testing.T) {
	type line struct {
		text string
		long bool
		n    int
		off  int64
	}
	for _, tc := range []struct {
		in   string
		max  int
		want []line
	}{
		{"", 4, nil},
		{"a\nbb\r\n\nccc", 4, []line{{"a", false, 1, 0}, {"bb", false, 2, 2}, {"", false, 3, 6}, {"ccc", false, 4, 7}}},
		{"abcd\nabcde\nab\n", 4, []line{{"abcd", false, 1, 0}, {"", true, 2, 5}, {"ab", false, 3, 11}}},
		{"abcd\r\nabcde\r\n", 4, []line{{"abcd", false, 1, 0}, {"", true, 2, 6}}},
		// Longer than bufio's buffer, so read in fragments.
		{strings.Repeat("y", 40) + "\nz", 40, []line{{strings.Repeat("y", 40), false, 1, 0}, {"z", false, 2, 41}}},
		{strings.Repeat("y", 41) + "\nz", 40, []line{{"", true, 1, 0}, {"z", false, 2, 42}}},
	} {
		lr := &lineReader{br: bufio.NewReaderSize(strings.NewReader(tc.in), 16), max: tc.max}
		var got []line
		for {
			b, long, err := lr.read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, line{string(b), long, lr.n, lr.off})
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q max %d:\n got %+v\nwant %+v", tc.in, tc.max, got, tc.want)
		}
	}
}
