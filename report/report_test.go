package report

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/scan"
)

// result is a small scan result: one story of three (b copied from a, c
// from b), one document alone, one rejected.
func result() *scan.Result {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	return &scan.Result{
		Docs: []scan.Doc{
			{ID: "a", Outlet: "Wire", Title: `"Quoted" title, with comma`, Date: day, Credits: []string{"Reuters"}},
			{ID: "b", Outlet: "Paper", Date: day.Add(26 * time.Hour)},
			{ID: "c", Outlet: "Paper"},
			{ID: "d", Outlet: "Blog", Date: day.Add(90 * time.Minute)},
		},
		Pairs: []cluster.Match{
			{A: 0, B: 1, Jaccard: 0.5, AinB: 0.6, BinA: 0.75, Shared: 300},
			{A: 0, B: 2, Jaccard: 0.2, AinB: 0.25, BinA: 0.5, Shared: 80},
			{A: 1, B: 2, Jaccard: 0.25, AinB: 0.3, BinA: 0.9, Shared: 120},
		},
		Stories: []scan.Story{
			{ID: "s000001", Members: []int{0, 1, 2}, Origin: 0, Links: []cluster.Link{{Doc: 1, From: 0, Containment: 0.75, Confidence: 0.95, Reason: "dated earlier"}, {Doc: 2, From: 1, Containment: 0.9, Confidence: 0.3, Reason: "no date"}}},
			{ID: "s000002", Members: []int{3}, Origin: 3},
		},
		StoryOf:  []int{0, 0, 0, 1},
		Rejected: []corpus.Rejected{{Source: "in.jsonl", Line: 7, ID: "x", Reason: "no text"}},
	}
}

func TestWriters(t *testing.T) {
	for _, tt := range []struct {
		name  string
		write func(io.Writer, *scan.Result) error
		want  string
	}{
		{"stories", Stories, `{"story_id":"s000001","size":3,"origin":"a","members":[{"id":"a","outlet":"Wire","date":"2024-03-01","title":"\"Quoted\" title, with comma","role":"origin","credits":["Reuters"]},{"id":"b","outlet":"Paper","date":"2024-03-02T02:00:00Z","role":"copy","copied_from":"a","containment":0.75,"confidence":0.95,"reason":"dated earlier","uncredited":true},{"id":"c","outlet":"Paper","role":"copy","copied_from":"b","containment":0.9,"confidence":0.3,"reason":"no date"}]}
`},
		{"pairs", Pairs, "doc_a,doc_b,jaccard,containment_a_in_b,containment_b_in_a,shared_shingles,source,confidence,reason,credits_a,credits_b\n" +
			"a,b,0.5000,0.6000,0.7500,300,a,0.9500,dated earlier,Reuters,\n" +
			"a,c,0.2000,0.2500,0.5000,80,,,,Reuters,\n" +
			"b,c,0.2500,0.3000,0.9000,120,b,0.3000,no date,,\n"},
		{"assignments", Assignments, "doc_id,story_id\na,s000001\nb,s000001\nc,s000001\nd,s000002\n"},
		{"rejected", Rejected, "source,line_or_record,id,reason\nin.jsonl,7,x,no text\n"},
		{"outlets", OutletsCSV, "outlet,articles,copies,copy_share,origins,origin_share,agencies_credited,uncredited_copies\n" +
			"Blog,1,0,0.0000,0,0.0000,,0\nPaper,2,2,1.0000,0,0.0000,,1\nWire,1,0,0.0000,1,1.0000,Reuters:1,0\n"},
		{"outlet matrix", OutletMatrixCSV, "copier_outlet,source_outlet,copies\nPaper,Paper,1\nPaper,Wire,1\n"},
	} {
		var b bytes.Buffer
		if err := tt.write(&b, result()); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, b.String(), tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	var b bytes.Buffer
	if err := Summary(&b, result(), 0); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"documents  5 read, 1 rejected\n",
		"stories    1 with copies (3 documents), 1 documents alone\n",
		"  s000001  3 documents, 2 outlets, origin a",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "time ") {
		t.Errorf("summary with elapsed 0 shows a time:\n%s", b.String())
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "old"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WriteFile error = %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after a failed write the file holds %q, want the old content", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
}

func TestWarnings(t *testing.T) {
	var b bytes.Buffer
	err := Warnings(&b, []corpus.Warning{{Source: "pages/a.html", ID: "a.html", Msg: "main-text extraction failed, reading all visible text"}, {Source: "crawl.warc", Line: 3, ID: "urn:x", Msg: `a "quoted", comma`}})
	if err != nil {
		t.Fatal(err)
	}
	want := "source,line_or_record,id,warning\npages/a.html,0,a.html,\"main-text extraction failed, reading all visible text\"\ncrawl.warc,3,urn:x,\"a \"\"quoted\"\", comma\"\n"
	if b.String() != want {
		t.Errorf("warnings.csv = %q, want %q", b.String(), want)
	}
}
