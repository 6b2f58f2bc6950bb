package report

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"github.com/reprint-news/reprint/scan"
)

// StoryRecord is one line of stories.jsonl.
type StoryRecord struct {
	ID      string         `json:"story_id"`
	Size    int            `json:"size"`
	Origin  string         `json:"origin"`
	Members []MemberRecord `json:"members"`
}

// MemberRecord is one member of a story in stories.jsonl. The origin comes
// first, then the copies from most to least likely original.
type MemberRecord struct {
	ID          string   `json:"id"`
	Outlet      string   `json:"outlet"`
	Date        string   `json:"date,omitempty"`
	Title       string   `json:"title,omitempty"`
	Role        string   `json:"role"`                  // "origin" or "copy"
	CopiedFrom  string   `json:"copied_from,omitempty"` // most likely source, for copies
	Containment float64  `json:"containment,omitempty"` // of this member in its source
	Confidence  float64  `json:"confidence,omitempty"`  // that CopiedFrom is the source, 0..1
	Reason      string   `json:"reason,omitempty"`      // why, in words; "conflict: ..." when dates and text disagree
	Credits     []string `json:"credits,omitempty"`     // agencies the text credits (dateline, byline, credit line)
	Uncredited  bool     `json:"uncredited,omitempty"`  // a copy crediting no agency, of a source that credits one
}

// Stories writes stories.jsonl: every story of two or more members.
func Stories(w io.Writer, r *scan.Result) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, s := range r.Stories {
		if len(s.Members) < 2 {
			continue
		}
		rec := StoryRecord{ID: s.ID, Size: len(s.Members), Origin: r.Docs[s.Origin].ID}
		rec.Members = append(rec.Members, member(&r.Docs[s.Origin], "origin"))
		for _, l := range s.Links {
			m := member(&r.Docs[l.Doc], "copy")
			m.CopiedFrom = r.Docs[l.From].ID
			m.Containment = round4(l.Containment)
			m.Confidence = round4(l.Confidence)
			m.Reason = l.Reason
			m.Uncredited = uncredited(r, l.Doc, l.From)
			rec.Members = append(rec.Members, m)
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func member(d *scan.Doc, role string) MemberRecord {
	return MemberRecord{ID: d.ID, Outlet: d.Outlet, Date: FormatDate(d.Date), Title: d.Title, Role: role, Credits: d.Credits}
}

// FormatDate writes a date as YYYY-MM-DD, or RFC 3339 when it has a time of
// day; "" when unknown.
func FormatDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

func round4(f float64) float64 { return float64(int64(f*10000+0.5)) / 10000 }
