// Package html writes reprint's HTML report: pages for people who would
// rather look than read CSV.
//
//	index.html          corpus summary, plots, the list of stories
//	list-N.html         further lists of stories when there are more than fit one page
//	stories/sNNNNNN.html one page per story with copies
//
// The index shows the counts (documents, outlets, stories, copies, the
// share of articles that are copies), three plots drawn as inline SVG (the
// distribution of containment over verified pairs, story sizes, and who
// copied from whom as an outlet by outlet matrix), and the stories as a
// table that a small inline script sorts, filters and pages without a
// server. Each story page lists the members (outlet, date, title, origin or
// copy, and which member it was copied from, with the confidence and the
// reason), the story's containment matrix as a heatmap, and each copy side
// by side with its source.
//
// # Side by side
//
// The two texts are aligned word by word, not line by line, so that
// re-flowed paragraphs still line up: anchored on shingles that occur once
// in each text, the longest chain of them that runs forward in both,
// then the gaps filled the same way with single unique words and, for
// small gaps, an exact longest common subsequence (see align.go). Each
// passage is kept, cut (source only), added (copy only) or edited, and the
// view gives the share of each side's words kept in the other, over all
// words and over words that are not template text, beside the shingle
// containment the scan measured. Words that the scan suppressed as
// template text (every shingle around them was the outlet's or the
// corpus's template) are shown greyed, not hidden, so a reader sees why
// they did not count.
//
// # Safety
//
// Article text is scraped: it contains markup and scripts. Every string
// is escaped: in the page templates by html/template's contextual
// escaping, and in the parts written in Go for speed (the side-by-side
// rows, the members table, the heatmaps; see markup.go) by an escaper
// that replaces what html/template's does in text and quoted attributes
// (a fuzz test holds them equal). The only code on a
// page is its own inline style and, on list pages, its own inline script,
// and a Content-Security-Policy meta tag allows exactly those by their
// SHA-256 hashes and nothing else (no network, no fonts, no event
// handlers). File names come from story numbers, never from document IDs
// or titles. Files are written atomically: renamed into place when
// complete (story pages are not synced one by one; see writePage).
//
// # Scale
//
// Aligning and showing texts is most of a report's cost, so
// Options.Views bounds the stories whose pages show copies side by side
// (the largest; the CLI's default is 2,000): the other story pages list
// the members with their sources and scores, and the index still lists
// every story. TextsNeeded names the texts the views need, so that a
// caller reading the inputs again keeps only those, and Write writes the
// pages without views before it asks for any text, so that the reading
// overlaps with writing them.
package html
