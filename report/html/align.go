package html

import (
	"slices"

	"github.com/reprint-news/reprint/internal/radix"
)

// Alignment of two texts, word by word.
//
// A line diff is no use for news copies: an outlet re-flows paragraphs,
// joins two into one, drops a sentence from the middle of another. The
// texts are compared as token sequences instead, with all layout gone,
// and the alignment is anchored the way patience diff anchors lines:
//
//  1. Strip the common prefix and suffix.
//  2. Anchors are k-shingles (k tokens in a row) that occur exactly once
//     in each side's range. A phrase of five words that appears once in
//     each text almost surely is the same phrase; a common word is not.
//  3. Keep the longest chain of anchors that is increasing on both sides
//     (longest increasing subsequence, O(n log n)): passages that moved
//     fall out of the chain and show as cut and added.
//  4. Grow each anchor into the longest run of equal tokens around it,
//     then align the gaps between runs the same way, recursively.
//  5. A gap without unique shingles is tried with unique single tokens;
//     a small gap without those gets a classic LCS; anything left is a
//     replacement.
//
// Finally, runs of fewer than minKept equal tokens between two changes
// are folded into the change ("the" kept inside a rewritten sentence
// says nothing), and a cut next to an addition becomes one edit. An edit
// with one side much longer than the other (a page's header and a
// reworded dateline) is narrowed to the stretch of the long side that
// shares words with the short side; the rest is cut or added. Last, a
// cut passage whose shingles mostly reappear in one added passage was
// moved: both are marked so.
// Unique anchors make the result read like the edit a person made rather
// than a minimal one, and the cost stays near linear on long texts.

// opKind is what happened to a passage.
type opKind uint8

const (
	opKept      opKind = iota // in both
	opCut                     // in the source only
	opAdded                   // in the copy only
	opEdited                  // changed: source and copy text differ
	opMovedFrom               // in the source here, kept in the copy elsewhere
	opMovedTo                 // in the copy here, taken from elsewhere in the source
)

// An op is one aligned passage: tokens a[A0:A1] of the source and
// b[B0:B1] of the copy.
type op struct {
	kind           opKind
	A0, A1, B0, B1 int
}

// minKept is the shortest run of kept tokens that stays a kept passage
// between two changes.
const minKept = 3

// lcsCells bounds the gaps that get an exact LCS (rows times columns).
const lcsCells = 1 << 18

type aligner struct {
	a, b []int32
	k    int
	ops  []op

	keys, buf, found []uint64 // scratch of anchors
	pairs            [][2]int
}

// align returns the passages of copy b against source a, in order,
// covering both sequences.
func align(a, b []int32, k int) []op {
	al := &aligner{a: a, b: b, k: max(k, 1)}
	al.diff(0, len(a), 0, len(b))
	return al.markMoved(al.splitLopsided(tidy(al.ops)))
}

func (al *aligner) emit(kind opKind, a0, a1, b0, b1 int) {
	if a0 == a1 && b0 == b1 {
		return
	}
	al.ops = append(al.ops, op{kind, a0, a1, b0, b1})
}

func (al *aligner) diff(a0, a1, b0, b1 int) {
	p := 0
	for a0+p < a1 && b0+p < b1 && al.a[a0+p] == al.b[b0+p] {
		p++
	}
	al.emit(opKept, a0, a0+p, b0, b0+p)
	a0, b0 = a0+p, b0+p
	s := 0
	for a1-s > a0 && b1-s > b0 && al.a[a1-s-1] == al.b[b1-s-1] {
		s++
	}
	al.middle(a0, a1-s, b0, b1-s)
	al.emit(opKept, a1-s, a1, b1-s, b1)
}

// middle aligns ranges that differ at both ends.
func (al *aligner) middle(a0, a1, b0, b1 int) {
	switch {
	case a0 == a1 && b0 == b1:
		return
	case a0 == a1:
		al.emit(opAdded, a0, a1, b0, b1)
		return
	case b0 == b1:
		al.emit(opCut, a0, a1, b0, b1)
		return
	}
	anchors := al.anchors(a0, a1, b0, b1, al.k)
	if len(anchors) == 0 && al.k > 1 {
		anchors = al.anchors(a0, a1, b0, b1, 1)
	}
	if len(anchors) == 0 {
		al.fill(a0, a1, b0, b1)
		return
	}
	pa, pb := a0, b0
	for _, x := range anchors {
		i, j := x[0], x[1]
		if i < pa || j < pb {
			continue // inside the run of an earlier anchor
		}
		s, t := i, j
		for s > pa && t > pb && al.a[s-1] == al.b[t-1] {
			s, t = s-1, t-1
		}
		e, f := i, j
		for e < a1 && f < b1 && al.a[e] == al.b[f] {
			e, f = e+1, f+1
		}
		al.diff(pa, s, pb, t)
		al.emit(opKept, s, e, t, f)
		pa, pb = e, f
	}
	al.diff(pa, a1, pb, b1)
}

// anchors returns the windows of w tokens that occur once in a[a0:a1] and
// once in b[b0:b1], as (start in a, start in b), the longest chain
// increasing on both sides.
//
// The windows of both sides are found unique by sorting, not with hash
// maps: each window is a key of its hash's top 40 bits, its offset and
// its side, and after a radix sort a window unique on both sides is a run
// of exactly two keys, one from each side. (Two different windows whose
// hashes agree in 40 bits both lose their anchor: rare, and harmless.)
// The key buffers are reused across calls.
func (al *aligner) anchors(a0, a1, b0, b1, w int) [][2]int {
	if a1-a0 < w || b1-b0 < w {
		return nil
	}
	if max(a1-a0, b1-b0) >= packedMax {
		return al.anchorsMap(a0, a1, b0, b1, w)
	}
	const low = 1<<24 - 1 // offset (23 bits) and side (1 bit)
	keys := al.keys[:0]
	for i := a0; i+w <= a1; i++ {
		keys = append(keys, windowHash(al.a[i:i+w])&^low|uint64(i-a0)<<1)
	}
	for j := b0; j+w <= b1; j++ {
		keys = append(keys, windowHash(al.b[j:j+w])&^low|uint64(j-b0)<<1|1)
	}
	al.buf = radix.Sort64(keys, al.buf) // sorts keys in place
	found := al.found[:0]               // offset in a << 32 | offset in b
	for n := 0; n < len(keys); {
		m := n + 1
		for m < len(keys) && keys[m]&^low == keys[n]&^low {
			m++
		}
		if m-n == 2 && (keys[n]^keys[n+1])&1 == 1 {
			x, y := keys[n], keys[n+1]
			if x&1 == 1 {
				x, y = y, x
			}
			i, j := x&low>>1, y&low>>1
			if slices.Equal(al.a[a0+int(i):a0+int(i)+w], al.b[b0+int(j):b0+int(j)+w]) {
				found = append(found, i<<32|j)
			}
		}
		n = m
	}
	slices.Sort(found)
	pairs := al.pairs[:0]
	for _, f := range found {
		pairs = append(pairs, [2]int{a0 + int(f>>32), b0 + int(f&(1<<32-1))})
	}
	al.keys, al.found, al.pairs = keys, found, pairs
	return increasing(pairs)
}

// packedMax bounds the ranges whose windows fit the keys of anchors; a
// longer range (a text of millions of words) uses hash maps.
var packedMax = 1 << 23

// anchorsMap is anchors with hash maps, for ranges too long for packed
// keys.
func (al *aligner) anchorsMap(a0, a1, b0, b1, w int) [][2]int {
	once := func(s []int32, lo, hi int) map[uint64]int {
		m := make(map[uint64]int, hi-lo)
		for i := lo; i+w <= hi; i++ {
			h := windowHash(s[i : i+w])
			if _, dup := m[h]; dup {
				m[h] = -1
			} else {
				m[h] = i
			}
		}
		return m
	}
	inA, inB := once(al.a, a0, a1), once(al.b, b0, b1)
	var pairs [][2]int
	for i := a0; i+w <= a1; i++ {
		h := windowHash(al.a[i : i+w])
		if inA[h] != i {
			continue
		}
		j, ok := inB[h]
		if !ok || j < 0 || !slices.Equal(al.a[i:i+w], al.b[j:j+w]) {
			continue
		}
		pairs = append(pairs, [2]int{i, j})
	}
	return increasing(pairs)
}

// windowHash hashes a window of token IDs (FNV-1a over the IDs); equal
// windows are checked token by token after a hash match.
func windowHash(s []int32) uint64 {
	h := uint64(14695981039346656037)
	for _, t := range s {
		h ^= uint64(uint32(t))
		h *= 1099511628211
	}
	return h
}

// increasing returns the longest subsequence of pairs (sorted by their
// first element) whose second elements increase: patience sorting with
// back links.
func increasing(pairs [][2]int) [][2]int {
	if len(pairs) == 0 {
		return nil
	}
	var tails []int // index into pairs of the last element of the best chain of each length
	prev := make([]int, len(pairs))
	for i, p := range pairs {
		n, _ := slices.BinarySearchFunc(tails, p[1], func(t, v int) int { return pairs[t][1] - v })
		if n > 0 {
			prev[i] = tails[n-1]
		} else {
			prev[i] = -1
		}
		if n == len(tails) {
			tails = append(tails, i)
		} else {
			tails[n] = i
		}
	}
	out := make([][2]int, len(tails))
	for i, n := tails[len(tails)-1], len(tails)-1; n >= 0; i, n = prev[i], n-1 {
		out[n] = pairs[i]
	}
	return out
}

// fill aligns a gap without unique tokens: an exact longest common
// subsequence when the gap is small, else one replacement.
func (al *aligner) fill(a0, a1, b0, b1 int) {
	n, m := a1-a0, b1-b0
	if n*m > lcsCells {
		al.emit(opEdited, a0, a1, b0, b1)
		return
	}
	// l[i][j]: LCS length of a[a0+i:a1] and b[b0+j:b1].
	l := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &l[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case al.a[a0+i] == al.b[b0+j]:
				*at(i, j) = *at(i+1, j+1) + 1
			default:
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	i, j := 0, 0
	pi, pj := 0, 0 // start of the pending change
	for i < n && j < m {
		switch {
		case al.a[a0+i] == al.b[b0+j]:
			al.change(a0+pi, a0+i, b0+pj, b0+j)
			al.emit(opKept, a0+i, a0+i+1, b0+j, b0+j+1)
			i, j = i+1, j+1
			pi, pj = i, j
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
	al.change(a0+pi, a1, b0+pj, b1)
}

// change emits a passage that is not kept, naming it by its sides.
func (al *aligner) change(a0, a1, b0, b1 int) {
	switch {
	case a0 == a1:
		al.emit(opAdded, a0, a1, b0, b1)
	case b0 == b1:
		al.emit(opCut, a0, a1, b0, b1)
	default:
		al.emit(opEdited, a0, a1, b0, b1)
	}
}

// tidy merges adjacent passages of the same kind, folds short kept runs
// between changes into the change, and joins neighbouring changes into
// one (a cut next to an addition is an edit).
func tidy(ops []op) []op {
	var out []op
	push := func(o op) {
		if len(out) == 0 {
			out = append(out, o)
			return
		}
		last := &out[len(out)-1]
		lastKept, kept := last.kind == opKept, o.kind == opKept
		if lastKept != kept {
			out = append(out, o)
			return
		}
		last.A1, last.B1 = o.A1, o.B1
		if !kept {
			last.kind = changeKind(*last)
		}
	}
	for _, o := range ops {
		push(o)
	}
	// Fold short kept runs between two changes, then merge again.
	for i := 1; i+1 < len(out); i++ {
		if o := out[i]; o.kind == opKept && o.A1-o.A0 < minKept {
			out[i].kind = opEdited
		}
	}
	ops, out = out, nil
	for _, o := range ops {
		push(o)
	}
	return out
}

func changeKind(o op) opKind {
	switch {
	case o.A0 == o.A1:
		return opAdded
	case o.B0 == o.B1:
		return opCut
	}
	return opEdited
}

// splitLopsided narrows each lopsided edit to the end of its long side
// that shares more words with the short side: the long side's extra text
// usually sits at one end, next to a kept passage on the other (a page
// header before a reworded dateline, a photo caption before a changed
// sentence). The rest of the long side becomes a cut (or addition). An
// edit whose ends share no word with the short side becomes a cut and an
// addition.
func (al *aligner) splitLopsided(ops []op) []op {
	var out []op
	for _, o := range ops {
		n, m := o.A1-o.A0, o.B1-o.B0
		if o.kind != opEdited || max(n, m) <= 3*min(n, m)+8 {
			out = append(out, o)
			continue
		}
		long, short := al.a[o.A0:o.A1], al.b[o.B0:o.B1]
		if m > n {
			long, short = short, long
		}
		lo, hi := endWindow(long, short)
		switch {
		case lo == hi:
			out = append(out, op{opCut, o.A0, o.A1, o.B0, o.B0}, op{opAdded, o.A1, o.A1, o.B0, o.B1})
		case m > n:
			out = append(out,
				op{opAdded, o.A0, o.A0, o.B0, o.B0 + lo},
				op{opEdited, o.A0, o.A1, o.B0 + lo, o.B0 + hi},
				op{opAdded, o.A1, o.A1, o.B0 + hi, o.B1})
		default:
			out = append(out,
				op{opCut, o.A0, o.A0 + lo, o.B0, o.B0},
				op{opEdited, o.A0 + lo, o.A0 + hi, o.B0, o.B1},
				op{opCut, o.A0 + hi, o.A1, o.B1, o.B1})
		}
	}
	return slices.DeleteFunc(out, func(o op) bool { return o.A0 == o.A1 && o.B0 == o.B1 })
}

// endWindow returns the stretch [lo, hi) at the start or the end of long,
// a little longer than short, that holds more of short's tokens, trimmed
// to its first (at the end) or last (at the start) such token; lo == hi
// when neither end holds any.
func endWindow(long, short []int32) (lo, hi int) {
	in := make(map[int32]bool, len(short))
	for _, t := range short {
		in[t] = true
	}
	w := min(len(long), len(short)+2)
	head, tail := 0, 0
	lastHead, firstTail := -1, -1
	for i := range w {
		if in[long[i]] {
			head++
			lastHead = i
		}
		if j := len(long) - w + i; in[long[j]] {
			tail++
			if firstTail < 0 {
				firstTail = j
			}
		}
	}
	switch {
	case tail == 0 && head == 0:
		return 0, 0
	case tail >= head:
		return firstTail, len(long)
	}
	return 0, lastHead + 1
}

// markMoved pairs cut passages with added ones that hold mostly the same
// text: at least half of the smaller one's k-token windows are in the
// other. Each passage is paired once, with the added passage that shares
// most with it.
func (al *aligner) markMoved(ops []op) []op {
	k := al.k
	from := map[uint64]int{} // window hash -> index of the cut op holding it
	for i, o := range ops {
		if o.kind != opCut || o.A1-o.A0 < k {
			continue
		}
		for j := o.A0; j+k <= o.A1; j++ {
			from[windowHash(al.a[j:j+k])] = i
		}
	}
	if len(from) == 0 {
		return ops
	}
	taken := map[int]bool{}
	for i, o := range ops {
		if o.kind != opAdded || o.B1-o.B0 < k {
			continue
		}
		shared := map[int]int{}
		for j := o.B0; j+k <= o.B1; j++ {
			if c, ok := from[windowHash(al.b[j:j+k])]; ok {
				shared[c]++
			}
		}
		best, most := -1, 0
		for c, n := range shared {
			if !taken[c] && (n > most || n == most && c < best) {
				best, most = c, n
			}
		}
		if best < 0 {
			continue
		}
		c := ops[best]
		if windows := min(c.A1-c.A0, o.B1-o.B0) - k + 1; 2*most >= windows {
			taken[best] = true
			ops[best].kind, ops[i].kind = opMovedFrom, opMovedTo
		}
	}
	return ops
}
