package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
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
	dir := t.TempDir()
	bin := filepath.Join(dir, "reprint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "gen", "--docs", "20000", "--seed", "4", "--out", dir).CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	spill := filepath.Join(dir, "spill")
	if err := os.Mkdir(spill, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// --mem 0 spills from the first chunk, so there are files to remove.
	cmd := exec.Command(bin, "scan", filepath.Join(dir, "corpus.jsonl"), "--out", out, "--mem", "0", "--tmpdir", spill, "--quiet")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the scan has spilled, so the signal lands mid-run.
	deadline := time.Now().Add(20 * time.Second)
	for {
		if entries, _ := os.ReadDir(spill); len(entries) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the scan never spilled")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("scan after SIGINT: %v, want exit status 130", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory exists after an interrupted scan: %v", err)
	}
	if entries, _ := os.ReadDir(spill); len(entries) != 0 {
		t.Errorf("spill files left after SIGINT: %v", entries)
	}
}
