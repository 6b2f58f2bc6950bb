package corpus

import (
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func TestDecodeUTF16(t *testing.T) {
	for _, tc := range []struct {
		name, in, out, err string
	}{
		{"UTF-8 unchanged", "h\xc3\xa9\xff", "h\xc3\xa9\xff", ""},
		{"UTF-8 BOM unchanged", "\xEF\xBB\xBFx", "\xEF\xBB\xBFx", ""},
		{"one byte", "\xFF", "\xFF", ""},
		{"empty", "", "", ""},
		{"LE", "\xFF\xFEh\x00\xe9\x00", "h\u00e9", ""},
		{"BE", "\xFE\xFF\x00h\x00\xe9", "h\u00e9", ""},
		{"BOM only", "\xFF\xFE", "", ""},
		{"LE pair", "\xFF\xFEa\x00\x3D\xD8\xF0\xDC", "a\U0001F4F0", ""},
		{"BE pair", "\xFE\xFF\xD8\x3D\xDC\xF0\x00b", "\U0001F4F0b", ""},
		{"second BOM kept", "\xFF\xFE\xFF\xFEa\x00", "\uFEFFa", ""},
		{"NUL kept", "\xFF\xFE\x00\x00", "\x00", ""},
		{"odd byte", "\xFF\xFEa\x00b", "a", "invalid UTF-16 at byte 4"},
		{"lone low", "\xFF\xFEa\x00\x00\xDCb\x00", "a", "invalid UTF-16 at byte 4"},
		{"high then not low", "\xFF\xFEa\x00\x00\xD8b\x00", "a", "invalid UTF-16 at byte 4"},
		{"high at end", "\xFF\xFEa\x00\x00\xD8", "a", "invalid UTF-16 at byte 4"},
		{"high then odd byte", "\xFF\xFEa\x00\x00\xD8\x00", "a", "invalid UTF-16 at byte 4"},
		{"far in", "\xFF\xFE" + strings.Repeat("a\x00", 5000) + "\x00\xDC", strings.Repeat("a", 5000), "invalid UTF-16 at byte 10002"},
	} {
		for _, oneByte := range []bool{false, true} {
			var rd io.Reader = strings.NewReader(tc.in)
			if oneByte {
				rd = iotest.OneByteReader(rd)
			}
			out, err := io.ReadAll(decodeUTF16(rd))
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if string(out) != tc.out || gotErr != tc.err {
				t.Errorf("%s (one byte at a time: %v): %q, %q; want %q, %q", tc.name, oneByte, out, gotErr, tc.out, tc.err)
			}
		}
	}
}

// TestReadEncodings checks what the encoding cases of testdata/bad read as.
func TestReadEncodings(t *testing.T) {
	var inputs []string
	for _, name := range []string{"bom.txt", "bom.csv", "utf16le.txt", "utf16be.jsonl", "utf16le.csv"} {
		inputs = append(inputs, filepath.Join(badDir, name))
	}
	docs, rej, err := readAll(inputs, Options{})
	if err != nil || rej != nil {
		t.Fatalf("Read: %v, rejected %v", err, rej)
	}
	day := time.Date(2022, 1, 28, 0, 0, 0, 0, time.UTC)
	want := []Document{
		{ID: "bom.txt", Date: day, Title: "With a UTF-8 BOM", Text: "The mark is not part of the text.\n", Source: inputs[0]},
		{ID: "b1", Text: "The mark is not part of the header.", Source: inputs[1], Line: 2},
		{ID: "utf16le.txt", Date: day, Title: "Café in UTF-16", Text: "Little-endian, with a pair: 📰.\n", Source: inputs[2]},
		{ID: "w1", Text: "Big-endian JSONL: über.", Source: inputs[3], Line: 1},
		{ID: "w2", Text: "Second line.", Source: inputs[3], Line: 2},
		{ID: "c1", Title: "Naïve", Text: "Two lines\nin one field.", Source: inputs[4], Line: 2},
		{ID: "c2", Text: "Second row.", Source: inputs[4], Line: 4},
	}
	var got []Document
	for _, d := range docs {
		got = append(got, *d)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}
