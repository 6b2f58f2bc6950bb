package cluster

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func clique(ids ...int) []Match {
	var ms []Match
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			ms = append(ms, Match{A: a, B: b, AinB: 0.9, BinA: 0.8})
		}
	}
	return ms
}

func TestGroups(t *testing.T) {
	// Two stories of four copies each, and page 8 that quotes both (a
	// roundup) and so verifies against one member of each. Connected
	// components would make one story of nine; community detection must
	// not.
	ms := append(clique(0, 1, 2, 3), clique(4, 5, 6, 7)...)
	ms = append(ms, Match{A: 0, B: 8, AinB: 0.3, BinA: 0.3}, Match{A: 4, B: 8, AinB: 0.3, BinA: 0.3})
	got := Groups(11, ms, 1)
	for _, g := range got {
		has := map[int]bool{}
		for _, d := range g {
			has[d] = true
		}
		if has[1] && has[5] {
			t.Fatalf("stories merged through the bridge: %v", got)
		}
	}
	if len(got) < 4 || !reflect.DeepEqual(got[len(got)-2:], [][]int{{9}, {10}}) {
		t.Errorf("groups = %v, want singletons 9 and 10 last", got)
	}
	// Same input, same output, whatever the order of matches.
	rev := make([]Match, len(ms))
	for i, m := range ms {
		rev[len(ms)-1-i] = m
	}
	for seed := uint64(1); seed < 4; seed++ {
		if a, b := Groups(11, ms, seed), Groups(11, rev, seed); !reflect.DeepEqual(a, b) {
			t.Errorf("seed %d: order of matches changed groups: %v vs %v", seed, a, b)
		}
	}
}

func TestGroupsKeepsStarWhole(t *testing.T) {
	// An original with five trimmed copies that do not verify against each
	// other is still one story.
	var ms []Match
	for i := 1; i <= 5; i++ {
		ms = append(ms, Match{A: 0, B: i, AinB: 0.4, BinA: 0.95})
	}
	if got := Groups(6, ms, 1); len(got) != 1 {
		t.Errorf("star split into %v", got)
	}
}

func TestProvenance(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	var none time.Time
	tests := []struct {
		name       string
		members    []int
		matches    []Match
		dates      []time.Time
		wantOrigin int
		wantLinks  string
	}{
		{
			"dates decide",
			[]int{0, 1, 2},
			[]Match{{A: 0, B: 1, AinB: 0.9, BinA: 0.5}, {A: 0, B: 2, AinB: 0.8, BinA: 0.7}, {A: 1, B: 2, AinB: 0.6, BinA: 0.9}},
			[]time.Time{day(3), day(1), day(2)},
			1, "[{2 1 0.9} {0 1 0.9}]",
		},
		{
			"no dates: the fuller text is the source",
			[]int{0, 1},
			[]Match{{A: 0, B: 1, AinB: 0.95, BinA: 0.3}},
			[]time.Time{none, none},
			1, "[{0 1 0.95}]",
		},
		{
			"an undated fuller text takes its copy's date and goes first",
			[]int{0, 1},
			[]Match{{A: 0, B: 1, AinB: 0.95, BinA: 0.3}},
			[]time.Time{day(5), none},
			1, "[{0 1 0.95}]",
		},
		{
			"an undated trimmed copy follows its dated source",
			[]int{0, 1},
			[]Match{{A: 0, B: 1, AinB: 0.3, BinA: 0.95}},
			[]time.Time{day(5), none},
			0, "[{1 0 0.95}]",
		},
		{
			"an undated copy two steps from the origin follows its source",
			[]int{0, 1, 2},
			[]Match{{A: 0, B: 1, AinB: 0.9, BinA: 0.9}, {A: 1, B: 2, AinB: 0.3, BinA: 0.95}},
			[]time.Time{day(5), day(6), none},
			0, "[{1 0 0.9} {2 1 0.95}]",
		},
		{
			"an undated copy about as full as its dated source follows it",
			[]int{0, 1},
			[]Match{{A: 0, B: 1, AinB: 0.92, BinA: 0.9}},
			[]time.Time{day(5), none},
			0, "[{1 0 0.9}]",
		},
		{
			"a later copy holding a little more is not the source: the earlier member is",
			[]int{0, 1, 2},
			[]Match{{A: 0, B: 1, AinB: 0.3, BinA: 0.9}, {A: 0, B: 2, AinB: 0.3, BinA: 0.85}, {A: 1, B: 2, AinB: 0.6, BinA: 0.9}},
			[]time.Time{day(1), day(2), day(3)},
			0, "[{1 0 0.9} {2 0 0.85}]",
		},
		{
			"a later copy holding clearly more is the source (copy of a copy)",
			[]int{0, 1, 2},
			[]Match{{A: 0, B: 1, AinB: 0.3, BinA: 0.9}, {A: 0, B: 2, AinB: 0.3, BinA: 0.7}, {A: 1, B: 2, AinB: 0.6, BinA: 0.95}},
			[]time.Time{day(1), day(2), day(3)},
			0, "[{1 0 0.9} {2 1 0.95}]",
		},
	}
	for _, tt := range tests {
		origin, links := Provenance(tt.members, tt.matches, tt.dates)
		var got []string
		for _, l := range links {
			got = append(got, fmt.Sprintf("{%d %d %g}", l.Doc, l.From, l.Containment))
		}
		if origin != tt.wantOrigin || "["+strings.Join(got, " ")+"]" != tt.wantLinks {
			t.Errorf("%s: origin %d links %v, want %d %s", tt.name, origin, links, tt.wantOrigin, tt.wantLinks)
		}
	}
}

func TestProvenanceReasons(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	var none time.Time
	tests := []struct {
		name    string
		matches []Match
		dates   []time.Time
		conf    float64
		reason  string
	}{
		{"earlier and fuller", []Match{{A: 0, B: 1, AinB: 0.3, BinA: 0.9}}, []time.Time{day(1), day(2)}, 0.95,
			"dated earlier (2024-01-01 before 2024-01-02); the source contains 90% of the copy, the copy 30% of the source"},
		{"earlier but the copy is fuller", []Match{{A: 0, B: 1, AinB: 0.9, BinA: 0.3}}, []time.Time{day(1), day(2)}, 0.8,
			"dated earlier (2024-01-01 before 2024-01-02), though the copy holds more of the source than the source of it; the source contains 30% of the copy, the copy 90% of the source"},
		{"undated: containment decides", []Match{{A: 0, B: 1, AinB: 0.3, BinA: 0.9}}, []time.Time{none, none}, 0.8,
			"no date to compare; the source contains 90% of the copy, the copy 30% of the source"},
		{"same date", []Match{{A: 0, B: 1, AinB: 0.5, BinA: 0.5}}, []time.Time{day(3), day(3)}, 0.5,
			"same date; the source contains 50% of the copy, the copy 50% of the source"},
	}
	for _, tt := range tests {
		_, links := Provenance([]int{0, 1}, tt.matches, tt.dates)
		if len(links) != 1 || links[0].Confidence != tt.conf || links[0].Reason != tt.reason {
			t.Errorf("%s: %+v, want confidence %g, reason %q", tt.name, links, tt.conf, tt.reason)
		}
	}
	// A member whose only verified copy is dated after it: a conflict, said.
	ms := []Match{{A: 0, B: 1, AinB: 0.9, BinA: 0.9}, {A: 1, B: 2, AinB: 0.9, BinA: 0.9}}
	_, links := Provenance([]int{0, 1, 2}, ms, []time.Time{day(1), day(5), day(3)})
	var conflict bool
	for _, l := range links {
		conflict = conflict || strings.HasPrefix(l.Reason, "conflict:")
	}
	if !conflict {
		t.Errorf("no conflict reported: %+v", links)
	}
}
