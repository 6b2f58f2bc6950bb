// Package corpus reads news articles into Documents: an ID, the outlet,
// URL, date and title when known, and the plain text.
//
// # Inputs
//
// Read takes a list of inputs and dispatches on each:
//
//   - A directory: every .txt, .html and .htm file below it (each
//     optionally .gz or .zst), recursively, in sorted order of relative
//     path; hidden files and directories (".name") are skipped, and
//     symbolic links to directories are not followed. An optional
//     manifest.csv or manifest.jsonl at the root gives metadata per
//     document: column or key "id", plus any of the Fields names for
//     outlet, url, date and title; other columns are ignored.
//   - A .txt file: one document. A .html or .htm file: one HTML page.
//   - A .jsonl or .ndjson file: one JSON object per line; blank lines are
//     skipped. "-" reads JSONL from Options.Stdin.
//   - A .csv file: a header row, then one document per record; quoted
//     fields may span lines.
//   - A .warc file (WARC 1.0 or 1.1, as crawlers write them; per-record
//     gzip as in .warc.gz too): each response record holding an HTTP 200
//     response of type text/html or application/xhtml+xml is an HTML
//     page, with the WARC-Record-ID as ID (the target URI when it has
//     none), the WARC-Target-URI as URL, and the WARC-Date as date when
//     the page gives none. A chunked or gzip-encoded body is decoded.
//     Every other record is skipped and counted in Stats.WARCSkipped by
//     why: "request record" (and likewise for each record type other than
//     response), "HTTP status 404", "not HTML", "response without HTTP".
//     Records are numbered from 1, and the number stands for a line in
//     messages ("crawl.warc.gz: record 7: ...") and in Rejected.Line.
//
// Anything else is an error. Extensions are matched in any case. JSONL
// keys and CSV columns are named by Fields (default id, text, outlet, url,
// date, title, html). When the text field is empty the html field's value
// is read as an HTML page. An empty JSONL or CSV input holds no
// documents, and is not an error.
//
// # HTML pages
//
// The main text of a page is found by an Extractor, DefaultExtractor
// (go-trafilatura) unless Options.Extractor says otherwise. The page's
// title, site name, canonical URL and publication date (from meta tags,
// JSON-LD or the page's text) fill in the document's title, outlet, URL
// and date where its manifest row, record fields or WARC headers give
// none. A page the extractor rejects (an error, or no text), a page over
// 8 MiB, or an extractor that panics, falls back to all the page's
// visible text (VisibleText) and a Warning to Options.Warn. Stats counts
// both kinds of page.
//
// Pages are converted and extracted on Options.Workers goroutines (by
// default one a core) while the reading goes on, a few pages a worker
// ahead (at most 4 a worker, and 64 MiB of pages and documents waiting).
// Everything else stays in input order on the goroutine that called
// Read: fn, Warn, the rejected list and Stats see the same calls in the
// same order for any number of workers, and the first error in input
// order stops Read. Inputs without HTML never wait for the workers.
// A page has no time limit: a goroutine cannot be stopped, so a page
// abandoned at a deadline would keep its worker's CPU and memory, and
// the output would depend on the machine's load; the size limit bounds
// the work instead.
//
// A page file or WARC payload is converted to UTF-8 from the charset of
// its byte order mark, else of the HTTP Content-Type header (WARC), else
// of a meta tag near its start; a page that declares none is UTF-8 when
// it is valid UTF-8 and windows-1252 otherwise, as browsers do. A byte
// that the charset cannot decode rejects the page ("invalid shift_jis at
// byte N"), as invalid UTF-8 rejects a .txt file. The html field of a
// JSONL or CSV record is already text, so its meta tags are ignored.
//
// # Compression and encodings
//
// Any input file, or text file in a directory, may be compressed: a name
// ending in .gz is read as gzip (concatenated members too), one ending in
// .zst as zstd (windows up to 128 MiB, the zstd tool's default limit);
// the extension before tells the format, as in "dump.jsonl.gz" or
// "a/story.txt.zst". Input is decompressed as it is read. A JSONL or CSV
// input expanding past MaxDecompressed bytes, or a .txt document past
// MaxDecompressedText, is refused as a likely decompression bomb
// ("decompressed size exceeds 64 GiB limit"). Manifests and stdin are
// never decompressed.
//
// Text is UTF-8. A UTF-8 byte order mark at the start of a file is
// ignored. A file (or stdin, or a manifest) starting with a UTF-16 byte
// order mark, little- or big-endian, is converted to UTF-8 after the mark;
// a surrogate without its pair or a last odd byte is "invalid UTF-16 at
// byte N", N counting the mark. Byte offsets in messages are those of the
// decompressed input, or of the converted text for UTF-16.
//
// A plain-text file may begin with a header line " date YYYY-MM-DD Title"
// (leading blanks optional, title optional). It gives the date and title
// and is dropped from the text. Manifest values win over header values.
//
// # IDs and metadata
//
// A document in a directory has as ID its path relative to the directory,
// with "/" separators and its extensions ("a/story.txt.gz"); a lone .txt,
// .html or .htm file (optionally .gz or .zst) has its base name. A JSONL
// or CSV record has
// its id field, or "SOURCE:LINE" when that is empty, SOURCE being the
// input as given. IDs must be unique across all inputs of one Read.
//
// The outlet is taken from metadata (for an HTML page, its site name too),
// else from the URL's host (OutletFromURL), else it is "". Dates are
// parsed by ParseDate.
//
// # Errors
//
// Every problem names the input and, inside a file, the 1-based line where
// the document starts (the header line for a bad header date, the
// manifest's line for bad manifest data). A document is bad when its
// input is not valid UTF-8 ("invalid UTF-8 at byte N", N being the 0-based
// byte offset in the file or stream), contains a NUL byte, is not a
// usable JSON object or CSV record, has a line longer than 64 MiB, has a
// bad date, has no text, or repeats an earlier ID. By default the first
// bad document stops Read with an *InputError; with Options.SkipBad it is
// returned as a Rejected and reading goes on (for CSV, at the line after
// the bad record).
//
// A stream that breaks off spoils the rest of its input: compressed data
// that is truncated ("truncated gzip stream (unexpected EOF)") or corrupt
// ("corrupt gzip stream (invalid checksum)"), that expands past its limit,
// or invalid UTF-16. For a JSONL or CSV input the error names the line
// reached; with SkipBad the documents before it are kept, one Rejected
// (with that line and no ID) stands for the rest, and reading goes on with
// the next input. For a .txt document it rejects the document. A WARC
// input breaks off the same way, at the record reached, when its
// compressed stream does, when a record ends before its Content-Length
// ("truncated WARC record (input ends before its Content-Length)"), or
// when a record is not WARC at all; a record with an unreadable or
// undecodable page rejects only that record.
//
// A .txt file that cannot be read rejects its document, as with
// "permission denied", or "symlink loop" for symbolic links that lead back
// to themselves. Some problems are fatal even with SkipBad, because no
// single document can be blamed: a missing or unreadable input path (a
// symlink loop too), an unsupported input type, a CSV header without a
// text or html column, an I/O error in the middle of a stream, an
// unreadable directory, and any problem in a manifest except a bad date
// (which rejects its document) and a row naming a missing file (which
// rejects the row).
package corpus
