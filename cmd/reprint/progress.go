package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

// showProgress decides whether to draw progress: "always", "never", or
// for "auto" only when w is a terminal.
func showProgress(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress draws one status line per stage on a terminal: the stage, the
// count done, the rate, and the time spent, redrawn at most ten times a
// second.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	stage string
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer) *progress { return &progress{w: w} }

// update is scan.Options.Progress: done of total items of stage (total 0
// when unknown), called from any goroutine.
func (p *progress) update(stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if stage != p.stage {
		if p.stage != "" {
			fmt.Fprintln(p.w)
		}
		p.stage, p.start, p.last = stage, now, time.Time{}
	}
	finished := total > 0 && done >= total
	if !finished && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	el := now.Sub(p.start)
	rate := float64(done) / max(el.Seconds(), 1e-9)
	line := fmt.Sprintf("\r%-9s %10d", stage, done)
	if total > 0 {
		line += fmt.Sprintf(" / %d (%3.0f%%)", total, 100*float64(done)/float64(total))
		if el < time.Second {
			rate = 0 // too early to say
		}
		if rate > 0 && !finished {
			line += fmt.Sprintf(" eta %s", time.Duration(float64(total-done)/rate*float64(time.Second)).Round(time.Second))
		}
	}
	line += fmt.Sprintf("  %.0f/s  %s   ", rate, el.Round(100*time.Millisecond))
	io.WriteString(p.w, line)
}

// finish ends the last status line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stage != "" {
		fmt.Fprintln(p.w)
	}
}

func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
