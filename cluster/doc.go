// Package cluster turns shingle sets and signatures into stories.
//
// Three steps, each cheap enough to run over millions of documents:
//
//  1. Candidates: locality-sensitive hashing on MinHash signatures
//     (Indyk & Motwani 1998; Broder 1997). The signature of b*r values is
//     cut into b bands of r rows; two documents whose signatures agree on
//     whole bands, in at least a given number of them, are a candidate
//     pair. Params picks (b, r) for a Jaccard threshold by minimising the
//     false-positive plus false-negative area under that S-curve
//     (Collision). The threshold fed to it is not the
//     copy threshold: a copy is judged on containment, and a trimmed copy
//     inside a long page has a much lower Jaccard than containment, so
//     LSH is tuned for JaccardFloor(threshold, ratio), the lowest Jaccard a
//     copy can have when one text is up to ratio times the other. With the
//     defaults this gives 128 bands of one row, and a pair must agree in
//     two of them: a copy at that Jaccard does so with probability 0.99,
//     a pair sharing one stock phrase in a hundred with 0.36, and
//     verification weeds out the rest.
//  2. Verification: each candidate pair is scored exactly on its shingle
//     sets after template suppression: Jaccard, and containment both ways.
//     A copy is a pair whose smaller text is contained in the larger at
//     least to the threshold. Pages of one site also lose shared runs
//     anchored at the start or end of both pages (chrome the corpus was
//     too small to learn).
//  3. Stories: verified copies form a graph (gonum); its connected
//     components are split by Louvain community detection, so a page that
//     bridges two stories does not merge them. Provenance orders each
//     story's members and names each copy's most likely source.
package cluster
