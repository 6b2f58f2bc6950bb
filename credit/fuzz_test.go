package credit

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzFind checks that Find never panics and that every result is well
// formed: a known agency, sorted and unique, a known kind, an offset and
// text inside the input with Text == text[Offset:Offset+len(Text)].
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("(\n(AP")
	f.Add("AP/")
	f.Add("By \xff AP")
	f.Add("【共同")
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Find(text))
	})
}
