package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/reprint-news/reprint/report"
	"github.com/reprint-news/reprint/synth"
)

func cmdGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen", stderr)
	var cfg synth.Config
	out := fs.String("out", "", "write corpus.jsonl and labels.csv to `DIR`")
	fs.IntVar(&cfg.Docs, "docs", 5000, "documents to generate")
	fs.IntVar(&cfg.Outlets, "outlets", 12, "outlets")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reprint gen [flags] --out DIR\n\nflags:\n%s", fs.FlagUsages())
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() != 0 || cfg.Docs < 1 {
		fs.Usage()
		return usageErr("gen: need --out DIR and --docs >= 1")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return &exitError{2, err}
	}
	arts := synth.Generate(cfg)
	if err := report.WriteFile(filepath.Join(*out, "corpus.jsonl"), func(w io.Writer) error { return synth.WriteJSONL(w, arts) }); err != nil {
		return &exitError{2, err}
	}
	if err := report.WriteFile(filepath.Join(*out, "labels.csv"), func(w io.Writer) error { return synth.WriteLabels(w, arts) }); err != nil {
		return &exitError{2, err}
	}
	_, err := fmt.Fprintf(stdout, "wrote %d documents to %s\n", len(arts), *out)
	return err
}
