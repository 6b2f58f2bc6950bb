// Command ceiling measures the machine's single-core ceiling for reprint's
// first stage: tokenising and shingle-hashing text with reprint's shingle
// package, and nothing else; and, on the same texts and core, reprint's
// whole signature path, so the two can be compared.
//
//	ceiling [-max-docs N] [-rounds R] CORPUS.jsonl
//
// It reads the texts of the corpus (JSONL, field text) into memory first,
// counting the UTF-8 bytes of all of them, then, on one goroutine, times
// over the first -max-docs texts, -rounds times each, reporting the best
// round of each:
//
//   - the ceiling: (*shingle.Shingler).Hashes alone;
//   - the signature path, as scan's workers run it for every document:
//     Hashes, the 32-bit sorted set (shingle.Set32) and shingle.Sign into
//     a 128-bin signature (one-permutation hashing with densification).
//     Template filtering, which removes set members before signing, is
//     left out: it is template suppression, not signing.
//
// Output, one `name value` per line:
//
//	docs        documents in the corpus
//	text_bytes  bytes of text in the corpus
//	timed_docs  documents hashed per round
//	timed_bytes bytes of text hashed per round
//	shingles    shingle hashes per round
//	seconds     best round of the ceiling
//	mb_per_s    timed_bytes / 1e6 / seconds
//	sign_seconds  best round of the signature path
//	sign_mb_per_s timed_bytes / 1e6 / sign_seconds
//	sign_share    sign_mb_per_s / mb_per_s
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/reprint-news/reprint/shingle"
)

func main() {
	maxDocs := flag.Int("max-docs", 100000, "hash at most `N` texts per round (all are counted)")
	rounds := flag.Int("rounds", 3, "timed rounds; the best is reported")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: ceiling [flags] CORPUS.jsonl\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *maxDocs < 1 || *rounds < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *maxDocs, *rounds); err != nil {
		fmt.Fprintln(os.Stderr, "ceiling:", err)
		os.Exit(1)
	}
}

func run(path string, maxDocs, rounds int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var texts []string
	docs, textBytes, timedBytes := 0, 0, 0
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	for {
		var rec struct {
			Text string `json:"text"`
		}
		if err := dec.Decode(&rec); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return fmt.Errorf("%s: document %d: %w", path, docs+1, err)
		}
		docs++
		textBytes += len(rec.Text)
		if len(texts) < maxDocs {
			texts = append(texts, rec.Text)
			timedBytes += len(rec.Text)
		}
	}
	if timedBytes == 0 {
		return fmt.Errorf("%s: no text", path)
	}

	runtime.LockOSThread()
	sh := shingle.NewShingler(5)
	var buf []uint64
	var set, scratch []uint32
	sig := make(shingle.Signature, shingle.DefaultSignatureSize)
	hashOnly := func(t string) int {
		buf = sh.Hashes(buf[:0], t)
		return len(buf)
	}
	signPath := func(t string) int {
		buf = sh.Hashes(buf[:0], t)
		set, scratch = shingle.Set32(set[:0], buf, scratch)
		shingle.Sign(sig, set, 1)
		return len(buf)
	}
	// One untimed pass builds the normalisation table and grows the buffers.
	for _, t := range texts[:min(len(texts), 100)] {
		signPath(t)
	}
	best := func(f func(string) int) (time.Duration, int) {
		runtime.GC()
		best, shingles := time.Duration(1<<63-1), 0
		for range rounds {
			n := 0
			start := time.Now()
			for _, t := range texts {
				n += f(t)
			}
			best = min(best, time.Since(start))
			shingles = n
		}
		return best, shingles
	}
	hashBest, shingles := best(hashOnly)
	signBest, _ := best(signPath)
	s, ss := hashBest.Seconds(), signBest.Seconds()
	mbps, signMBps := float64(timedBytes)/1e6/s, float64(timedBytes)/1e6/ss
	fmt.Printf("docs        %d\ntext_bytes  %d\ntimed_docs  %d\ntimed_bytes %d\nshingles    %d\nseconds     %.4f\nmb_per_s    %.1f\n",
		docs, textBytes, len(texts), timedBytes, shingles, s, mbps)
	fmt.Printf("sign_seconds  %.4f\nsign_mb_per_s %.1f\nsign_share    %.2f\n", ss, signMBps, signMBps/mbps)
	return nil
}
