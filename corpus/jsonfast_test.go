package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// refJSONRecord is jsonRecord as it was before jsonFields, on top of
// encoding/json: the reference the new decoder must agree with.
func refJSONRecord(line []byte, base int64, names *[nField]string) (v [nField]string, bad string) {
	if reason := checkBytes(line, base); reason != "" {
		return v, reason
	}
	return refJSONFields(line, names)
}

// refJSONFields is refJSONRecord without the check of the raw bytes. line
// must not be blank, as eachJSONL guarantees.
func refJSONFields(line []byte, names *[nField]string) (v [nField]string, bad string) {
	if t := bytes.TrimSpace(line); t[0] != '{' {
		return v, "malformed JSON: want an object"
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		return v, "malformed JSON: " + err.Error()
	}
	for i, name := range names {
		raw, ok := obj[name]
		if name == "" || !ok {
			continue
		}
		s, ok := refJSONString(raw)
		if !ok {
			return v, fmt.Sprintf("field %q: want a string", name)
		}
		v[i] = s
	}
	return v, ""
}

// refJSONString is the old jsonString.
func refJSONString(raw json.RawMessage) (string, bool) {
	switch c := raw[0]; {
	case c == '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err == nil
	case c == 'n':
		return "", true
	case c == '-' || ('0' <= c && c <= '9'):
		return string(raw), true
	}
	return "", false
}

// testNames are the name sets the decoders are compared with: the
// defaults, and short names a fuzzer finds easily, with an empty name, a
// name in two slots and names that only escaped or invalid keys match.
var testNames = [][nField]string{
	DefaultFields().names(),
	{"a", "b", "", "a", "\uFFFD", `"`, "é"},
}

// deep returns an object whose key "x" holds n nested arrays, closed
// unless open.
func deep(n int, open bool) string {
	s := `{"id":"1","x":` + strings.Repeat("[", n)
	if !open {
		s += strings.Repeat("]", n) + `,"text":"t"}`
	}
	return s
}

// trickyLines are lines that the decoders must agree on, beyond those of
// the error table.
var trickyLines = []string{
	// Escapes and surrogates.
	`{"id":"a\"b\\c\/d\b\f\n\r\t","text":"\u00e9\u20AC\ud83d\ude00\u0000"}`,
	`{"a":"\ud800","b":"\udc00\ud800x","é":"\ud83d\u0041"}`,
	`{"a":"\ud83d\ud83d\ude00","b":"\ud83d\\u0041","é":"\uDBFF\uDFFF\uD800\uDC00"}`,
	`{"a":"\ud83d","b":"x\ud83d\u","é":"\ud83d\ude0"}`,
	`{"a":"\u12`, `{"a":"\u12x"}`, `{"a":"\x"}`, `{"a":"\`, `{"a":"\'"}`, `{"a":"\U0041"}`,
	"{\"a\":\"\t\"}", "{\"a\":\"\x7f\"}", `{"a":"\u0000"}`,
	// Nested values of every kind in unwanted fields.
	`{"x":[1,{"a":[true,false,null,"s",-1.5e3]},[],{}],"y":{"z":{"a":"b"}},"id":"1","a":"2"}`,
	`{"x":[ ] , "y" : { } ,"z":[ [ ] , { "k" : [ ] } ]}`,
	`{"x":[1}`, `{"x":{"a":1]}`, `{"x":[1 2]}`, `{"x":{"a" 1}}`, `{"x":{1:1}}`, `{"x":[`, `{"x":{"a":`,
	// Numbers.
	`{"id":-0,"a":1e5,"b":1.5E-3,"é":0.0e+0}`, `{"a":123456789012345678901234567890}`, `{"a":-0.000E-00}`,
	`{"id":01}`, `{"id":1.}`, `{"id":.5}`, `{"id":-}`, `{"id":1e}`, `{"id":1e+}`, `{"id":+1}`, `{"id":--1}`,
	`{"id":-01}`, `{"id":1.5.3}`, `{"id":1e5e5}`, `{"id":0x10}`, `{"id":1`, `{"id":-`, `{"id":1.`, `{"id":1e`,
	`{"id":NaN}`, `{"id":Infinity}`, `{"id":-a}`,
	// Literals.
	`{"id":null,"a":null}`, `{"id":true}`, `{"id":false}`, `{"a":t`, `{"a":tru`, `{"a":nul`, `{"a":fals`,
	`{"a":tx}`, `{"a":nulll}`, `{"a":True}`,
	// Trailing commas and other structure.
	`{"id":"1",}`, `{"x":[1,]}`, `{"x":{"a":1,}}`, `{,}`, `{"a"}`, `{"a":}`, `{"a"::1}`, `{"a":1,,"b":2}`,
	`{}`, `{ }`, `{}x`, `{} {}`, `{}}`, `{}]`, `{`, `{"`, `{"a`, `{"a"`, `{"a":`, `{"a":"b`, `{"a":"b"`, `{"a":"b",`,
	`{'a':1}`, `{a:1}`, "{\"a\":1}\x00",
	// Duplicate keys: the last wins.
	`{"id":"1","id":"2"}`, `{"text":[1],"text":"x"}`, `{"text":"x","text":[1]}`, `{"a":"1","a":null}`,
	// Exact, unfolded key matching; escaped and empty keys.
	`{"\u0069d":"1","te\u0078t":"x","\u0022":"q","\ufffd":"r"}`, `{"ID":"1","Text":"x","ıd":"2"}`,
	`{"":"x","a":"y"}`, `{"a\u0000":"x"}`,
	// Non-strings in wanted fields, after a good one.
	`{"id":"1","text":false}`, `{"id":"1","text":{}}`, `{"text":[],"id":"1"}`,
	// Whitespace: JSON's only, but bytes.TrimSpace decides "want an object".
	" \t\r\n{ \"id\" : \"1\" , \"text\" : \"x\" } \n", "\f{}", "{}\f", "\v{}", "\xc2\xa0{}", "{}\xc2\x85", "\xc2\x85{}",
	"{\"a\":\"b\"}\xc2\xa0", "{\r\n}",
	// Byte order mark: the caller strips it.
	"\xEF\xBB\xBF{\"id\":1}",
	// Not objects.
	`[1,2]`, `"s"`, `1`, `null`, `]`,
	// Invalid UTF-8 in strings, keys and elsewhere.
	"{\"id\":\"\xff\",\"te\xffxt\":\"a\xed\xa0\x80b\",\"a\":\"\xe2\x82\",\"\xff\":\"k\"}",
	"{\"a\":\"\xf4\x90\x80\x80\\n\xc0\xaf\"}", "{\"a\":1\xff}", "{\xff}", "{\"a\":\"\\u00e9\xe9\"}",
	// Deep nesting: encoding/json allows 10000 levels, the object included.
	deep(9999, false), deep(10000, false), deep(10000, true), deep(70, false), deep(70, true),
	strings.Repeat("[", 10000), "{" + strings.Repeat(`"x":{`, 10000),
	`{"x":` + strings.Repeat(`{"a":[`, 4999) + "1" + strings.Repeat("]}", 4999) + "}",
	`{"x":` + strings.Repeat(`{"a":[`, 5000) + "1" + strings.Repeat("]}", 5000) + "}",
	`{"x":` + strings.Repeat(`[{"a":`, 100) + "1" + strings.Repeat("}]", 100) + "}",
	`{"x":` + strings.Repeat(`[{"a":`, 100) + "1" + strings.Repeat("]}", 100) + "}",
}

// checkJSON compares the decoders on line, which must not be blank.
func checkJSON(t *testing.T, line []byte) {
	t.Helper()
	for _, names := range testNames {
		v, bad := jsonRecord(line, 10, &names)
		rv, rbad := refJSONRecord(line, 10, &names)
		if v != rv || bad != rbad {
			t.Fatalf("jsonRecord(%q, %q)\n= %q, %q\nwant %q, %q", line, names, v, bad, rv, rbad)
		}
		v, bad = jsonFields(line, 0, &names, false)
		rv, rbad = refJSONFields(line, &names)
		if v != rv || bad != rbad {
			t.Fatalf("jsonFields(%q, %q)\n= %q, %q\nwant %q, %q", line, names, v, bad, rv, rbad)
		}
	}
}

// jsonSeeds returns the lines the decoders are tested on without fuzzing.
func jsonSeeds(t testing.TB) []string {
	lines := append([]string(nil), trickyLines...)
	for _, tc := range badInputs {
		for name, content := range tc.files {
			if strings.HasSuffix(name, ".jsonl") {
				lines = append(lines, content)
				lines = append(lines, strings.Split(content, "\n")...)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(seeds, "000_22738a2fa1e210c7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return append(lines, string(articleLine(b)))
}

func FuzzJSONRecord(f *testing.F) {
	for _, line := range jsonSeeds(f) {
		f.Add([]byte(line))
	}
	f.Add([]byte("\xEF\xBB\xBF" + `{"id":1,"text":"a","url":"http://www.x.org","date":"2022-01-28T10:00:00Z"}`))
	f.Add([]byte(`{"html":"<p>b</p>"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		if len(bytes.TrimSpace(line)) == 0 {
			// eachJSONL skips blank lines; the old code would panic.
			names := DefaultFields().names()
			if _, bad := jsonFields(line, 0, &names, false); bad != "malformed JSON: want an object" {
				t.Fatalf("blank line %q: %q", line, bad)
			}
			return
		}
		checkJSON(t, line)
	})
}

func TestJSONFields(t *testing.T) {
	names := testNames[1]
	for _, tc := range []struct {
		line string
		want [nField]string
		bad  string
	}{
		{`{"a":"\u00e9\ud83d\ude00","b":"\ud800x\udc00","é":"\ud83d\u0041"}`,
			[nField]string{"é😀", "\uFFFDx\uFFFD", "", "é😀", "", "", "\uFFFDA"}, ""},
		{`{"a":"\ud83d\ud83d\ude00","b":"a\\u0041"}`, [nField]string{"\uFFFD😀", `a\u0041`, "", "\uFFFD😀"}, ""},
		{"{\"a\":\"x\xffy\",\"\xff\":\"k\",\"\\\"\":\"q\"}", [nField]string{"x\uFFFDy", "", "", "x\uFFFDy", "k", "q"}, ""},
		{`{"a":-0,"b":1.5E-3,"é":null}`, [nField]string{"-0", "1.5E-3", "", "-0"}, ""},
		{`{"a":"1","a":"2","b":[1],"b":"x","":"e"}`, [nField]string{"2", "x", "", "2"}, ""},
		{`{"a":"1","b":true}`, [nField]string{"1"}, `field "b": want a string`},
		{`{"A":"1","\u0061":"2"}`, [nField]string{"2", "", "", "2"}, ""},
		{`{"a":01}`, [nField]string{}, "malformed JSON: invalid character '1' after object key:value pair"},
		{`{"a":1.}`, [nField]string{}, "malformed JSON: invalid character '}' after decimal point in numeric literal"},
		{`{"a":1.`, [nField]string{}, "malformed JSON: invalid character ' ' after decimal point in numeric literal"},
		{`{"a":"\u12x"}`, [nField]string{}, `malformed JSON: invalid character 'x' in \u hexadecimal character escape`},
		{`{"a":[1,]}`, [nField]string{}, "malformed JSON: invalid character ']' looking for beginning of value"},
		{`{"a":1,}`, [nField]string{}, "malformed JSON: invalid character '}' looking for beginning of object key string"},
		{"{}\xff", [nField]string{}, "malformed JSON: invalid character 'ÿ' after top-level value"},
		{deep(10000, false), [nField]string{}, "malformed JSON: invalid character '[' exceeded max depth"},
		{deep(9999, true), [nField]string{}, "malformed JSON: unexpected end of JSON input"},
		{`[{}]`, [nField]string{}, "malformed JSON: want an object"},
	} {
		v, bad := jsonFields([]byte(tc.line), 0, &names, false)
		if v != tc.want || bad != tc.bad {
			t.Errorf("jsonFields(%.80q)\n= %q, %q\nwant %q, %q", tc.line, v, bad, tc.want, tc.bad)
		}
	}
	for _, line := range jsonSeeds(t) {
		if len(bytes.TrimSpace([]byte(line))) > 0 {
			checkJSON(t, []byte(line))
		}
	}
}

// articleLine returns a JSONL line as a crawler would write it, of about
// 5 KB: the article text, its metadata and fields the reader skips.
func articleLine(text []byte) []byte {
	b, err := json.Marshal(map[string]any{
		"id":        "mt-2022-01-30-russia-says-wants-respectful-ties",
		"url":       "https://www.themoscowtimes.com/2022/01/30/russia-says-wants-respectful-ties-with-us-a76207",
		"outlet":    "The Moscow Times",
		"date":      "2022-01-30T12:04:00Z",
		"title":     "Russia Says Wants ‘Respectful’ Ties With U.S.",
		"text":      string(text),
		"authors":   []string{"AFP"},
		"tags":      []string{"Russia", "Ukraine", "United States", "Sergei Lavrov"},
		"wordcount": 712,
		"crawl":     map[string]any{"status": 200, "fetched": "2022-01-30T13:00:00Z", "lang": "en", "score": 0.93},
	})
	if err != nil {
		panic(err)
	}
	return b
}

func BenchmarkJSONRecord(b *testing.B) {
	text, err := os.ReadFile(filepath.Join(seeds, "000_22738a2fa1e210c7.txt"))
	if err != nil {
		b.Fatal(err)
	}
	line := articleLine(text)
	names := DefaultFields().names()
	for _, bc := range []struct {
		name string
		fn   func([]byte, int64, *[nField]string) ([nField]string, string)
	}{
		{"old", refJSONRecord},
		{"new", jsonRecord},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				if v, bad := bc.fn(line, 0, &names); bad != "" || v[fText] == "" {
					b.Fatalf("%q, %q", v, bad)
				}
			}
		})
	}
}

func TestJSONRecordAllocs(t *testing.T) {
	names := DefaultFields().names()
	for _, line := range []string{
		`{"id":"a1","text":"Line one.\nLine \"two\" \u2014 caf\u00e9 \ud83d\ude00.","outlet":"Outlet","url":"https://x.example/a",` +
			`"date":"2022-01-30","title":"Title — with ‘quotes’","tags":["a",{"b":[1,2.5e3,null,true]}],"n":-0.5}`,
		`{"id":"a1","text":"plain text","outlet":"","url":"https://x.example/a","date":"2022-01-30","title":"T","html":null}`,
		`{"id":1234,"text":"x","outlet":"O","url":"u","date":"2022-01-30","title":"\u0054"}`,
	} {
		var v [nField]string
		var bad string
		b := []byte(line)
		allocs := testing.AllocsPerRun(100, func() {
			v, bad = jsonRecord(b, 0, &names)
		})
		if bad != "" {
			t.Fatalf("%s: %s", line, bad)
		}
		nonEmpty := 0
		for _, s := range v {
			if s != "" {
				nonEmpty++
			}
		}
		t.Logf("%v allocations for %d non-empty fields", allocs, nonEmpty)
		if allocs > float64(nonEmpty) {
			t.Errorf("%d allocations for %d non-empty fields of %s", int(allocs), nonEmpty, line)
		}
	}
}
