package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// badDir holds one small file per failure; see its make.sh.
const badDir = "../testdata/bad"

// badFiles are the failures of testdata/bad, plus those made by setup
// because they are large or cannot be committed. Each case reads its
// inputs followed by BAD/ok.jsonl, twice: plainly, where it must fail
// with err, and with SkipBad, where it must pass on docs and then "ok"
// and reject rej, or fail with err again when fatal. A case without err
// is input that must be read fine both times. In strings, "BAD/" stands
// for testdata/bad/ and "TMP/" for the case's temporary directory.
var badFiles = []struct {
	name   string
	setup  func(t *testing.T, tmp string)
	inputs []string
	err    string
	fatal  bool
	docs   []string
	rej    []Rejected
}{
	{
		name:   "empty file",
		inputs: []string{"BAD/empty.txt"},
		err:    "BAD/empty.txt: no text",
		rej:    []Rejected{{"BAD/empty.txt", 0, "empty.txt", "no text"}},
	},
	{
		name:   "only whitespace",
		inputs: []string{"BAD/whitespace.txt"},
		err:    "BAD/whitespace.txt: no text",
		rej:    []Rejected{{"BAD/whitespace.txt", 0, "whitespace.txt", "no text"}},
	},
	{
		name:   "binary",
		inputs: []string{"BAD/binary.txt"},
		err:    "BAD/binary.txt: binary content (NUL byte)",
		rej:    []Rejected{{"BAD/binary.txt", 0, "binary.txt", "binary content (NUL byte)"}},
	},
	{
		name:   "invalid UTF-8 text",
		inputs: []string{"BAD/invalid-utf8.txt"},
		err:    "BAD/invalid-utf8.txt: invalid UTF-8 at byte 3",
		rej:    []Rejected{{"BAD/invalid-utf8.txt", 0, "invalid-utf8.txt", "invalid UTF-8 at byte 3"}},
	},
	{
		name:   "invalid UTF-8 JSONL",
		inputs: []string{"BAD/invalid-utf8.jsonl"},
		err:    "BAD/invalid-utf8.jsonl:2: invalid UTF-8 at byte 64",
		docs:   []string{"u1", "u3"},
		rej:    []Rejected{{"BAD/invalid-utf8.jsonl", 2, "", "invalid UTF-8 at byte 64"}},
	},
	{
		name:   "truncated gzip",
		inputs: []string{"BAD/truncated.jsonl.gz"},
		err:    "BAD/truncated.jsonl.gz:3: truncated gzip stream (unexpected EOF)",
		docs:   []string{"t1", "t2"},
		rej:    []Rejected{{"BAD/truncated.jsonl.gz", 3, "", "truncated gzip stream (unexpected EOF)"}},
	},
	{
		name:   "truncated zstd",
		inputs: []string{"BAD/truncated.jsonl.zst"},
		err:    "BAD/truncated.jsonl.zst:3: truncated zstd stream (unexpected EOF)",
		docs:   []string{"t1", "t2"},
		rej:    []Rejected{{"BAD/truncated.jsonl.zst", 3, "", "truncated zstd stream (unexpected EOF)"}},
	},
	{
		name:   "truncated gzip text",
		inputs: []string{"BAD/truncated.txt.gz"},
		err:    "BAD/truncated.txt.gz: truncated gzip stream (unexpected EOF)",
		rej:    []Rejected{{"BAD/truncated.txt.gz", 0, "truncated.txt.gz", "truncated gzip stream (unexpected EOF)"}},
	},
	{
		name:   "not gzip",
		inputs: []string{"BAD/notgzip.jsonl.gz"},
		err:    "BAD/notgzip.jsonl.gz:1: corrupt gzip stream (invalid header)",
		rej:    []Rejected{{"BAD/notgzip.jsonl.gz", 1, "", "corrupt gzip stream (invalid header)"}},
	},
	{
		name:   "JSONL with a broken line",
		inputs: []string{"BAD/broken-line.jsonl"},
		err:    "BAD/broken-line.jsonl:2: malformed JSON: unexpected end of JSON input",
		docs:   []string{"b1", "b3"},
		rej:    []Rejected{{"BAD/broken-line.jsonl", 2, "", "malformed JSON: unexpected end of JSON input"}},
	},
	{
		name:   "missing text field",
		inputs: []string{"BAD/missing-text.jsonl"},
		err:    "BAD/missing-text.jsonl:2: no text",
		docs:   []string{"m1", "m3"},
		rej:    []Rejected{{"BAD/missing-text.jsonl", 2, "m2", "no text"}},
	},
	{
		name:   "missing text column",
		inputs: []string{"BAD/missing-text.csv"},
		err:    `BAD/missing-text.csv:1: header has no "text" or "html" column`, fatal: true,
	},
	{
		name:   "duplicate IDs",
		inputs: []string{"BAD/duplicate-ids.jsonl"},
		err:    `BAD/duplicate-ids.jsonl:3: duplicate id "d1" (first seen at BAD/duplicate-ids.jsonl:1)`,
		docs:   []string{"d1", "d2"},
		rej:    []Rejected{{"BAD/duplicate-ids.jsonl", 3, "d1", `duplicate id "d1" (first seen at BAD/duplicate-ids.jsonl:1)`}},
	},
	{
		name:   "manifest naming missing files",
		inputs: []string{"BAD/manifest-missing"},
		err:    "BAD/manifest-missing/manifest.csv:3: manifest names a missing file",
		docs:   []string{"a.txt"},
		rej: []Rejected{
			{"BAD/manifest-missing/manifest.csv", 3, "gone.txt", "manifest names a missing file"},
			{"BAD/manifest-missing/manifest.csv", 4, "sub/also-gone.txt.gz", "manifest names a missing file"},
		},
	},
	{
		name:   "dates in the wrong format",
		inputs: []string{"BAD/bad-dates.jsonl"},
		err:    `BAD/bad-dates.jsonl:2: bad date "28/01/2022": want YYYY-MM-DD or RFC 3339`,
		docs:   []string{"k1", "k5"},
		rej: []Rejected{
			{"BAD/bad-dates.jsonl", 2, "k2", `bad date "28/01/2022": want YYYY-MM-DD or RFC 3339`},
			{"BAD/bad-dates.jsonl", 3, "k3", `bad date "Jan 28, 2022": want YYYY-MM-DD or RFC 3339`},
			{"BAD/bad-dates.jsonl", 4, "k4", `bad date "2022-1-28": want YYYY-MM-DD or RFC 3339`},
		},
	},
	{
		name: "gzip bomb",
		setup: func(t *testing.T, tmp string) {
			lowerLimit(t, &maxStream, 10<<20)
			writeBomb(t, filepath.Join(tmp, "bomb.jsonl.gz"), `{"id":"z1","text":"Before the bomb."}`+"\n")
		},
		inputs: []string{"TMP/bomb.jsonl.gz"},
		err:    "TMP/bomb.jsonl.gz:2: decompressed size exceeds 10 MiB limit",
		docs:   []string{"z1"},
		rej:    []Rejected{{"TMP/bomb.jsonl.gz", 2, "", "decompressed size exceeds 10 MiB limit"}},
	},
	{
		name: "zstd bomb",
		setup: func(t *testing.T, tmp string) {
			lowerLimit(t, &maxStream, 10<<20)
			writeBomb(t, filepath.Join(tmp, "bomb.csv.zst"), "id,text\nz1,Before the bomb.\n")
		},
		inputs: []string{"TMP/bomb.csv.zst"},
		err:    "TMP/bomb.csv.zst:3: decompressed size exceeds 10 MiB limit",
		docs:   []string{"z1"},
		rej:    []Rejected{{"TMP/bomb.csv.zst", 3, "", "decompressed size exceeds 10 MiB limit"}},
	},
	{
		name: "text bomb in a directory",
		setup: func(t *testing.T, tmp string) {
			lowerLimit(t, &maxText, 1<<20)
			writeFiles(t, tmp, map[string]string{"d/a.txt": "fine"})
			writeBomb(t, filepath.Join(tmp, "d/bomb.txt.gz"), "")
		},
		inputs: []string{"TMP/d"},
		err:    "TMP/d/bomb.txt.gz: decompressed size exceeds 1 MiB limit",
		docs:   []string{"a.txt"},
		rej:    []Rejected{{"TMP/d/bomb.txt.gz", 0, "bomb.txt.gz", "decompressed size exceeds 1 MiB limit"}},
	},
	{
		name: "directory with an unreadable file",
		setup: func(t *testing.T, tmp string) {
			writeFiles(t, tmp, map[string]string{"d/a.txt": "fine", "d/b.txt": "secret"})
			unreadable(t, filepath.Join(tmp, "d/b.txt"))
		},
		inputs: []string{"TMP/d"},
		err:    "TMP/d/b.txt: permission denied",
		docs:   []string{"a.txt"},
		rej:    []Rejected{{"TMP/d/b.txt", 0, "b.txt", "permission denied"}},
	},
	{
		name: "directory with an unreadable subdirectory",
		setup: func(t *testing.T, tmp string) {
			writeFiles(t, tmp, map[string]string{"d/a.txt": "fine", "d/sub/b.txt": "secret"})
			unreadable(t, filepath.Join(tmp, "d/sub"))
		},
		inputs: []string{"TMP/d"},
		err:    "TMP/d/sub: permission denied", fatal: true,
	},
	{
		name: "symlink loop in a directory",
		setup: func(t *testing.T, tmp string) {
			writeFiles(t, tmp, map[string]string{"d/a.txt": "fine", "d/sub/b.txt": "also fine"})
			symlink(t, "loop.txt", filepath.Join(tmp, "d/loop.txt"))
			symlink(t, "..", filepath.Join(tmp, "d/sub/up")) // not followed, so no endless walk
		},
		inputs: []string{"TMP/d"},
		err:    "TMP/d/loop.txt: symlink loop",
		docs:   []string{"a.txt", "sub/b.txt"},
		rej:    []Rejected{{"TMP/d/loop.txt", 0, "loop.txt", "symlink loop"}},
	},
	{
		name:   "symlink loop as input",
		setup:  func(t *testing.T, tmp string) { symlink(t, "self.jsonl", filepath.Join(tmp, "self.jsonl")) },
		inputs: []string{"TMP/self.jsonl"},
		err:    "TMP/self.jsonl: symlink loop", fatal: true,
	},
	{
		name:   "invalid UTF-16",
		inputs: []string{"BAD/utf16-invalid.txt"},
		err:    "BAD/utf16-invalid.txt: invalid UTF-16 at byte 6",
		rej:    []Rejected{{"BAD/utf16-invalid.txt", 0, "utf16-invalid.txt", "invalid UTF-16 at byte 6"}},
	},
	{
		name:   "HTML page with bytes its charset cannot decode",
		inputs: []string{"BAD/bad-charset.html"},
		err:    "BAD/bad-charset.html: invalid shift_jis at byte 93",
		rej:    []Rejected{{"BAD/bad-charset.html", 0, "bad-charset.html", "invalid shift_jis at byte 93"}},
	},
	{
		name:   "HTML page without visible text",
		inputs: []string{"BAD/no-text.html"},
		err:    "BAD/no-text.html: no text",
		rej:    []Rejected{{"BAD/no-text.html", 0, "no-text.html", "no text"}},
	},
	{
		name:   "truncated WARC record",
		inputs: []string{"BAD/truncated.warc"},
		err:    "BAD/truncated.warc: record 3: truncated WARC record (input ends before its Content-Length)",
		docs:   []string{"urn:uuid:1adff89d-0000-4000-8000-000000000000"},
		rej:    []Rejected{{"BAD/truncated.warc", 3, "", "truncated WARC record (input ends before its Content-Length)"}},
	},
	{
		name:   "truncated WARC.gz",
		inputs: []string{"BAD/truncated.warc.gz"},
		err:    "BAD/truncated.warc.gz: record 3: truncated gzip stream (unexpected EOF)",
		docs:   []string{"urn:uuid:1adff89d-0000-4000-8000-000000000000"},
		rej:    []Rejected{{"BAD/truncated.warc.gz", 3, "", "truncated gzip stream (unexpected EOF)"}},
	},
	{
		name:   "not a WARC file",
		inputs: []string{"BAD/notwarc.warc"},
		err:    `BAD/notwarc.warc: record 1: no WARC record found (no "WARC/" version line)`,
		rej:    []Rejected{{"BAD/notwarc.warc", 1, "", `no WARC record found (no "WARC/" version line)`}},
	},
	// Not failures: what must be read as is.
	{
		name:   "UTF-16 converted",
		inputs: []string{"BAD/utf16le.txt", "BAD/utf16be.jsonl", "BAD/utf16le.csv"},
		docs:   []string{"utf16le.txt", "w1", "w2", "c1", "c2"},
	},
	{
		name:   "UTF-8 BOM stripped",
		inputs: []string{"BAD/bom.txt", "BAD/bom.csv"},
		docs:   []string{"bom.txt", "b1"},
	},
	{
		name: "empty streams hold no documents",
		setup: func(t *testing.T, tmp string) {
			writeFiles(t, tmp, map[string]string{"e.jsonl": "", "e.csv": "", "blank.jsonl": "\n \r\n\t\n"})
		},
		inputs: []string{"TMP/e.jsonl", "TMP/e.csv", "TMP/blank.jsonl"},
	},
}

func TestBadFiles(t *testing.T) {
	for _, tc := range badFiles {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			if tc.setup != nil {
				tc.setup(t, tmp)
			}
			d := strings.NewReplacer("BAD/", badDir+"/", "TMP/", tmp+"/").Replace
			var inputs []string
			for _, in := range tc.inputs {
				inputs = append(inputs, d(in))
			}
			inputs = append(inputs, filepath.Join(badDir, "ok.jsonl"))
			wantDocs := append(append([]string(nil), tc.docs...), "ok")

			docs, _, err := readNoPanic(t, inputs, Options{})
			_, isInput := err.(*InputError)
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err == "" && !reflect.DeepEqual(ids(docs), wantDocs):
				t.Fatalf("documents %q, want %q", ids(docs), wantDocs)
			case tc.err != "" && (!isInput || err.Error() != d(tc.err)):
				t.Fatalf("error %#v\nwant  %q", err, d(tc.err))
			}

			docs, rej, err := readNoPanic(t, inputs, Options{SkipBad: true})
			if tc.fatal {
				if _, ok := err.(*InputError); !ok || err.Error() != d(tc.err) {
					t.Fatalf("SkipBad: error %#v, want %q", err, d(tc.err))
				}
				return
			}
			if err != nil {
				t.Fatalf("SkipBad: %v", err)
			}
			checkSkipBad(t, docs, rej, wantDocs, tc.rej, d)
		})
	}
}

// readNoPanic is readAll, failing the test if Read panics.
func readNoPanic(t *testing.T, inputs []string, opt Options) (docs []*Document, rej []Rejected, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("Read panicked: %v", p)
		}
	}()
	return readAll(inputs, opt)
}

// lowerLimit sets a decompression limit for the rest of the test.
func lowerLimit(t *testing.T, limit *int64, n int64) {
	old := *limit
	*limit = n
	t.Cleanup(func() { *limit = old })
}

// unreadable makes path unreadable, or skips the test when that is not
// possible, as for root.
func unreadable(t *testing.T, path string) {
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o755) })
	if f, err := os.Open(path); err == nil {
		f.Close()
		t.Skip("a file or directory with mode 000 is still readable here (running as root?)")
	}
}

// symlink makes a symbolic link, or skips the test when it cannot.
func symlink(t *testing.T, target, link string) {
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
}

// TestBadLongLine reads a JSONL line of 50 MB, plain and gzip-compressed:
// a document like any other, read without holding many copies of it.
func TestBadLongLine(t *testing.T) {
	const n = 50_000_000
	dir := t.TempDir()
	for _, name := range []string{"long.jsonl", "long.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			writeLongLine(t, path, `{"id":"long","text":"`, n, `"}`)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			var got []string
			rej, err := Read([]string{path}, Options{}, func(d *Document) error {
				got = append(got, fmt.Sprintf("%s:%d", d.ID, len(d.Text)))
				return nil
			})
			runtime.ReadMemStats(&after)
			want := []string{fmt.Sprintf("long:%d", n-len(`{"id":"long","text":""}`)), "next:2"}
			if err != nil || rej != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("documents %q, rejected %v, error %v; want %q", got, rej, err, want)
			}
			// The line is read into a buffer that doubles as it grows (about
			// twice the line in all), then its text is copied out (once
			// more): 160 MiB, or 207 MiB under the race detector. Growing by
			// a quarter, as append does, took 340 MiB.
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("allocated %d MiB for a line of %d MiB", alloc>>20, n>>20)
			if alloc > 6*n {
				t.Errorf("allocated %d bytes for a line of %d", alloc, n)
			}
		})
	}
}

// TestBadLongLineCompressed checks the 64 MiB line limit of JSONL behind
// gzip: a line at the limit is read (and rejected as not an object), one
// byte more is rejected as too long, and the next line is read either way.
func TestBadLongLineCompressed(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		n      int
		reason string
	}{
		{maxLine, "malformed JSON: want an object"},
		{maxLine + 1, "line longer than 64 MiB"},
	} {
		path := filepath.Join(dir, fmt.Sprintf("%d.jsonl.gz", tc.n))
		writeLongLine(t, path, `"`, tc.n, `"`)
		docs, rej, err := readAll([]string{path}, Options{SkipBad: true})
		want := []Rejected{{Source: path, Line: 1, Reason: tc.reason}}
		if err != nil || !reflect.DeepEqual(rej, want) || !reflect.DeepEqual(ids(docs), []string{"next"}) {
			t.Errorf("line of %d bytes: error %v, rejected %+v (want %+v), documents %q", tc.n, err, rej, want, ids(docs))
		}
	}
}

// writeLongLine writes to path, gzip-compressed when its name ends in .gz,
// a line of n bytes: head, then "x"s, then tail; then a short document
// "next" after a CRLF. A compressed file is a run of gzip members, made
// fast by compressing a member of 1 MiB of "x"s only once.
func writeLongLine(t *testing.T, path, head string, n int, tail string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	write := func(b []byte) {
		if _, err := f.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	gz := strings.HasSuffix(path, ".gz")
	part := func(s string) {
		if gz {
			write(compress(t, codecs[0], []byte(s)))
		} else {
			write([]byte(s))
		}
	}
	const mib = 1 << 20
	xs := n - len(head) - len(tail)
	chunk := []byte(strings.Repeat("x", mib))
	if gz {
		chunk = compress(t, codecs[0], chunk)
	}
	part(head)
	for i := 0; i < xs/mib; i++ {
		write(chunk)
	}
	part(strings.Repeat("x", xs%mib) + tail + "\r\n" + `{"id":"next","text":"ok"}`)
}
