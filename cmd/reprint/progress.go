package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/scan"
)

// checkProgress checks a --progress value.
func checkProgress(mode string) error {
	switch mode {
	case "auto", "always", "never":
		return nil
	}
	return usageErr("--progress must be auto, always or never, got %q", mode)
}

// startProgress returns a progress on w for a scan of inputs, wired into
// opt (the stages) and copt (the bytes read).
func startProgress(w io.Writer, inputs []string, opt *scan.Options, copt *corpus.Options) *progress {
	size, _ := corpus.InputSize(inputs)
	copt.BytesRead = new(atomic.Int64)
	p := &progress{w: w, read: copt.BytesRead, inputSize: size}
	opt.Progress = p.update
	return p
}

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

// progress draws a bar per stage of a scan on stderr
// (github.com/schollz/progressbar): how much of the stage is done, how
// fast it goes and how long it has left, redrawn at most ten times a
// second, each stage's bar left on its own line when the stage ends.
//
// The first stage reads and shingles a stream whose document count is not
// known ahead, so its bar counts the input's bytes instead (read, of
// inputSize when the inputs are files) and names the documents done; on
// standard input it shows the bytes read and the rate, without a time
// left.
type progress struct {
	mu        sync.Mutex
	w         io.Writer
	stage     string
	bar       *progressbar.ProgressBar // nil until the stage's total is known
	read      *atomic.Int64            // input bytes read so far
	inputSize int64                    // of the inputs; 0 when not known
}

// stageUnits names what each stage counts.
var stageUnits = map[string]string{
	"templates": "partitions", "sign": "docs", "lsh": "steps",
	"verify": "pairs", "stories": "stories", "html": "pages",
}

// update is scan.Options.Progress: done of total items of stage (total 0
// when unknown), called from any goroutine.
func (p *progress) update(stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if stage != p.stage {
		p.end(true)
		p.stage = stage
	}
	if stage == "shingle" {
		if p.bar == nil {
			p.bar = p.newBar(stage, p.inputSize, progressbar.OptionShowBytes(true), progressbar.OptionShowCount())
		}
		p.bar.Describe(fmt.Sprintf("%-9s %d docs", stage, done))
		n := p.read.Load()
		if p.inputSize > 0 {
			n = min(n, p.inputSize) // a file that grew while read
		}
		p.bar.Set64(n)
		return
	}
	if total <= 0 {
		return
	}
	if p.bar == nil {
		p.bar = p.newBar(stage, int64(total), progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString(stageUnits[stage]))
	}
	// Workers report as they finish, so counts may arrive out of order:
	// the bar only moves forward.
	if n := int64(min(done, total)); n > p.bar.State().CurrentNum {
		p.bar.Set64(n)
	}
}

// newBar starts the bar of a stage of max units (0: not known).
func (p *progress) newBar(stage string, max int64, opts ...progressbar.Option) *progressbar.ProgressBar {
	if max <= 0 {
		max = -1 // the library's "not known": a spinner, no time left
	}
	return progressbar.NewOptions64(max, append([]progressbar.Option{
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(fmt.Sprintf("%-9s", stage)),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetSpinnerChangeInterval(0), // no drawing between updates, from another goroutine
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(p.w) }),
	}, opts...)...)
}

// end ends the current stage's bar, if any: full when the stage is done,
// as it is when it stopped short.
func (p *progress) end(done bool) {
	if p.bar == nil {
		return
	}
	if done {
		p.bar.Finish()
	} else {
		p.bar.Exit()
	}
	p.bar = nil
}

// finish ends the last stage's bar; done tells whether the run got to
// the end of it, or stopped on an error or an interrupt.
func (p *progress) finish(done bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.end(done)
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
