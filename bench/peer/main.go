// Command peer is the MinHash-LSH harness that reprint's benchmark compares
// against: what a user of github.com/ekzhu/minhash-lsh would write to find
// copied stories in a news corpus.
//
//	peer [flags] CORPUS.jsonl
//
// It reads JSONL documents (fields id and text), shingles each text with
// reprint's own shingle package (word 5-shingles after normalisation,
// 64-bit XXH3; so both tools see exactly the same shingles), and builds a
// 128-value MinHash of each shingle set with the library's own
// minhashlsh.NewMinhash (which wraps github.com/dgryski/go-minhash:
// h_i(x) = h1(x) + i*h2(x) with two seeded FNV-1a hashes of the shingle's
// 8 bytes). Every signature is added to minhashlsh.NewMinhashLSH (32-bit
// hash values in the band keys, band count and width chosen by the library
// for the Jaccard threshold), every document is queried, and each candidate
// pair is, with -verify, kept only if the exact Jaccard similarity of the
// two shingle sets reaches the threshold. Union-find turns the pairs into
// groups. It writes OUT/assignments.csv (doc_id,story_id, one row per
// document in input order) and OUT/pairs.csv (doc_a,doc_b,jaccard; exact
// with -verify, else the signature estimate).
//
// Signatures and queries run on -workers goroutines (default: all CPUs), as
// reprint's do; reading, Add and Index are sequential, as the library
// requires.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"
	"github.com/reprint-news/reprint/shingle"
)

type config struct {
	threshold float64
	perms     int
	seed      int64
	verify    bool
	workers   int
	out       string
}

func main() {
	var c config
	flag.Float64Var(&c.threshold, "threshold", 0.3, "Jaccard `threshold` for the LSH index (and for -verify)")
	flag.IntVar(&c.perms, "perms", 128, "MinHash signature size")
	flag.Int64Var(&c.seed, "seed", 1, "MinHash seed")
	flag.BoolVar(&c.verify, "verify", false, "keep a candidate pair only if its exact shingle Jaccard reaches -threshold")
	flag.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "goroutines for signatures and queries")
	flag.StringVar(&c.out, "out", "", "write assignments.csv and pairs.csv to `DIR`")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: peer [flags] CORPUS.jsonl\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || c.out == "" || c.workers < 1 || c.perms < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "peer:", err)
		os.Exit(1)
	}
}

// doc is what the harness keeps of a document: its signature and, for
// -verify, its sorted shingle set.
type doc struct {
	sig []uint64
	set []uint64
}

type pair struct {
	a, b int
	sim  float64
}

func run(c config, path string) error {
	start := time.Now()
	ids, docs, err := readAndSign(c, path)
	if err != nil {
		return err
	}
	tSign := time.Since(start)

	t := time.Now()
	lsh := minhashlsh.NewMinhashLSH(c.perms, c.threshold)
	for i, d := range docs {
		if len(d.sig) > 0 {
			lsh.Add(i, d.sig)
		}
	}
	lsh.Index()
	tIndex := time.Since(t)

	t = time.Now()
	pairs, candidates := query(c, lsh, docs)
	tQuery := time.Since(t)

	t = time.Now()
	groups := components(len(docs), pairs)
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	if err := writeAssignments(filepath.Join(c.out, "assignments.csv"), ids, groups); err != nil {
		return err
	}
	if err := writePairs(filepath.Join(c.out, "pairs.csv"), ids, pairs); err != nil {
		return err
	}
	tWrite := time.Since(t)

	k, l := lsh.Params()
	fmt.Fprintf(os.Stderr, "peer: %d documents, threshold %.2f, %d perms, %d bands of %d, verify %v: %d candidate pairs, %d kept\n",
		len(docs), c.threshold, c.perms, l, k, c.verify, candidates, len(pairs))
	fmt.Fprintf(os.Stderr, "peer: time %.3fs (read+shingle+minhash %.3fs, index %.3fs, query%s %.3fs, groups+write %.3fs)\n",
		time.Since(start).Seconds(), tSign.Seconds(), tIndex.Seconds(), map[bool]string{true: "+verify"}[c.verify], tQuery.Seconds(), tWrite.Seconds())
	return nil
}

// readAndSign decodes the corpus on this goroutine and shingles and signs
// the texts on c.workers others.
func readAndSign(c config, path string) ([]string, []doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()

	type job struct {
		i    int
		text string
	}
	jobs := make(chan job, 4*c.workers)
	var mu sync.Mutex
	var docs []doc
	var wg sync.WaitGroup
	for range c.workers {
		wg.Go(func() {
			sh := shingle.NewShingler(5)
			var buf [8]byte
			for j := range jobs {
				set := shingle.Set(sh.Hashes(nil, j.text))
				var d doc
				if len(set) > 0 {
					mh := minhashlsh.NewMinhash(c.seed, c.perms)
					for _, h := range set {
						binary.LittleEndian.PutUint64(buf[:], h)
						mh.Push(buf[:])
					}
					d.sig = mh.Signature()
					if c.verify {
						d.set = set
					}
				}
				mu.Lock()
				for len(docs) <= j.i {
					docs = append(docs, doc{})
				}
				docs[j.i] = d
				mu.Unlock()
			}
		})
	}

	var ids []string
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	for line := 1; ; line++ {
		var rec struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err = dec.Decode(&rec); err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			} else {
				err = fmt.Errorf("%s: document %d: %w", path, line, err)
			}
			break
		}
		if rec.ID == "" {
			err = fmt.Errorf("%s: document %d: no id", path, line)
			break
		}
		ids = append(ids, rec.ID)
		jobs <- job{len(ids) - 1, rec.Text}
	}
	close(jobs)
	wg.Wait()
	for len(docs) < len(ids) {
		docs = append(docs, doc{})
	}
	return ids, docs, err
}

// query looks every document up in the index on c.workers goroutines and
// returns each pair a < b once, with its similarity, and the number of
// candidate pairs before verification.
func query(c config, lsh *minhashlsh.MinhashLSH, docs []doc) ([]pair, int) {
	var mu sync.Mutex
	var all []pair
	candidates := 0
	var wg sync.WaitGroup
	for w := range c.workers {
		wg.Go(func() {
			var mine []pair
			n := 0
			for a := w; a < len(docs); a += c.workers {
				if docs[a].sig == nil {
					continue
				}
				for _, key := range lsh.Query(docs[a].sig) {
					b := key.(int)
					if b <= a {
						continue // band collisions are symmetric: count each pair once
					}
					n++
					var sim float64
					if c.verify {
						sim = jaccard(docs[a].set, docs[b].set)
						if sim < c.threshold {
							continue
						}
					} else {
						sim = estimate(docs[a].sig, docs[b].sig)
					}
					mine = append(mine, pair{a, b, sim})
				}
			}
			mu.Lock()
			all = append(all, mine...)
			candidates += n
			mu.Unlock()
		})
	}
	wg.Wait()
	return all, candidates
}

// jaccard is |a ∩ b| / |a ∪ b| of two sorted, duplicate-free sets.
func jaccard(a, b []uint64) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// estimate is the fraction of MinHash values two signatures share.
func estimate(a, b []uint64) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// components labels each of n documents with the smallest document index
// of its connected component under pairs (union-find with path halving).
func components(n int, pairs []pair) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, p := range pairs {
		ra, rb := find(p.a), find(p.b)
		if ra == rb {
			continue
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra // the root stays the smallest index
	}
	for i := range parent {
		parent[i] = find(i)
	}
	return parent
}

func writeAssignments(path string, ids []string, groups []int) error {
	return writeFile(path, func(w *bufio.Writer) {
		w.WriteString("doc_id,story_id\n")
		for i, id := range ids {
			w.WriteString(csvField(id))
			w.WriteString(",g")
			w.WriteString(strconv.Itoa(groups[i]))
			w.WriteByte('\n')
		}
	})
}

func writePairs(path string, ids []string, pairs []pair) error {
	return writeFile(path, func(w *bufio.Writer) {
		w.WriteString("doc_a,doc_b,jaccard\n")
		for _, p := range pairs {
			fmt.Fprintf(w, "%s,%s,%.4f\n", csvField(ids[p.a]), csvField(ids[p.b]), p.sim)
		}
	})
}

func writeFile(path string, fill func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// csvField quotes s if CSV needs it.
func csvField(s string) string {
	for _, r := range s {
		if r == ',' || r == '"' || r == '\n' || r == '\r' {
			return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
	}
	return s
}
