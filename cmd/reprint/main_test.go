package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

const seeds = "../../testdata/seeds"

// reprint runs the command in-process and returns its exit code, stdout
// and stderr.
func reprint(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// readAssignments returns doc -> story from an assignments.csv, checking
// the header and that every row is there.
func readAssignments(t *testing.T, path string) ([]string, map[string]string) {
	t.Helper()
	rows := readCSV(t, path)
	if len(rows) == 0 || strings.Join(rows[0], ",") != "doc_id,story_id" {
		t.Fatalf("%s: header %v", path, rows[:1])
	}
	var ids []string
	story := map[string]string{}
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
		story[r[0]] = r[1]
	}
	return ids, story
}

// checkSeedGrouping asserts the first acceptance test: one story {002, 003},
// everything else alone.
func checkSeedGrouping(t *testing.T, outDir string) {
	t.Helper()
	ids, story := readAssignments(t, filepath.Join(outDir, "assignments.csv"))
	want := []string{"000_22738a2fa1e210c7.txt", "001_1a49a5ce151d01e4.txt", "002_2e3d931e3c37b20f.txt", "003_0d9959627c6de714.txt", "004_da31ee3ee82403ab.txt"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Fatalf("assignments rows %v, want %v in input order", ids, want)
	}
	size := map[string]int{}
	for _, s := range story {
		size[s]++
	}
	for _, id := range want {
		wantSize := 1
		if strings.HasPrefix(id, "002") || strings.HasPrefix(id, "003") {
			wantSize = 2
		}
		if size[story[id]] != wantSize {
			t.Errorf("%s is in a story of %d, want %d (assignments %v)", id, size[story[id]], wantSize, story)
		}
	}
	if story[want[2]] != story[want[3]] {
		t.Errorf("002 and 003 are in different stories: %v", story)
	}
}

func TestScanSeeds(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := reprint(t, "", "scan", seeds, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	checkSeedGrouping(t, out)
	for _, want := range []string{"documents  5 read, 0 rejected", "stories    1 with copies (2 documents), 3 documents alone", "time "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	for _, name := range []string{"stories.jsonl", "pairs.csv", "assignments.csv", "rejected.csv", "outlets.csv", "outlet_matrix.csv"} {
		golden(t, filepath.Join("testdata", "golden", "seeds", name), filepath.Join(out, name))
	}
}

func TestScanSeedsWithoutManifest(t *testing.T) {
	in := t.TempDir()
	txts, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(txts) != 5 {
		t.Fatalf("found %d seed pages", len(txts))
	}
	for _, p := range txts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	if code, _, stderr := reprint(t, "", "scan", in, "--out", out); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	checkSeedGrouping(t, out)
}

func TestEvalSeeds(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := reprint(t, "", "scan", seeds, "--out", out, "--quiet"); code != 0 {
		t.Fatalf("scan: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := reprint(t, "", "eval", "--labels", filepath.Join(seeds, "expected.csv"), filepath.Join(out, "assignments.csv"))
	if code != 0 {
		t.Fatalf("eval: exit %d, %s", code, stderr)
	}
	for _, want := range []string{"documents 5\n", "precision 1.0000", "recall    1.0000", "f1        1.0000", "ari       1.0000"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("eval output lacks %q:\n%s", want, stdout)
		}
	}
}

// TestScanSameBytesAnyGOMAXPROCS runs the scan on a generated corpus with
// one and with two procs: every output file must be byte-identical.
func TestScanSameBytesAnyGOMAXPROCS(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := reprint(t, "", "gen", "--docs", "1500", "--seed", "7", "--out", dir); code != 0 {
		t.Fatalf("gen: exit %d, %s", code, stderr)
	}
	outs := map[int]string{}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		outs[procs] = filepath.Join(dir, "out", string(rune('0'+procs)))
		if code, _, stderr := reprint(t, "", "scan", filepath.Join(dir, "corpus.jsonl"), "--out", outs[procs], "--quiet"); code != 0 {
			t.Fatalf("scan: exit %d, %s", code, stderr)
		}
	}
	for _, name := range []string{"stories.jsonl", "pairs.csv", "assignments.csv"} {
		a, _ := os.ReadFile(filepath.Join(outs[1], name))
		b, _ := os.ReadFile(filepath.Join(outs[2], name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between GOMAXPROCS=1 and 2 (%d vs %d bytes)", name, len(a), len(b))
		}
	}
}

func TestScanErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"one two three four five six\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"seven eight nine ten eleven twelve\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, "usage: reprint COMMAND"},
		{"unknown command", []string{"frob"}, 2, `unknown command "frob"`},
		{"no input", []string{"scan"}, 2, "scan: no INPUT given"},
		{"bad flag", []string{"scan", "--frob", seeds}, 2, "unknown flag: --frob"},
		{"bad threshold", []string{"scan", "--threshold", "1.5", seeds}, 2, "--threshold must be in (0, 1]"},
		{"missing input", []string{"scan", filepath.Join(dir, "nope.jsonl")}, 2, "nope.jsonl"},
		{"malformed line names file and line", []string{"scan", bad, "--out", filepath.Join(dir, "o1")}, 2, bad + ":2: "},
		{"skip-bad goes on", []string{"scan", bad, "--skip-bad", "--out", filepath.Join(dir, "o2")}, 0, ""},
		{"eval without labels", []string{"eval", "x.csv"}, 2, "need --labels FILE"},
	}
	for _, tt := range tests {
		code, _, stderr := reprint(t, "", tt.args...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("%s: exit %d stderr %q, want exit %d and %q", tt.name, code, stderr, tt.wantCode, tt.wantErr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "o1", "assignments.csv")); err == nil {
		t.Error("a failed scan wrote assignments.csv")
	}
	rej, err := os.ReadFile(filepath.Join(dir, "o2", "rejected.csv"))
	if err != nil || !strings.Contains(string(rej), bad+",2,") {
		t.Errorf("rejected.csv = %q (%v), want a row for line 2", rej, err)
	}
	_, story := readAssignments(t, filepath.Join(dir, "o2", "assignments.csv"))
	if len(story) != 2 {
		t.Errorf("assignments with --skip-bad: %v, want the two good documents", story)
	}
}

// TestScanSeedsCredits: with --credits, both pages of the Reuters story
// credit Reuters (002 by its dateline "MOSCOW (Reuters) -", 003 by
// "Reuters, MOSCOW"), so neither is an uncredited copy.
func TestScanSeedsCredits(t *testing.T) {
	code, stdout, stderr := reprint(t, "", "scan", seeds, "--credits", "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stdout, `"credits":["Reuters"]`); n != 2 || strings.Contains(stdout, "uncredited") {
		t.Errorf("stories.jsonl = %s, want both members crediting Reuters", stdout)
	}
}

func TestScanStdin(t *testing.T) {
	const story = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega"
	in := `{"id":"x","outlet":"A","text":"` + story + `"}
{"id":"y","outlet":"B","text":"` + story + ` and more"}
{"id":"z","outlet":"B","text":"something else entirely, written by another hand on another day"}
`
	code, stdout, stderr := reprint(t, in, "scan", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"story_id":"s000001","size":2`) {
		t.Errorf("stdout = %s, want one story of two", stdout)
	}
}

// golden compares the file at got with the golden file, or rewrites the
// golden file with -update.
func golden(t *testing.T, goldenPath, got string) {
	t.Helper()
	b, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", got, goldenPath, b, want)
	}
}

// TestScanSpillSameBytes forces every intermediate log to disk with a
// tiny --mem: the output must not change.
func TestScanSpillSameBytes(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := reprint(t, "", "gen", "--docs", "1500", "--seed", "3", "--out", dir); code != 0 {
		t.Fatalf("gen: exit %d, %s", code, stderr)
	}
	spill := filepath.Join(dir, "spill")
	if err := os.Mkdir(spill, 0o755); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "corpus.jsonl")
	for _, args := range [][]string{
		{"scan", in, "--out", filepath.Join(dir, "mem"), "--quiet"},
		{"scan", in, "--out", filepath.Join(dir, "disk"), "--quiet", "--mem", "0", "--tmpdir", spill},
	} {
		if code, _, stderr := reprint(t, "", args...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
	}
	for _, name := range []string{"stories.jsonl", "pairs.csv", "assignments.csv"} {
		a, _ := os.ReadFile(filepath.Join(dir, "mem", name))
		b, _ := os.ReadFile(filepath.Join(dir, "disk", name))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between an in-memory and a spilling scan", name)
		}
	}
	if left, _ := os.ReadDir(spill); len(left) != 0 {
		t.Errorf("spill files left behind: %v", left)
	}
}

// TestScanMixedBadCorpusAccountsForEveryDocument scans good and bad inputs
// with --skip-bad: every document read is in assignments.csv or in
// rejected.csv, never both, and the summary's counts add up.
func TestScanMixedBadCorpusAccountsForEveryDocument(t *testing.T) {
	bad := "../../testdata/bad/"
	inputs := []string{"bad-dates.jsonl", "broken-line.jsonl", "duplicate-ids.jsonl", "invalid-utf8.jsonl",
		"missing-text.jsonl", "truncated.jsonl.gz", "utf16be.jsonl", "ok.jsonl", "binary.txt", "empty.txt", "utf16le.txt"}
	out := t.TempDir()
	args := []string{"scan", "--skip-bad", "--out", out}
	for _, in := range inputs {
		args = append(args, bad+in)
	}
	code, stdout, stderr := reprint(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ids, _ := readAssignments(t, filepath.Join(out, "assignments.csv"))
	f, err := os.Open(filepath.Join(out, "rejected.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rej, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rejected := len(rej) - 1
	if len(ids) == 0 || rejected == 0 {
		t.Fatalf("%d assigned, %d rejected: want both", len(ids), rejected)
	}
	var read, nrej, inStories, alone int
	for _, line := range strings.Split(stdout, "\n") {
		fmt.Sscanf(line, "documents  %d read, %d rejected", &read, &nrej)
		fmt.Sscanf(line, "stories    %d with copies (%d documents), %d documents alone", new(int), &inStories, &alone)
	}
	if nrej != rejected || inStories+alone != len(ids) || read != len(ids)+rejected {
		t.Errorf("summary: %d read = %d in stories + %d alone + %d rejected? files: %d assigned, %d rejected\n%s",
			read, inStories, alone, nrej, len(ids), rejected, stdout)
	}
}

// TestScanWindow: the same text published ten days apart is one story,
// but not with --window 3d; an undated copy pairs with everything.
func TestScanWindow(t *testing.T) {
	const story = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega"
	in := `{"id":"a","date":"2024-01-01","text":"` + story + `"}
{"id":"b","date":"2024-01-11","text":"` + story + ` again"}
`
	undated := in + `{"id":"c","text":"` + story + ` once more"}
`
	for _, tt := range []struct {
		name, input string
		args        []string
		want        string
	}{
		{"no window", in, nil, `"size":2`},
		{"window 3d", in, []string{"--window", "3d"}, ""},
		{"window 240h", in, []string{"--window", "240h"}, `"size":2`},
		{"undated joins both", undated, []string{"--window", "3d"}, `"size":3`},
	} {
		code, stdout, stderr := reprint(t, tt.input, append([]string{"scan", "-", "--quiet"}, tt.args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, stderr)
		}
		if tt.want == "" && stdout != "" || tt.want != "" && !strings.Contains(stdout, tt.want) {
			t.Errorf("%s: stories.jsonl = %q, want %q", tt.name, stdout, tt.want)
		}
	}
	if code, _, stderr := reprint(t, "", "scan", "-", "--window", "soon"); code != 2 || !strings.Contains(stderr, `--window: bad duration "soon"`) {
		t.Errorf("bad --window: exit %d, %s", code, stderr)
	}
}
