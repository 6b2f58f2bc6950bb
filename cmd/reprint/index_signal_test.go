package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestIndexBuildInterrupted sends SIGINT to `reprint index build` running
// over an existing index: it exits with status 130 and the old index is
// exactly as it was, with no stray files.
func TestIndexBuildInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and scans 20,000 documents")
	}
	bin, dir := buildWithCorpus(t, 5)
	corpusFile := filepath.Join(dir, "corpus.jsonl")
	data, err := os.ReadFile(corpusFile)
	if err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.jsonl")
	os.WriteFile(small, []byte(strings.Join(strings.SplitAfter(string(data), "\n")[:200], "")), 0o644)
	idx := filepath.Join(dir, "idx")
	if out, err := exec.Command(bin, "index", "build", small, "-o", idx).CombinedOutput(); err != nil {
		t.Fatalf("index build: %v\n%s", err, out)
	}
	info := func() string {
		out, err := exec.Command(bin, "index", "info", idx).CombinedOutput()
		if err != nil {
			t.Fatalf("index info: %v\n%s", err, out)
		}
		return string(out)
	}
	files := func() []string {
		entries, _ := os.ReadDir(idx)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	before, beforeFiles := info(), files()

	spill := filepath.Join(dir, "spill")
	interruptOnceSpilling(t, spill, bin, "index", "build", corpusFile, "-o", idx)
	if after := info(); after != before {
		t.Errorf("index changed by an interrupted build:\n%s\nwas\n%s", after, before)
	}
	if after := files(); !slices.Equal(after, beforeFiles) {
		t.Errorf("files %v after an interrupted build, want %v", after, beforeFiles)
	}
	if out, err := exec.Command(bin, "index", "verify", idx).CombinedOutput(); err != nil {
		t.Errorf("index verify after an interrupted build: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(spill); len(entries) != 0 {
		t.Errorf("spill files left after SIGINT: %v", entries)
	}
}
