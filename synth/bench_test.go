package synth

import "testing"

func BenchmarkGenerate(b *testing.B) {
	const docs = 10000
	var bytes int64
	for b.Loop() {
		GenerateFunc(Config{Docs: docs, Seed: 1}, func(a Article) error {
			bytes += int64(len(a.Text))
			return nil
		})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*docs), "ns/doc")
	b.SetBytes(bytes / int64(b.N))
}
