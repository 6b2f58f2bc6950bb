package scan

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/internal/par"
)

// stories groups the verified pairs into stories, numbers them in order of
// their first member (s000001, ...), and finds each story's provenance,
// on workers goroutines, telling progress how many stories are done.
func stories(pairs []cluster.Match, docs []Doc, seed uint64, workers int, progress func(done, total int)) ([]Story, []int) {
	groups := cluster.Groups(len(docs), pairs, seed)
	progress(0, len(groups))
	var done atomic.Int64
	storyOf := make([]int, len(docs))
	for s, g := range groups {
		for _, d := range g {
			storyOf[d] = s
		}
	}
	within := make([][]cluster.Match, len(groups))
	for _, m := range pairs {
		if s := storyOf[m.A]; s == storyOf[m.B] {
			within[s] = append(within[s], m)
		}
	}
	dates := make([]time.Time, len(docs))
	for i, d := range docs {
		dates[i] = d.Date
	}
	out := make([]Story, len(groups))
	par.For(len(groups), workers, func() func(int) {
		return func(s int) {
			g := groups[s]
			st := Story{ID: fmt.Sprintf("s%06d", s+1), Members: g, Origin: g[0]}
			if len(g) > 1 {
				st.Origin, st.Links = cluster.Provenance(g, within[s], dates)
			}
			out[s] = st
			if n := done.Add(1); n%1024 == 0 || int(n) == len(groups) {
				progress(int(n), len(groups))
			}
		}
	})
	return out, storyOf
}
