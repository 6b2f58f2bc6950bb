// Command ceiling measures the machine's single-core ceiling for reprint's
// first stage: tokenising and shingle-hashing text with reprint's shingle
// package, and nothing else.
//
//	ceiling [-max-docs N] [-rounds R] CORPUS.jsonl
//
// It reads the texts of the corpus (JSONL, field text) into memory first,
// counting the UTF-8 bytes of all of them, then, on one goroutine, times
// (*shingle.Shingler).Hashes over the first -max-docs texts, -rounds times,
// and reports the best round. Output, one `name value` per line:
//
//	docs        documents in the corpus
//	text_bytes  bytes of text in the corpus
//	timed_docs  documents hashed per round
//	timed_bytes bytes of text hashed per round
//	shingles    shingle hashes per round
//	seconds     best round
//	mb_per_s    timed_bytes / 1e6 / seconds
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
	// One untimed pass builds the normalisation table and grows the buffers.
	for _, t := range texts[:min(len(texts), 100)] {
		buf = sh.Hashes(buf[:0], t)
	}
	runtime.GC()
	best := time.Duration(1<<63 - 1)
	shingles := 0
	for range rounds {
		n := 0
		start := time.Now()
		for _, t := range texts {
			buf = sh.Hashes(buf[:0], t)
			n += len(buf)
		}
		best = min(best, time.Since(start))
		shingles = n
	}
	s := best.Seconds()
	fmt.Printf("docs        %d\ntext_bytes  %d\ntimed_docs  %d\ntimed_bytes %d\nshingles    %d\nseconds     %.4f\nmb_per_s    %.1f\n",
		docs, textBytes, len(texts), timedBytes, shingles, s, float64(timedBytes)/1e6/s)
	return nil
}
