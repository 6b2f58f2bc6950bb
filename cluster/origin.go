package cluster

import (
	"cmp"
	"slices"
	"time"
)

// Link says which member of a story a copy most likely came from.
type Link struct {
	Doc, From   int
	Containment float64 // of Doc in From
}

// Provenance orders a story's members from most to least likely original
// and links each other member to its most likely source.
//
// The order: members with a known date first, earliest first; then, and to
// break ties, the fuller text first (the one that others are contained in:
// a trimmed copy is contained in its source more than the other way
// round); then input order. The origin is the first in that order. Each
// other member's source is the member before it in the order that contains
// most of it; a member with no verified copy before it is linked to the
// neighbour that contains most of it.
func Provenance(members []int, matches []Match, dates []time.Time) (origin int, links []Link) {
	score := make(map[int]float64, len(members))
	type nb struct {
		doc int
		c   float64 // containment of the member in doc
	}
	nbs := make(map[int][]nb)
	for _, m := range matches {
		score[m.A] += m.BinA - m.AinB
		score[m.B] += m.AinB - m.BinA
		nbs[m.A] = append(nbs[m.A], nb{m.B, m.AinB})
		nbs[m.B] = append(nbs[m.B], nb{m.A, m.BinA})
	}
	order := slices.Clone(members)
	slices.SortStableFunc(order, func(x, y int) int {
		dx, dy := dates[x], dates[y]
		switch {
		case !dx.IsZero() && dy.IsZero():
			return -1
		case dx.IsZero() && !dy.IsZero():
			return 1
		case !dx.Equal(dy):
			return dx.Compare(dy)
		}
		if c := cmp.Compare(score[y], score[x]); c != 0 {
			return c
		}
		return x - y
	})
	rank := make(map[int]int, len(order))
	for i, d := range order {
		rank[d] = i
	}
	for _, d := range order[1:] {
		best, bestEarlier := nb{-1, -1}, nb{-1, -1}
		for _, n := range nbs[d] {
			if n.c > best.c || n.c == best.c && n.doc < best.doc {
				best = n
			}
			if rank[n.doc] < rank[d] && (n.c > bestEarlier.c || n.c == bestEarlier.c && n.doc < bestEarlier.doc) {
				bestEarlier = n
			}
		}
		if bestEarlier.doc >= 0 {
			best = bestEarlier
		}
		if best.doc < 0 {
			best = nb{order[0], 0}
		}
		links = append(links, Link{Doc: d, From: best.doc, Containment: best.c})
	}
	return order[0], links
}
