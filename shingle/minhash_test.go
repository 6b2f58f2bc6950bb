package shingle

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSignEmptySet(t *testing.T) {
	sig := make(Signature, 7)
	for i := range sig {
		sig[i] = uint64(i)
	}
	Sign[uint64](sig, nil, 1)
	for i, v := range sig {
		if v != ^uint64(0) {
			t.Errorf("bin %d = %x, want all ones", i, v)
		}
	}
	other := make(Signature, 7)
	Sign(other, []uint64{1}, 1)
	if s := Similarity(sig, other); s != 0 {
		t.Errorf("Similarity(empty, {1}) = %v, want 0", s)
	}
}

func TestSignNoEmptyBins(t *testing.T) {
	for _, bins := range []int{1, 2, 3, 100, 128, 256, 1000} {
		for _, n := range []int{1, 2, 5, 50, 5000} {
			sig := make(Signature, bins)
			Sign(sig, randomSet(rand.New(rand.NewPCG(uint64(bins), uint64(n))), n), 9)
			for i, v := range sig {
				if v == ^uint64(0) {
					t.Errorf("%d bins, %d hashes: bin %d empty after densification", bins, n, i)
				}
			}
		}
	}
}

func TestSignDuplicatesAndOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	set := Set(randomSet(rng, 300))
	messy := append(slices.Clone(set), set[:100]...)
	rng.Shuffle(len(messy), func(i, j int) { messy[i], messy[j] = messy[j], messy[i] })
	a, b := make(Signature, 128), make(Signature, 128)
	Sign(a, set, 5)
	Sign(b, messy, 5)
	if !slices.Equal(a, b) {
		t.Error("duplicates or order changed the signature")
	}
	if s := Similarity(a, b); s != 1 {
		t.Errorf("Similarity of equal sets = %v", s)
	}
}

func TestSignSeed(t *testing.T) {
	set := randomSet(rand.New(rand.NewPCG(3, 4)), 1000)
	a, b := make(Signature, 128), make(Signature, 128)
	Sign(a, set, 1)
	Sign(b, set, 2)
	if s := Similarity(a, b); s > 0.05 {
		t.Errorf("signatures of one set under two seeds agree in %v of bins", s)
	}
}

// TestSignGolden pins the signature layout. When it fails, the mixer, the
// binning or the densification has changed: bump Version.
func TestSignGolden(t *testing.T) {
	sig := make(Signature, 8)
	Sign(sig, []uint64{1, 2, 3, 4, 5}, 42)
	want := Signature{0xfc4ef1bca27d1ed3, 0x203ea4c5049ad615, 0x203ea4c5049ad615, 0xfc4ef1bca27d1ed3, 0x9c3fe26fde390827, 0xfc4ef1bca27d1ed3, 0xfc4ef1bca27d1ed3, 0xfc4ef1bca27d1ed3}
	if !slices.Equal(sig, want) {
		t.Errorf("Sign = %#v, want %#v (bump Version if this is intended)", sig, want)
	}
}

// referenceDensify is densify as the package documentation states it:
// each attempt works its bin out, and a bin was filled before if its value
// maps to it.
func referenceDensify(sig Signature, seed uint64) {
	n := uint64(len(sig))
	orig := slices.Clone(sig)
	filled := 0
	for _, v := range orig {
		if v != empty {
			filled++
		}
	}
	if filled == 0 || filled == len(sig) {
		return
	}
	probe := mix(seed ^ 0x9e3779b97f4a7c15)
	for i, v := range orig {
		if v != empty {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j, _ := bits.Mul64(mix(probe^uint64(i)<<32^attempt), n)
			if w := orig[j]; w != empty {
				if b, _ := bits.Mul64(w, n); b == j {
					sig[i] = w
					break
				}
			}
		}
	}
}

// TestDensifyAsReference checks densify, with its probe table and past it
// (bins needing more than probeDepth attempts, signatures too large for a
// table), against referenceDensify, for sets from one shingle to more than
// there are bins, under two seeds in turn (so the table is rebuilt).
func TestDensifyAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for _, bins := range []int{1, 8, 128, 256, 5000} {
		for _, size := range []int{1, 2, 5, 40, 300} {
			if bins > 1000 && size < 300 {
				continue // a few shingles in thousands of bins: slow, and the same code
			}
			for trial := range 20 {
				set := randomSet(rng, size)
				seed := uint64(1 + trial%2)
				got, want := make(Signature, bins), make(Signature, bins)
				Sign(got, set, seed)
				for i := range want {
					want[i] = empty
				}
				for _, h := range set {
					v := mix(h ^ seed)
					if b, _ := bits.Mul64(v, uint64(bins)); v < want[b] {
						want[b] = v
					}
				}
				referenceDensify(want, seed)
				if !slices.Equal(got, want) {
					t.Fatalf("bins=%d size=%d seed=%d: densify differs from the reference", bins, size, seed)
				}
			}
		}
	}
}

func TestSimilarityPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for signatures of different lengths")
		}
	}()
	Similarity(make(Signature, 2), make(Signature, 3))
}

// TestSimilarityAccuracy compares estimated and exact Jaccard similarity on
// seeded random pairs of sets.
//
// Each bin of a MinHash signature agrees with probability J, so with m
// bins the estimate has standard error σ = sqrt(J(1-J)/m) (one-permutation
// hashing sampling without replacement does a little better on large sets;
// densification a little worse on sets smaller than m). Over T trials the
// mean error should be within 3σ/sqrt(T) of 0 (no bias) and, taking the
// error as normal, the mean absolute error has expectation σ·sqrt(2/π) and
// standard deviation σ·sqrt(1-2/π)/sqrt(T): we accept up to 3 of those
// above the expectation.
func TestSimilarityAccuracy(t *testing.T) {
	const trials = 200
	rng := rand.New(rand.NewPCG(2017, 1))
	for _, bins := range []int{128, 256} {
		for _, size := range []int{100, 300, 1000, 5000} {
			for _, j := range []float64{0.1, 0.3, 0.5, 0.8} {
				name := fmt.Sprintf("bins=%d/size=%d/J=%.1f", bins, size, j)
				t.Run(name, func(t *testing.T) {
					var sumErr, sumAbs, sigma float64
					a, b := make(Signature, bins), make(Signature, bins)
					for range trials {
						e, exact := estimateError(rng, a, b, size, j)
						sumErr += e
						sumAbs += math.Abs(e)
						sigma += math.Sqrt(exact * (1 - exact) / float64(bins))
					}
					sigma /= trials
					bias, mae := sumErr/trials, sumAbs/trials
					wantMAE := sigma * math.Sqrt(2/math.Pi)
					maxMAE := wantMAE + 3*sigma*math.Sqrt((1-2/math.Pi)/trials)
					maxBias := 3 * sigma / math.Sqrt(trials)
					t.Logf("σ=%.4f bias=%+.4f (max %.4f) MAE=%.4f (expected %.4f, max %.4f)",
						sigma, bias, maxBias, mae, wantMAE, maxMAE)
					if math.Abs(bias) > maxBias {
						t.Errorf("bias %+.4f, want within ±%.4f", bias, maxBias)
					}
					if mae > maxMAE {
						t.Errorf("mean absolute error %.4f, want at most %.4f", mae, maxMAE)
					}
				})
			}
		}
	}
}

// TestSimilaritySparse checks that densification keeps the estimate
// unbiased on sets much smaller than the signature, where most bins are
// filled by densification. Copied bins are correlated, so the variance is
// larger than the binomial one: the bound uses the empirical standard
// error of the mean instead.
func TestSimilaritySparse(t *testing.T) {
	const trials = 400
	rng := rand.New(rand.NewPCG(2017, 2))
	for _, bins := range []int{128, 256} {
		for _, size := range []int{10, 30} {
			for _, j := range []float64{0.1, 0.3, 0.5, 0.8} {
				var sum, sum2, sigma float64
				a, b := make(Signature, bins), make(Signature, bins)
				for range trials {
					e, exact := estimateError(rng, a, b, size, j)
					sum += e
					sum2 += e * e
					sigma += math.Sqrt(exact * (1 - exact) / float64(bins))
				}
				bias := sum / trials
				sd := math.Sqrt(sum2/trials - bias*bias)
				maxBias := 3 * sd / math.Sqrt(trials)
				t.Logf("bins=%d size=%d J=%.1f: bias=%+.4f (max %.4f) sd=%.4f binomial σ=%.4f",
					bins, size, j, bias, maxBias, sd, sigma/trials)
				if math.Abs(bias) > maxBias {
					t.Errorf("bins=%d size=%d J=%.1f: bias %+.4f, want within ±%.4f", bins, size, j, bias, maxBias)
				}
			}
		}
	}
}

// randomSet returns n random hashes.
func randomSet(rng *rand.Rand, n int) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		s[i] = rng.Uint64()
	}
	return s
}

// randomPair returns two random sets of size n sharing as many elements as
// makes their Jaccard similarity closest to j, and that exact similarity.
func randomPair(rng *rand.Rand, n int, j float64) (a, b []uint64, exact float64) {
	c := int(math.Round(2 * float64(n) * j / (1 + j))) // |A∩B| / (2n-|A∩B|) = j
	common := randomSet(rng, c)
	a = append(randomSet(rng, n-c), common...)
	b = append(randomSet(rng, n-c), common...)
	return a, b, float64(c) / float64(2*n-c)
}

func TestSignAllocs(t *testing.T) {
	set := randomSet(rand.New(rand.NewPCG(5, 6)), 1000)
	sig := make(Signature, DefaultSignatureSize)
	if a := testing.AllocsPerRun(100, func() { Sign(sig, set, 1) }); a != 0 {
		t.Errorf("Sign allocates %v times per run", a)
	}
	small := set[:10] // mostly densification
	if a := testing.AllocsPerRun(100, func() { Sign(sig, small, 1) }); a != 0 {
		t.Errorf("Sign of a small set allocates %v times per run", a)
	}
}

func BenchmarkSign(b *testing.B) {
	text := readSeed(b)
	set := Set(NewShingler(K).Hashes(nil, text))
	for _, bins := range []int{DefaultSignatureSize, 256} {
		b.Run(fmt.Sprintf("bins=%d", bins), func(b *testing.B) {
			sig := make(Signature, bins)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Sign(sig, set, 1)
			}
		})
	}
}

func TestSign32MatchesSign64(t *testing.T) {
	set64 := []uint64{3, 1 << 20, 77, 1<<32 - 1, 12345}
	set32 := make([]uint32, len(set64))
	for i, h := range set64 {
		set32[i] = uint32(h)
	}
	a, b := make(Signature, 16), make(Signature, 16)
	Sign(a, set64, 7)
	Sign(b, set32, 7)
	if Similarity(a, b) != 1 {
		t.Errorf("signatures of equal 32- and 64-bit sets differ: %x vs %x", a, b)
	}
}

// estimateError signs a random pair of sets of about size elements and
// Jaccard j into a and b, with a random seed, and returns the estimate's
// error and the exact Jaccard.
func estimateError(rng *rand.Rand, a, b Signature, size int, j float64) (float64, float64) {
	x, y, exact := randomPair(rng, size, j)
	seed := rng.Uint64()
	Sign(a, x, seed)
	Sign(b, y, seed)
	return Similarity(a, b) - exact, exact
}
