package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/reprint-news/reprint/scan"
)

// Pairs writes pairs.csv: one row per verified copy, in document order.
func Pairs(w io.Writer, r *scan.Result) error {
	return writeCSV(w, []string{"doc_a", "doc_b", "jaccard", "containment_a_in_b", "containment_b_in_a", "shared_shingles"},
		len(r.Pairs), func(i int) []string {
			p := r.Pairs[i]
			return []string{r.Docs[p.A].ID, r.Docs[p.B].ID, ratio(p.Jaccard), ratio(p.AinB), ratio(p.BinA), strconv.Itoa(p.Shared)}
		})
}

// Assignments writes assignments.csv: every document, in input order, with
// the ID of its story (a document without copies has a story of its own).
func Assignments(w io.Writer, r *scan.Result) error {
	return writeCSV(w, []string{"doc_id", "story_id"}, len(r.Docs), func(i int) []string {
		return []string{r.Docs[i].ID, r.Stories[r.StoryOf[i]].ID}
	})
}

// Rejected writes rejected.csv: the input documents that were not used, and
// why.
func Rejected(w io.Writer, r *scan.Result) error {
	return writeCSV(w, []string{"source", "line_or_record", "id", "reason"}, len(r.Rejected), func(i int) []string {
		x := r.Rejected[i]
		return []string{x.Source, strconv.Itoa(x.Line), x.ID, x.Reason}
	})
}

func ratio(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func writeCSV(w io.Writer, header []string, n int, row func(int) []string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range n {
		if err := cw.Write(row(i)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
