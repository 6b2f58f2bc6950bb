package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/report"
	"github.com/reprint-news/reprint/scan"
	"github.com/spf13/pflag"
)

func cmdScan(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("scan", stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reprint scan [flags] INPUT...\n\nflags:\n%s", fs.FlagUsages())
	}
	opt := scan.DefaultOptions()
	out := fs.String("out", "", "write stories.jsonl, pairs.csv, assignments.csv, rejected.csv, outlets.csv, outlet_matrix.csv and the HTML report (report/) to `DIR` (default: stories.jsonl on stdout)")
	htmlReport := fs.Bool("html", true, "with --out, also write the HTML report to DIR/report/ (--html=false skips it)")
	htmlViews := fs.Int("html-views", 2000, "show copies side by side on the pages of the `N` largest stories of the HTML report (0: all)")
	addParamFlags(fs, &opt, "seed of signature hashing and community detection")
	fs.IntVar(&opt.Workers, "workers", 0, "worker goroutines (default GOMAXPROCS)")
	mem := fs.String("mem", defaultMem(), "memory `SIZE` (e.g. 3GiB, 512MiB): intermediate data past a quarter of it spills to --tmpdir, and the Go heap is held to it")
	fs.StringVar(&opt.TempDir, "tmpdir", "", "directory for spill files (default the system's temporary directory)")
	window := fs.String("window", "", "only pair articles dated at most `DURATION` apart, e.g. 72h or 7d (undated articles pair with all)")
	fs.BoolVar(&opt.Credits, "credits", opt.Credits, "find the wire agencies each document credits (datelines, bylines, credit lines) and flag uncredited copies (--credits=false skips it)")
	skipBad := fs.Bool("skip-bad", false, "record bad documents in rejected.csv and go on, instead of stopping")
	quiet := fs.Bool("quiet", false, "print no summary and no progress")
	progressMode := fs.String("progress", "auto", "progress on stderr: auto (only on a terminal), always or never")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `FILE`")
	memprofile := fs.String("memprofile", "", "write a heap profile to `FILE` at the end")
	fields := corpus.DefaultFields()
	fs.StringVar(&fields.ID, "field-id", fields.ID, "JSONL/CSV field holding the document ID")
	fs.StringVar(&fields.Text, "field-text", fields.Text, "JSONL/CSV field holding the text")
	fs.StringVar(&fields.Outlet, "field-outlet", fields.Outlet, "JSONL/CSV field holding the outlet")
	fs.StringVar(&fields.URL, "field-url", fields.URL, "JSONL/CSV field holding the URL")
	fs.StringVar(&fields.Date, "field-date", fields.Date, "JSONL/CSV field holding the date")
	fs.StringVar(&fields.Title, "field-title", fields.Title, "JSONL/CSV field holding the title")
	fs.StringVar(&fields.HTML, "field-html", fields.HTML, "JSONL/CSV field holding HTML, used when the text field is empty")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErr("scan: no INPUT given")
	}
	if err := checkScanOptions(opt); err != nil {
		return err
	}
	var err error
	if opt.Window, err = parseWindow(*window); err != nil {
		return usageErr("scan: --window: %v", err)
	}
	limit, err := parseSize(*mem)
	if err != nil {
		return usageErr("scan: --mem: %v", err)
	}
	opt.Mem = limit / 4
	// The heap is held to the limit, but never below what any scan needs
	// to run at all: --mem 0 means "spill everything", not "collect
	// garbage without end".
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(max(limit, 256<<20)))
	if err := checkProgress(*progressMode); err != nil {
		return err
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			return &exitError{2, err}
		}
		defer stop()
	}
	start := time.Now()
	var rejected []corpus.Rejected
	var warnings []corpus.Warning
	var inputStats corpus.Stats
	copt := corpus.Options{Fields: fields, SkipBad: *skipBad, Stdin: stdin, Stats: &inputStats}
	copt.Warn = func(w corpus.Warning) {
		warnings = append(warnings, w)
		if !*quiet && len(warnings) <= maxWarnings {
			fmt.Fprintf(stderr, "reprint: warning: %v\n", w)
		}
	}
	var bar *progress
	if !*quiet && showProgress(*progressMode, stderr) {
		bar = startProgress(stderr, fs.Args(), &opt, &copt)
	}
	read := func(fn func(*corpus.Document) error) (err error) {
		rejected, err = corpus.Read(fs.Args(), copt, fn)
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := scan.Run(ctx, read, opt)
	if bar != nil && (err != nil || ctx.Err() != nil || *out == "" || !*htmlReport) {
		bar.finish(err == nil && ctx.Err() == nil)
		bar = nil
	}
	if ctx.Err() != nil {
		return &exitError{130, errors.New("interrupted; no output written")}
	}
	if err != nil {
		return &exitError{2, err}
	}
	res.Rejected = rejected
	if *out == "" {
		if err := report.Stories(stdout, res); err != nil {
			return err
		}
		stdout = stderr
	} else if err := writeScan(*out, res); err != nil {
		return &exitError{2, err}
	} else if err := report.WriteFile(filepath.Join(*out, "warnings.csv"), func(w io.Writer) error { return report.Warnings(w, warnings) }); err != nil {
		return &exitError{2, fmt.Errorf("writing warnings.csv: %w", err)}
	}
	if *out != "" && *htmlReport {
		t := time.Now()
		// The report reads the texts again: no warnings, stats or bytes
		// counted a second time.
		copt := corpus.Options{Fields: fields, SkipBad: *skipBad, Stdin: stdin}
		var progress func(done, total int)
		if bar != nil {
			progress = func(done, total int) { bar.update("html", done, total) }
		}
		err := writeHTML(*out, res, fs.Args(), copt, opt.K, *htmlViews, opt.TempDir, stderr, progress)
		if bar != nil {
			bar.finish(err == nil)
		}
		if err != nil {
			return &exitError{2, err}
		}
		res.Stats.Stages = append(res.Stats.Stages, scan.Stage{Name: "html", Time: time.Since(t)})
	}
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return &exitError{2, err}
		}
	}
	if *quiet {
		return nil
	}
	if err := report.Summary(stdout, res, time.Since(start)); err != nil {
		return err
	}
	return inputSummary(stdout, &inputStats, len(warnings))
}

// maxWarnings is how many warnings a scan prints as they come; all of
// them go to warnings.csv.
const maxWarnings = 20

// inputSummary adds to the summary what reading HTML pages and WARC
// crawls did, when there were any.
func inputSummary(w io.Writer, st *corpus.Stats, warnings int) error {
	var err error
	if st.Pages > 0 {
		_, err = fmt.Fprintf(w, "html       %d pages extracted, %d read as visible text (%d warnings)\n", st.Pages, st.Fallbacks, warnings)
	} else if warnings > 0 {
		_, err = fmt.Fprintf(w, "warnings   %d\n", warnings)
	}
	if err != nil || st.WARCRecords == 0 {
		return err
	}
	why := make([]string, 0, len(st.WARCSkipped))
	for k := range st.WARCSkipped {
		why = append(why, k)
	}
	slices.Sort(why)
	skipped := make([]string, len(why))
	for i, k := range why {
		skipped[i] = fmt.Sprintf("%d %s", st.WARCSkipped[k], k)
	}
	if len(skipped) == 0 {
		skipped = []string{"none"}
	}
	_, err = fmt.Fprintf(w, "warc       %d records; skipped: %s\n", st.WARCRecords, strings.Join(skipped, ", "))
	return err
}

// addParamFlags adds the flags of the parameters that decide what a copy
// is and how documents are signed, shared by scan and index build.
func addParamFlags(fs *pflag.FlagSet, opt *scan.Options, seedUsage string) {
	fs.Float64Var(&opt.Threshold, "threshold", opt.Threshold, "containment of the smaller text in the larger that makes a copy")
	fs.IntVar(&opt.MinShared, "min-shared", opt.MinShared, "shared shingles a copy needs at least")
	fs.IntVar(&opt.Template.OutletMinDocs, "template-outlet-docs", 3, "a shingle in this many pages of one outlet is that outlet's template")
	fs.IntVar(&opt.Template.CorpusMinDocs, "template-corpus-docs", 50, "a shingle in this many pages (or 0.5% of the corpus, if more) is dropped everywhere")
	fs.IntVar(&opt.K, "shingle", opt.K, "words per shingle")
	fs.IntVar(&opt.SignatureSize, "signature-size", opt.SignatureSize, "MinHash bins per document")
	fs.Uint64Var(&opt.Seed, "seed", opt.Seed, seedUsage)
}

func checkScanOptions(o scan.Options) error {
	switch {
	case o.Threshold <= 0 || o.Threshold > 1:
		return usageErr("scan: --threshold must be in (0, 1], got %g", o.Threshold)
	case o.K < 1:
		return usageErr("scan: --shingle must be at least 1, got %d", o.K)
	case o.SignatureSize < 1:
		return usageErr("scan: --signature-size must be at least 1, got %d", o.SignatureSize)
	case o.MinShared < 1:
		return usageErr("scan: --min-shared must be at least 1, got %d", o.MinShared)
	}
	return nil
}

// writeScan writes the machine-readable reports into dir, each atomically.
func writeScan(dir string, res *scan.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := []struct {
		name  string
		write func(io.Writer, *scan.Result) error
	}{
		{"stories.jsonl", report.Stories},
		{"pairs.csv", report.Pairs},
		{"assignments.csv", report.Assignments},
		{"rejected.csv", report.Rejected},
		{"outlets.csv", report.OutletsCSV},
		{"outlet_matrix.csv", report.OutletMatrixCSV},
	}
	// The reports only read res: they are written side by side, and the
	// first failure in this order is the one reported.
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			errs[i] = report.WriteFile(filepath.Join(dir, f.name), func(w io.Writer) error { return f.write(w, res) })
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("writing %s: %w", files[i].name, err)
		}
	}
	return nil
}
