// Package radix sorts slices of hashes by least-significant-digit radix
// sort: stable counting passes of one byte each (of 11 bits from 16,384
// values on), O(n) with no comparisons; a document's worth of 32-bit
// hashes goes into buckets by its top bits instead, in one pass. Shingle
// hashes are uniformly distributed, which is the case where these beat
// comparison sorts by the widest margin (15x at a million values, 3x at
// six hundred, on the project's benchmark machine: go test
// ./internal/radix -bench Sort).
package radix

import (
	"cmp"
	"math"
	"slices"
)

// Sort sorts a in increasing order, using buf as scratch space (grown if
// shorter than a), and returns buf for reuse.
//
// Up to bucketMax values (a document's shingle set) it distributes the
// values by their top bits into about one bucket per value in one pass,
// and an insertion sort then orders each bucket's few values: for hashes,
// a third of the work of four byte passes. Values that crowd into a few
// buckets (repeats, values that are not hashes) go the byte-pass way.
func Sort(a, buf []uint32) []uint32 {
	if len(a) >= 64 && len(a) <= bucketMax {
		return bucketSort(a, buf)
	}
	return byteSort(a, buf)
}

// bucketMax is the largest slice Sort distributes into buckets; past it
// the bucket counts outgrow a core's fastest caches.
const bucketMax = 1 << 14

// crowded is the bucket size past which bucketSort gives way to the byte
// passes, whose cost does not depend on the values.
const crowded = 32

func bucketSort(a, buf []uint32) []uint32 {
	n := len(a)
	bits := 1
	for 1<<(bits+1) <= n {
		bits++
	} // 2^bits <= n < 2^(bits+1): one or two values a bucket on average
	shift := 32 - bits
	buckets := 1 << bits
	if cap(buf) < n+buckets+1 {
		buf = make([]uint32, n+buckets+1)
	}
	buf = buf[:n+buckets+1]
	dst, counts := buf[:n], buf[n:]
	clear(counts)
	for _, v := range a {
		counts[v>>shift+1]++
	}
	for i := 1; i <= buckets; i++ {
		if counts[i] > crowded {
			return byteSort(a, buf)
		}
		counts[i] += counts[i-1]
	}
	for _, v := range a {
		b := v >> shift
		dst[counts[b]] = v
		counts[b]++
	}
	insertion(dst) // values only move within their bucket
	copy(a, dst)
	return buf
}

// SortHigh24 sorts a by its values' top 24 bits only, using buf as for
// Sort, and returns buf: values equal there keep their order. It is what
// template learning needs of its packed (hash, outlet) words, in two
// passes of 12-bit digits where a full sort takes three of 11 (a
// partition of 235,000 random words 1.20 -> 0.95 ms).
func SortHigh24(a, buf []uint32) []uint32 {
	if len(a) < wideMin || len(a) > math.MaxInt32 {
		return Sort(a, buf)
	}
	if cap(buf) < len(a) {
		buf = make([]uint32, len(a))
	}
	buf = buf[:len(a)]
	var c0, c1 [1 << 12]int32
	for _, v := range a {
		c0[v>>8&0xfff]++
		c1[v>>20]++
	}
	var s0, s1 int32
	for i := range c0 {
		n0, n1 := c0[i], c1[i]
		c0[i], c1[i] = s0, s1
		s0, s1 = s0+n0, s1+n1
	}
	for _, v := range a {
		d := v >> 8 & 0xfff
		buf[c0[d]] = v
		c0[d]++
	}
	for _, v := range buf {
		d := v >> 20
		a[c1[d]] = v
		c1[d]++
	}
	return buf
}

// SortBits64 is Sort64 for values known to be below 2^bits: it sorts
// them in as few passes of digits of up to 11 bits as cover bits, where
// Sort64 makes a pass for every byte in which the values differ. Pairs of
// document numbers packed in 2*17 bits (a 100k corpus's) sort in four
// passes of 9 bits instead of six of 8: a million of them a quarter
// faster. Past 44 bits it is Sort64.
func SortBits64(a, buf []uint64, bits int) []uint64 {
	if bits > 4*wideBits || len(a) < wideMin || len(a) > math.MaxInt32 {
		return Sort64(a, buf)
	}
	passes := max(1, (bits+wideBits-1)/wideBits)
	w := uint((bits + passes - 1) / passes)
	mask := uint64(1)<<w - 1
	if cap(buf) < len(a) {
		buf = make([]uint64, len(a))
	}
	buf = buf[:len(a)]
	var c [4][1 << wideBits]int32
	for _, v := range a { // every digit, even past passes: the loop is simplest so
		c[0][v&mask]++
		c[1][v>>w&mask]++
		c[2][v>>(2*w)&mask]++
		c[3][v>>(3*w)&mask]++
	}
	src, dst := a, buf
	for d := range passes {
		count := &c[d]
		var sum int32
		for i := range 1 << w {
			n := count[i]
			count[i] = sum
			sum += n
		}
		shift := uint(d) * w
		for _, v := range src {
			b := v >> shift & mask
			dst[count[b]] = v
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
	return buf
}

// Sort64 is Sort for 64-bit values.
func Sort64(a, buf []uint64) []uint64 { return sortHigh64(a, buf, 0) }

// SortHigh64 sorts a by its values' high 64-8*low bits only, stably:
// values equal there keep their order. buf is as for Sort. Callers that
// pack a key above an index appended in increasing order get the order
// of a full sort for fewer passes.
func SortHigh64(a, buf []uint64, low int) []uint64 {
	if low < 0 || low > 7 {
		panic("radix: SortHigh64 with low outside [0, 7]")
	}
	return sortHigh64(a, buf, low)
}

func sortHigh64(a, buf []uint64, low int) []uint64 {
	if len(a) < 64 {
		shift := uint(8 * low)
		for i := 1; i < len(a); i++ {
			for j := i; j > 0 && a[j]>>shift < a[j-1]>>shift; j-- {
				a[j], a[j-1] = a[j-1], a[j]
			}
		}
		return buf
	}
	if len(a) > math.MaxInt32 {
		shift := uint(8 * low)
		slices.SortStableFunc(a, func(x, y uint64) int { return cmp.Compare(x>>shift, y>>shift) })
		return buf
	}
	if cap(buf) < len(a) {
		buf = make([]uint64, len(a))
	}
	buf = buf[:len(a)]
	if low == 4 && len(a) >= wideMin {
		wideSortHigh32(a, buf)
		return buf
	}
	var counts [8][256]int32
	if low >= 4 { // the low half is left alone: count the high half's digits only
		for _, v := range a {
			counts[4][byte(v>>32)]++
			counts[5][byte(v>>40)]++
			counts[6][byte(v>>48)]++
			counts[7][byte(v>>56)]++
		}
	} else {
		for _, v := range a {
			counts[0][byte(v)]++
			counts[1][byte(v>>8)]++
			counts[2][byte(v>>16)]++
			counts[3][byte(v>>24)]++
			counts[4][byte(v>>32)]++
			counts[5][byte(v>>40)]++
			counts[6][byte(v>>48)]++
			counts[7][byte(v>>56)]++
		}
	}
	src, dst := a, buf
	for d := low; d < len(counts); d++ {
		if scatter(src, dst, &counts[d], uint(8*d)) {
			src, dst = dst, src
		}
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
	return buf
}

// byteSort sorts a by four byte passes: one read counts every digit, then
// a stable scatter per digit, skipping a digit all values share. From
// wideMin values on it makes three passes of wider digits instead.
//
// The counters are int32 (slices past math.MaxInt32 values go to
// slices.Sort) and the histogram loop is written out per digit: with int
// or uint32 counters in a loop over the digits the same sort measured
// 1.7x slower on the project's machine.
func byteSort(a, buf []uint32) []uint32 {
	if len(a) < 64 {
		insertion(a)
		return buf
	}
	if len(a) > math.MaxInt32 {
		slices.Sort(a)
		return buf
	}
	if cap(buf) < len(a) {
		buf = make([]uint32, len(a))
	}
	buf = buf[:len(a)]
	if len(a) >= wideMin {
		wideSort32(a, buf)
		return buf
	}
	var counts [4][256]int32
	for _, v := range a {
		counts[0][byte(v)]++
		counts[1][byte(v>>8)]++
		counts[2][byte(v>>16)]++
		counts[3][byte(v>>24)]++
	}
	src, dst := a, buf
	for d := range counts {
		if scatter(src, dst, &counts[d], uint(8*d)) {
			src, dst = dst, src
		}
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
	return buf
}

// Wide digits: 11 bits, so that a 32-bit key takes three counting
// passes instead of four. Each digit's counts (8 KB) still fit a core's
// L1 cache, but clearing and summing them costs more than a byte's, so
// only slices of wideMin values or more take this way: on the project's
// machine a template partition (235,000 values) sorted 1.5x as fast.
// The three passes always run, even over a digit every value shares:
// written out with fixed sources and destinations, they measured faster
// than a loop that skips such digits.
const (
	wideBits = 11
	wideMask = 1<<wideBits - 1
	wideMin  = 1 << 14
)

// wideSort32 sorts a, using buf (as long as a) as the other side, in three
// passes of wide digits. len(a) must fit an int32.
func wideSort32(a, buf []uint32) {
	var c0, c1, c2 [1 << wideBits]int32
	for _, v := range a {
		c0[v&wideMask]++
		c1[v>>wideBits&wideMask]++
		c2[v>>(2*wideBits)]++
	}
	wideScatter(a, buf, &c0, 0)
	wideScatter(buf, a, &c1, wideBits)
	wideScatter(a, buf, &c2, 2*wideBits)
	copy(a, buf)
}

// wideSortHigh32 sorts a stably by its values' high 32 bits, as
// wideSort32 does. The two are written apart on purpose: one generic
// function taking the shift as a parameter measured 18% slower on a
// template partition, its shifts no longer constants.
func wideSortHigh32(a, buf []uint64) {
	var c0, c1, c2 [1 << wideBits]int32
	for _, v := range a {
		c0[v>>32&wideMask]++
		c1[v>>(32+wideBits)&wideMask]++
		c2[v>>(32+2*wideBits)]++
	}
	wideScatter(a, buf, &c0, 32)
	wideScatter(buf, a, &c1, 32+wideBits)
	wideScatter(a, buf, &c2, 32+2*wideBits)
	copy(a, buf)
}

// wideScatter moves src to dst stably by the wide digit at shift, whose
// histogram is count.
func wideScatter[T uint32 | uint64](src, dst []T, count *[1 << wideBits]int32, shift uint) {
	var sum int32
	for i, c := range count {
		count[i] = sum
		sum += c
	}
	for _, v := range src {
		b := v >> shift & wideMask
		dst[count[b]] = v
		count[b]++
	}
}

// scatter moves src to dst stably by the byte at shift, whose histogram
// is count, and reports whether it did: not when all values share the
// byte, which leaves src as it was.
func scatter[T uint32 | uint64](src, dst []T, count *[256]int32, shift uint) bool {
	if int(count[byte(src[0]>>shift)]) == len(src) {
		return false
	}
	var sum int32
	for i, c := range count {
		count[i] = sum
		sum += c
	}
	for _, v := range src {
		b := byte(v >> shift)
		dst[count[b]] = v
		count[b]++
	}
	return true
}

func insertion[T uint32 | uint64](a []T) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
