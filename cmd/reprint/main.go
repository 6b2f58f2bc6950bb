// Command reprint finds the same news story copied across outlets.
//
//	reprint scan [flags] INPUT...            find stories; --out DIR writes the reports
//	reprint diff [flags] A B                 compare two documents; --html FILE writes a side-by-side page
//	reprint eval --labels FILE ASSIGNMENTS   score an assignment against reference labels
//	reprint gen [flags] --out DIR            write a synthetic labelled corpus
//
// Exit status: 0 success, 1 findings over a limit (check), 2 usage or input
// error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"
)

const usage = `usage: reprint COMMAND [flags] ...

commands:
  scan INPUT...              find copied stories in a corpus (directories, .jsonl, .csv, .txt, .html, .warc,
                             each optionally .gz or .zst; - for JSONL on stdin)
  diff A B                   scores and word alignment of two documents; --html FILE for a side-by-side page
  index build|add|info|verify
                             keep the signatures of everything seen so far, for check
  check INPUT... --index DIR find copies in a new dump and against the index; exit 1 over the limit
  eval --labels FILE ASSIGN  pairwise precision/recall/F1 and ARI of an assignments.csv against labels
  gen --out DIR              write a synthetic labelled corpus (corpus.jsonl, labels.csv)

Run 'reprint COMMAND --help' for a command's flags.
`

// exitError carries an exit status up to main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{2, fmt.Errorf(format, args...)}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "scan":
		err = cmdScan(rest, stdin, stdout, stderr)
	case "diff":
		err = cmdDiff(rest, stdin, stdout, stderr)
	case "index":
		err = cmdIndex(rest, stdin, stdout, stderr)
	case "check":
		err = cmdCheck(rest, stdin, stdout, stderr)
	case "eval":
		err = cmdEval(rest, stdout, stderr)
	case "gen":
		err = cmdGen(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "reprint: unknown command %q\n%s", cmd, usage)
		return 2
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, pflag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "reprint: %v\n", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 2
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	return fs
}

func parse(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return &exitError{2, err}
	}
	return nil
}
