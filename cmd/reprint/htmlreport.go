package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/reprint-news/reprint/corpus"
	htmlreport "github.com/reprint-news/reprint/report/html"
	"github.com/reprint-news/reprint/scan"
)

// writeHTML writes the HTML report of a scan into dir/report, with side-by-side
// views on the pages of the views largest stories (0: all). The scan
// keeps no texts, so the inputs are read a second time and the texts the
// views show go to a spool file in tmpdir, read back page by page: memory
// stays what the scan needed. The reading runs while the pages without
// views are written. Texts that cannot be had again (stdin; inputs
// changed since the scan) leave the report without side-by-side views and
// say why, on stderr and in the report.
func writeHTML(dir string, res *scan.Result, inputs []string, copt corpus.Options, k, views int, tmpdir string, stderr io.Writer, progress func(done, total int)) error {
	opt := htmlreport.Options{K: k, Views: max(views, 0), Progress: progress}
	want := htmlreport.TextsNeeded(res, opt)
	if multi := storiesWithCopies(res); opt.Views > 0 && multi > opt.Views && !slices.Contains(inputs, "-") {
		opt.Notes = append(opt.Notes, fmt.Sprintf("reprint scan --html-views N sets how many stories have side-by-side views (now %d; 0: all).", opt.Views))
	}
	switch {
	case !slices.Contains(want, true):
	case slices.Contains(inputs, "-"):
		note := "standard input cannot be read twice, so the texts are not shown side by side (scan files to see them)"
		opt.Notes = append(opt.Notes, note)
		fmt.Fprintf(stderr, "reprint: html report: %s\n", note)
	default:
		var (
			texts *spooled
			note  string
			err   error
			done  = make(chan struct{})
		)
		go func() {
			defer close(done)
			texts, note, err = spoolTexts(res, want, inputs, copt, tmpdir)
		}()
		defer func() {
			<-done
			if texts != nil {
				texts.close()
			}
		}()
		opt.Text = func(i int) (string, bool, error) {
			<-done
			if err != nil || texts == nil {
				return "", false, err
			}
			return texts.text(i)
		}
		opt.LateNotes = func() []string {
			<-done
			if note == "" {
				return nil
			}
			fmt.Fprintf(stderr, "reprint: html report: %s\n", note)
			return []string{note}
		}
	}
	out := filepath.Join(dir, "report")
	if err := htmlreport.Write(out, res, opt); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}

// spooled holds texts in a temporary file: document i's text is
// at[i].off, at[i].n bytes (n < 0: not kept).
type spooled struct {
	f  *os.File
	at []struct{ off, n int64 }
}

func (s *spooled) text(i int) (string, bool, error) {
	if i < 0 || i >= len(s.at) || s.at[i].n < 0 {
		return "", false, nil
	}
	b := make([]byte, s.at[i].n)
	if _, err := s.f.ReadAt(b, s.at[i].off); err != nil {
		return "", false, fmt.Errorf("reading back spooled text: %w", err)
	}
	return string(b), true, nil
}

func (s *spooled) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// errChanged stops a re-read whose documents are not the scan's.
var errChanged = errors.New("changed")

// spoolTexts reads the inputs again and spools the texts of the documents
// marked in want. It returns nil texts and a note when they cannot be had.
func spoolTexts(res *scan.Result, want []bool, inputs []string, copt corpus.Options, tmpdir string) (*spooled, string, error) {
	f, err := os.CreateTemp(tmpdir, "reprint-texts-*")
	if err != nil {
		return nil, "", err
	}
	s := &spooled{f: f, at: make([]struct{ off, n int64 }, len(res.Docs))}
	for i := range s.at {
		s.at[i].n = -1
	}
	var off int64
	i := 0
	copt.SkipBad = true // rejected documents were counted by the scan; skip them as it did
	_, err = corpus.Read(inputs, copt, func(d *corpus.Document) error {
		if i >= len(res.Docs) || d.ID != res.Docs[i].ID {
			return errChanged
		}
		if want[i] {
			n, err := f.WriteString(d.Text)
			if err != nil {
				return err
			}
			s.at[i].off, s.at[i].n = off, int64(n)
			off += int64(n)
		}
		i++
		return nil
	})
	if err == nil && i != len(res.Docs) {
		err = errChanged
	}
	if err != nil {
		s.close()
		if errors.Is(err, errChanged) {
			return nil, "the inputs changed after the scan, so the texts are not shown side by side", nil
		}
		return nil, fmt.Sprintf("the inputs could not be read again (%v), so the texts are not shown side by side", err), nil
	}
	return s, "", nil
}

// storiesWithCopies counts the stories of two or more members.
func storiesWithCopies(res *scan.Result) int {
	n := 0
	for _, s := range res.Stories {
		if len(s.Members) > 1 {
			n++
		}
	}
	return n
}
