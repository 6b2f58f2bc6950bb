package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/corpus"
	"github.com/reprint-news/reprint/scan"
)

// Pairs writes pairs.csv: one row per verified copy, in document order.
// A pair that is a copy's provenance link (the copy and its most likely
// source) names the source, with the link's confidence and reason; the
// other pairs of a story leave those empty. Credits are each side's
// agencies, joined by ";".
func Pairs(w io.Writer, r *scan.Result) error {
	link := make(map[int]cluster.Link)
	for _, st := range r.Stories {
		for _, l := range st.Links {
			link[l.Doc] = l
		}
	}
	return writeCSV(w, []string{"doc_a", "doc_b", "jaccard", "containment_a_in_b", "containment_b_in_a", "shared_shingles",
		"source", "confidence", "reason", "credits_a", "credits_b"},
		len(r.Pairs), func(i int) []string {
			p := r.Pairs[i]
			var src, conf, reason string
			for _, d := range []struct{ copy, from int }{{p.B, p.A}, {p.A, p.B}} {
				if l, ok := link[d.copy]; ok && l.From == d.from {
					src, conf, reason = r.Docs[d.from].ID, ratio(l.Confidence), l.Reason
					break
				}
			}
			return []string{r.Docs[p.A].ID, r.Docs[p.B].ID, ratio(p.Jaccard), ratio(p.AinB), ratio(p.BinA), strconv.Itoa(p.Shared),
				src, conf, reason, strings.Join(r.Docs[p.A].Credits, ";"), strings.Join(r.Docs[p.B].Credits, ";")}
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

// Warnings writes warnings.csv: the input documents read despite a
// problem (such as an HTML page read as all its visible text), and what it
// was.
func Warnings(w io.Writer, warnings []corpus.Warning) error {
	return writeCSV(w, []string{"source", "line_or_record", "id", "warning"}, len(warnings), func(i int) []string {
		x := warnings[i]
		return []string{x.Source, strconv.Itoa(x.Line), x.ID, x.Msg}
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
