package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestScanInterrupted sends SIGINT to a running `reprint scan` process:
// it must exit with status 130, write no report, and leave no spill files.
func TestScanInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and scans 20,000 documents")
	}
	bin, dir := buildWithCorpus(t, 4)
	spill := filepath.Join(dir, "spill")
	out := filepath.Join(dir, "out")
	interruptOnceSpilling(t, spill, bin, "scan", filepath.Join(dir, "corpus.jsonl"), "--out", out, "--quiet")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory exists after an interrupted scan: %v", err)
	}
	if entries, _ := os.ReadDir(spill); len(entries) != 0 {
		t.Errorf("spill files left after SIGINT: %v", entries)
	}
}

// buildWithCorpus builds the command into a temporary directory and
// generates a corpus of 20,000 documents there (corpus.jsonl); it returns
// the binary and the directory.
func buildWithCorpus(t *testing.T, seed int) (bin, dir string) {
	t.Helper()
	dir = t.TempDir()
	bin = filepath.Join(dir, "reprint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "gen", "--docs", "20000", "--seed", strconv.Itoa(seed), "--out", dir).CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	return bin, dir
}

// interruptOnceSpilling runs bin with args and --mem 0 --tmpdir spill (a
// new directory), which spills from the first chunk, so files in spill
// show the run is under way; then it sends SIGINT and expects exit status
// 130.
func interruptOnceSpilling(t *testing.T, spill, bin string, args ...string) {
	t.Helper()
	if err := os.Mkdir(spill, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append(args, "--mem", "0", "--tmpdir", spill)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if entries, _ := os.ReadDir(spill); len(entries) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("%s never spilled", args[0])
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("%v after SIGINT: %v, want exit status 130", args, err)
	}
}
