// Package credit finds the wire agencies a news text credits: Reuters, AP,
// AFP, dpa, Xinhua and the others in Agencies.
//
// Find looks for an agency name only inside a crediting pattern. A name
// alone is never a credit: "Reuters reported", "told Reuters", "Reuters
// quoted Sullivan", "according to AFP", "Interfax reported Wednesday", "an
// AP-NORC poll", "a Reuters/Ipsos poll", "Bloomberg News reported", "the AP
// Stylebook" are mentions, and Find ignores them. Precision comes before
// recall: a form that is ambiguous is left out rather than guessed.
//
// # Agency names
//
// The names are data (agencies.go): each canonical name with its aliases,
// including common forms in other languages ("Agence France-Presse",
// "Agencia EFE", "Deutsche Presse-Agentur", "新华社"/"新華社", "ТАСС",
// "Интерфакс", "共同通信", "연합뉴스"). A short ASCII alias (four bytes or
// fewer: AP, PA, ANI, PTI, EFE, UPI, AFP, dpa, TASS, ANSA) matches only in
// the listed case, so "Pa" or "Ansa" is no agency; a longer ASCII alias
// matches in any case ("REUTERS"). Aliases match on word boundaries, so
// "APPLE", "snapped", "ANSAR" or "Tassel" hold no agency; next to Han, kana
// or Hangul, which are written without spaces, no boundary is needed. At
// each position the longest alias wins ("PA Media" over "PA"), and a
// leading "The" belongs to the name ("© 2024 The Associated Press").
// Names joined by "/", ",", "and" or "&" form one list ("(AFP/Reuters)",
// "Reuters and AFP, MOSCOW") and share the evidence.
//
// # Patterns
//
// A paragraph is a line of the text; patterns that need "the start of a
// paragraph" allow leading spaces and a list bullet.
//
// Dateline (KindDateline), the strongest evidence, at the start of a
// paragraph:
//   - a place, then the agency in brackets, then a dash ("-", "–", "—",
//     "--") or a colon: "MOSCOW (Reuters) -", "PARIS (AFP) —", "BEIJING,
//     Jan 5 (Reuters) -", "SAN JUAN, Puerto Rico (AP) —", "Madrid, 5 ene
//     (EFE).-", "New Delhi [India], January 5 (ANI):", "Berlin (dpa/lnw) -".
//     The place is capitalised words with commas, slashes, a date and name
//     particles ("COPENHAGEN/PARIS", "ATHENS, Pa."). With a place, the dash
//     may be missing when a sentence follows ("New Delhi, Jan 5 (PTI) The").
//   - the bracket with the place stripped: "(Reuters) - Oil prices rose".
//   - TASS's slashes: "MOSCOW, January 28. /TASS/.".
//   - the inverted form, agency, comma, place, on a line of its own or
//     before a dash: "Reuters, MOSCOW", "AFP, Paris", "AFP, TAIPEI, with
//     staff writer".
//   - East Asian forms: "新华社北京1月5日电", "【ワシントン共同】",
//     "(서울=연합뉴스)".
//
// Byline (KindByline): a line "By NAME(S)" ending with the agency and maybe
// a job title ("By Jane Doe, Associated Press", "By JANE DOE AP Business
// Writer", "By Jane Doe and John Smith | Reuters", "By Reuters Staff", "By
// AFP"), or followed by a line that starts with the agency ("By JANE
// DOE\nAP Medical Writer"). "Por", "Par" and "Von" lead bylines too. What
// follows the agency must be empty or title words, so "By AP standards"
// is no byline.
//
// Credit line (KindCreditLine):
//   - reporting credits, a paragraph that starts with "Additional reporting",
//     or with "Reporting by", "Writing by", "Compiled by" and is bracketed
//     or names an editor: the agencies named in it ("(Additional reporting
//     by Reuters bureaux, ...)"). Reuters' unsigned sign-off "(Reporting by
//     X; Editing by Y)" names no agency and counts for Reuters only when the
//     text also has a Reuters dateline or tag.
//   - contribution lines: "Associated Press writer Jane Doe contributed to
//     this report.", "Contributing: Jane Doe, The Associated Press".
//   - copyright: "© 2024 The Associated Press", "Copyright 2024 Reuters".
//   - "Source: AFP", "Sources: AFP, Reuters" (the list must end the
//     paragraph: "Source: Reuters/Ipsos" is a poll).
//   - a sign-off dash at the end of a paragraph, after a sentence or on its
//     own line: "... said. —AFP", "— Reuters", "— With AFP".
//   - "with" at the start of a clause, ending the paragraph: "(with AFP)",
//     "(With inputs from PTI)", "With PTI inputs". "signed a deal with AFP."
//     is no credit.
//   - the agency in brackets ending a paragraph after a sentence: "... the
//     lawyer said. (AFP)".
//
// Tag (KindTag): the agency in brackets alone on a line, "(Reuters)", or
// opening a paragraph without a dash.
//
// Photo (KindPhoto): picture credits. "Photo: Reuters", "Photo by Jane
// Doe/AFP", "Credit: AFP", "(AP Photo/Evan Vucci)", "AFP PHOTO / ...",
// "AFP via Getty Images", "REUTERS/Maxim Shemetov" (agency in capitals),
// and a caption ending "NAME / AGENCY" after the end of a sentence or
// alone on its line ("... Yury Ushakov. Mikhail Metzel / TASS").
//
// # Pictures are not stories
//
// An agency photograph on a page does not make the text that agency's
// story. The task brief listed "Photo: AFP" among credit lines; this
// package reports it, and every other picture credit, as KindPhoto, the
// weakest kind, so callers that want story credits skip KindPhoto. Because
// Find keeps one credit per agency, a photo credit appears only for an
// agency the text credits in no other way. On the seed pages: 003
// (Reuters story, inverted dateline "Reuters, MOSCOW") also has "Photo:
// Reuters", which loses to the dateline; 004 (a Moscow Times article that
// only cites Interfax) has the caption "Mikhail Metzel / TASS", so Find
// returns TASS with KindPhoto and no story credit.
//
// # Abbreviations are not credits
//
// A bracket that spells out the words before it is an abbreviation, not a
// credit: "Agence France-Presse (AFP)", "Palestinian Authority (PA) -",
// "Unified Payments Interface (UPI)." A bracketed name ends a paragraph as
// a credit only after a sentence, so "lives in Pittsburgh (PA)." is none.
//
// # Known gaps
//
// Left out for precision: an agency name alone on a line (a provider
// label on aggregators, but as often a menu entry), "Reuters - text" with
// no bracket, a dateline that does not start its paragraph (text
// extracted with the headline run into the body), "Posted by Reuters".
// Not handled: "By Jane Doe, Pittsburgh, PA" reads as a PA byline.
//
// # Speed
//
// One pass over the bytes finds alias candidates (a 64 Kbit filter on
// each word start's first three bytes), then only the few occurrences are
// examined, on their own line. On a 10 KB page Find takes tens of
// microseconds (BenchmarkFind).
package credit
