package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// labels builds an assignment of documents d0, d1, ... from story labels.
func labels(stories ...int) Assignment {
	a := make(Assignment, len(stories))
	for i, s := range stories {
		a[fmt.Sprintf("d%d", i)] = fmt.Sprint(s)
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestCompareTables(t *testing.T) {
	tests := []struct {
		name                 string
		pred, truth          Assignment
		tp, predP, trueP     int64
		precision, recall, f float64
		ari                  float64
	}{
		// The example of scikit-learn's user guide: truth {abc}{def},
		// pred {ab}{cd}{ef}. Contingency [[2 0] [1 1] [0 2]]: TP 2,
		// pred pairs 3, true pairs 6, all pairs 15, E = 3*6/15 = 1.2,
		// M = 4.5, ARI = 0.8/3.3.
		{"sklearn guide", labels(0, 0, 1, 1, 2, 2), labels(0, 0, 0, 1, 1, 1),
			2, 3, 6, 2.0 / 3, 1.0 / 3, 4.0 / 9, 0.8 / 3.3},
		// Hubert and Arabie's chance correction on a split-merge pair:
		// truth {1234}{56}, pred {12}{34}{56}: TP 3, a 3, b 7,
		// E = 21/15 = 1.4, M = 5, ARI = 1.6/3.6 = 4/9.
		{"split of a big story", labels(1, 1, 2, 2, 3, 3), labels(1, 1, 1, 1, 2, 2),
			3, 3, 7, 1, 3.0 / 7, 0.6, 4.0 / 9},
		// Identical up to renaming.
		{"relabelled", labels(0, 0, 1, 1), labels(1, 1, 0, 0), 2, 2, 2, 1, 1, 1, 1},
		// One split story: TP 1, a 1, b 2, E = 2/6, M = 1.5 → 4/7.
		{"one split", labels(0, 0, 1, 2), labels(0, 0, 1, 1), 1, 1, 2, 1, 0.5, 2.0 / 3, 4.0 / 7},
		// All in one story against all apart: ARI 0, recall of nothing.
		{"lump vs singletons", labels(0, 0, 0, 0), labels(0, 1, 2, 3), 0, 6, 0, 0, 1, 0, 0},
		// Crossed pairs, worse than chance: E = 4/6, M = 2 → -0.5.
		{"crossed", labels(0, 1, 0, 1), labels(0, 0, 1, 1), 0, 2, 2, 0, 0, 0, -0.5},
		// Both all singletons: nothing to find, nothing found.
		{"singletons", labels(0, 1, 2), labels(5, 6, 7), 0, 0, 0, 1, 1, 1, 1},
		// Both one story.
		{"one story", labels(3, 3, 3), labels(4, 4, 4), 3, 3, 3, 1, 1, 1, 1},
		{"empty", Assignment{}, Assignment{}, 0, 0, 0, 1, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Compare(tt.pred, tt.truth)
			if s.TP != tt.tp || s.PredPairs != tt.predP || s.TruePairs != tt.trueP {
				t.Errorf("TP, PredPairs, TruePairs = %d, %d, %d; want %d, %d, %d",
					s.TP, s.PredPairs, s.TruePairs, tt.tp, tt.predP, tt.trueP)
			}
			if !near(s.Precision, tt.precision) || !near(s.Recall, tt.recall) || !near(s.F1, tt.f) {
				t.Errorf("P, R, F1 = %v, %v, %v; want %v, %v, %v",
					s.Precision, s.Recall, s.F1, tt.precision, tt.recall, tt.f)
			}
			if !near(s.ARI, tt.ari) {
				t.Errorf("ARI = %v, want %v", s.ARI, tt.ari)
			}
		})
	}
}

func TestCompareKnownARI(t *testing.T) {
	// Published value of scikit-learn's adjusted_rand_score for this input.
	s := Compare(labels(0, 0, 1, 1, 2, 2), labels(0, 0, 0, 1, 1, 1))
	if math.Abs(s.ARI-0.24242424242424246) > 1e-15 {
		t.Errorf("ARI = %v, want 0.24242424242424246", s.ARI)
	}
}

func TestCompareOnlyCommonDocs(t *testing.T) {
	pred := Assignment{"a": "x", "b": "x", "c": "y", "extra": "x"}
	truth := Assignment{"a": "1", "b": "1", "c": "1", "missing": "1"}
	s := Compare(pred, truth)
	if s.Docs != 3 || s.TP != 1 || s.PredPairs != 1 || s.TruePairs != 3 {
		t.Errorf("got %+v", s)
	}
}

// random draws an assignment of n documents over k stories.
func random(r *rand.Rand, n, k int) Assignment {
	a := make(Assignment, n)
	for i := range n {
		a[fmt.Sprintf("d%d", i)] = fmt.Sprint(r.IntN(k))
	}
	return a
}

// brute counts pairs the slow way and applies the pair-counting form of the
// ARI (Hubert and Arabie's eq. 5, with the Rand counts).
func brute(pred, truth Assignment) (tp, a, b int64, ari float64) {
	var ids []string
	for id := range pred {
		if _, ok := truth[id]; ok {
			ids = append(ids, id)
		}
	}
	var n2 int64
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			n2++
			sp := pred[ids[i]] == pred[ids[j]]
			st := truth[ids[i]] == truth[ids[j]]
			if sp {
				a++
			}
			if st {
				b++
			}
			if sp && st {
				tp++
			}
		}
	}
	e := float64(a) * float64(b) / float64(n2)
	return tp, a, b, (float64(tp) - e) / ((float64(a)+float64(b))/2 - e)
}

func TestCompareAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := 2 + r.IntN(60)
		pred := random(r, n, 1+r.IntN(n))
		truth := random(r, n, 1+r.IntN(n))
		s := Compare(pred, truth)
		tp, a, b, ari := brute(pred, truth)
		if s.TP != tp || s.PredPairs != a || s.TruePairs != b {
			t.Fatalf("n=%d: counts %d %d %d, brute %d %d %d", n, s.TP, s.PredPairs, s.TruePairs, tp, a, b)
		}
		if !math.IsNaN(ari) && math.Abs(s.ARI-ari) > 1e-9 {
			t.Fatalf("n=%d: ARI %v, brute %v", n, s.ARI, ari)
		}
		back := Compare(truth, pred)
		if !near(back.ARI, s.ARI) || !near(back.Precision, s.Recall) || !near(back.Recall, s.Precision) {
			t.Fatalf("not symmetric: %+v vs %+v", s, back)
		}
	}
}

func TestCompareSelf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		n := 1 + r.IntN(200)
		x := random(r, n, 1+r.IntN(n))
		s := Compare(x, x)
		if s.F1 != 1 || s.ARI != 1 || s.Precision != 1 || s.Recall != 1 || s.Docs != n {
			t.Fatalf("Compare(x, x) = %+v", s)
		}
	}
}

func TestTogether(t *testing.T) {
	pred := Assignment{"a": "1", "b": "1", "c": "2", "d": "1", "e": "3"}
	groups := [][]string{
		{"a", "b", "c"},      // pairs ab, ac, bc: ab together
		{"d", "e", "absent"}, // 3 pairs, none together
		{"a"},                // no pairs
		{"a", "d"},           // together
	}
	together, total := Together(groups, pred)
	if together != 2 || total != 7 {
		t.Errorf("Together = %d, %d; want 2, 7", together, total)
	}
	if together, total := Together(nil, pred); together != 0 || total != 0 {
		t.Errorf("Together(nil) = %d, %d", together, total)
	}
}

func TestReadAssignment(t *testing.T) {
	in := "\ufeffdoc_id,story_id,kind\n" +
		"d1,s1,copy\n" +
		" d2 , s1\n" +
		"\"d,3\",s2\n"
	a, ids, err := ReadAssignment(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids, "|"); got != "d1|d2|d,3" {
		t.Errorf("ids = %q", got)
	}
	if a["d1"] != "s1" || a["d2"] != "s1" || a["d,3"] != "s2" || len(a) != 3 {
		t.Errorf("assignment = %v", a)
	}
}

func TestReadAssignmentErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty input"},
		{"id\n", "line 1: header has 1 column"},
		{"id,story\na,1\nb\n", "line 3: 1 column"},
		{"id,story\na,1\n,2\n", "line 3: empty doc id"},
		{"id,story\na,1\nb,\n", "line 3: doc \"b\" has an empty story"},
		{"id,story\na,1\nb,2\na,3\n", "line 4: doc \"a\" repeated (first on line 2)"},
		{"id,story\na,1\nb,\"2\n", "line 3"},
	}
	for _, tt := range tests {
		_, _, err := ReadAssignment(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadAssignment(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func FuzzReadAssignment(f *testing.F) {
	f.Add("doc_id,story_id\nd1,s1\nd2,s1\n")
	f.Add("id,story\n\"a\"\"b\",x\n")
	f.Add("id\n")
	f.Fuzz(func(t *testing.T, in string) {
		a, ids, err := ReadAssignment(strings.NewReader(in))
		if err != nil {
			return
		}
		if len(a) != len(ids) {
			t.Fatalf("%d ids, %d assigned", len(ids), len(a))
		}
		for _, id := range ids {
			if id == "" || a[id] == "" {
				t.Fatalf("empty id or story for %q", id)
			}
		}
	})
}

func ExampleCompare() {
	truth := Assignment{"a": "wire-1", "b": "wire-1", "c": "wire-1", "d": "brief-1", "e": "brief-2"}
	pred := Assignment{"a": "s1", "b": "s1", "c": "s2", "d": "s3", "e": "s3"}
	s := Compare(pred, truth)
	fmt.Printf("pairs: true %d, predicted %d, both %d\n", s.TruePairs, s.PredPairs, s.TP)
	fmt.Printf("P %.2f R %.2f F1 %.2f ARI %.3f\n", s.Precision, s.Recall, s.F1, s.ARI)
	// Output:
	// pairs: true 3, predicted 2, both 1
	// P 0.50 R 0.33 F1 0.40 ARI 0.211
}
