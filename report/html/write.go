package html

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/reprint-news/reprint/internal/par"
	"github.com/reprint-news/reprint/report"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/shingle"
)

// Options control what Write shows.
type Options struct {
	// K is the number of words per shingle the scan used (0: shingle.K).
	K int
	// Text returns the text of document i (an index into Result.Docs),
	// and false when it is not available. It is called from several
	// goroutines at once. Nil: no texts, so no side-by-side views.
	// Write writes the pages without side-by-side views before it asks
	// for any text, so Text may block while the texts are still being
	// read: the two then overlap.
	Text func(i int) (string, bool, error)
	// Notes are shown at the top of the index, for example why texts
	// are missing.
	Notes []string
	// LateNotes, if not nil, is called once the story pages are written,
	// for more notes known only then (why texts Text was to read went
	// missing).
	LateNotes func() []string
	// Workers writes story pages on this many goroutines (0: four per
	// GOMAXPROCS, so that pages are built while others wait for the disk).
	Workers int
	// ListSize is the most stories one index page lists (0: 10,000); the
	// rest go to list-2.html, list-3.html, ...
	ListSize int
	// CopiesPerPage is the most side-by-side views on one story page (0:
	// 50); the copies after that are named but not shown.
	CopiesPerPage int
	// Progress, when set, is told how many story pages are written, of
	// how many, from any goroutine.
	Progress func(done, total int)
	// Views is the most stories whose pages show copies side by side (0:
	// every story): the largest, in the order the index lists them (most
	// members first, then in the scan's order). The other story pages
	// list the members with their sources and scores and say why there
	// is no view. Aligning and showing the texts is most of the cost of a
	// report; this bounds it for a very large corpus.
	Views int
}

func (o Options) withDefaults() Options {
	if o.K <= 0 {
		o.K = shingle.K
	}
	if o.Workers <= 0 {
		o.Workers = 4 * runtime.GOMAXPROCS(0)
	}
	if o.ListSize <= 0 {
		o.ListSize = 10000
	}
	if o.CopiesPerPage <= 0 {
		o.CopiesPerPage = 50
	}
	return o
}

// Write writes the HTML report of r into dir: index.html (the corpus
// summary, plots and the list of stories), list-N.html when the stories
// do not fit one list, and stories/sNNNNNN.html, one page per story of two
// or more members, written on Options.Workers goroutines. Every file is
// written atomically, and every file name is made from a story's number,
// never from a document's ID or title. Story pages left in dir by an
// earlier report and not part of this one are removed. The bytes written
// depend only on r and opt, not on the number of workers.
func Write(dir string, r *scan.Result, opt Options) error {
	opt = opt.withDefaults()
	storiesDir := filepath.Join(dir, "stories")
	if err := os.MkdirAll(storiesDir, 0o755); err != nil {
		return err
	}
	multi := storiesWithCopies(r)
	if err := writeStories(storiesDir, r, multi, opt); err != nil {
		return err
	}
	if err := writeIndex(dir, r, multi, opt); err != nil {
		return err
	}
	return removeStale(storiesDir, r, multi)
}

// storiesWithCopies returns the indexes of the stories of two or more
// members, in the scan's order.
func storiesWithCopies(r *scan.Result) []int {
	var multi []int
	for i, s := range r.Stories {
		if len(s.Members) > 1 {
			multi = append(multi, i)
		}
	}
	return multi
}

// bySize returns multi (story indexes) sorted as the index lists them:
// most members first, then in the scan's order.
func bySize(r *scan.Result, multi []int) []int {
	out := slices.Clone(multi)
	slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(len(r.Stories[b].Members), len(r.Stories[a].Members)) })
	return out
}

// ranks returns, for each story of multi, its place in the index's order
// (0 for the largest).
func ranks(r *scan.Result, multi []int) map[int]int {
	order := bySize(r, multi)
	rank := make(map[int]int, len(order))
	for n, i := range order {
		rank[i] = n
	}
	return rank
}

// viewed reports whether the page of the story ranked rank shows copies
// side by side.
func (o Options) viewed(rank int) bool { return o.Views <= 0 || rank < o.Views }

// TextsNeeded reports which documents (indexes into r.Docs) Write with
// opt will ask Options.Text for: the sources and copies of the
// side-by-side views. A caller that has to read texts again can keep
// only these.
func TextsNeeded(r *scan.Result, opt Options) []bool {
	opt = opt.withDefaults()
	need := make([]bool, len(r.Docs))
	for n, i := range bySize(r, storiesWithCopies(r)) {
		if !opt.viewed(n) {
			break
		}
		for c, l := range r.Stories[i].Links {
			if c >= opt.CopiesPerPage {
				break
			}
			need[l.From], need[l.Doc] = true, true
		}
	}
	return need
}

// storyFile is the page name of story i (an index into Result.Stories),
// as scan numbers stories: s000001 for the first.
func storyFile(i int) string { return fmt.Sprintf("s%06d", i+1) }

var storyFileRE = regexp.MustCompile(`^s[0-9]{6,}\.html$`)

// removeStale deletes story pages of an earlier report.
func removeStale(storiesDir string, r *scan.Result, multi []int) error {
	keep := make(map[string]bool, len(multi))
	for _, i := range multi {
		keep[storyFile(i)+".html"] = true
	}
	entries, err := os.ReadDir(storiesDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && storyFileRE.MatchString(name) && !keep[name] {
			if err := os.Remove(filepath.Join(storiesDir, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// listRow is one story in the index's table, as the script reads it.
type listRow struct {
	N       int     `json:"n"` // position in the scan's order, to break ties
	ID      string  `json:"id"`
	Size    int     `json:"size"`
	Outlets int     `json:"outlets"`
	Date    string  `json:"date"`
	Title   string  `json:"title"`
	Origin  string  `json:"origin"`
	Names   string  `json:"names"` // all outlets, for the filter
	Max     float64 `json:"max"`
	Min     float64 `json:"min"`
}

type listPart struct {
	Label, Href string
	Current     bool
}

type indexPage struct {
	Page                                pageHead
	Notes                               []string
	Documents, Outlets, Stories, Copies int
	Pairs, Rejected                     int
	CopyShare                           string
	Plots                               bool
	Containment, Sizes                  barChart
	OutletMatrix                        matrix
	Part                                string
	Parts                               []listPart
	Rows                                []listRow
	First                               []listRow // rendered without the script
	Script                              template.JS
}

// firstRows is how many rows a list page renders as HTML, for readers
// without scripts; the script pages through all of them.
const firstRows = 100

func writeIndex(dir string, r *scan.Result, multi []int, opt Options) error {
	rows := make([]listRow, len(multi))
	for n, i := range multi {
		rows[n] = newListRow(r, i, n)
	}
	// Largest first, then in the scan's order, as the script sorts.
	slices.SortStableFunc(rows, func(a, b listRow) int { return cmp.Compare(b.Size, a.Size) })
	var notes []string
	if opt.Text != nil && opt.Views > 0 && len(multi) > opt.Views {
		notes = append(notes, fmt.Sprintf("Copies are shown side by side on the pages of the %s largest of the %s stories; the other story pages list the members with their sources and scores.", thousands(opt.Views), thousands(len(multi))))
	}
	notes = append(notes, opt.Notes...)
	if opt.LateNotes != nil {
		notes = append(notes, opt.LateNotes()...)
	}
	p := indexPage{
		Notes: notes, Documents: len(r.Docs), Rejected: len(r.Rejected),
		Stories: len(multi), Pairs: len(r.Pairs), Script: template.JS(script),
	}
	outlets := map[string]bool{}
	for _, d := range r.Docs {
		if d.Outlet != "" {
			outlets[d.Outlet] = true
		}
	}
	p.Outlets = len(outlets)
	for _, i := range multi {
		p.Copies += len(r.Stories[i].Links)
	}
	p.CopyShare = "–"
	if len(r.Docs) > 0 {
		p.CopyShare = fmt.Sprintf("%.1f%%", 100*float64(p.Copies)/float64(len(r.Docs)))
	}
	p.Containment, p.Sizes, p.OutletMatrix = containmentChart(r), sizeChart(r), outletMatrix(r)

	parts := max(1, (len(rows)+opt.ListSize-1)/opt.ListSize)
	for k := range parts {
		page := p
		name := listFile(k)
		page.Plots = k == 0
		lo, hi := k*opt.ListSize, min(len(rows), (k+1)*opt.ListSize)
		page.Rows = rows[lo:hi]
		page.First = page.Rows[:min(firstRows, len(page.Rows))]
		page.Page = newHead("reprint report", "", true)
		if k > 0 {
			page.Page = newHead(fmt.Sprintf("reprint report: stories %d–%d", lo+1, hi), "index.html", true)
			page.Notes = nil
		}
		if parts > 1 {
			page.Part = fmt.Sprintf("%d–%d of %d, largest first", lo+1, hi, len(rows))
			for j := range parts {
				page.Parts = append(page.Parts, listPart{
					Label: fmt.Sprintf("%d–%d", j*opt.ListSize+1, min(len(rows), (j+1)*opt.ListSize)),
					Href:  listFile(j), Current: j == k,
				})
			}
		}
		err := report.WriteFile(filepath.Join(dir, name), func(w io.Writer) error { return renderTo(w, "index", page) })
		if err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	return nil
}

func listFile(k int) string {
	if k == 0 {
		return "index.html"
	}
	return fmt.Sprintf("list-%d.html", k+1)
}

func newListRow(r *scan.Result, i, n int) listRow {
	s := &r.Stories[i]
	o := &r.Docs[s.Origin]
	row := listRow{N: n, ID: storyFile(i), Size: len(s.Members), Title: o.Title, Origin: outletName(o.Outlet), Max: -1, Min: -1}
	seen := map[string]bool{}
	var names []string
	for _, m := range s.Members {
		if o := r.Docs[m].Outlet; !seen[o] {
			seen[o] = true
			names = append(names, outletName(o))
		}
	}
	row.Date = report.FormatDate(r.Docs[firstDoc(r, s)].Date)
	row.Outlets = len(names)
	slices.Sort(names)
	row.Names = strings.Join(names, "\n")
	for _, l := range s.Links {
		c := round4(l.Containment)
		if row.Max < 0 || c > row.Max {
			row.Max = c
		}
		if row.Min < 0 || c < row.Min {
			row.Min = c
		}
	}
	return row
}

// firstDoc returns the earliest dated member of s (the origin if none is
// dated).
func firstDoc(r *scan.Result, s *scan.Story) int {
	best := -1
	for _, m := range s.Members {
		if d := r.Docs[m].Date; !d.IsZero() && (best < 0 || d.Before(r.Docs[best].Date)) {
			best = m
		}
	}
	if best < 0 {
		return s.Origin
	}
	return best
}

func round4(f float64) float64 { return float64(int64(f*10000+0.5)) / 10000 }

// writeStories writes the story pages on opt.Workers goroutines.
func writeStories(storiesDir string, r *scan.Result, multi []int, opt Options) error {
	within := make(map[int][]int) // story -> indexes into r.Pairs
	for p, m := range r.Pairs {
		if s := r.StoryOf[m.A]; s == r.StoryOf[m.B] {
			within[s] = append(within[s], p)
		}
	}
	rank := ranks(r, multi)
	// The pages without side-by-side views first, then the others from
	// the largest, so that the texts can still be read while the first
	// are written, and the longest pages do not come last.
	order := make([]int, 0, len(multi))
	for _, i := range multi {
		if opt.Text == nil || !opt.viewed(rank[i]) {
			order = append(order, i)
		}
	}
	if opt.Text != nil {
		for _, i := range bySize(r, multi) {
			if opt.viewed(rank[i]) {
				order = append(order, i)
			}
		}
	}
	errs := make([]error, max(1, opt.Workers))
	made := 0
	var written atomic.Int64
	par.For(len(order), opt.Workers, func() func(int) {
		w := made // this worker's place in errs
		made++
		sh := shingle.NewShingler(opt.K)
		var buf bytes.Buffer // reused: a page is rendered whole, then written
		return func(n int) {
			if errs[w] != nil {
				return // a worker stops writing at its first error
			}
			i := order[n]
			page, err := newStoryPage(r, i, rank[i], within[i], sh, opt)
			if err == nil {
				name := filepath.Join(storiesDir, storyFile(i)+".html")
				buf.Reset()
				if err = pages.ExecuteTemplate(&buf, "story", page); err == nil {
					err = writePage(name, buf.Bytes())
				}
			}
			if err != nil {
				errs[w] = fmt.Errorf("story %s: %w", storyFile(i), err)
			}
			if opt.Progress != nil {
				opt.Progress(int(written.Add(1)), len(order))
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
