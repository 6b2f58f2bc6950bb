package shingle

import (
	"slices"
	"testing"
)

// TestTemplateHashes: Hashes lists exactly the shingles IsTemplate
// answers for, corpus-wide ("") and per outlet, and Outlets names the
// outlets that have any.
func TestTemplateHashes(t *testing.T) {
	var outlets []string
	var sets [][]uint32
	add := func(outlet string, set ...uint32) {
		outlets = append(outlets, outlet)
		sets = append(sets, set)
	}
	for i := range uint32(60) {
		add("", 0, 7, 100+i) // 0 and 7 in 60 pages: corpus-wide
	}
	for i := range uint32(3) {
		add("b", 42, 43, 200+i) // 42, 43: b's template
		add("a", 9, 300+i)      // 9: a's template
	}
	add("c", 42, 500)
	tm := LearnTemplates(outlets, sets, TemplateOptions{})
	if got, want := tm.Hashes(""), []uint32{0, 7}; !slices.Equal(got, want) {
		t.Errorf("corpus-wide %v, want %v", got, want)
	}
	if got, want := tm.Outlets(), []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("outlets %v, want %v", got, want)
	}
	for _, o := range []string{"a", "b", "c", "unknown"} {
		var want []uint32
		for _, s := range sets {
			for _, h := range s {
				if tm.IsTemplate(o, h) && !tm.IsTemplate("", h) && !slices.Contains(want, h) {
					want = append(want, h)
				}
			}
		}
		slices.Sort(want)
		if got := tm.Hashes(o); !slices.Equal(got, want) {
			t.Errorf("outlet %q: %v, want %v", o, got, want)
		}
	}
}
