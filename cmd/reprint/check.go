package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/reprint-news/reprint/index"
	"github.com/reprint-news/reprint/report"
)

const checkHelp = `usage: reprint check [flags] INPUT... --index DIR

Finds the documents of INPUT that are copies of each other or of documents
in the index, writes them as findings (JSON, CSV or JUnit XML) and a summary
on stderr. Exit status: 0 within the limits, 1 findings over them, 2 usage
or input error.

Fail rules (--fail-on, comma-separated, any that holds fails the check):
  rate       more than --max-copy-rate of the new documents are copies (default rule, limit 0)
  any-copy   any copy at all
  new-story  a story copied inside the dump that copies nothing indexed
Findings whose document fingerprint is in --allow (a previous findings file)
never count.

flags:
`

func cmdCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, "%s%s", checkHelp, fs.FlagUsages()) }
	dir := fs.String("index", "", "the index to check against (`DIR`, from reprint index build)")
	maxRate := fs.Float64("max-copy-rate", 0, "share of new documents that may be copies, for --fail-on rate (0 to 1)")
	failOn := fs.String("fail-on", index.FailRate, "`RULES` that fail the check: rate, any-copy, new-story (comma-separated)")
	allow := fs.String("allow", "", "a previous findings `FILE` (JSON or CSV): findings of documents listed there do not count")
	outs := fs.StringArray("out", nil, "write findings to `FILE`, in the format of its extension (.json, .csv, .xml for JUnit); repeatable (default: JSON on stdout)")
	format := fs.String("format", "", "findings format for every output, instead of the extension: json, csv or junit")
	update := fs.Bool("update-index", false, "after a passing check, add the new documents to the index")
	window := fs.String("window", "", "only pair articles dated at most `DURATION` apart, e.g. 72h or 7d (undated articles pair with all), as for scan")
	in := addInputFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() == 0 {
		fs.Usage()
		return usageErr("check: need INPUT... and --index DIR")
	}
	opt := index.CheckOptions{MaxCopyRate: *maxRate}
	if !(*maxRate >= 0 && *maxRate <= 1) {
		return usageErr("check: --max-copy-rate must be in [0, 1], got %g", *maxRate)
	}
	var err error
	if opt.Window, err = parseWindow(*window); err != nil {
		return usageErr("check: --window: %v", err)
	}
	for _, r := range strings.Split(*failOn, ",") {
		switch r = strings.TrimSpace(r); r {
		case index.FailRate, index.FailAnyCopy, index.FailNewStory:
			opt.FailOn = append(opt.FailOn, r)
		default:
			return usageErr("check: --fail-on: unknown rule %q (want rate, any-copy or new-story)", r)
		}
	}
	switch *format {
	case "", index.FormatJSON, index.FormatCSV, index.FormatJUnit:
	default:
		return usageErr("check: --format must be json, csv or junit, got %q", *format)
	}
	for _, o := range *outs {
		if *format == "" && index.FormatOf(o) == "" {
			return usageErr("check: --out %s: say the format by the extension (.json, .csv, .xml) or --format", o)
		}
	}
	if *allow != "" {
		if opt.Allow, err = readAllow(*allow); err != nil {
			return &exitError{2, err}
		}
	}
	ix, err := index.Open(*dir)
	if err != nil {
		return &exitError{2, err}
	}
	defer ix.Close()
	ctx, stop := signalContext()
	defer stop()
	b, rejected, err := in.scanInputs(ctx, fs.Args(), stdin, stderr, ix.Params())
	if err != nil {
		return err
	}
	rep, err := index.Check(ctx, ix, b, opt)
	if ctx.Err() != nil {
		return &exitError{130, fmt.Errorf("interrupted; no findings written")}
	}
	if err != nil {
		return &exitError{2, err}
	}
	if len(*outs) == 0 {
		f := *format
		if f == "" {
			f = index.FormatJSON
		}
		if err := index.WriteFindings(stdout, rep, f); err != nil {
			return &exitError{2, err}
		}
	}
	for _, o := range *outs {
		f := *format
		if f == "" {
			f = index.FormatOf(o)
		}
		if err := report.WriteFile(o, func(w io.Writer) error { return index.WriteFindings(w, rep, f) }); err != nil {
			return &exitError{2, fmt.Errorf("writing %s: %w", o, err)}
		}
	}
	if !*in.quiet {
		if rejected > 0 {
			fmt.Fprintf(stderr, "rejected   %d bad documents (--skip-bad)\n", rejected)
		}
		index.WriteSummary(stderr, rep)
	}
	if rep.Summary.Failed {
		if *update {
			fmt.Fprintln(stderr, "index      not updated: the check failed")
		}
		return &exitError{1, fmt.Errorf("check failed: %s", strings.Join(rep.Summary.Reasons, "; "))}
	}
	if *update {
		if err := ix.Add(ctx, b); err != nil {
			if ctx.Err() != nil {
				return interrupted()
			}
			return &exitError{2, fmt.Errorf("updating the index: %w", err)}
		}
		if !*in.quiet {
			fmt.Fprintf(stderr, "index      added %d documents; %s holds %d\n", len(b.Docs), ix.Dir(), ix.Docs())
		}
	}
	return nil
}

func readAllow(path string) (map[uint64]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--allow: %w", err)
	}
	defer f.Close()
	allow, err := index.ReadAllow(f)
	if err != nil {
		return nil, fmt.Errorf("--allow %s: %w", path, err)
	}
	return allow, nil
}
