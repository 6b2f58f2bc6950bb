package shingle

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

func sortedSet(vals ...uint32) []uint32 {
	s := slices.Clone(vals)
	slices.Sort(s)
	return slices.Compact(s)
}

func TestLearnTemplates(t *testing.T) {
	chrome := []uint32{1000, 1001, 1002}
	page := func(body ...uint32) []uint32 { return sortedSet(append(slices.Clone(chrome), body...)...) }
	outlets := []string{"mt", "mt", "mt", "other", "", ""}
	sets := [][]uint32{
		page(1, 2, 3),
		page(4, 5, 6),
		page(7, 8, 1),  // 1 is in two mt pages only: not template
		page(1, 2, 11), // another outlet's page with mt's chrome: not its template
		sortedSet(9, 10),
		sortedSet(9, 10), // identical pages count once
	}
	tm := LearnTemplates(outlets, sets, TemplateOptions{CorpusMinDocs: 100})
	for _, tt := range []struct {
		outlet string
		h      uint32
		want   bool
	}{
		{"mt", 1000, true},
		{"mt", 1, false},
		{"other", 1000, false},
		{"", 1000, false},
		{"", 9, false},
		{"unseen", 1000, false},
	} {
		if got := tm.IsTemplate(tt.outlet, tt.h); got != tt.want {
			t.Errorf("IsTemplate(%q, %d) = %v, want %v", tt.outlet, tt.h, got, tt.want)
		}
	}
	if got := tm.Filter(nil, "mt", sets[0]); !slices.Equal(got, []uint32{1, 2, 3}) {
		t.Errorf("Filter = %v, want [1 2 3]", got)
	}
	if tm.Outlet["mt"] != 3 || tm.Common != 0 {
		t.Errorf("counts: outlet %v, common %d", tm.Outlet, tm.Common)
	}

	// Corpus-wide: a shingle in at least CorpusMinDocs distinct pages.
	tm = LearnTemplates(outlets, sets, TemplateOptions{CorpusMinDocs: 4})
	if !tm.IsTemplate("", 1000) || !tm.IsTemplate("other", 1001) || tm.IsTemplate("", 1) {
		t.Errorf("corpus templates wrong: common %d", tm.Common)
	}
	// In place.
	s := slices.Clone(sets[3])
	if got := tm.Filter(s[:0], "other", s); !slices.Equal(got, []uint32{1, 2, 11}) {
		t.Errorf("in-place Filter = %v", got)
	}
}

func TestLearnTemplatesThresholds(t *testing.T) {
	// 1,000 pages of unknown outlet; shingle 7 in 10 of them.
	var outlets []string
	var sets [][]uint32
	for i := range 1000 {
		s := []uint32{uint32(10_000 + i)}
		if i%100 == 0 {
			s = append(s, 7)
		}
		outlets = append(outlets, "")
		sets = append(sets, sortedSet(s...))
	}
	for _, tt := range []struct {
		opt  TemplateOptions
		want bool
	}{
		{TemplateOptions{CorpusMinDocs: 10}, true},
		{TemplateOptions{CorpusMinDocs: 11}, false},
		{TemplateOptions{CorpusMinDocs: 5, CorpusShare: 0.02}, false}, // 2% of 1,000 is 20
	} {
		if got := LearnTemplates(outlets, sets, tt.opt).IsTemplate("", 7); got != tt.want {
			t.Errorf("%+v: IsTemplate = %v, want %v", tt.opt, got, tt.want)
		}
	}
}

// TestLearnByPartition checks that learning partition by partition, as
// scan does for corpora larger than memory, finds what learning at once
// finds.
func TestLearnByPartition(t *testing.T) {
	outlets := []string{"a", "a", "a", "b", "b", "b", ""}
	sets := [][]uint32{
		sortedSet(1, 1<<31, 5), sortedSet(1, 1<<31, 6), sortedSet(1, 1<<31, 7),
		sortedSet(2, 3<<30, 8), sortedSet(2, 3<<30, 9), sortedSet(2, 3<<30, 10),
		sortedSet(1, 2),
	}
	whole := LearnTemplates(outlets, sets, TemplateOptions{CorpusMinDocs: 4})
	parts := NewTemplates(TemplateOptions{CorpusMinDocs: 4})
	byPart := map[uint32][]uint64{}
	for i, s := range sets {
		id := parts.OutletID(outlets[i])
		parts.Count(id)
		for _, h := range s {
			byPart[h>>30] = append(byPart[h>>30], Entry(h, id))
		}
	}
	for p := range uint32(4) {
		e := byPart[p]
		slices.Sort(e)
		parts.Learn(e)
	}
	for _, o := range []string{"a", "b", ""} {
		for _, h := range []uint32{1, 2, 5, 1 << 31, 3 << 30} {
			if w, p := whole.IsTemplate(o, h), parts.IsTemplate(o, h); w != p {
				t.Errorf("IsTemplate(%q, %d): whole %v, by partition %v", o, h, w, p)
			}
		}
	}
	if !parts.IsTemplate("a", 1<<31) || parts.IsTemplate("b", 1<<31) || !parts.IsTemplate("", 1) {
		t.Errorf("by partition: outlet a %v, corpus %d", parts.Outlet, parts.Common)
	}
}

// TestSealFiltersTheSame: after Seal, Filter makes one look-up per
// shingle in merged sets; what it keeps must not change, for every
// outlet, an unknown one and none, zero included.
func TestSealFiltersTheSame(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	names := []string{"a", "b", "c", ""}
	var outlets []string
	var sets [][]uint32
	for i := range 400 {
		outlets = append(outlets, names[i%len(names)])
		var s []uint32
		for range 60 {
			s = append(s, r.Uint32()%3000) // small space: many repeats
		}
		s = append(s, 0)
		sets = append(sets, sortedSet(s...))
	}
	tm := LearnTemplates(outlets, sets, TemplateOptions{OutletMinDocs: 12, CorpusMinDocs: 30})
	if tm.merged == nil || tm.Common == 0 || tm.Outlet["a"] == 0 {
		t.Fatalf("test corpus learned nothing to merge: %d common, %v", tm.Common, tm.Outlet)
	}
	probe := make([]uint32, 3001)
	for i := range probe {
		probe[i] = uint32(i)
	}
	for _, o := range []string{"a", "b", "c", "", "unknown"} {
		sealed := tm.Filter(nil, o, probe)
		merged := tm.merged
		tm.merged = nil
		plain := tm.Filter(nil, o, probe)
		tm.merged = merged
		if !slices.Equal(sealed, plain) {
			t.Errorf("outlet %q: sealed keeps %d, unsealed %d", o, len(sealed), len(plain))
		}
	}
}

// BenchmarkFilter filters 1,000-shingle sets against an outlet's learned
// templates, sealed (one look-up a shingle) and not.
func BenchmarkFilter(b *testing.B) {
	// Each outlet's pages share 200 chrome shingles and 50 rotating ones
	// (of 5,000); the rest of a page is its own text.
	r := rand.New(rand.NewPCG(7, 8))
	var outlets []string
	var sets [][]uint32
	for i := range 2000 {
		o := i % 2
		outlets = append(outlets, []string{"a", "b"}[o])
		var s []uint32
		for k := range 200 {
			s = append(s, uint32(o*1_000_000+k))
		}
		for range 50 {
			s = append(s, uint32(o*1_000_000+1000+r.IntN(5000)))
		}
		for range 750 {
			s = append(s, r.Uint32())
		}
		sets = append(sets, sortedSet(s...))
	}
	tm := LearnTemplates(outlets, sets, TemplateOptions{})
	merged := tm.merged
	for _, sealed := range []bool{false, true} {
		b.Run(map[bool]string{false: "unsealed", true: "sealed"}[sealed], func(b *testing.B) {
			tm.merged = nil
			if sealed {
				tm.merged = merged
			}
			var dst []uint32
			b.SetBytes(4 * 1000)
			for i := 0; b.Loop(); i++ {
				dst = tm.Filter(dst[:0], outlets[i%len(sets)], sets[i%len(sets)])
			}
		})
	}
}

// TestFindWordsAsFind: the packed 32-bit entries of one partition give
// the same templates as the same counts as Entry values, at the bars'
// edges (runs of 2 to 4 of one outlet, corpus-wide runs of 4 to 6),
// whether the outlets of a hash come sorted or not.
func TestFindWordsAsFind(t *testing.T) {
	tm := NewTemplates(TemplateOptions{OutletMinDocs: 3, CorpusMinDocs: 5})
	for o := range 250 { // IDs up to the packed form's limit
		tm.Count(tm.OutletID(strconv.Itoa(o)))
	}
	const top = 0x7e
	r := rand.New(rand.NewPCG(3, 5))
	var words []uint32
	for range 3000 {
		h := r.Uint32N(1 << 24)
		for range 1 + r.IntN(4) { // outlets with this shingle
			id := r.Uint32N(250)
			for range 1 + r.IntN(4) { // pages of that outlet
				words = append(words, h<<8|id)
			}
		}
	}
	slices.Sort(words)
	entries := make([]uint64, len(words))
	for i, w := range words {
		entries[i] = Entry(top<<24|w>>8, w&0xff)
	}
	want := tm.Find(nil, entries)
	got := tm.FindWords(nil, words, top)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("FindWords found %d templates, Find %d", len(got), len(want))
	}
	// Sorted by hash alone, the outlets of a hash in any order, as scan
	// sorts them: the same templates in the same order.
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j]>>8 == words[i]>>8 {
			j++
		}
		r.Shuffle(j-i, func(a, b int) { words[i+a], words[i+b] = words[i+b], words[i+a] })
		i = j
	}
	if got := tm.FindWords(nil, words, top); !slices.Equal(got, want) {
		t.Errorf("FindWords of words sorted by hash alone found %d templates, Find %d", len(got), len(want))
	}
	if got := tm.FindWords(nil, nil, top); len(got) != 0 {
		t.Errorf("FindWords of nothing = %v", got)
	}
}

// BenchmarkFilterLarge filters 600-shingle sets against the templates of
// an outlet as large as the biggest of a million-document corpus (900,000
// template shingles), set by set (Filter) and a group of 1,024 sets at a
// time (FilterSets).
func BenchmarkFilterLarge(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	tm := NewTemplates(TemplateOptions{})
	id := tm.OutletID("a")
	var found []uint64
	var members []uint32
	for range 900_000 {
		h := r.Uint32()
		members = append(members, h)
		found = append(found, Entry(h, id))
	}
	tm.Add(found)
	tm.Seal(3)
	sets := make([][]uint32, 1024)
	for i := range sets {
		var s []uint32
		for range 12 {
			s = append(s, members[r.IntN(len(members))])
		}
		for range 588 {
			s = append(s, r.Uint32())
		}
		sets[i] = sortedSet(s...)
	}
	work := make([][]uint32, len(sets))
	reset := func() {
		for i, s := range sets {
			work[i] = append(work[i][:0], s...)
		}
	}
	for _, c := range []struct {
		name   string
		filter func(sets [][]uint32)
	}{
		{"Filter", func(sets [][]uint32) {
			for i, s := range sets {
				sets[i] = tm.Filter(s[:0], "a", s)
			}
		}},
		{"FilterSets", func(sets [][]uint32) { tm.FilterSets("a", sets) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(4 * 600 * int64(len(sets)))
			for b.Loop() {
				b.StopTimer()
				reset()
				b.StartTimer()
				c.filter(work)
			}
		})
	}
}

// TestFilterSetsAsFilter: FilterSets keeps what Filter keeps without Seal,
// for an outlet whose templates Seal splits into parts, a small one, an
// unknown one and none. Hashes at the parts' edges are templates, so a
// set run cut one hash early or late at an edge shows.
func TestFilterSetsAsFilter(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	tm := NewTemplates(TemplateOptions{})
	a, b := tm.OutletID("a"), tm.OutletID("b")
	var found, members []uint64
	for range 3 * partLen {
		h := r.Uint32()
		found = append(found, Entry(h, a))
		members = append(members, uint64(h))
	}
	for q := range uint64(8) {
		for _, h := range []uint64{q << 29, q<<29 - 1} { // every edge of 4 or 8 parts
			found = append(found, Entry(uint32(h), a))
			members = append(members, h)
		}
	}
	for range 300 {
		h := r.Uint32()
		found = append(found, Entry(h, b), Entry(h+1, NoOutlet))
		members = append(members, uint64(h), uint64(h+1))
	}
	tm.Add(found)
	tm.Seal(3)
	if bits := tm.merged[a].bits; bits < 2 {
		t.Fatalf("outlet a's templates are in %d part(s), want several", 1<<bits)
	}
	if bits := tm.merged[b].bits; bits != 0 {
		t.Fatalf("outlet b's templates are in %d parts, want one", 1<<bits)
	}
	var sets [][]uint32
	for range 50 {
		var s []uint32
		for range 200 {
			s = append(s, uint32(members[r.IntN(len(members))]))
		}
		for range 200 {
			s = append(s, r.Uint32())
		}
		sets = append(sets, sortedSet(append(s, 0)...))
	}
	sets = append(sets, nil, []uint32{1<<30 - 1, 1 << 30})
	for _, o := range []string{"a", "b", "z", ""} {
		merged := tm.merged
		tm.merged = nil
		var want [][]uint32
		for _, s := range sets {
			want = append(want, tm.Filter(nil, o, s))
		}
		tm.merged = merged
		work := make([][]uint32, len(sets))
		for i, s := range sets {
			work[i] = slices.Clone(s)
		}
		got := tm.FilterSets(o, work)
		dropped := 0
		for i := range sets {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("outlet %q, set %d: FilterSets keeps %d, Filter %d", o, i, len(got[i]), len(want[i]))
			}
			if f := tm.Filter(nil, o, sets[i]); !slices.Equal(f, want[i]) {
				t.Fatalf("outlet %q, set %d: sealed Filter keeps %d, unsealed %d", o, i, len(f), len(want[i]))
			}
			dropped += len(sets[i]) - len(want[i])
		}
		if o == "a" && dropped < 50*150 {
			t.Errorf("outlet a: %d shingles dropped, want most of the %d templates put in", dropped, 50*200)
		}
	}
}
