package shingle_test

import (
	"fmt"
	"slices"

	"github.com/reprint-news/reprint/shingle"
)

func Example() {
	original := `MOSCOW (Reuters) - Russia on Friday sent its strongest signal so far
that it is willing to engage with U.S. security proposals. "If it depends on
Russia, then there will be no war. We don't want wars," Foreign Minister
Sergei Lavrov told Russian radio stations in an interview.`
	copied := `Russia yesterday sent its strongest signal so far that it is willing
to engage with US security proposals. “If it depends on Russia, then there
will be no war. We don’t want wars,” Foreign Minister Sergey Lavrov told
Russian radio stations in an interview.`

	sh := shingle.NewShingler(shingle.K)
	fmt.Println(sh.Tokens(nil, "“We don’t want WARS,” he said.")[:5])

	a := shingle.Set(sh.Hashes(nil, original))
	b := shingle.Set(sh.Hashes(nil, copied))
	common := 0
	for _, h := range a {
		if _, ok := slices.BinarySearch(b, h); ok {
			common++
		}
	}
	fmt.Printf("shingles: %d and %d, %d in common, Jaccard %.2f\n",
		len(a), len(b), common, float64(common)/float64(len(a)+len(b)-common))

	const seed = 1
	sigA := make(shingle.Signature, shingle.DefaultSignatureSize)
	sigB := make(shingle.Signature, shingle.DefaultSignatureSize)
	shingle.Sign(sigA, a, seed)
	shingle.Sign(sigB, b, seed)
	fmt.Printf("estimated Jaccard %.2f\n", shingle.Similarity(sigA, sigB))
	// Output:
	// [we don t want wars]
	// shingles: 45 and 41, 29 in common, Jaccard 0.51
	// estimated Jaccard 0.52
}

func ExampleNormalize() {
	fmt.Printf("%q\n", shingle.Normalize(nil, "  “Don’t” —\u00a0ＡＢＣ  Stra\u00dfe ﬁnal\u2026 "))
	// Output:
	// "\"don't\" - abc strasse final..."
}
