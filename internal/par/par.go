// Package par runs a loop over indexes on a fixed number of goroutines,
// for the pipeline stages that share their work out that way.
package par

import (
	"sync"
	"sync/atomic"
)

// For calls f(i) for every index i in [0, n), each once and in no
// particular order, on workers goroutines (at least one, at most n), and
// returns when all calls have. Each goroutine runs its own f, made for it
// by mk, so that it can keep reusable buffers or its own error.
func For(n, workers int, mk func() func(int)) {
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		f := mk()
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}
