package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"time"

	"github.com/reprint-news/reprint/cluster"
)

// Rules a check can fail on (CheckOptions.FailOn).
const (
	// FailAnyCopy fails on any finding not in the allow list.
	FailAnyCopy = "any-copy"
	// FailNewStory fails on a copy group inside the dump of which no
	// member copies an indexed document: a story copied for the first
	// time (findings in the allow list do not count).
	FailNewStory = "new-story"
	// FailRate fails when the share of new documents that are findings
	// not in the allow list is above MaxCopyRate.
	FailRate = "rate"
)

// CheckOptions say when a check fails.
type CheckOptions struct {
	FailOn      []string        // FailAnyCopy, FailNewStory, FailRate; any that holds fails the check
	MaxCopyRate float64         // for FailRate
	Allow       map[uint64]bool // content fingerprints of findings accepted before
	// Window, when positive, pairs only documents dated at most this far
	// apart (undated ones pair with all), in the dump and against the
	// index, as scan's --window does.
	Window time.Duration
}

// Finding is a new document that is a copy: of an indexed document, or of
// another document of the dump.
type Finding struct {
	Doc         string   `json:"doc"`
	Outlet      string   `json:"outlet,omitempty"`
	URL         string   `json:"url,omitempty"`
	Title       string   `json:"title,omitempty"`
	Date        string   `json:"date,omitempty"`
	Fingerprint string   `json:"fingerprint"` // hex of Fingerprint: what an allow list matches
	Kind        string   `json:"kind"`        // "index" (copies an indexed document) or "dump" (copies another new one only)
	Match       MatchRef `json:"match"`       // the closest copy: an indexed one if any
	Jaccard     float64  `json:"jaccard"`
	Contained   float64  `json:"contained"` // share of this document's shingles in the match
	Contains    float64  `json:"contains"`  // share of the match's shingles in this document
	Shared      int      `json:"shared_shingles"`
	IndexCopies int      `json:"index_matches"` // indexed documents it copies
	DumpCopies  int      `json:"dump_matches"`  // other new documents it copies
	Group       int      `json:"group"`         // copy group inside the dump, numbered from 1 in input order
	NewStory    bool     `json:"new_story"`     // its group copies no indexed document
	Allowed     bool     `json:"allowed"`       // its fingerprint is in the allow list
	Fails       bool     `json:"fails"`         // counts against a --fail-on rule that failed
	doc         int
}

// MatchRef names the document a finding copies.
type MatchRef struct {
	In          string `json:"in"` // "index" or "dump"
	ID          string `json:"id"`
	Outlet      string `json:"outlet,omitempty"`
	Date        string `json:"date,omitempty"`
	Fingerprint string `json:"fingerprint"`
}

// Summary is what a check found, in counts, and whether it failed.
type Summary struct {
	Docs         int        `json:"docs"`          // new documents checked
	IndexDocs    int        `json:"index_docs"`    // documents in the index
	Segments     int        `json:"segments"`      // segments of the index
	Findings     int        `json:"findings"`      // new documents that are copies
	IndexCopies  int        `json:"index_copies"`  // of them, copies of indexed documents
	DumpCopies   int        `json:"dump_copies"`   // copies of other new documents only
	NewStories   int        `json:"new_stories"`   // copy groups inside the dump copying nothing indexed
	Allowed      int        `json:"allowed"`       // findings in the allow list
	CopyRate     float64    `json:"copy_rate"`     // findings not allowed / docs
	MaxCopyRate  float64    `json:"max_copy_rate"` // the limit for FailOn "rate"
	FailOn       []string   `json:"fail_on"`
	Failed       bool       `json:"failed"`
	Reasons      []string   `json:"reasons,omitempty"` // why it failed, one per rule
	Query        QueryStats `json:"-"`
	DumpPairs    int        `json:"-"`
	DumpVerified int        `json:"-"`
}

// Report is a check's result.
type Report struct {
	Summary  Summary   `json:"summary"`
	Findings []Finding `json:"findings"`
}

// Check matches a dump against the index and inside itself and applies
// the fail rules. It prepares b (Prepare), so b can be added afterwards.
func Check(ctx context.Context, ix *Index, b *Batch, opt CheckOptions) (*Report, error) {
	for _, r := range opt.FailOn {
		if r != FailAnyCopy && r != FailNewStory && r != FailRate {
			return nil, fmt.Errorf("unknown fail rule %q (want %s, %s or %s)", r, FailAnyCopy, FailNewStory, FailRate)
		}
	}
	if err := ix.Prepare(b); err != nil {
		return nil, err
	}
	dump, verified := dumpPairs(b, opt.Window)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hits, qst, err := ix.Match(ctx, b, opt.Window)
	if err != nil {
		return nil, err
	}
	r := &Report{Summary: Summary{
		Docs: len(b.Docs), IndexDocs: ix.Docs(), Segments: len(ix.segs),
		MaxCopyRate: opt.MaxCopyRate, FailOn: opt.FailOn,
		Query: qst, DumpPairs: len(dump), DumpVerified: verified,
	}}
	r.Findings = findings(b, dump, hits, opt.Allow, &r.Summary)
	judge(r, opt)
	return r, nil
}

// dumpPairs finds the copies inside the batch as a scan does, on the
// prepared sets and signatures, pairing only documents within window.
func dumpPairs(b *Batch, window time.Duration) ([]cluster.Match, int) {
	p := b.Params
	skip := make([]bool, len(b.Items))
	for i, it := range b.Items {
		skip[i] = len(it.Set) == 0
	}
	lsh := cluster.LSH{Bands: int(p.Bands), Rows: int(p.Rows), Hits: int(p.BandHits), BucketCap: int(p.BucketCap), Workers: runtime.GOMAXPROCS(0)}
	cands, _ := lsh.Candidates(b.Signatures, int(p.SignatureSize), skip)
	vopt := cluster.VerifyOptions{Threshold: p.Threshold, MinShared: int(p.MinShared), Window: 8 * int(p.K)}
	var out []cluster.Match
	for _, c := range cands {
		x, y := int(c>>32), int(uint32(c))
		if !cluster.WithinWindow(b.Docs[x].Date, b.Docs[y].Date, window) {
			continue
		}
		if m, ok := cluster.Verify(&b.Items[x], &b.Items[y], x, y, vopt); ok {
			out = append(out, m)
		}
	}
	return out, len(cands)
}

// findings turns matches into one finding per copying new document.
func findings(b *Batch, dump []cluster.Match, hits []Hit, allow map[uint64]bool, sum *Summary) []Finding {
	n := len(b.Docs)
	type best struct {
		m     cluster.Match
		other int // the other new document, for dump matches
		ref   *Doc
		count int
	}
	idx := make([]best, n)
	dmp := make([]best, n)
	better := func(have *best, m cluster.Match, id string, haveID string) bool {
		if have.count == 0 {
			return true
		}
		if c := cmp.Compare(m.Containment(), have.m.Containment()); c != 0 {
			return c > 0
		}
		if m.Shared != have.m.Shared {
			return m.Shared > have.m.Shared
		}
		return id < haveID
	}
	for i := range hits {
		h := &hits[i]
		x := &idx[h.Doc]
		haveID := ""
		if x.ref != nil {
			haveID = x.ref.ID
		}
		if better(x, h.Match, h.Ref.ID, haveID) {
			x.m, x.ref = h.Match, &h.Ref
		}
		x.count++
	}
	// Dump matches, seen from each side: A is the document itself.
	for _, m := range dump {
		for _, side := range [2]cluster.Match{m, {A: m.B, B: m.A, Jaccard: m.Jaccard, AinB: m.BinA, BinA: m.AinB, Shared: m.Shared, Chrome: m.Chrome}} {
			x := &dmp[side.A]
			if better(x, side, b.Docs[side.B].ID, b.Docs[x.other].ID) {
				x.m, x.other = side, side.B
			}
			x.count++
		}
	}
	comp := cluster.Components(n, dump) // named by the group's first member
	// Groups: numbered in input order of their first member; a group's
	// origin is its earliest dated member (undated last), then the first.
	group := make([]int, n)
	origin := map[int]int{}
	known := map[int]bool{} // some member copies an indexed document
	next := 0
	for i := range n {
		root := comp[i]
		if root == i {
			next++
			group[i] = next
		} else {
			group[i] = group[root]
		}
		o, ok := origin[root]
		if !ok || earlier(b.Docs[i].Date, b.Docs[o].Date) {
			origin[root] = i
		}
		if idx[i].count > 0 {
			known[root] = true
		}
	}
	var out []Finding
	for i := range n {
		root := comp[i]
		inDump := dmp[i].count > 0 && origin[root] != i
		if idx[i].count == 0 && !inDump {
			continue
		}
		d := &b.Docs[i]
		f := Finding{
			Doc: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title, Date: formatDate(d.Date),
			Fingerprint: hex(d.Fingerprint),
			IndexCopies: idx[i].count, DumpCopies: dmp[i].count,
			Group: group[i], NewStory: !known[root],
			Allowed: allow[d.Fingerprint], doc: i,
		}
		var m cluster.Match
		if idx[i].count > 0 {
			f.Kind, m = "index", idx[i].m
			ref := idx[i].ref
			f.Match = MatchRef{In: "index", ID: ref.ID, Outlet: ref.Outlet, Date: formatDate(ref.Date), Fingerprint: hex(ref.Fingerprint)}
			sum.IndexCopies++
		} else {
			f.Kind, m = "dump", dmp[i].m
			o := &b.Docs[dmp[i].other]
			f.Match = MatchRef{In: "dump", ID: o.ID, Outlet: o.Outlet, Date: formatDate(o.Date), Fingerprint: hex(o.Fingerprint)}
			sum.DumpCopies++
		}
		f.Jaccard, f.Contained, f.Contains, f.Shared = round4(m.Jaccard), round4(m.AinB), round4(m.BinA), m.Shared
		if f.Allowed {
			sum.Allowed++
		}
		out = append(out, f)
	}
	for root, o := range origin {
		if dmp[o].count > 0 && !known[root] {
			sum.NewStories++
		}
	}
	sum.Findings = len(out)
	return out
}

// judge applies the fail rules and marks the findings that count.
func judge(r *Report, opt CheckOptions) {
	s := &r.Summary
	notAllowed, newStory := 0, 0
	stories := map[int]bool{}
	for _, f := range r.Findings {
		if !f.Allowed {
			notAllowed++
			if f.NewStory {
				newStory++
				stories[f.Group] = true
			}
		}
	}
	if s.Docs > 0 {
		s.CopyRate = round4(float64(notAllowed) / float64(s.Docs))
	}
	rules := map[string]bool{}
	for _, rule := range opt.FailOn {
		switch rule {
		case FailAnyCopy:
			if notAllowed > 0 {
				rules[rule] = true
				s.Reasons = append(s.Reasons, fmt.Sprintf("%d copies not in the allow list (--fail-on any-copy)", notAllowed))
			}
		case FailNewStory:
			if newStory > 0 {
				rules[rule] = true
				s.Reasons = append(s.Reasons, fmt.Sprintf("%d new stories copied inside the dump, %d copies (--fail-on new-story)", len(stories), newStory))
			}
		case FailRate:
			if float64(notAllowed) > opt.MaxCopyRate*float64(s.Docs) {
				rules[rule] = true
				s.Reasons = append(s.Reasons, fmt.Sprintf("copy rate %.4f above %.4f (--fail-on rate)", float64(notAllowed)/float64(s.Docs), opt.MaxCopyRate))
			}
		}
	}
	s.Failed = len(rules) > 0
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Fails = !f.Allowed && (rules[FailAnyCopy] || rules[FailRate] || rules[FailNewStory] && f.NewStory)
	}
}

// earlier orders dates with undated ones last.
func earlier(a, b time.Time) bool {
	switch {
	case a.IsZero():
		return false
	case b.IsZero():
		return true
	}
	return a.Before(b)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

func hex(fp uint64) string { return fmt.Sprintf("%016x", fp) }

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
