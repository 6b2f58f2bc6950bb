package scan

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/synth"
)

// TestRunInterruptedLeavesNoFiles cancels a spilling scan halfway through
// reading: Run must return the cancellation and leave no temporary files.
func TestRunInterruptedLeavesNoFiles(t *testing.T) {
	arts := synth.Generate(synth.Config{Docs: 600, Seed: 5})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := func(fn func(*corpus.Document) error) error {
		for i := range arts {
			if i == len(arts)/2 {
				cancel()
			}
			if err := fn(&arts[i].Document); err != nil {
				return err
			}
		}
		return nil
	}
	opt := DefaultOptions()
	opt.Mem = 0
	opt.TempDir = t.TempDir()
	if _, err := Run(ctx, src, opt); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	left, err := os.ReadDir(opt.TempDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("files left in the spill directory: %v", left)
	}
}
