package html

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reprint-news/reprint/shingle"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// An archive is a txtar-like test case: a comment, then sections that
// start with a line "-- name --".
type archive struct {
	comment string
	names   []string
	files   map[string]string
}

func parseArchive(s string) archive {
	a := archive{files: map[string]string{}}
	cur := ""
	var b strings.Builder
	flush := func() {
		if cur == "" {
			a.comment = b.String()
		} else {
			a.names = append(a.names, cur)
			a.files[cur] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = t[3 : len(t)-3]
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		fmt.Fprintf(&b, "-- %s --\n%s", n, a.files[n])
	}
	return b.String()
}

// TestAlignCases runs testdata/align/*.txt: the new text aligned against
// the old, as a word diff with its passage counts, must equal the diff
// section (go test -update rewrites it).
func TestAlignCases(t *testing.T) {
	paths, err := filepath.Glob("testdata/align/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(b))
			var out bytes.Buffer
			p, err := WordDiff(&out, strings.TrimSuffix(a.files["old"], "\n"), strings.TrimSuffix(a.files["new"], "\n"), shingle.K)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&out, "# words %d/%d kept %d/%d; passages kept %d, edited %d, cut %d, added %d, moved %d\n",
				p.KeptA, p.WordsA, p.KeptB, p.WordsB, p.Kept, p.Edited, p.Cut, p.Added, p.Moved)
			got := out.String()
			if *update {
				if _, ok := a.files["diff"]; !ok {
					a.names = append(a.names, "diff")
				}
				a.files["diff"] = got
				if err := os.WriteFile(path, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := a.files["diff"]; got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// checkOps asserts that ops cover both sequences in order, without gaps
// or overlaps, that kept passages are equal on both sides and that every
// passage's kind matches its sides.
func checkOps(t *testing.T, a, b []int32, ops []op) {
	t.Helper()
	i, j := 0, 0
	for _, o := range ops {
		if o.A0 != i || o.B0 != j || o.A1 < o.A0 || o.B1 < o.B0 {
			t.Fatalf("op %+v does not continue at (%d, %d): %+v", o, i, j, ops)
		}
		switch o.kind {
		case opKept:
			if o.A1-o.A0 != o.B1-o.B0 || string(runesOf(a[o.A0:o.A1])) != string(runesOf(b[o.B0:o.B1])) {
				t.Fatalf("kept op %+v differs", o)
			}
		case opCut, opMovedFrom:
			if o.B0 != o.B1 || o.A0 == o.A1 {
				t.Fatalf("cut op %+v", o)
			}
		case opAdded, opMovedTo:
			if o.A0 != o.A1 || o.B0 == o.B1 {
				t.Fatalf("added op %+v", o)
			}
		case opEdited:
			if o.A0 == o.A1 || o.B0 == o.B1 {
				t.Fatalf("edited op %+v", o)
			}
		}
		i, j = o.A1, o.B1
	}
	if i != len(a) || j != len(b) {
		t.Fatalf("ops end at (%d, %d), want (%d, %d)", i, j, len(a), len(b))
	}
}

func runesOf(s []int32) []rune {
	r := make([]rune, len(s))
	for i, x := range s {
		r[i] = rune(x)
	}
	return r
}

// TestAlignCovers aligns seeded random edits of random token sequences
// and checks the passages' invariants, and that an unchanged text is one
// kept passage.
func TestAlignCovers(t *testing.T) {
	rng := uint64(7)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	for trial := range 300 {
		n := next(200)
		a := make([]int32, n)
		for i := range a {
			a[i] = int32(next(20 + trial)) // small vocabularies repeat a lot
		}
		var b []int32
		for i := 0; i < len(a); i++ {
			switch next(10) {
			case 0: // drop
			case 1:
				b = append(b, int32(next(50)))
			case 2:
				b = append(b, a[i], int32(next(50)))
			default:
				b = append(b, a[i])
			}
		}
		ops := align(a, b, 5)
		checkOps(t, a, b, ops)
		same := align(a, a, 5)
		checkOps(t, a, a, same)
		if n > 0 && (len(same) != 1 || same[0].kind != opKept) {
			t.Fatalf("identical texts gave %+v", same)
		}
	}
}

func TestIncreasing(t *testing.T) {
	pairs := [][2]int{{0, 5}, {1, 1}, {2, 2}, {3, 9}, {4, 3}, {5, 4}, {6, 0}}
	got := increasing(pairs)
	want := [][2]int{{1, 1}, {2, 2}, {4, 3}, {5, 4}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("increasing = %v, want %v", got, want)
	}
}

// TestAnchorsPackedAndMap checks that anchors found by sorting packed
// keys are those the hash-map version finds, on seeded random edits with
// small vocabularies (many repeated windows) and large ones.
func TestAnchorsPackedAndMap(t *testing.T) {
	rng := uint64(11)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	for trial := range 200 {
		a := make([]int32, next(400))
		for i := range a {
			a[i] = int32(next(5 + 3*trial))
		}
		var b []int32
		for _, x := range a {
			switch next(8) {
			case 0:
			case 1:
				b = append(b, int32(next(60)))
			default:
				b = append(b, x)
			}
		}
		for _, w := range []int{1, 3, 5} {
			al := &aligner{a: a, b: b, k: w}
			lo, hi := next(len(a)/3+1), len(a)-next(len(a)/3+1)
			got := al.anchors(lo, hi, 0, len(b), w)
			want := al.anchorsMap(lo, hi, 0, len(b), w)
			if !slices.Equal(got, want) {
				t.Fatalf("trial %d, w %d: packed %v, map %v", trial, w, got, want)
			}
		}
	}
}
