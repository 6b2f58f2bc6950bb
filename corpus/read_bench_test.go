package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchJSONL writes n JSONL records of plain text, about 2 KB each.
func benchJSONL(b *testing.B, n int) string {
	var buf bytes.Buffer
	for i := range n {
		fmt.Fprintf(&buf, `{"id":"d%d","outlet":"o%d.example","date":"2022-01-%02d","text":"`, i, i%50, i%28+1)
		for j := range 40 {
			fmt.Fprintf(&buf, "word%d of article %d sentence %d. ", (i*7+j)%997, i, j)
		}
		buf.WriteString("\"}\n")
	}
	p := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkReadJSONL reads 10,000 plain-text JSONL records: the path
// that HTML extraction must not slow down.
func BenchmarkReadJSONL(b *testing.B) {
	p := benchJSONL(b, 10000)
	fi, _ := os.Stat(p)
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read([]string{p}, Options{}, func(*Document) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
