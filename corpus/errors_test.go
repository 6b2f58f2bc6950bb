package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const okLine = `{"id":"1","text":"ok"}` // 22 bytes; the next line starts at byte 23

const manifestHead = "id,outlet,date,title\n"

// Each case is run twice: plain, where it must fail with err, and with
// SkipBad, where it must pass on docs and reject rej, or fail with err
// again when fatal. "D/" in strings stands for the case's directory.
var badInputs = []struct {
	name   string
	files  map[string]string
	setup  func(t *testing.T, dir string)
	inputs []string
	err    string
	fatal  bool
	docs   []string
	rej    []Rejected
}{
	{
		name:   "missing input",
		inputs: []string{"nope.jsonl"},
		err:    "D/nope.jsonl: no such file or directory", fatal: true,
	},
	{
		name:   "unsupported type",
		files:  map[string]string{"a.pdf": "%PDF"},
		inputs: []string{"a.pdf"},
		err:    `D/a.pdf: unsupported input type ".pdf": want a directory, .txt, .html, .htm, .jsonl, .ndjson, .csv, .warc (each optionally .gz or .zst) or -`, fatal: true,
	},
	{
		name:   "unsupported compressed type",
		files:  map[string]string{"a.pdf.gz": "%PDF"},
		inputs: []string{"a.pdf.gz"},
		err:    `D/a.pdf.gz: unsupported input type ".pdf.gz": want a directory, .txt, .html, .htm, .jsonl, .ndjson, .csv, .warc (each optionally .gz or .zst) or -`, fatal: true,
	},
	{
		name:   "malformed JSON",
		files:  map[string]string{"a.jsonl": okLine + "\n" + `{"id":"2","text":` + "\n" + `{"id":"3","text":"fine"}`},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:2: malformed JSON: unexpected end of JSON input",
		docs:   []string{"1", "3"},
		rej:    []Rejected{{"D/a.jsonl", 2, "", "malformed JSON: unexpected end of JSON input"}},
	},
	{
		name:   "JSON syntax",
		files:  map[string]string{"a.jsonl": `{"id":"1" "text":"x"}`},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:1: malformed JSON: invalid character '\"' after object key:value pair",
		rej:    []Rejected{{"D/a.jsonl", 1, "", "malformed JSON: invalid character '\"' after object key:value pair"}},
	},
	{
		name:   "JSON not an object",
		files:  map[string]string{"a.jsonl": okLine + "\n[1,2]\n"},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:2: malformed JSON: want an object",
		docs:   []string{"1"},
		rej:    []Rejected{{"D/a.jsonl", 2, "", "malformed JSON: want an object"}},
	},
	{
		name:   "JSON field not a string",
		files:  map[string]string{"a.jsonl": `{"id":"1","text":["a"]}`},
		inputs: []string{"a.jsonl"},
		err:    `D/a.jsonl:1: field "text": want a string`,
		rej:    []Rejected{{"D/a.jsonl", 1, "1", `field "text": want a string`}},
	},
	{
		name:   "JSONL invalid UTF-8",
		files:  map[string]string{"a.jsonl": okLine + "\n" + `{"id":"2","text":"a` + "\xff" + `b"}`},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:2: invalid UTF-8 at byte 42",
		docs:   []string{"1"},
		rej:    []Rejected{{"D/a.jsonl", 2, "", "invalid UTF-8 at byte 42"}},
	},
	{
		name:   "JSONL NUL escape",
		files:  map[string]string{"a.jsonl": `{"id":"1","text":"a\u0000b"}`},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:1: binary content (NUL byte)",
		rej:    []Rejected{{"D/a.jsonl", 1, "1", "binary content (NUL byte)"}},
	},
	{
		name:   "JSONL raw NUL",
		files:  map[string]string{"a.jsonl": "{\"id\":\"1\",\x00\"text\":\"a\"}"},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:1: binary content (NUL byte)",
		rej:    []Rejected{{"D/a.jsonl", 1, "", "binary content (NUL byte)"}},
	},
	{
		name:   "no text",
		files:  map[string]string{"a.jsonl": `{"id":"1","text":" \n\t "}` + "\n" + `{"id":"2","html":"<p> </p>"}` + "\n" + okLine},
		inputs: []string{"a.jsonl"},
		err:    "D/a.jsonl:1: no text",
		docs:   []string{"1"},
		rej:    []Rejected{{"D/a.jsonl", 1, "1", "no text"}, {"D/a.jsonl", 2, "2", "no text"}},
	},
	{
		name:   "bad date",
		files:  map[string]string{"a.jsonl": `{"id":"1","text":"x","date":"28/01/2022"}`},
		inputs: []string{"a.jsonl"},
		err:    `D/a.jsonl:1: bad date "28/01/2022": want YYYY-MM-DD or RFC 3339`,
		rej:    []Rejected{{"D/a.jsonl", 1, "1", `bad date "28/01/2022": want YYYY-MM-DD or RFC 3339`}},
	},
	{
		name: "duplicate id across inputs",
		files: map[string]string{
			"a.jsonl": `{"id":"x","text":"one"}`,
			"b.csv":   "id,text\ny,two\nx,three\n",
		},
		inputs: []string{"a.jsonl", "b.csv"},
		err:    `D/b.csv:3: duplicate id "x" (first seen at D/a.jsonl:1)`,
		docs:   []string{"x", "y"},
		rej:    []Rejected{{"D/b.csv", 3, "x", `duplicate id "x" (first seen at D/a.jsonl:1)`}},
	},
	{
		name: "duplicate id of a file",
		files: map[string]string{
			"d/a.txt": "file",
			"a.jsonl": `{"id":"a.txt","text":"record"}`,
		},
		inputs: []string{"d", "a.jsonl"},
		err:    `D/a.jsonl:1: duplicate id "a.txt" (first seen at D/d/a.txt)`,
		docs:   []string{"a.txt"},
		rej:    []Rejected{{"D/a.jsonl", 1, "a.txt", `duplicate id "a.txt" (first seen at D/d/a.txt)`}},
	},
	{
		name:   "text invalid UTF-8",
		files:  map[string]string{"d/bad.txt": "hello \xc3(", "d/good.txt": "fine"},
		inputs: []string{"d"},
		err:    "D/d/bad.txt: invalid UTF-8 at byte 6",
		docs:   []string{"good.txt"},
		rej:    []Rejected{{"D/d/bad.txt", 0, "bad.txt", "invalid UTF-8 at byte 6"}},
	},
	{
		name:   "text binary",
		files:  map[string]string{"bin.txt": "PK\x03\x04\x00\x00\xff"},
		inputs: []string{"bin.txt"},
		err:    "D/bin.txt: binary content (NUL byte)",
		rej:    []Rejected{{"D/bin.txt", 0, "bin.txt", "binary content (NUL byte)"}},
	},
	{
		name:   "text empty",
		files:  map[string]string{"d/e.txt": "", "d/h.txt": " date 2022-01-02 Only a header\n \n"},
		inputs: []string{"d"},
		err:    "D/d/e.txt: no text",
		rej:    []Rejected{{"D/d/e.txt", 0, "e.txt", "no text"}, {"D/d/h.txt", 0, "h.txt", "no text"}},
	},
	{
		name:   "header bad date",
		files:  map[string]string{"h.txt": " date 2022-13-45 Title\ntext"},
		inputs: []string{"h.txt"},
		err:    `D/h.txt:1: bad date "2022-13-45": want YYYY-MM-DD or RFC 3339`,
		rej:    []Rejected{{"D/h.txt", 1, "h.txt", `bad date "2022-13-45": want YYYY-MM-DD or RFC 3339`}},
	},
	{
		name:  "unreadable file in directory",
		files: map[string]string{"d/a.txt": "fine"},
		setup: func(t *testing.T, dir string) {
			if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "d/b.txt")); err != nil {
				t.Skip("no symlinks:", err)
			}
		},
		inputs: []string{"d"},
		err:    "D/d/b.txt: no such file or directory",
		docs:   []string{"a.txt"},
		rej:    []Rejected{{"D/d/b.txt", 0, "b.txt", "no such file or directory"}},
	},
	{
		name: "manifest names a missing file",
		files: map[string]string{
			"d/a.txt":        "fine",
			"d/manifest.csv": manifestHead + "a.txt,A,,\nb.txt,B,,\n",
		},
		inputs: []string{"d"},
		err:    "D/d/manifest.csv:3: manifest names a missing file",
		docs:   []string{"a.txt"},
		rej:    []Rejected{{"D/d/manifest.csv", 3, "b.txt", "manifest names a missing file"}},
	},
	{
		name: "manifest duplicate id",
		files: map[string]string{
			"d/a.txt":        "fine",
			"d/manifest.csv": manifestHead + "a.txt,A,,\n\"a.txt\",B,,\n",
		},
		inputs: []string{"d"},
		err:    `D/d/manifest.csv:3: duplicate id "a.txt" (first seen at D/d/manifest.csv:2)`, fatal: true,
	},
	{
		name: "manifest bad date",
		files: map[string]string{
			"d/a.txt":        "fine",
			"d/b.txt":        " date 2020-01-01 header date loses to the manifest's\nfine",
			"d/manifest.csv": manifestHead + "a.txt,A,,\nb.txt,B,yesterday,\n",
		},
		inputs: []string{"d"},
		err:    `D/d/manifest.csv:3: bad date "yesterday": want YYYY-MM-DD or RFC 3339`,
		docs:   []string{"a.txt"},
		rej:    []Rejected{{"D/d/manifest.csv", 3, "b.txt", `bad date "yesterday": want YYYY-MM-DD or RFC 3339`}},
	},
	{
		name: "manifest without id column",
		files: map[string]string{
			"d/a.txt":        "fine",
			"d/manifest.csv": "file,outlet\na.txt,A\n",
		},
		inputs: []string{"d"},
		err:    `D/d/manifest.csv:1: header has no "id" column`, fatal: true,
	},
	{
		name: "manifest row without id",
		files: map[string]string{
			"d/a.txt":          "fine",
			"d/manifest.jsonl": `{"id":"a.txt"}` + "\n\n" + `{"outlet":"A"}`,
		},
		inputs: []string{"d"},
		err:    "D/d/manifest.jsonl:3: manifest row has no id", fatal: true,
	},
	{
		name: "manifest malformed",
		files: map[string]string{
			"d/a.txt":          "fine",
			"d/manifest.jsonl": `{"id":"a.txt"`,
		},
		inputs: []string{"d"},
		err:    "D/d/manifest.jsonl:1: malformed JSON: unexpected end of JSON input", fatal: true,
	},
	{
		name: "two manifests",
		files: map[string]string{
			"d/a.txt":          "fine",
			"d/manifest.csv":   manifestHead,
			"d/manifest.jsonl": "",
		},
		inputs: []string{"d"},
		err:    "D/d: both manifest.csv and manifest.jsonl present: keep one", fatal: true,
	},
	{
		name:   "CSV bare quote",
		files:  map[string]string{"a.csv": "id,text\n1,a\"b\n2,fine\n"},
		inputs: []string{"a.csv"},
		err:    `D/a.csv:2: malformed CSV: bare " in non-quoted-field`,
		docs:   []string{"2"},
		rej:    []Rejected{{"D/a.csv", 2, "", `malformed CSV: bare " in non-quoted-field`}},
	},
	{
		name:   "CSV field count",
		files:  map[string]string{"a.csv": "id,text\n1,a,extra\n2,fine\n"},
		inputs: []string{"a.csv"},
		err:    "D/a.csv:2: malformed CSV: wrong number of fields",
		docs:   []string{"2"},
		rej:    []Rejected{{"D/a.csv", 2, "", "malformed CSV: wrong number of fields"}},
	},
	{
		name: "CSV invalid UTF-8",
		// BOM 0-2, "id,text\n" 3-10, "1,\"multi\n" 11-19, "line " 20-24.
		files:  map[string]string{"a.csv": "\xEF\xBB\xBFid,text\n1,\"multi\nline \xe2\x82\"\n2,fine\n"},
		inputs: []string{"a.csv"},
		err:    "D/a.csv:2: invalid UTF-8 at byte 25",
		docs:   []string{"2"},
		rej:    []Rejected{{"D/a.csv", 2, "1", "invalid UTF-8 at byte 25"}},
	},
	{
		name:   "CSV without text column",
		files:  map[string]string{"a.csv": "id,body\n1,x\n"},
		inputs: []string{"a.csv"},
		err:    `D/a.csv:1: header has no "text" or "html" column`, fatal: true,
	},
}

func TestReadErrors(t *testing.T) {
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			d := func(s string) string { return strings.ReplaceAll(s, "D/", dir+"/") }
			var inputs []string
			for _, in := range tc.inputs {
				inputs = append(inputs, filepath.Join(dir, in))
			}
			want := d(tc.err)

			_, _, err := readAll(inputs, Options{})
			if _, ok := err.(*InputError); !ok || err.Error() != want {
				t.Fatalf("error %#v\nwant  %q", err, want)
			}

			docs, rej, err := readAll(inputs, Options{SkipBad: true})
			if tc.fatal {
				if err == nil || err.Error() != want {
					t.Fatalf("SkipBad: error %v, want %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("SkipBad: %v", err)
			}
			checkSkipBad(t, docs, rej, tc.docs, tc.rej, d)
		})
	}
}
