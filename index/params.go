package index

import (
	"fmt"
	"math"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/scan"
	"github.com/reprint-news/reprint/shingle"
)

// FormatVersion is the on-disk format this package writes and reads. It
// changes whenever the layout changes (see the package documentation's
// history); what changes signatures is in Params.
const FormatVersion = 1

// Params are the parameters that decide what an index holds: documents
// signed, banded, filtered or verified under other values cannot be
// matched against it.
type Params struct {
	Normalization uint32  // shingle.Version
	K             uint32  // words per shingle
	SignatureSize uint32  // MinHash bins
	Seed          uint64  // signature hash seed
	Bands, Rows   uint32  // LSH layout
	BandHits      uint32  // bands a candidate pair collides in
	BucketCap     uint32  // larger buckets are skipped
	Threshold     float64 // containment that makes a copy
	MinShared     uint32  // shared shingles a copy needs
	SizeRatio     float64 // LSH tuned for copies inside pages this much larger
	OutletMinDocs uint32  // template learning thresholds
	CorpusMinDocs uint32
	BookendLen    uint32 // page-end shingles kept for chrome detection
}

const paramsLen = 4*3 + 8 + 4*4 + 8 + 4 + 8 + 4*3

// ParamsFor returns the parameters of an index built with scan options o.
func ParamsFor(o scan.Options) Params {
	bands, rows := cluster.Params(cluster.JaccardFloor(o.Threshold, o.SizeRatio), o.SignatureSize, o.BandHits)
	tmpl := o.Template
	if tmpl.OutletMinDocs <= 0 {
		tmpl.OutletMinDocs = 3
	}
	if tmpl.CorpusMinDocs <= 0 {
		tmpl.CorpusMinDocs = 50
	}
	return Params{
		Normalization: shingle.Version,
		K:             uint32(o.K),
		SignatureSize: uint32(o.SignatureSize),
		Seed:          o.Seed,
		Bands:         uint32(bands),
		Rows:          uint32(rows),
		BandHits:      uint32(o.BandHits),
		BucketCap:     uint32(o.BucketCap),
		Threshold:     o.Threshold,
		MinShared:     uint32(o.MinShared),
		SizeRatio:     o.SizeRatio,
		OutletMinDocs: uint32(tmpl.OutletMinDocs),
		CorpusMinDocs: uint32(tmpl.CorpusMinDocs),
		BookendLen:    uint32(o.BookendLen),
	}
}

// ScanOptions returns scan options that produce documents matching an
// index of these parameters, starting from base (for workers, memory and
// the like).
func (p Params) ScanOptions(base scan.Options) scan.Options {
	o := base
	o.K = int(p.K)
	o.SignatureSize = int(p.SignatureSize)
	o.Seed = p.Seed
	o.Threshold = p.Threshold
	o.MinShared = int(p.MinShared)
	o.SizeRatio = p.SizeRatio
	o.BucketCap = int(p.BucketCap)
	o.BandHits = int(p.BandHits)
	o.BookendLen = int(p.BookendLen)
	o.Template.OutletMinDocs = int(p.OutletMinDocs)
	o.Template.CorpusMinDocs = int(p.CorpusMinDocs)
	o.KeepFeatures = true
	o.FeaturesOnly = true // a batch needs no pairs or stories: Check finds the copies itself
	return o
}

// Diff describes the first parameter in which p and q differ, "" when
// they are equal.
func (p Params) Diff(q Params) string {
	type field struct {
		name string
		a, b any
	}
	for _, f := range []field{
		{"normalisation version", p.Normalization, q.Normalization},
		{"shingle size", p.K, q.K},
		{"signature size", p.SignatureSize, q.SignatureSize},
		{"seed", p.Seed, q.Seed},
		{"LSH bands", p.Bands, q.Bands},
		{"LSH rows", p.Rows, q.Rows},
		{"band hits", p.BandHits, q.BandHits},
		{"bucket cap", p.BucketCap, q.BucketCap},
		{"threshold", p.Threshold, q.Threshold},
		{"min shared", p.MinShared, q.MinShared},
		{"size ratio", p.SizeRatio, q.SizeRatio},
		{"template outlet docs", p.OutletMinDocs, q.OutletMinDocs},
		{"template corpus docs", p.CorpusMinDocs, q.CorpusMinDocs},
		{"bookend length", p.BookendLen, q.BookendLen},
	} {
		if f.a != f.b {
			return fmt.Sprintf("%s %v, not %v", f.name, f.a, f.b)
		}
	}
	return ""
}

// valid reports parameters no writer produces: a reader must not size
// anything by them.
func (p Params) valid() error {
	switch {
	case p.K < 1 || p.K > 1<<10:
		return fmt.Errorf("shingle size %d out of range", p.K)
	case p.SignatureSize < 1 || p.SignatureSize > 1<<16:
		return fmt.Errorf("signature size %d out of range", p.SignatureSize)
	case p.Rows < 1 || p.Bands < 1 || uint64(p.Bands)*uint64(p.Rows) > uint64(p.SignatureSize):
		return fmt.Errorf("%d bands of %d rows do not fit a signature of %d", p.Bands, p.Rows, p.SignatureSize)
	case p.BandHits < 1 || p.BandHits > p.Bands:
		return fmt.Errorf("band hits %d out of range", p.BandHits)
	case !(p.Threshold > 0 && p.Threshold <= 1):
		return fmt.Errorf("threshold %v out of range", p.Threshold)
	case !(p.SizeRatio >= 1 && p.SizeRatio < 1e6):
		return fmt.Errorf("size ratio %v out of range", p.SizeRatio)
	}
	return nil
}

func (p Params) append(b []byte) []byte {
	b = le.AppendUint32(b, p.Normalization)
	b = le.AppendUint32(b, p.K)
	b = le.AppendUint32(b, p.SignatureSize)
	b = le.AppendUint64(b, p.Seed)
	b = le.AppendUint32(b, p.Bands)
	b = le.AppendUint32(b, p.Rows)
	b = le.AppendUint32(b, p.BandHits)
	b = le.AppendUint32(b, p.BucketCap)
	b = le.AppendUint64(b, math.Float64bits(p.Threshold))
	b = le.AppendUint32(b, p.MinShared)
	b = le.AppendUint64(b, math.Float64bits(p.SizeRatio))
	b = le.AppendUint32(b, p.OutletMinDocs)
	b = le.AppendUint32(b, p.CorpusMinDocs)
	b = le.AppendUint32(b, p.BookendLen)
	return b
}

func (d *decoder) params() Params {
	return Params{
		Normalization: d.u32(),
		K:             d.u32(),
		SignatureSize: d.u32(),
		Seed:          d.u64(),
		Bands:         d.u32(),
		Rows:          d.u32(),
		BandHits:      d.u32(),
		BucketCap:     d.u32(),
		Threshold:     math.Float64frombits(d.u64()),
		MinShared:     d.u32(),
		SizeRatio:     math.Float64frombits(d.u64()),
		OutletMinDocs: d.u32(),
		CorpusMinDocs: d.u32(),
		BookendLen:    d.u32(),
	}
}
