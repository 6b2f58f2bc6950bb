// Package eval scores a clustering of documents into stories against a
// reference labelling.
//
// Both clusterings are partitions of the same documents, given as an
// [Assignment] from document ID to story ID. [Compare] reports two views of
// their agreement, both computed from the contingency table n_ij (documents
// that the prediction puts in story i and the reference in story j) without
// enumerating pairs, so a million documents cost a few map operations each:
//
//   - Pairwise precision, recall and F1 over unordered same-story pairs:
//     TP = Σ C(n_ij, 2), predicted pairs = Σ_i C(a_i, 2), true pairs =
//     Σ_j C(b_j, 2), where a_i and b_j are the row and column sums. This is
//     the measure the project's targets are stated in: a pair is what a
//     user sees as "these two articles are the same story".
//   - The adjusted Rand index of Hubert and Arabie (1985), "Comparing
//     partitions", Journal of Classification 2:193-218:
//     ARI = (TP - E) / (M - E) with E = predicted·true / C(n, 2) and
//     M = (predicted + true) / 2. It is 1 for identical partitions, about 0
//     for a random one with the same cluster sizes, and can be negative.
//
// Pairwise scores are dominated by large stories (a story of n copies
// holds n(n-1)/2 pairs), so [Together] reports recall or false-merge rates
// over chosen groups of documents, such as all copies of wire stories or
// all briefs of one template, to see each kind of case separately.
//
// [ReadAssignment] reads the CSV files that `reprint scan` writes
// (assignments.csv, header doc_id,story_id) and that reference labels use.
package eval
