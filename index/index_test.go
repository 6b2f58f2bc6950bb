package index

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/shingle"
)

// TestRoundTrip writes an index and reads every record back as written.
func TestRoundTrip(t *testing.T) {
	p := testParams(0)
	docs := generated(300, 1)
	b := batchOf(t, p, docs)
	dir := t.TempDir()
	if err := Build(context.Background(), dir, b.clone()); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Docs() != len(docs) || ix.Params() != p {
		t.Fatalf("opened %d documents with %+v, want %d with %+v", ix.Docs(), ix.Params(), len(docs), p)
	}
	if err := ix.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := ix.segs[0]
	ends := 0
	for i := range b.Docs {
		r, err := s.record(uint32(i))
		if err != nil {
			t.Fatal(err)
		}
		want := b.Docs[i]
		if r.ID != want.ID || r.Outlet != want.Outlet || r.URL != want.URL || r.Title != want.Title ||
			!r.Date.Equal(want.Date) || r.Fingerprint != want.Fingerprint {
			t.Fatalf("record %d: %+v, want %+v", i, r.Doc, want)
		}
		it := b.Items[i]
		if !slices.Equal(r.item.Set, it.Set) || !slices.Equal(r.item.Head, it.Head) || !slices.Equal(r.item.Tail, it.Tail) || (r.item.Head == nil) != (it.Head == nil) {
			t.Fatalf("record %d: features differ", i)
		}
		if it.Head != nil {
			ends++
		}
	}
	if ends == 0 {
		t.Error("no document kept its page ends: the test does not cover them")
	}
	for _, o := range append([]string{""}, "no such outlet") {
		got, err := ix.templates(o)
		if err != nil {
			t.Fatal(err)
		}
		want := b.Templates.Common
		if o != "" {
			want = nil
		}
		if !slices.Equal(got.list, want) {
			t.Errorf("templates of %q: %d shingles, want %d", o, len(got.list), len(want))
		}
	}
	for o, want := range b.Templates.Outlets {
		if got, _ := ix.templates(o); !slices.Equal(got.list, want) {
			t.Errorf("templates of %q: %d shingles, want %d", o, len(got.list), len(want))
		}
	}
	if len(b.Templates.Outlets) == 0 {
		t.Error("no outlet templates learned: the test does not cover them")
	}
}

// TestCheckFindsWhatScanFinds indexes the first part of a corpus and
// checks the rest: the copies found between the parts are the pairs a
// scan of the whole corpus finds between them.
func TestCheckFindsWhatScanFinds(t *testing.T) {
	p := testParams(0)
	docs := generated(2000, 3)
	split := 1600
	ix, _ := build(t, p, docs[:split])
	rep, err := Check(context.Background(), ix, batchOf(t, p, docs[split:]), CheckOptions{FailOn: []string{FailRate}, MaxCopyRate: 1})
	if err != nil {
		t.Fatal(err)
	}
	// What the whole scan pairs across the split.
	opt := p.ScanOptions(scan.DefaultOptions())
	opt.FeaturesOnly = false
	res, err := scan.Run(context.Background(), scan.Docs(docs), opt)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, m := range res.Pairs {
		if m.A < split && m.B >= split {
			want[docs[m.B].ID] = true
		}
	}
	got := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Kind == "index" {
			got[f.Doc] = true
		}
	}
	missed, extra := 0, 0
	for id := range want {
		if !got[id] {
			missed++
		}
	}
	for id := range got {
		if !want[id] {
			extra++
		}
	}
	t.Logf("%d new documents copy indexed ones in the whole scan; check found %d, missed %d, %d more", len(want), len(got), missed, extra)
	if len(want) < 50 {
		t.Fatalf("only %d cross pairs: the corpus does not test much", len(want))
	}
	if float64(missed) > 0.02*float64(len(want)) || float64(extra) > 0.02*float64(len(want)) {
		t.Errorf("check missed %d and added %d of %d documents the scan pairs with indexed ones", missed, extra, len(want))
	}
	if rep.Summary.Failed {
		t.Errorf("a check with --max-copy-rate 1 failed: %v", rep.Summary.Reasons)
	}
}

// TestFailRules checks the three rules and the allow list on one dump.
func TestFailRules(t *testing.T) {
	p := testParams(0)
	docs := generated(800, 5)
	ix, _ := build(t, p, docs[:600])
	b := batchOf(t, p, docs[600:])
	rep, err := Check(context.Background(), ix, b.clone(), CheckOptions{FailOn: []string{FailAnyCopy}})
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	if s.IndexCopies == 0 || s.DumpCopies == 0 || s.NewStories == 0 {
		t.Fatalf("summary %+v: want copies of both kinds and new stories", s)
	}
	if !s.Failed {
		t.Fatal("any-copy did not fail with findings")
	}
	for _, f := range rep.Findings {
		if !f.Fails {
			t.Fatalf("finding %s does not fail under any-copy", f.Doc)
		}
	}
	rate := float64(s.Findings) / float64(s.Docs)
	for _, c := range []struct {
		opt  CheckOptions
		fail bool
	}{
		{CheckOptions{FailOn: []string{FailRate}, MaxCopyRate: rate}, false},
		{CheckOptions{FailOn: []string{FailRate}, MaxCopyRate: rate - 0.001}, true},
		{CheckOptions{FailOn: []string{FailNewStory}}, true},
		{CheckOptions{FailOn: []string{FailAnyCopy}, Allow: allowAll(rep)}, false},
		{CheckOptions{FailOn: []string{FailNewStory}, Allow: allowWhere(rep, func(f Finding) bool { return f.NewStory })}, false},
		{CheckOptions{FailOn: []string{FailAnyCopy}, Allow: allowWhere(rep, func(f Finding) bool { return f.NewStory })}, true},
		{CheckOptions{FailOn: nil}, false},
	} {
		r, err := Check(context.Background(), ix, b.clone(), c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if r.Summary.Failed != c.fail {
			t.Errorf("fail on %v, max rate %.4f, %d allowed: failed %v, want %v (%v)", c.opt.FailOn, c.opt.MaxCopyRate, len(c.opt.Allow), r.Summary.Failed, c.fail, r.Summary.Reasons)
		}
		for _, f := range r.Findings {
			if f.Allowed != c.opt.Allow[mustHex(t, f.Fingerprint)] || f.Fails && (f.Allowed || !r.Summary.Failed) {
				t.Errorf("finding %s: allowed %v, fails %v under %v", f.Doc, f.Allowed, f.Fails, c.opt.FailOn)
			}
		}
	}
	if _, err := Check(context.Background(), ix, b.clone(), CheckOptions{FailOn: []string{"copies"}}); err == nil {
		t.Error("an unknown rule was accepted")
	}
}

func allowAll(r *Report) map[uint64]bool { return allowWhere(r, func(Finding) bool { return true }) }

func allowWhere(r *Report, keep func(Finding) bool) map[uint64]bool {
	m := map[uint64]bool{}
	for _, f := range r.Findings {
		if keep(f) {
			var fp uint64
			for _, c := range f.Fingerprint {
				fp = fp<<4 | uint64(strings.IndexRune("0123456789abcdef", c))
			}
			m[fp] = true
		}
	}
	return m
}

func mustHex(t *testing.T, s string) uint64 {
	m := allowWhere(&Report{Findings: []Finding{{Fingerprint: s}}}, func(Finding) bool { return true })
	for fp := range m {
		return fp
	}
	t.Fatalf("no fingerprint in %q", s)
	return 0
}

// TestPrepareAppliesStoredTemplates: a small dump of a known outlet loses
// the outlet's stored template shingles, which it could not learn itself.
func TestPrepareAppliesStoredTemplates(t *testing.T) {
	p := testParams(0)
	docs := generated(600, 7)
	ix, _ := build(t, p, docs[:580])
	b := batchOf(t, p, docs[580:583]) // three pages: too few to learn chrome from
	before := 0
	for _, it := range b.Items {
		before += len(it.Set)
	}
	if err := ix.Prepare(b); err != nil {
		t.Fatal(err)
	}
	after := 0
	common, _ := ix.templates("")
	for _, it := range b.Items {
		after += len(it.Set)
		tmpl, _ := ix.templates(it.Outlet)
		for _, h := range it.Set {
			if tmpl.has(h) {
				t.Fatalf("%s keeps a template shingle of its outlet", it.Outlet)
			}
			if common.has(h) {
				t.Fatal("a corpus-wide template shingle is kept")
			}
		}
	}
	t.Logf("stored templates removed %d of %d shingles", before-after, before)
	if after >= before {
		t.Error("the stored templates removed nothing from pages of known outlets")
	}
}

// TestParamsRefused: a dump scanned with other parameters, and a segment
// written with other parameters than its manifest, are refused by name.
func TestParamsRefused(t *testing.T) {
	p := testParams(32)
	docs := generated(60, 2)
	ix, dir := build(t, p, docs[:40])
	q := p
	q.K = 4
	o := q.ScanOptions(scan.DefaultOptions())
	if q2 := ParamsFor(o); q2.K != 4 {
		t.Fatalf("ScanOptions lost K: %+v", q2)
	}
	err := ix.Prepare(batchOf(t, q, docs[40:]))
	if !errors.Is(err, ErrParams) || !strings.Contains(err.Error(), "shingle size 4, not 5") {
		t.Fatalf("Prepare of a batch with K=4: %v", err)
	}
	// A segment of other parameters put into the manifest by hand.
	other := testParams(64)
	seg := filepath.Join(dir, segmentName(9))
	e, err := writeSegment(context.Background(), seg, batchOf(t, other, docs[40:]))
	if err != nil {
		t.Fatal(err)
	}
	_, segs, _ := readManifest(dir)
	if err := writeManifest(dir, p, append(segs, e)); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir)
	if !errors.Is(err, ErrParams) || !strings.Contains(err.Error(), "signature size 64, not 32") {
		t.Fatalf("Open with a segment of other parameters: %v", err)
	}
}

// TestOtherNormalisationRefused: an index built by a reprint of another
// shingle.Version (whose hashes stand for other shingles) still opens, but
// documents scanned now, with the index's parameters as check and index add
// scan them, are refused by name, not matched.
func TestOtherNormalisationRefused(t *testing.T) {
	docs := generated(40, 2)
	old := batchOf(t, testParams(32), docs[:30])
	old.Params.Normalization = shingle.Version - 1 // as the reprint before wrote it
	dir := t.TempDir()
	if err := Build(context.Background(), dir, old); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("an index of the previous normalisation version does not open (index info needs it): %v", err)
	}
	defer ix.Close()
	err = ix.Prepare(batchOf(t, ix.Params(), docs[30:]))
	want := fmt.Sprintf("normalisation version %d; this one's is %d): rebuild it", shingle.Version-1, shingle.Version)
	if !errors.Is(err, ErrParams) || !strings.Contains(err.Error(), want) {
		t.Fatalf("Prepare of documents scanned now against an index of version %d: %v", shingle.Version-1, err)
	}
}

// TestNewerVersionRefused: files of a newer format version are refused
// with a message saying so, even with valid checksums.
func TestNewerVersionRefused(t *testing.T) {
	_, dir := build(t, testParams(32), generated(20, 2))
	_, segs, _ := readManifest(dir)
	for _, name := range []string{ManifestName, segs[0].name} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			orig, _ := os.ReadFile(path)
			defer os.WriteFile(path, orig, 0o644)
			data := slices.Clone(orig)
			le.PutUint32(data[8:], FormatVersion+1)
			n := le.Uint32(data[16:])
			le.PutUint32(data[n-4:], checksum(data[:n-4]))
			os.WriteFile(path, data, 0o644)
			_, err := Open(dir)
			if !errors.Is(err, ErrVersion) || !strings.Contains(err.Error(), "newer reprint") {
				t.Fatalf("Open: %v", err)
			}
		})
	}
	os.WriteFile(filepath.Join(dir, ManifestName), []byte("hello, this is not an index"), 0o644)
	if _, err := Open(dir); !errors.Is(err, ErrVersion) || !strings.Contains(err.Error(), "not a reprint index") {
		t.Fatalf("Open of a foreign file: %v", err)
	}
}

// TestWriteInterrupted: a write that fails after its segment is on disk
// and before the manifest names it leaves the old index whole, and no
// stray files.
func TestWriteInterrupted(t *testing.T) {
	p := testParams(32)
	docs := generated(90, 4)
	ix, dir := build(t, p, docs[:30])
	files := func() []string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	before := files()
	testHookBeforeManifest = func() error { return errors.New("power cut") }
	defer func() { testHookBeforeManifest = nil }()
	if err := ix.Add(context.Background(), batchOf(t, p, docs[30:60])); err == nil || !strings.Contains(err.Error(), "power cut") {
		t.Fatalf("Add: %v", err)
	}
	if err := Build(context.Background(), dir, batchOf(t, p, docs[30:90])); err == nil {
		t.Fatal("Build survived the failure")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	testHookBeforeManifest = nil
	if err := Build(ctx, dir, batchOf(t, p, docs[30:90])); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Build: %v", err)
	}
	if after := files(); !slices.Equal(before, after) {
		t.Errorf("files %v after failed writes, want %v", after, before)
	}
	again, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.Docs() != 30 || again.Verify(context.Background()) != nil {
		t.Fatalf("old index has %d documents after failed writes, want 30", again.Docs())
	}
	// And a write that succeeds: Add, then Build replaces everything.
	if err := again.Add(context.Background(), batchOf(t, p, docs[30:60])); err != nil {
		t.Fatal(err)
	}
	if again.Docs() != 60 || len(again.segs) != 2 {
		t.Fatalf("after Add: %d documents in %d segments", again.Docs(), len(again.segs))
	}
	if err := ix.Add(context.Background(), batchOf(t, p, docs[60:90])); err == nil || !strings.Contains(err.Error(), "changed since it was opened") {
		t.Errorf("Add through a stale handle: %v", err)
	}
	if err := Build(context.Background(), dir, batchOf(t, p, docs[60:90])); err != nil {
		t.Fatal(err)
	}
	fresh, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if fresh.Docs() != 30 || len(fresh.segs) != 1 || len(files()) != 3 { // MANIFEST, LOCK, one segment
		t.Errorf("after Build over the index: %d documents, %d segments, files %v", fresh.Docs(), len(fresh.segs), files())
	}
}

// TestBuildRefusesOtherDirectories: Build does not write into a
// directory that holds something else.
func TestBuildRefusesOtherDirectories(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	err := Build(context.Background(), dir, batchOf(t, testParams(32), generated(5, 1)))
	if err == nil || !strings.Contains(err.Error(), "neither empty nor an index") {
		t.Fatalf("Build into a used directory: %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	same := []string{"a b c", "  a\tb\n\nc ", "a  b c\r\n"}
	for _, s := range same {
		if Fingerprint(s) != Fingerprint(same[0]) {
			t.Errorf("Fingerprint(%q) differs from Fingerprint(%q)", s, same[0])
		}
	}
	for _, s := range []string{"a bc", "ab c", "a b c d", "", "A b c"} {
		if Fingerprint(s) == Fingerprint(same[0]) {
			t.Errorf("Fingerprint(%q) equals Fingerprint(%q)", s, same[0])
		}
	}
	// Stable across machines and versions: a fixed value.
	if got := Fingerprint(" The quick\n brown fox "); got != 0xc9b4e7b3c328d9e0 {
		t.Errorf("Fingerprint changed: %#x; allow lists written before no longer match", got)
	}
}

// TestHashSet: the filtered set answers as a binary search does.
func TestHashSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 5, 1000, 100000} {
		list := []uint32{0} // the zero hash is a member like any other
		for range n {
			list = append(list, rng.Uint32())
		}
		slices.Sort(list)
		list = slices.Compact(list)
		s := newHashSet(list)
		for _, h := range list {
			if !s.has(h) {
				t.Fatalf("n=%d: member %d not found", n, h)
			}
		}
		for range 10000 {
			h := rng.Uint32()
			_, want := slices.BinarySearch(list, h)
			if s.has(h) != want {
				t.Fatalf("n=%d: has(%d) = %v", n, h, !want)
			}
		}
	}
}

// TestCheckWindow: with a time window, no finding pairs documents dated
// further apart, against the index or inside the dump, and the window
// leaves out some of what the check finds without it.
func TestCheckWindow(t *testing.T) {
	p := testParams(0)
	docs := generated(2000, 3)
	split := 1600
	ix, _ := build(t, p, docs[:split])
	dated := map[string]time.Time{}
	for _, d := range docs {
		dated[d.ID] = d.Date
	}
	count := func(window time.Duration) int {
		t.Helper()
		rep, err := Check(context.Background(), ix, batchOf(t, p, docs[split:]), CheckOptions{FailOn: []string{FailRate}, MaxCopyRate: 1, Window: window})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep.Findings {
			a, b := dated[f.Doc], dated[f.Match.ID]
			if window > 0 && !a.IsZero() && !b.IsZero() && (a.Sub(b) > window || b.Sub(a) > window) {
				t.Errorf("window %v: %s (%v) paired with %s (%v)", window, f.Doc, a, f.Match.ID, b)
			}
		}
		return len(rep.Findings)
	}
	all, day := count(0), count(12*time.Hour)
	if day >= all || day == 0 {
		t.Errorf("findings: %d without a window, %d with 12h; want fewer, and some", all, day)
	}
}
