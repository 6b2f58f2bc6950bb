package credit

import (
	"strings"
	"testing"
)

// benchDense is about 10 KB of the table's snippets: far more agency names
// and credit patterns than a real article has.
func benchDense() string {
	var b strings.Builder
	for b.Len() < 10_000 {
		for _, tc := range findCases {
			b.WriteString(tc.text)
			b.WriteString("\n\n")
		}
	}
	return b.String()[:10_000]
}

func BenchmarkFind(b *testing.B) {
	plain := strings.Repeat("Russia said on Friday it wants respectful ties with the United States and denied posing a threat. ", 103)
	for _, bc := range []struct{ name, text string }{
		{"seed002", readSeed(b, "002")}, // 10.9 KB Reuters story page
		{"seed004", readSeed(b, "004")}, // 3.6 KB, mentions only
		{"plain10k", plain},             // no agency names at all
		{"dense10k", benchDense()},      // dozens of credits and mentions
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				Find(bc.text)
			}
		})
	}
}
