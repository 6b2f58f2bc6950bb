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
