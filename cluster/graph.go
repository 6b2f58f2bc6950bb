package cluster

import (
	"math/rand/v2"
	"runtime"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"

	"github.com/reprint-news/reprint/internal/par"
)

// copyGraph is an undirected graph of verified copies weighted by
// containment. It implements gonum's graph.WeightedUndirected with
// adjacency kept sorted, so every traversal (and so community detection)
// visits nodes in the same order on every run.
type copyGraph struct {
	ids []int64          // sorted node IDs (document indexes)
	adj map[int64][]edge // sorted by neighbour
}

type edge struct {
	to     int64
	weight float64
}

type node int64

func (n node) ID() int64 { return int64(n) }

type wedge struct {
	f, t node
	w    float64
}

func (e wedge) From() graph.Node         { return e.f }
func (e wedge) To() graph.Node           { return e.t }
func (e wedge) ReversedEdge() graph.Edge { return wedge{e.t, e.f, e.w} }
func (e wedge) Weight() float64          { return e.w }

// newCopyGraph makes the graph of members joined by matches, which must all
// join two members.
func newCopyGraph(matches []Match, members []int) *copyGraph {
	g := &copyGraph{adj: make(map[int64][]edge, len(members))}
	for _, m := range members {
		g.ids = append(g.ids, int64(m))
	}
	slices.Sort(g.ids)
	for _, m := range matches {
		a, b := int64(m.A), int64(m.B)
		w := m.Containment()
		g.adj[a] = append(g.adj[a], edge{b, w})
		g.adj[b] = append(g.adj[b], edge{a, w})
	}
	for _, es := range g.adj {
		slices.SortFunc(es, func(x, y edge) int { return int(x.to - y.to) })
	}
	return g
}

func (g *copyGraph) Node(id int64) graph.Node {
	if _, ok := slices.BinarySearch(g.ids, id); ok {
		return node(id)
	}
	return nil
}

func (g *copyGraph) Nodes() graph.Nodes {
	ns := make([]graph.Node, len(g.ids))
	for i, id := range g.ids {
		ns[i] = node(id)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *copyGraph) From(id int64) graph.Nodes {
	es := g.adj[id]
	ns := make([]graph.Node, len(es))
	for i, e := range es {
		ns[i] = node(e.to)
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *copyGraph) find(x, y int64) (edge, bool) {
	es := g.adj[x]
	i, ok := slices.BinarySearchFunc(es, y, func(e edge, t int64) int { return int(e.to - t) })
	if !ok {
		return edge{}, false
	}
	return es[i], true
}

func (g *copyGraph) HasEdgeBetween(x, y int64) bool { _, ok := g.find(x, y); return ok }
func (g *copyGraph) Edge(u, v int64) graph.Edge     { return g.WeightedEdge(u, v) }
func (g *copyGraph) EdgeBetween(x, y int64) graph.Edge {
	return g.WeightedEdgeBetween(x, y)
}

func (g *copyGraph) WeightedEdge(u, v int64) graph.WeightedEdge {
	e, ok := g.find(u, v)
	if !ok {
		return nil
	}
	return wedge{node(u), node(v), e.weight}
}

func (g *copyGraph) WeightedEdgeBetween(x, y int64) graph.WeightedEdge {
	return g.WeightedEdge(x, y)
}

func (g *copyGraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	e, ok := g.find(x, y)
	return e.weight, ok
}

// Groups splits the documents 0..n-1 into stories. Documents joined by
// verified copies form connected components; a component of three or more
// is then split into communities by Louvain modularity optimisation
// (Blondel et al. 2008, gonum's community.Modularize, seeded), so that a
// page that quotes two unrelated stories (a roundup, a live blog) cannot
// chain them into one. Groups are returned ordered by their first member,
// members in increasing order; documents without copies are groups of one.
// Components are split on GOMAXPROCS goroutines; the groups do not depend
// on how many.
func Groups(n int, matches []Match, seed uint64) [][]int {
	root := Components(n, matches)
	comps := make(map[int][]int)
	for i, r := range root {
		comps[r] = append(comps[r], i)
	}
	edges := make(map[int][]Match)
	for _, m := range matches {
		r := root[m.A]
		edges[r] = append(edges[r], m)
	}
	var groups, big [][]int
	for i := range n {
		c, ok := comps[i]
		switch {
		case !ok:
		case len(c) < 3:
			groups = append(groups, c)
		default:
			big = append(big, c)
		}
	}
	// Each component is split on its own, seeded by its first member, so
	// the components can be shared among goroutines.
	parts := make([][][]int, len(big))
	par.For(len(big), runtime.GOMAXPROCS(0), func() func(int) {
		return func(k int) { parts[k] = split(big[k], edges[big[k][0]], seed) }
	})
	for _, p := range parts {
		groups = append(groups, p...)
	}
	slices.SortFunc(groups, func(a, b []int) int { return a[0] - b[0] })
	return groups
}

// Components returns, for each of the documents 0..n-1, the smallest
// document of its connected component under matches (union-find).
func Components(n int, matches []Match) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	root := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, m := range matches {
		ra, rb := root(m.A), root(m.B)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb) // the root stays the smallest member
		}
	}
	for i := range parent {
		parent[i] = root(i)
	}
	return parent
}

// split runs community detection on one component and its matches.
func split(members []int, matches []Match, seed uint64) [][]int {
	g := newCopyGraph(matches, members)
	src := rand.NewPCG(seed, uint64(members[0]))
	reduced := community.Modularize(g, 1, src)
	var out [][]int
	for _, c := range reduced.Communities() {
		ids := make([]int, len(c))
		for i, nd := range c {
			ids[i] = int(nd.ID())
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	return out
}
