package par

import (
	"sync/atomic"
	"testing"
)

func TestForEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		for _, workers := range []int{-1, 0, 1, 2, 3, 64} {
			calls := make([]atomic.Int32, n)
			made := 0
			For(n, workers, func() func(int) {
				made++
				return func(i int) { calls[i].Add(1) }
			})
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("n=%d workers=%d: index %d called %d times", n, workers, i, c)
				}
			}
			if want := max(1, min(workers, n)); made != want {
				t.Errorf("n=%d workers=%d: %d functions made, want %d", n, workers, made, want)
			}
		}
	}
}
