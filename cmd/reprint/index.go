package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/index"
	"github.com/reprint-news/reprint/scan"
)

const indexUsage = `usage: reprint index COMMAND ...

commands:
  build INPUT... -o DIR   index the documents of INPUT into DIR (a new index, or replacing the one there)
  add DIR INPUT...        add the documents of INPUT to the index in DIR
  info DIR                counts, parameters and format version of the index in DIR
  verify DIR              read the whole index and check every checksum (exit 2 when anything is wrong)

Run 'reprint index COMMAND --help' for a command's flags.
`

func cmdIndex(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, indexUsage)
		return usageErr("index: no command given")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		return cmdIndexBuild(rest, stdin, stdout, stderr)
	case "add":
		return cmdIndexAdd(rest, stdin, stdout, stderr)
	case "info":
		return cmdIndexInfo(rest, stdout, stderr)
	case "verify":
		return cmdIndexVerify(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, indexUsage)
		return nil
	default:
		fmt.Fprint(stderr, indexUsage)
		return usageErr("index: unknown command %q", cmd)
	}
}

// inputFlags are the flags of commands that read and scan documents.
type inputFlags struct {
	fields   corpus.Fields
	skipBad  *bool
	mem      *string
	tmpdir   *string
	workers  *int
	quiet    *bool
	progress *string
}

func addInputFlags(fs *pflag.FlagSet) *inputFlags {
	f := &inputFlags{fields: corpus.DefaultFields()}
	f.mem = fs.String("mem", defaultMem(), "memory `SIZE` for scanning the input (as for scan)")
	f.tmpdir = fs.String("tmpdir", "", "directory for spill files (default the system's temporary directory)")
	f.workers = fs.Int("workers", 0, "worker goroutines (default GOMAXPROCS)")
	f.skipBad = fs.Bool("skip-bad", false, "leave out bad documents (counted in the summary) instead of stopping")
	f.quiet = fs.Bool("quiet", false, "print no summary and no progress")
	f.progress = fs.String("progress", "auto", "progress of the scan on stderr: auto (only on a terminal), always or never")
	fs.StringVar(&f.fields.ID, "field-id", f.fields.ID, "JSONL/CSV field holding the document ID")
	fs.StringVar(&f.fields.Text, "field-text", f.fields.Text, "JSONL/CSV field holding the text")
	fs.StringVar(&f.fields.Outlet, "field-outlet", f.fields.Outlet, "JSONL/CSV field holding the outlet")
	fs.StringVar(&f.fields.URL, "field-url", f.fields.URL, "JSONL/CSV field holding the URL")
	fs.StringVar(&f.fields.Date, "field-date", f.fields.Date, "JSONL/CSV field holding the date")
	fs.StringVar(&f.fields.Title, "field-title", f.fields.Title, "JSONL/CSV field holding the title")
	fs.StringVar(&f.fields.HTML, "field-html", f.fields.HTML, "JSONL/CSV field holding HTML, used when the text field is empty")
	return f
}

// scanInputs reads and scans the inputs under the index parameters p and
// returns them as a batch, with the number of documents rejected.
func (f *inputFlags) scanInputs(ctx context.Context, inputs []string, stdin io.Reader, stderr io.Writer, p index.Params) (_ *index.Batch, _ int, err error) {
	limit, err := parseSize(*f.mem)
	if err != nil {
		return nil, 0, usageErr("--mem: %v", err)
	}
	if err := checkProgress(*f.progress); err != nil {
		return nil, 0, err
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(max(limit, 256<<20)))
	base := scan.DefaultOptions()
	base.Mem, base.TempDir, base.Workers = limit/4, *f.tmpdir, *f.workers
	opt := p.ScanOptions(base)
	copt := corpus.Options{Fields: f.fields, SkipBad: *f.skipBad, Stdin: stdin}
	if !*f.quiet && showProgress(*f.progress, stderr) {
		bar := startProgress(stderr, inputs, &opt, &copt)
		defer func() { bar.finish(err == nil) }()
	}
	var fps []uint64
	var rejected []corpus.Rejected
	read := func(fn func(*corpus.Document) error) (err error) {
		rejected, err = corpus.Read(inputs, copt, func(d *corpus.Document) error {
			fps = append(fps, index.Fingerprint(d.Text))
			return fn(d)
		})
		return err
	}
	res, err := scan.Run(ctx, read, opt)
	if ctx.Err() != nil {
		return nil, 0, interrupted()
	}
	if err != nil {
		return nil, 0, &exitError{2, err}
	}
	b, err := index.NewBatch(p, res, fps)
	if err != nil {
		return nil, 0, &exitError{2, err}
	}
	return b, len(rejected), nil
}

func interrupted() error {
	return &exitError{130, errors.New("interrupted; the index is unchanged")}
}

// signalContext is cancelled by SIGINT or SIGTERM.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func cmdIndexBuild(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("index build", stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reprint index build [flags] INPUT... -o DIR\n\nflags:\n%s", fs.FlagUsages())
	}
	out := fs.StringP("output", "o", "", "write the index to `DIR` (created; an index there is replaced atomically)")
	opt := scan.DefaultOptions()
	addParamFlags(fs, &opt, "seed of signature hashing")
	in := addInputFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return usageErr("index build: need INPUT... and -o DIR")
	}
	if err := checkScanOptions(opt); err != nil {
		return err
	}
	p := index.ParamsFor(opt)
	ctx, stop := signalContext()
	defer stop()
	b, rejected, err := in.scanInputs(ctx, fs.Args(), stdin, stderr, p)
	if err != nil {
		return err
	}
	if err := index.Build(ctx, *out, b); err != nil {
		if ctx.Err() != nil {
			return interrupted()
		}
		return &exitError{2, err}
	}
	if !*in.quiet {
		fmt.Fprintf(stdout, "indexed %d documents into %s (%d rejected)\n", len(b.Docs), *out, rejected)
	}
	return nil
}

func cmdIndexAdd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("index add", stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reprint index add [flags] DIR INPUT...\n\nflags:\n%s", fs.FlagUsages())
	}
	in := addInputFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return usageErr("index add: need DIR and INPUT...")
	}
	ix, err := index.Open(fs.Arg(0))
	if err != nil {
		return &exitError{2, err}
	}
	defer ix.Close()
	ctx, stop := signalContext()
	defer stop()
	b, rejected, err := in.scanInputs(ctx, fs.Args()[1:], stdin, stderr, ix.Params())
	if err != nil {
		return err
	}
	if err := ix.Add(ctx, b); err != nil {
		if ctx.Err() != nil {
			return interrupted()
		}
		return &exitError{2, err}
	}
	if !*in.quiet {
		fmt.Fprintf(stdout, "added %d documents to %s (%d rejected); it holds %d\n", len(b.Docs), ix.Dir(), rejected, ix.Docs())
	}
	return nil
}

// openIndexArg parses the arguments of `reprint index NAME DIR` and
// opens the index DIR.
func openIndexArg(name string, args []string, stderr io.Writer) (*index.Index, error) {
	fs := newFlags("index "+name, stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, "usage: reprint index %s DIR\n", name) }
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return nil, usageErr("index %s: need DIR", name)
	}
	ix, err := index.Open(fs.Arg(0))
	if err != nil {
		return nil, &exitError{2, err}
	}
	return ix, nil
}

func cmdIndexInfo(args []string, stdout, stderr io.Writer) error {
	ix, err := openIndexArg("info", args, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	in := ix.Info()
	p := in.Params
	fmt.Fprintf(stdout, "index       %s\n", in.Dir)
	fmt.Fprintf(stdout, "format      version %d\n", in.FormatVersion)
	fmt.Fprintf(stdout, "documents   %d in %s, %d bytes\n", in.Docs, segments(len(in.Segments)), in.Bytes)
	fmt.Fprintf(stdout, "signatures  normalisation %d, shingle %d words, %d bins, seed %d; LSH %d bands of %d row(s), %d band hits, bucket cap %d\n",
		p.Normalization, p.K, p.SignatureSize, p.Seed, p.Bands, p.Rows, p.BandHits, p.BucketCap)
	fmt.Fprintf(stdout, "copies      threshold %g, min shared %d, size ratio %g, bookend %d; templates at %d outlet pages, %d corpus pages\n",
		p.Threshold, p.MinShared, p.SizeRatio, p.BookendLen, p.OutletMinDocs, p.CorpusMinDocs)
	for _, s := range in.Segments {
		fmt.Fprintf(stdout, "segment     %s  %d documents (%d with shingles), %d bytes; templates: %d corpus-wide, %d of %d outlets\n",
			s.Name, s.Docs, s.Signed, s.Bytes, s.CommonTemplates, s.OutletTemplates, s.Outlets)
	}
	return nil
}

func cmdIndexVerify(args []string, stdout, stderr io.Writer) error {
	ix, err := openIndexArg("verify", args, stderr)
	if err != nil {
		return err
	}
	defer ix.Close()
	ctx, stop := signalContext()
	defer stop()
	if err := ix.Verify(ctx); err != nil {
		if ctx.Err() != nil {
			return &exitError{130, errors.New("interrupted")}
		}
		return &exitError{2, err}
	}
	in := ix.Info()
	fmt.Fprintf(stdout, "ok: %d documents in %s, %d bytes, every checksum matches\n", in.Docs, segments(len(in.Segments)), in.Bytes)
	return nil
}

func segments(n int) string {
	if n == 1 {
		return "1 segment"
	}
	return fmt.Sprintf("%d segments", n)
}
