// Package synth generates a seeded synthetic news corpus with reference
// labels, for testing and benchmarking copy detection.
//
// # The model
//
// A corpus is what a news crawl of a few outlets over some months looks
// like, reduced to the cases that make finding copied stories hard:
//
//   - Wire originals (15% of documents): an agency (Reuters, AP, AFP, dpa,
//     Kyodo) reports an event, with a dateline ("MOSCOW (Reuters) - ..."),
//     often a byline, quotes from the people involved, and figures. It
//     appears on the agency's own site or on one outlet.
//   - Copies (35%): one to ten other outlets republish the original within
//     three days, lightly edited: a new headline, the tail cut (40-100% of
//     paragraphs kept), a paragraph dropped or two swapped, their own house
//     style (US for U.S., British spelling, curly quotes, "yesterday" for
//     the day of the event), another transliteration of a name or form of
//     an office, a dateline rewritten ("Reuters, MOSCOW") or dropped, the
//     agency credited or not, a few sentences retouched, sometimes a photo
//     caption or a paragraph of their own. A tenth of briefs are copied too.
//   - Heavy rewrites (10%): a newspaper's own article built from the wire
//     story: a new lead, most sentences paraphrased or their clauses
//     turned round, context paragraphs added, paragraphs reordered, some
//     quotes and sentences kept verbatim. It keeps 30-40% of the smaller
//     text's word 5-shingles: the generator chooses the verbatim sentences
//     against an estimate of that share.
//   - Same-event articles (10%): independent reporting on an original's
//     event: the same people, places and figures and one or two of the
//     same quotes, otherwise fresh prose, sharing well under a tenth of the
//     smaller text's 5-shingles with the original. A different story.
//   - Templated briefs (15%): earnings, sports results, weather, market
//     closes and rate decisions, each a fixed frame of sentences with slots
//     for names and figures. Briefs of one template share most of their
//     wording, yet each is its own story.
//   - Singles (15%): unrelated articles.
//
// Every outlet wraps what it publishes in its page template: a header
// (name, navigation, perhaps a cookie notice shared with other outlets), a
// donation appeal and a footer, and on some outlets a "recommended stories"
// list of its own recent headlines, which changes from page to page. A few
// outlets publish bare text. So two different articles of one outlet share
// template text, while a copy on another outlet does not share it with its
// original: the trap that defeats plain Jaccard on whole pages.
//
// About a fifth of the documents have no date. URLs have the form
// https://DOMAIN/YYYY/MM/slug-N; domains end in .example. People, places,
// organisations and outlets are invented.
//
// # Text
//
// Prose comes from a small phrase-structure grammar (clauses, noun and
// prepositional phrases, reported speech, quotes) over a vocabulary of a
// few thousand words: hand-written news words followed by a generated tail
// of English-looking words, drawn with Zipf-Mandelbrot frequencies, so that
// "the", "of" and "said" are among the commonest words. It is English in
// shape, not in sense. Sentences have 10 to 30 words and paragraphs one to
// four sentences; articles have 250 to 1,000 words (wire originals 300 to
// 900, briefs 60 to 150).
//
// Text is generated in a canonical form in which quote marks, house-style
// spellings and the day of the event are markers; rendering for an outlet
// replaces them in one pass.
//
// # Determinism and streaming
//
// A Config gives the same corpus, byte for byte, on any machine: all
// randomness comes from one PCG source seeded from Config.Seed, consumed
// in a fixed order, and nothing depends on map iteration order. The
// vocabulary is the same for all seeds. [GenerateFunc] publishes day by
// day and keeps a story only while copies, rewrites or same-event
// articles of it are still to come, so memory stays flat for any corpus
// size; [Generate] collects its output.
//
// Labels: [Article.Story] is the reference grouping a copy detector should
// find; Kind, Source, Event and Template allow per-kind scores (see package
// eval).
package synth
