package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ciCorpus generates a corpus once per test and splits it: base.jsonl
// (the first 900 documents) to index, dump.jsonl (the last 300) to check,
// and clean.jsonl (the dump's single unrelated articles).
func ciCorpus(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	if code, _, errs := reprint(t, "", "gen", "--docs", "1200", "--seed", "9", "--out", dir); code != 0 {
		t.Fatalf("gen: %s", errs)
	}
	data, err := os.ReadFile(filepath.Join(dir, "corpus.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(data)), "\n")
	write := func(name string, lines []string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("base.jsonl", lines[:900])
	write("dump.jsonl", lines[900:])
	return dir
}

// indexInfo returns `reprint index info` of dir, failing the test on error.
func indexInfo(t *testing.T, dir string) string {
	t.Helper()
	code, out, errs := reprint(t, "", "index", "info", dir)
	if code != 0 {
		t.Fatalf("index info %s: exit %d: %s", dir, code, errs)
	}
	return out
}

type findingsFile struct {
	Summary struct {
		Docs        int     `json:"docs"`
		Findings    int     `json:"findings"`
		IndexCopies int     `json:"index_copies"`
		DumpCopies  int     `json:"dump_copies"`
		Allowed     int     `json:"allowed"`
		Failed      bool    `json:"failed"`
		CopyRate    float64 `json:"copy_rate"`
	}
	Findings []struct {
		Doc, Fingerprint, Kind string
		Fails, Allowed         bool
	}
}

func readFindings(t *testing.T, path string) findingsFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f findingsFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

func TestIndexCommands(t *testing.T) {
	dir := ciCorpus(t)
	base, dump := filepath.Join(dir, "base.jsonl"), filepath.Join(dir, "dump.jsonl")
	idx := filepath.Join(dir, "idx")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"index"}, "no command"},
		{[]string{"index", "drop", idx}, `unknown command "drop"`},
		{[]string{"index", "build", base}, "need INPUT... and -o DIR"},
		{[]string{"index", "build", "-o", idx}, "need INPUT... and -o DIR"},
		{[]string{"index", "build", base, "-o", idx, "--threshold", "2"}, "--threshold must be in (0, 1]"},
		{[]string{"index", "build", base, "-o", idx, "--mem", "lots"}, "--mem"},
		{[]string{"index", "build", filepath.Join(dir, "missing.jsonl"), "-o", idx}, "missing.jsonl"},
		{[]string{"index", "add", idx}, "need DIR and INPUT"},
		{[]string{"index", "add", idx, dump}, "idx"},
		{[]string{"index", "info"}, "need DIR"},
		{[]string{"index", "info", dir}, "not an index directory"},
		{[]string{"index", "verify", filepath.Join(dir, "nowhere")}, "nowhere"},
		{[]string{"index", "build", base, "-o", idx, "--bogus"}, "unknown flag"},
	} {
		code, _, errs := reprint(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.msg)
		}
	}
	if _, err := os.Stat(idx); err == nil {
		t.Fatal("a failed build left an index directory")
	}

	code, out, errs := reprint(t, "", "index", "build", base, "-o", idx)
	if code != 0 || !strings.Contains(out, "indexed 900 documents") {
		t.Fatalf("index build: exit %d, %q %q", code, out, errs)
	}
	info := indexInfo(t, idx)
	for _, want := range []string{"format      version 1", "documents   900 in 1 segment,", "shingle 5 words, 128 bins, seed 1", "threshold 0.2, min shared 15"} {
		if !strings.Contains(info, want) {
			t.Errorf("index info lacks %q:\n%s", want, info)
		}
	}
	if code, out, _ := reprint(t, "", "index", "verify", idx); code != 0 || !strings.HasPrefix(out, "ok: 900 documents") {
		t.Fatalf("index verify: exit %d, %q", code, out)
	}

	// A build that fails midway (a bad line in its input) leaves the
	// index as it was.
	bad := filepath.Join(dir, "bad.jsonl")
	data, _ := os.ReadFile(dump)
	lines := strings.SplitAfter(string(data), "\n")
	os.WriteFile(bad, []byte(strings.Join(lines[:100], "")+"{\"id\": \"broken\n"+strings.Join(lines[100:], "")), 0o644)
	if code, _, errs := reprint(t, "", "index", "build", bad, "-o", idx); code != 2 || !strings.Contains(errs, "bad.jsonl:101") {
		t.Errorf("build of a bad input: exit %d, %q; want 2 naming bad.jsonl:101", code, errs)
	}
	if code, _, errs := reprint(t, "", "index", "add", idx, bad); code != 2 || !strings.Contains(errs, "bad.jsonl:101") {
		t.Errorf("add of a bad input: exit %d, %q; want 2 naming bad.jsonl:101", code, errs)
	}
	if got := indexInfo(t, idx); got != info {
		t.Errorf("index changed by failed writes:\n%s\nwas\n%s", got, info)
	}

	if code, out, errs := reprint(t, "", "index", "add", idx, dump); code != 0 || !strings.Contains(out, "it holds 1200") {
		t.Fatalf("index add: exit %d, %q %q", code, out, errs)
	}
	if info := indexInfo(t, idx); !strings.Contains(info, "documents   1200 in 2 segments") {
		t.Errorf("after add:\n%s", info)
	}

	// A flipped byte: verify says so, with exit status 2.
	seg := filepath.Join(idx, "seg-000002.rpi")
	orig, _ := os.ReadFile(seg)
	flipped := bytes.Clone(orig)
	flipped[len(flipped)/2] ^= 1
	os.WriteFile(seg, flipped, 0o644)
	if code, _, errs := reprint(t, "", "index", "verify", idx); code != 2 || !strings.Contains(errs, "corrupt index") {
		t.Errorf("verify of a flipped byte: exit %d, %q", code, errs)
	}
	os.WriteFile(seg, orig[:len(orig)-1], 0o644)
	for _, args := range [][]string{{"index", "info", idx}, {"check", dump, "--index", idx}} {
		if code, _, errs := reprint(t, "", args...); code != 2 || !strings.Contains(errs, "truncated") {
			t.Errorf("%v on a truncated segment: exit %d, %q", args, code, errs)
		}
	}
	os.WriteFile(seg, orig, 0o644)

	// Building over it replaces it.
	if code, _, errs := reprint(t, "", "index", "build", dump, "-o", idx, "--quiet"); code != 0 {
		t.Fatalf("build over an index: %s", errs)
	}
	if info := indexInfo(t, idx); !strings.Contains(info, "documents   300 in 1 segment,") {
		t.Errorf("after build over the index:\n%s", info)
	}
	// Not over something else.
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "keep.txt"), []byte("mine"), 0o644)
	if code, _, errs := reprint(t, "", "index", "build", dump, "-o", other); code != 2 || !strings.Contains(errs, "neither empty nor an index") {
		t.Errorf("build into a used directory: exit %d, %q", code, errs)
	}
}

func TestCheckCommand(t *testing.T) {
	dir := ciCorpus(t)
	base, dump := filepath.Join(dir, "base.jsonl"), filepath.Join(dir, "dump.jsonl")
	idx := filepath.Join(dir, "idx")
	if code, _, errs := reprint(t, "", "index", "build", base, "-o", idx, "--quiet"); code != 0 {
		t.Fatal(errs)
	}
	out := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"check", dump}, "need INPUT... and --index DIR"},
		{[]string{"check", "--index", idx}, "need INPUT... and --index DIR"},
		{[]string{"check", dump, "--index", idx, "--fail-on", "rate,dupes"}, `unknown rule "dupes"`},
		{[]string{"check", dump, "--index", idx, "--max-copy-rate", "1.5"}, "--max-copy-rate must be in [0, 1]"},
		{[]string{"check", dump, "--index", idx, "--window", "soon"}, "check: --window:"},
		{[]string{"check", dump, "--index", idx, "--format", "yaml"}, "--format must be json, csv or junit"},
		{[]string{"check", dump, "--index", idx, "--out", out("f.txt")}, "say the format"},
		{[]string{"check", dump, "--index", out("nowhere")}, "nowhere"},
		{[]string{"check", dump, "--index", idx, "--allow", out("nothing.json")}, "--allow"},
		{[]string{"check", out("missing.jsonl"), "--index", idx}, "missing.jsonl"},
	} {
		code, _, errs := reprint(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.msg)
		}
	}

	// Findings over the default limit (rate 0): exit 1, every format.
	code, stdout, errs := reprint(t, "", "check", dump, "--index", idx, "--out", out("f.json"), "--out", out("f.csv"), "--out", out("f.xml"))
	if code != 1 || stdout != "" || !strings.Contains(errs, "result     FAIL: copy rate") {
		t.Fatalf("check: exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	f := readFindings(t, out("f.json"))
	s := f.Summary
	if s.Docs != 300 || s.IndexCopies == 0 || s.DumpCopies == 0 || !s.Failed || len(f.Findings) != s.Findings {
		t.Fatalf("summary %+v with %d findings", s, len(f.Findings))
	}
	rows := readCSV(t, out("f.csv"))
	if len(rows) != len(f.Findings)+1 || rows[0][0] != "doc" || rows[0][3] != "fingerprint" {
		t.Fatalf("findings CSV: %d rows for %d findings, header %v", len(rows), len(f.Findings), rows[0])
	}
	for i, r := range rows[1:] {
		if r[0] != f.Findings[i].Doc || r[3] != f.Findings[i].Fingerprint {
			t.Fatalf("CSV row %d %v, JSON finding %+v", i+1, r, f.Findings[i])
		}
	}
	var junit struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suite    struct {
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	data, _ := os.ReadFile(out("f.xml"))
	if err := xml.Unmarshal(data, &junit); err != nil {
		t.Fatalf("JUnit: %v", err)
	}
	if junit.Tests != len(f.Findings)+1 || junit.Failures != len(f.Findings)+1 || junit.Suite.Cases[1].Name != f.Findings[0].Doc {
		t.Errorf("JUnit: %d tests, %d failures, for %d findings", junit.Tests, junit.Failures, len(f.Findings))
	}

	// The same with a limit above the rate: exit 0, findings on stdout.
	code, stdout, errs = reprint(t, "", "check", dump, "--index", idx, "--max-copy-rate", "0.9")
	if code != 0 || !strings.Contains(errs, "result     pass") {
		t.Fatalf("check --max-copy-rate 0.9: exit %d, %q", code, errs)
	}
	var pass findingsFile
	if err := json.Unmarshal([]byte(stdout), &pass); err != nil || pass.Summary.Failed || len(pass.Findings) != len(f.Findings) {
		t.Fatalf("findings on stdout: %v, %+v", err, pass.Summary)
	}
	for _, x := range pass.Findings {
		if x.Fails {
			t.Fatalf("finding %s fails in a passing check", x.Doc)
		}
	}

	// Every rule fails on this dump; the allow list (JSON or CSV) makes
	// every one pass.
	for _, rule := range []string{"any-copy", "new-story", "rate", "any-copy,new-story,rate"} {
		if code, _, _ := reprint(t, "", "check", dump, "--index", idx, "--fail-on", rule, "--quiet", "--out", os.DevNull, "--format", "json"); code != 1 {
			t.Errorf("--fail-on %s: exit %d, want 1", rule, code)
		}
		for _, allow := range []string{"f.json", "f.csv"} {
			code, _, errs := reprint(t, "", "check", dump, "--index", idx, "--fail-on", rule, "--allow", out(allow), "--out", out("allowed.json"))
			if code != 0 {
				t.Errorf("--fail-on %s --allow %s: exit %d, %s", rule, allow, code, errs)
			}
		}
	}
	if a := readFindings(t, out("allowed.json")); a.Summary.Allowed != len(f.Findings) || a.Summary.CopyRate != 0 {
		t.Errorf("with every finding allowed: %+v", a.Summary)
	}
	// An allow list of only part of the findings still fails.
	part := strings.Join(strings.SplitAfter(string(mustRead(t, out("f.csv"))), "\n")[:3], "")
	os.WriteFile(out("part.csv"), []byte(part), 0o644)
	if code, _, _ := reprint(t, "", "check", dump, "--index", idx, "--fail-on", "any-copy", "--allow", out("part.csv"), "--quiet", "--format", "csv"); code != 1 {
		t.Errorf("a partial allow list: exit %d, want 1", code)
	}
	os.WriteFile(out("junk.json"), []byte(`{"findings": [{"doc": "x"}]}`), 0o644)
	if code, _, errs := reprint(t, "", "check", dump, "--index", idx, "--allow", out("junk.json")); code != 2 || !strings.Contains(errs, "no fingerprint") {
		t.Errorf("an allow list without fingerprints: exit %d, %q", code, errs)
	}

	// --update-index: not after a failing check; after a passing one the
	// dump is in the index, and checking it again finds every document.
	before := indexInfo(t, idx)
	if code, _, errs := reprint(t, "", "check", dump, "--index", idx, "--update-index", "--quiet", "--out", os.DevNull, "--format", "csv"); code != 1 || indexInfo(t, idx) != before {
		t.Fatalf("--update-index after a failing check: exit %d, %s; index changed: %v", code, errs, indexInfo(t, idx) != before)
	}
	code, _, errs = reprint(t, "", "check", dump, "--index", idx, "--update-index", "--allow", out("f.json"), "--out", os.DevNull, "--format", "csv")
	if code != 0 || !strings.Contains(errs, "added 300 documents") || !strings.Contains(indexInfo(t, idx), "documents   1200 in 2 segments") {
		t.Fatalf("--update-index after a passing check: exit %d, %s\n%s", code, errs, indexInfo(t, idx))
	}
	code, _, _ = reprint(t, "", "check", dump, "--index", idx, "--max-copy-rate", "1", "--out", out("again.json"))
	if again := readFindings(t, out("again.json")); code != 0 || again.Summary.IndexCopies != 300 {
		t.Errorf("the dump checked against itself: exit %d, %d of 300 copies of indexed documents", code, again.Summary.IndexCopies)
	}
	if code, _, errs := reprint(t, "", "index", "verify", idx); code != 0 {
		t.Errorf("verify after --update-index: %s", errs)
	}
}

// TestCheckGolden pins the findings of a small check, so that a change in
// what check finds shows as a diff (go test -update rewrites it).
func TestCheckGolden(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := reprint(t, "", "gen", "--docs", "400", "--seed", "11", "--out", dir); code != 0 {
		t.Fatal(errs)
	}
	data := mustRead(t, filepath.Join(dir, "corpus.jsonl"))
	lines := strings.SplitAfter(string(data), "\n")
	os.WriteFile(filepath.Join(dir, "base.jsonl"), []byte(strings.Join(lines[:320], "")), 0o644)
	os.WriteFile(filepath.Join(dir, "dump.jsonl"), []byte(strings.Join(lines[320:], "")), 0o644)
	idx := filepath.Join(dir, "idx")
	if code, _, errs := reprint(t, "", "index", "build", filepath.Join(dir, "base.jsonl"), "-o", idx, "--workers", "2"); code != 0 {
		t.Fatal(errs)
	}
	code, stdout, errs := reprint(t, "", "check", filepath.Join(dir, "dump.jsonl"), "--index", idx, "--format", "csv", "--fail-on", "any-copy", "--quiet")
	if code != 1 {
		t.Fatalf("check: exit %d, %s", code, errs)
	}
	golden := filepath.Join("testdata", "golden", "check", "findings.csv")
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want := string(mustRead(t, golden)); stdout != want {
		t.Errorf("findings differ from %s (go test -update to accept):\n%s", golden, stdout)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
