package spool

import (
	"io"
	"path/filepath"
	"testing"
)

// values appended in memory, on disk, or half and half read back the same.
func TestLogRoundTrip(t *testing.T) {
	for _, budget := range []int64{0, 4 * ChunkLen, 1 << 30} {
		parent := t.TempDir()
		d := NewDir(parent, budget)
		l := d.NewLog()
		const n = 3*ChunkLen + 123
		for i := range uint32(n) {
			if err := l.Append(i*2654435761, i); err != nil {
				t.Fatal(err)
			}
		}
		r, err := l.Reader()
		if err != nil {
			t.Fatal(err)
		}
		got := make([]uint32, 2)
		for i := range uint32(n) {
			if err := r.Read(got); err != nil {
				t.Fatalf("budget %d: value %d: %v", budget, i, err)
			}
			if got[0] != i*2654435761 || got[1] != i {
				t.Fatalf("budget %d: value %d = %v", budget, i, got)
			}
		}
		if err := r.Read(got); err != io.ErrUnexpectedEOF {
			t.Errorf("budget %d: read past the end: %v", budget, err)
		}
		if spilled := d.Spilled(); spilled != (budget < 8*ChunkLen*4) {
			t.Errorf("budget %d: spilled = %v", budget, spilled)
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(parent, "*")); len(left) != 0 {
			t.Errorf("budget %d: files left after Close: %v", budget, left)
		}
	}
}

func TestFreeReturnsBudget(t *testing.T) {
	d := NewDir(t.TempDir(), 4*ChunkLen)
	defer d.Close()
	a := d.NewLog()
	a.Append(make([]uint32, ChunkLen)...)
	if d.left.Load() != 0 {
		t.Fatalf("budget left %d after one chunk", d.left.Load())
	}
	a.Free()
	b := d.NewLog()
	b.Append(make([]uint32, ChunkLen)...)
	if d.Spilled() {
		t.Error("freed budget was not reused")
	}
}

func TestDrainGivesBudgetBack(t *testing.T) {
	d := NewDir(t.TempDir(), 2*4*ChunkLen)
	defer d.Close()
	l := d.NewLog()
	l.Append(make([]uint32, 2*ChunkLen)...)
	r, err := l.Drain()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]uint32, ChunkLen+1)
	if err := r.Read(got); err != nil {
		t.Fatal(err)
	}
	if left := d.left.Load(); left != 4*ChunkLen {
		t.Errorf("after reading past the first chunk, budget left %d, want one chunk", left)
	}
	l.Free()
	if left := d.left.Load(); left != 2*4*ChunkLen {
		t.Errorf("after Free, budget left %d, want all", left)
	}
}

// TestAppendSliceNext: slices kept whole, alone or among values copied by
// Append, in memory, on disk or half and half, drained, read back the
// same and in order; Next hands back in place a slice the log kept in
// memory, without copying it.
func TestAppendSliceNext(t *testing.T) {
	var slices [][]uint32 // 1 to 3,000 values each
	next := uint32(1)
	for i := range 400 {
		s := make([]uint32, 1+i*7%3000)
		for k := range s {
			s[k], next = next, next+1
		}
		slices = append(slices, s)
	}
	for _, budget := range []int64{0, 1 << 20, 1 << 30} {
		for _, mixed := range []bool{false, true} {
			d := NewDir(t.TempDir(), budget)
			l := d.NewLog()
			for i, s := range slices {
				var err error
				if mixed && i%3 == 2 {
					err = l.Append(s...)
				} else {
					err = l.AppendSlice(s)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			r, err := l.Drain()
			if err != nil {
				t.Fatal(err)
			}
			// Every slice Next returned must still hold its values once
			// the reader has moved on, as the sign stage holds a batch.
			var read [][]uint32
			for i, s := range slices {
				got, err := r.Next(len(s))
				if err != nil {
					t.Fatalf("budget %d, mixed %v: slice %d: %v", budget, mixed, i, err)
				}
				read = append(read, got)
			}
			want, inPlace := uint32(1), 0
			for i, got := range read {
				for k, v := range got {
					if v != want {
						t.Fatalf("budget %d, mixed %v: slice %d, value %d = %d, want %d", budget, mixed, i, k, v, want)
					}
					want++
				}
				if s := slices[i]; len(got) != len(s) || cap(got) != len(s) {
					t.Fatalf("budget %d, mixed %v: slice %d: len %d cap %d, want %d", budget, mixed, i, len(got), cap(got), len(s))
				}
				if &got[0] == &slices[i][0] {
					inPlace++
				}
			}
			if _, err := r.Next(1); err != io.ErrUnexpectedEOF {
				t.Errorf("budget %d, mixed %v: Next past the end: %v", budget, mixed, err)
			}
			switch {
			case budget == 0 && inPlace != 0:
				t.Errorf("budget 0, mixed %v: %d slices handed back in place from disk", mixed, inPlace)
			case budget == 1<<30 && !mixed && inPlace != len(slices):
				t.Errorf("budget %d: %d of %d slices handed back in place", budget, inPlace, len(slices))
			}
			if got := d.left.Load(); got != budget {
				t.Errorf("budget %d, mixed %v: %d left after draining", budget, mixed, got)
			}
			d.Close()
		}
	}
}
