package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// lastStates returns, for each bar drawn on stderr, the last state it
// showed, in order: the text after the last carriage return of each line.
func lastStates(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if i := strings.LastIndex(line, "\r"); i >= 0 {
			line = line[i+1:]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func TestScanProgressBars(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := reprint(t, "", "scan", "--progress=always", "--out", out, seeds)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Each stage ends on its own line, full, with its count; the first
	// counts the input's bytes and names the documents.
	want := []string{
		`^shingle +5 docs 100% \|█+\| \(\d+/\d+ kB, .*B/s\)$`,
		`^templates 100% \|█+\| \(256/256, \d+ partitions/s\)$`,
		`^sign +100% \|█+\| \(5/5, \d+ docs/s\)$`,
		`^lsh +100% \|█+\| \(\d+/\d+, \d+ steps/s\)$`,
		`^verify +100% \|█+\| \(\d+/\d+, \d+ pairs/s\)$`,
		`^stories +100% \|█+\| \(4/4, \d+ stories/s\)$`,
		`^html +100% \|█+\| \(1/1, \d+ pages/s\)$`,
	}
	got := lastStates(stderr)
	if len(got) != len(want) {
		t.Fatalf("stderr has %d bars, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, re := range want {
		if !regexp.MustCompile(re).MatchString(got[i]) {
			t.Errorf("bar %d is %q, want it to match %s", i, got[i], re)
		}
	}
	if !strings.HasSuffix(stderr, "\n") {
		t.Errorf("the last bar's line is not ended: %q", stderr[max(0, len(stderr)-80):])
	}
}

func TestScanProgressStdin(t *testing.T) {
	in := `{"id":"x","outlet":"A","text":"one two three four five six seven eight"}
{"id":"y","outlet":"B","text":"one two three four five six seven eight nine"}
`
	code, _, stderr := reprint(t, in, "scan", "--progress=always", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Standard input's size is not known: the first bar shows what was
	// read, with no percentage and no time left.
	got := lastStates(stderr)
	if len(got) == 0 || !regexp.MustCompile(`shingle +2 docs \(\d+ B`).MatchString(got[0]) || strings.Contains(got[0], "%") {
		t.Errorf("first bar %q, want the documents and bytes read without a percentage (stderr %q)", got, stderr)
	}
}

func TestScanProgressOff(t *testing.T) {
	for _, args := range [][]string{
		{"--progress=never"},
		{"--progress=always", "--quiet"},
		{}, // auto: stderr is not a terminal here
	} {
		out := t.TempDir()
		args := append([]string{"scan", "--out", filepath.Join(out, "o")}, append(args, seeds)...)
		code, _, stderr := reprint(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if strings.Contains(stderr, "\r") || strings.Contains(stderr, "100%") {
			t.Errorf("%v: stderr has progress: %q", args, stderr)
		}
	}
}

func TestIndexBuildProgressBars(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ix")
	code, _, stderr := reprint(t, "", "index", "build", "--progress=always", "-o", out, seeds)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The build is the scan up to signing.
	var stages []string
	for _, s := range lastStates(stderr) {
		stages = append(stages, strings.Fields(s)[0])
	}
	if got := strings.Join(stages, " "); got != "shingle templates sign" {
		t.Errorf("bars for %q, want shingle, templates and sign (stderr %q)", got, stderr)
	}
}

func TestScanProgressStopsShortOnError(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.jsonl")
	// The bad line comes early in a file of a few MB: reading stops
	// long before the end.
	var b strings.Builder
	b.WriteString(`{"id":"a","text":"one two three four five six"}` + "\n{not json\n")
	for i := 0; b.Len() < 4<<20; i++ {
		fmt.Fprintf(&b, `{"id":"d%d","text":"words of document %d and some more words"}`+"\n", i, i)
	}
	lines := b.String()
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := reprint(t, "", "scan", "--progress=always", "--out", filepath.Join(dir, "o"), in)
	if code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, stderr)
	}
	// The bar keeps where the scan stopped: not full.
	for _, s := range lastStates(stderr) {
		if strings.HasPrefix(s, "shingle") && strings.Contains(s, "100%") {
			t.Errorf("the first stage's bar is full after a failed read: %q", s)
		}
	}
	if !strings.Contains(stderr, "bad.jsonl:2") {
		t.Errorf("stderr does not name the bad line: %q", stderr)
	}
}
