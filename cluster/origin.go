package cluster

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Link says which member of a story a copy most likely came from, how sure
// that is, and why.
type Link struct {
	Doc, From   int
	Containment float64 // of Doc in From
	Confidence  float64 // 0..1
	Reason      string
}

// Provenance orders a story's members from most to least likely original
// and links each other member to its most likely source.
//
// The order: by date, earliest first; an undated member goes just after
// its earliest dated neighbour, or just before it when it is clearly the
// fuller text of the two (members with no dated neighbour come last); then,
// to break ties, the fuller text first (the one that others are contained
// in: a trimmed copy is contained in its source more than the other way
// round); then input order. The origin is the first in that order. Each
// other member's source is the earliest member before it in the order that
// contains nearly as much of it as the best one (within sourceMargin: a
// copy of a copy needs evidence, not chance overlap); a member with no
// verified copy before it is linked to the neighbour that contains most of
// it, with low confidence, and a source dated after its copy is reported
// as a conflict rather than hidden.
func Provenance(members []int, matches []Match, dates []time.Time) (origin int, links []Link) {
	score := make(map[int]float64, len(members))
	type nb struct {
		doc  int
		c    float64 // containment of the member in doc
		back float64 // containment of doc in the member
	}
	nbs := make(map[int][]nb)
	for _, m := range matches {
		score[m.A] += m.BinA - m.AinB
		score[m.B] += m.AinB - m.BinA
		nbs[m.A] = append(nbs[m.A], nb{m.B, m.AinB, m.BinA})
		nbs[m.B] = append(nbs[m.B], nb{m.A, m.BinA, m.AinB})
	}
	// An undated member is placed next to its earliest dated neighbour:
	// just before it when it is clearly the fuller text (an original goes
	// before its first copy), else just after it (a copy after its
	// source). Having a date is taken as the better evidence of order.
	when := make(map[int]time.Time, len(members))
	for _, d := range members {
		when[d] = dates[d]
		if !dates[d].IsZero() {
			continue
		}
		first := nb{doc: -1}
		for _, n := range nbs[d] {
			dn := dates[n.doc]
			if dn.IsZero() {
				continue
			}
			if first.doc < 0 || dn.Before(dates[first.doc]) || dn.Equal(dates[first.doc]) && n.doc < first.doc {
				first = n
			}
		}
		if first.doc >= 0 {
			when[d] = dates[first.doc].Add(-time.Nanosecond)
			if score[d] <= score[first.doc]+0.05 {
				when[d] = dates[first.doc].Add(time.Nanosecond)
			}
		}
	}
	order := slices.Clone(members)
	slices.SortStableFunc(order, func(x, y int) int {
		dx, dy := when[x], when[y]
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
	better := func(n, than nb) bool { return n.c > than.c || n.c == than.c && n.doc < than.doc }
	for _, d := range order[1:] {
		best, bestEarlier := nb{-1, -1, 0}, nb{-1, -1, 0}
		for _, n := range nbs[d] {
			if better(n, best) {
				best = n
			}
			if rank[n.doc] < rank[d] && better(n, bestEarlier) {
				bestEarlier = n
			}
		}
		// A later member that holds only a little more of the copy than
		// an earlier one shares edits by chance (a dateline form, a
		// headline); the earlier member is the likelier source.
		if bestEarlier.doc >= 0 {
			floor := bestEarlier.c - sourceMargin
			for _, n := range nbs[d] {
				if rank[n.doc] < rank[bestEarlier.doc] && n.c >= floor {
					bestEarlier = n
				}
			}
		}
		l := Link{Doc: d}
		switch {
		case bestEarlier.doc >= 0:
			l.From, l.Containment = bestEarlier.doc, bestEarlier.c
			l.Confidence, l.Reason = direction(dates[d], dates[bestEarlier.doc], bestEarlier.c, bestEarlier.back)
		case best.doc >= 0:
			l.From, l.Containment = best.doc, best.c
			l.Confidence, l.Reason = 0.3, "no verified copy earlier in the story; linked to the member that contains most of it"
			if dd, df := dates[d], dates[best.doc]; !dd.IsZero() && !df.IsZero() && df.After(dd) {
				l.Reason = fmt.Sprintf("conflict: the member that contains most of it is dated later (%s after %s)", day(df), day(dd))
			}
		default:
			l.From, l.Confidence, l.Reason = order[0], 0.1, "no verified copy in the story; linked to its origin"
		}
		links = append(links, l)
	}
	return order[0], links
}

// direction explains why a copy dated copyDate, of which c is contained in
// a source dated srcDate that holds back of the source, came from it.
func direction(copyDate, srcDate time.Time, c, back float64) (float64, string) {
	shares := fmt.Sprintf("the source contains %.0f%% of the copy, the copy %.0f%% of the source", 100*c, 100*back)
	if !copyDate.IsZero() && !srcDate.IsZero() && srcDate.Before(copyDate) {
		if c >= back {
			return 0.95, fmt.Sprintf("dated earlier (%s before %s); %s", day(srcDate), day(copyDate), shares)
		}
		return 0.8, fmt.Sprintf("dated earlier (%s before %s), though the copy holds more of the source than the source of it; %s", day(srcDate), day(copyDate), shares)
	}
	when := "same date"
	if copyDate.IsZero() || srcDate.IsZero() {
		when = "no date to compare"
	}
	return min(0.9, max(0.5, 0.5+(c-back)/2)), when + "; " + shares
}

// sourceMargin is how much more of a copy a later member must hold than
// an earlier one to be named its source: copy-of-copy needs evidence.
const sourceMargin = 0.1

func day(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
