package corpus

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestBytesReadReachesInputSize checks the two halves of a progress bar:
// once Read is done, BytesRead holds exactly what InputSize promised, for
// plain and compressed streams, text files and directories.
func TestBytesReadReachesInputSize(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"id":"a","text":"first text"}` + "\n" + `{"id":"b","text":"second text"}` + "\n"
	writeFiles(t, dir, map[string]string{
		"c.jsonl":         jsonl,
		"d.csv":           "id,text\nd1,a text in csv\n",
		"e.txt":           "a plain text file",
		"pages/f.txt":     "a page in a directory",
		"pages/sub/g.htm": "<html><body><p>a page below</p></body></html>",
		"pages/.hidden":   "not read, not counted",
		"pages/notes.md":  "not a text input, not counted",
	})
	gz := filepath.Join(dir, "h.jsonl.gz")
	writeFiles(t, dir, map[string]string{"h.jsonl.gz": string(compress(t, codecOf(t, gz), []byte(`{"id":"h","text":"compressed text"}`+"\n")))})
	for _, inputs := range [][]string{
		{filepath.Join(dir, "c.jsonl")},
		{gz},
		{filepath.Join(dir, "d.csv"), filepath.Join(dir, "e.txt")},
		{filepath.Join(dir, "pages")},
		{filepath.Join(dir, "c.jsonl"), gz, filepath.Join(dir, "pages")},
	} {
		size, ok := InputSize(inputs)
		if !ok || size == 0 {
			t.Fatalf("%v: InputSize = %d, %v", inputs, size, ok)
		}
		var n atomic.Int64
		docs, _, err := readAll(inputs, Options{BytesRead: &n})
		if err != nil || len(docs) == 0 {
			t.Fatalf("%v: %d documents, %v", inputs, len(docs), err)
		}
		if n.Load() != size {
			t.Errorf("%v: read %d bytes, InputSize said %d", inputs, n.Load(), size)
		}
	}
}

func TestInputSizeUnknown(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": `{"id":"a","text":"x"}` + "\n"})
	for _, inputs := range [][]string{{"-"}, {filepath.Join(dir, "a.jsonl"), "-"}, {filepath.Join(dir, "missing.jsonl")}} {
		if size, ok := InputSize(inputs); ok {
			t.Errorf("%v: InputSize = %d, true; want not known", inputs, size)
		}
	}
	var n atomic.Int64
	in := `{"id":"a","text":"from standard input"}` + "\n"
	if _, _, err := readAll([]string{"-"}, Options{Stdin: strings.NewReader(in), BytesRead: &n}); err != nil {
		t.Fatal(err)
	}
	if n.Load() != int64(len(in)) {
		t.Errorf("standard input: read %d bytes, want %d", n.Load(), len(in))
	}
}
