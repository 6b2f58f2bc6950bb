package synth

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
)

// jsonArticle is the JSONL form of an article, in the field names the
// corpus package reads by default.
type jsonArticle struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	Date   string `json:"date,omitempty"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// WriteJSONL writes one JSON object per article, one per line, with the
// fields id, outlet, url, date (YYYY-MM-DD; left out when the article has
// no date), title and text. The labels are not included: see WriteLabels.
func WriteJSONL(w io.Writer, arts []Article) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range arts {
		a := &arts[i]
		j := jsonArticle{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Title: a.Title, Text: a.Text}
		if !a.Date.IsZero() {
			j.Date = a.Date.Format("2006-01-02")
		}
		if err := enc.Encode(&j); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteLabels writes the reference labels as CSV with the header
// doc_id,story_id,kind,source,event,template, one row per article.
func WriteLabels(w io.Writer, arts []Article) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"doc_id", "story_id", "kind", "source", "event", "template"}); err != nil {
		return err
	}
	for i := range arts {
		a := &arts[i]
		if err := cw.Write([]string{a.ID, a.Story, string(a.Kind), a.Source, a.Event, a.Template}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
