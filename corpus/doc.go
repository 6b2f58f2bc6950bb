// Package corpus reads news articles into Documents: an ID, the outlet,
// URL, date and title when known, and the plain text.
//
// # Inputs
//
// Read takes a list of inputs and dispatches on each:
//
//   - A directory: every .txt file below it, recursively, in sorted order
//     of relative path; hidden files and directories (".name") are skipped.
//     An optional manifest.csv or manifest.jsonl at the root gives metadata
//     per document: column or key "id", plus any of the Fields names for
//     outlet, url, date and title; other columns are ignored.
//   - A .txt file: one document.
//   - A .jsonl or .ndjson file: one JSON object per line; blank lines are
//     skipped. "-" reads JSONL from Options.Stdin.
//   - A .csv file: a header row, then one document per record; quoted
//     fields may span lines.
//
// Anything else is an error. JSONL keys and CSV columns are named by
// Fields (default id, text, outlet, url, date, title, html). When the text
// field is empty the html field's value is used, with tags stripped.
//
// A plain-text file may begin with a header line " date YYYY-MM-DD Title"
// (leading blanks optional, title optional). It gives the date and title
// and is dropped from the text. Manifest values win over header values.
//
// # IDs and metadata
//
// A document in a directory has as ID its path relative to the directory,
// with "/" separators and its extension; a lone .txt file has its base
// name. A JSONL or CSV record has its id field, or "SOURCE:LINE" when that
// is empty, SOURCE being the input as given. IDs must be unique across all
// inputs of one Read.
//
// The outlet is taken from metadata, else from the URL's host
// (OutletFromURL), else it is "". Dates are parsed by ParseDate. A UTF-8
// byte order mark at the start of a file is ignored.
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
// Some problems are fatal even with SkipBad, because no single document
// can be blamed: a missing or unreadable input path, an unsupported input
// type, a CSV header without a text or html column, an I/O error in the
// middle of a stream, an unreadable directory, and any problem in a
// manifest except a bad date (which rejects its document) and a row
// naming a missing file (which rejects the row).
package corpus
