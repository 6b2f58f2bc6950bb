package shingle

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cespare/xxhash/v2"
	"github.com/zeebo/xxh3"
)

func TestHashes(t *testing.T) {
	const text = "The quick brown fox \u2014 it jumps over the lazy dog."
	want := []uint64{
		xxh3.HashString("the quick brown fox it"),
		xxh3.HashString("quick brown fox it jumps"),
		xxh3.HashString("brown fox it jumps over"),
		xxh3.HashString("fox it jumps over the"),
		xxh3.HashString("it jumps over the lazy"),
		xxh3.HashString("jumps over the lazy dog"),
	}
	got := NewShingler(5).Hashes(nil, text)
	if !slices.Equal(got, want) {
		t.Errorf("Hashes = %x, want %x", got, want)
	}
}

// TestHashKnownAnswers pins Hash to XXH3-64 with seed 0 by published
// values of that function, so that another implementation can compute the
// same shingle hashes (and a change of library cannot change them).
func TestHashKnownAnswers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want uint64
	}{
		{"", 0x2d06800538d394c2},
		{"foo", 0xab6e5f64077e7d8a},   // as Tenzir's hash_xxh3 documents it
		{"hello", 0x9555e8555c62dcfd}, // StarRocks' xx_hash3_64 gives it as -7685981735718036227
	} {
		if got := Hash([]byte(tt.in)); got != tt.want {
			t.Errorf("Hash(%q) = %#x, want %#x", tt.in, got, tt.want)
		}
	}
}

func TestHashesShort(t *testing.T) {
	tests := []struct {
		k    int
		in   string
		want []uint64
	}{
		{5, "", nil},
		{5, " ... \u2014 !", nil},
		{5, "One", []uint64{xxh3.HashString("one")}},
		{5, "One, two; THREE.", []uint64{xxh3.HashString("one two three")}},
		{3, "One, two; THREE.", []uint64{xxh3.HashString("one two three")}},
		{1, "a b a", []uint64{xxh3.HashString("a"), xxh3.HashString("b"), xxh3.HashString("a")}},
		{2, "\u6771\u4eac\u90fd", []uint64{xxh3.HashString("\u6771 \u4eac"), xxh3.HashString("\u4eac \u90fd")}},
	}
	for _, tt := range tests {
		got := NewShingler(tt.k).Hashes([]uint64{}, tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("k=%d Hashes(%q) = %x, want %x", tt.k, tt.in, got, tt.want)
		}
	}
}

func TestHashesAppendsAndReuses(t *testing.T) {
	s := NewShingler(2)
	got := s.Hashes([]uint64{7}, "a b c d e f g h")
	if len(got) != 8 || got[0] != 7 {
		t.Fatalf("got %x", got)
	}
	// A shorter text after a longer one must not see the old buffers.
	got = s.Hashes(nil, "a b")
	if want := []uint64{xxh3.HashString("a b")}; !slices.Equal(got, want) {
		t.Errorf("got %x, want %x", got, want)
	}
}

func TestHashesAllocs(t *testing.T) {
	for _, lang := range []string{"english", "russian", "chinese"} {
		text := benchText(t, lang) + " Caf\u00e9 e\u0301 \u1100\u1161 \U0001F44D"
		s := NewShingler(K)
		dst := s.Hashes(nil, text)
		if a := testing.AllocsPerRun(100, func() { dst = s.Hashes(dst[:0], text) }); a != 0 {
			t.Errorf("%s: Hashes allocates %v times per run", lang, a)
		}
	}
}

// TestSeedDigest pins the shingle hashes of a seed article. When it fails,
// normalisation, tokenisation or shingle hashing has changed: bump Version
// and update the digest.
func TestSeedDigest(t *testing.T) {
	h := NewShingler(K).Hashes(nil, readSeed(t))
	const wantN, wantDigest = 1733, 0x5081db844f010abc
	d := xxhash.New()
	for _, v := range h {
		var b [8]byte
		for i := range b {
			b[i] = byte(v >> (8 * i))
		}
		d.Write(b[:])
	}
	if len(h) != wantN || d.Sum64() != wantDigest {
		t.Errorf("seed has %d shingles, digest %#x; want %d, %#x (bump Version if this is intended)",
			len(h), d.Sum64(), wantN, uint64(wantDigest))
	}
}

func TestSet(t *testing.T) {
	tests := []struct{ in, want []uint64 }{
		{nil, nil},
		{[]uint64{3}, []uint64{3}},
		{[]uint64{3, 1, 3, 2, 1, ^uint64(0), 0}, []uint64{0, 1, 2, 3, ^uint64(0)}},
	}
	for _, tt := range tests {
		got := Set(slices.Clone(tt.in))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Set(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSetLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{65, 100, 1000, 20000} {
		for _, spread := range []uint64{0, 1, 256, 1 << 40} {
			// spread 0: uniform hashes; otherwise small values, which
			// share their high bytes, with many duplicates.
			h := make([]uint64, n)
			for i := range h {
				if spread == 0 {
					h[i] = rng.Uint64()
				} else {
					h[i] = rng.Uint64N(spread + uint64(n)/2)
				}
			}
			var low []uint32
			for _, v := range h {
				low = append(low, uint32(v))
			}
			want32 := slices.Compact(slices.Sorted(slices.Values(low)))
			prefix := []uint32{7, 3} // Set32 appends: what dst holds stays
			got32, _ := Set32(slices.Clone(prefix), h, nil)
			if !slices.Equal(got32[:2], prefix) || !slices.Equal(got32[2:], want32) {
				t.Errorf("n=%d spread=%d: Set32 differs from the low halves sorted and compacted", n, spread)
			}
			want := slices.Compact(slices.Sorted(slices.Values(h)))
			if got := Set(h); !slices.Equal(got, want) {
				t.Errorf("n=%d spread=%d: Set differs from sort and compact", n, spread)
			}
		}
	}
}

func FuzzHashes(f *testing.F) {
	for _, tt := range tokenTests {
		f.Add(tt.in, uint8(5))
	}
	f.Add("a b c", uint8(1))
	f.Add("\u0301 x", uint8(2))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		f.Add(randomTricky(rng), uint8(i))
	}
	f.Fuzz(func(t *testing.T, text string, k8 uint8) {
		k := int(k8%8) + 1
		s := NewShingler(k)
		h := s.Hashes(nil, text)
		toks := refTokens(string(Normalize(nil, text)))
		if got := s.Tokens(nil, text); !slices.Equal(got, toks) {
			t.Fatalf("Tokens(%+q) = %+q, reference %+q", text, got, toks)
		}
		want := max(0, len(toks)-k+1)
		if len(toks) > 0 && len(toks) < k {
			want = 1
		}
		if len(h) != want {
			t.Fatalf("k=%d: %d tokens gave %d shingles, want %d", k, len(toks), len(h), want)
		}
		for i := range h {
			j := min(i+k, len(toks))
			if w := xxh3.HashString(strings.Join(toks[i:j], " ")); h[i] != w {
				t.Fatalf("k=%d: shingle %d of %+q: hash %x, want %x", k, i, text, h[i], w)
			}
		}
	})
}

func BenchmarkHashes(b *testing.B) {
	for _, lang := range []string{"english", "russian", "chinese"} {
		b.Run(lang, func(b *testing.B) {
			text := benchText(b, lang)
			s := NewShingler(K)
			dst := s.Hashes(nil, text)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				dst = s.Hashes(dst[:0], text)
			}
		})
	}
}

func BenchmarkSet(b *testing.B) {
	text := readSeed(b)
	h := NewShingler(K).Hashes(nil, text)
	buf := make([]uint64, len(h))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		copy(buf, h)
		Set(buf)
	}
}
