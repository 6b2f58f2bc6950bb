package main

import (
	"fmt"
	"io"
	"os"

	"github.com/reprint-news/reprint/eval"
)

func cmdEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	labels := fs.String("labels", "", "reference labels `FILE` (CSV: doc id, story id)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reprint eval --labels FILE ASSIGNMENTS.csv\n\nflags:\n%s", fs.FlagUsages())
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *labels == "" || fs.NArg() != 1 {
		fs.Usage()
		return usageErr("eval: need --labels FILE and one ASSIGNMENTS file")
	}
	truth, err := readAssignment(*labels)
	if err != nil {
		return err
	}
	pred, err := readAssignment(fs.Arg(0))
	if err != nil {
		return err
	}
	s := eval.Compare(pred, truth)
	_, err = fmt.Fprintf(stdout, "documents %d\npairs     %d true, %d predicted, %d both\nprecision %.4f\nrecall    %.4f\nf1        %.4f\nari       %.4f\n",
		s.Docs, s.TruePairs, s.PredPairs, s.TP, s.Precision, s.Recall, s.F1, s.ARI)
	return err
}

func readAssignment(path string) (eval.Assignment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &exitError{2, err}
	}
	defer f.Close()
	a, _, err := eval.ReadAssignment(f)
	if err != nil {
		return nil, &exitError{2, fmt.Errorf("%s: %w", path, err)}
	}
	return a, nil
}
