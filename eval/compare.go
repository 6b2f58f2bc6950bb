package eval

// Scores is the agreement of a predicted clustering with a reference one.
type Scores struct {
	Docs      int   // documents present in both assignments
	TruePairs int64 // unordered pairs in one reference story
	PredPairs int64 // unordered pairs in one predicted story
	TP        int64 // pairs in one story in both

	Precision float64 // TP / PredPairs; 1 when PredPairs is 0
	Recall    float64 // TP / TruePairs; 1 when TruePairs is 0
	F1        float64 // harmonic mean of Precision and Recall
	ARI       float64 // adjusted Rand index (Hubert and Arabie)
}

// Compare scores pred against truth on the documents present in both;
// documents in only one of them are ignored. It builds the contingency table
// of the two partitions and derives every count from it, in time linear in
// the number of documents.
func Compare(pred, truth Assignment) Scores {
	predIdx := make(map[string]int32)
	truthIdx := make(map[string]int32)
	cells := make(map[uint64]int64)
	var predSize, truthSize []int64
	var s Scores
	for id, p := range pred {
		t, ok := truth[id]
		if !ok {
			continue
		}
		s.Docs++
		i, ok := predIdx[p]
		if !ok {
			i = int32(len(predSize))
			predIdx[p] = i
			predSize = append(predSize, 0)
		}
		j, ok := truthIdx[t]
		if !ok {
			j = int32(len(truthSize))
			truthIdx[t] = j
			truthSize = append(truthSize, 0)
		}
		predSize[i]++
		truthSize[j]++
		cells[uint64(i)<<32|uint64(j)]++
	}
	for _, n := range cells {
		s.TP += pairs(n)
	}
	for _, n := range predSize {
		s.PredPairs += pairs(n)
	}
	for _, n := range truthSize {
		s.TruePairs += pairs(n)
	}
	s.Precision = ratio(s.TP, s.PredPairs)
	s.Recall = ratio(s.TP, s.TruePairs)
	if sum := s.Precision + s.Recall; sum > 0 {
		s.F1 = 2 * s.Precision * s.Recall / sum
	}
	s.ARI = ari(s.TP, s.PredPairs, s.TruePairs, pairs(int64(s.Docs)))
	return s
}

// ari is the adjusted Rand index from pair counts: index tp, row and column
// pair sums a and b, and all pairs n2.
func ari(tp, a, b, n2 int64) float64 {
	// The denominator M - E is zero only when both partitions are all
	// singletons (a = b = 0) or both one cluster (a = b = n2): identical.
	if n2 == 0 || (a == b && (a == 0 || a == n2)) {
		return 1
	}
	expected := float64(a) * float64(b) / float64(n2)
	maximum := (float64(a) + float64(b)) / 2
	return (float64(tp) - expected) / (maximum - expected)
}

// Together counts, over all unordered pairs of documents inside each group,
// how many pred puts in one story. It returns that count and the number of
// pairs. A document missing from pred is alone in its story. IDs within a
// group are taken to be distinct. With groups of reference copies it
// measures recall per kind of copy; with groups of documents that must stay
// apart (say, all briefs of one template) it measures false merges.
func Together(groups [][]string, pred Assignment) (together, total int64) {
	count := make(map[string]int64)
	for _, g := range groups {
		total += pairs(int64(len(g)))
		clear(count)
		for _, id := range g {
			if story, ok := pred[id]; ok {
				count[story]++
			}
		}
		for _, n := range count {
			together += pairs(n)
		}
	}
	return together, total
}

func pairs(n int64) int64 { return n * (n - 1) / 2 }

func ratio(num, den int64) float64 {
	if den == 0 {
		return 1
	}
	return float64(num) / float64(den)
}
