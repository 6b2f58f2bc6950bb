package shingle

import (
	"slices"
	"testing"
)

func set32(vals ...uint32) []uint32 {
	s := slices.Clone(vals)
	slices.Sort(s)
	return slices.Compact(s)
}

func TestLearnTemplates(t *testing.T) {
	chrome := []uint32{1000, 1001, 1002}
	page := func(body ...uint32) []uint32 { return set32(append(slices.Clone(chrome), body...)...) }
	outlets := []string{"mt", "mt", "mt", "other", "", ""}
	sets := [][]uint32{
		page(1, 2, 3),
		page(4, 5, 6),
		page(7, 8, 1),  // 1 is in two mt pages only: not template
		page(1, 2, 11), // another outlet's page with mt's chrome: not its template
		set32(9, 10),
		set32(9, 10), // identical pages count once
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

func TestLearnTemplatesSampleScalesThresholds(t *testing.T) {
	// 1,000 pages; a shingle in 10% of them. Counted over a sample of 100
	// pages it is found about 10 times, above the corpus floor of 50
	// scaled to the sample (5) and the 0.5% share (0).
	var outlets []string
	var sets [][]uint32
	for i := range 1000 {
		s := []uint32{uint32(10_000 + i)}
		if i%10 == 0 {
			s = append(s, 7)
		}
		outlets = append(outlets, "")
		sets = append(sets, set32(s...))
	}
	tm := LearnTemplates(outlets, sets, TemplateOptions{CorpusSample: 100})
	if !tm.IsTemplate("", 7) || tm.Common != 1 {
		t.Errorf("sampled learning missed the common shingle (common %d)", tm.Common)
	}
	tm = LearnTemplates(outlets, sets, TemplateOptions{CorpusMinDocs: 200})
	if tm.IsTemplate("", 7) {
		t.Error("shingle in 100 of 1,000 pages is template with a floor of 200")
	}
}
