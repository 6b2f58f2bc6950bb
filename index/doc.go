// Package index keeps what reprint needs to match new articles against
// every article seen before, on local disk, for `reprint check` in CI: a
// daily dump is checked for copies inside itself and of anything indexed,
// without rescanning the history and without loading it.
//
// # What is kept
//
// Per document: its ID, outlet, URL, title, date and content fingerprint
// (Fingerprint), its shingle set after template suppression (what
// verification scores) and, when the scan kept them, the first and last
// shingles of the page (chrome detection between pages of one site). Per
// band of the LSH layout: every document's band key, sorted, so that a
// query looks up only its own keys. Per outlet: the template shingles
// learned so far, and the corpus-wide ones, so that a small new dump of a
// known outlet still has its chrome suppressed. Signatures are kept only
// as band keys (with the default one-row bands, the signature values
// themselves).
//
// # Matching
//
// A Batch (the features of a new dump, from a scan with KeepFeatures)
// first loses the stored template shingles of its outlets and is signed
// again. Each band's keys are looked up in each segment's sorted band
// table: a fence of the first key of every block of 512 entries is held
// in memory, so a lookup reads one or two 4 KiB blocks with ReadAt. A pair
// that collides in BandHits bands is a candidate, as in a scan; only then
// is the indexed document's record read, its set filtered with the
// templates known now (stored and learned from the dump), and the pair
// verified with cluster.Verify exactly as a scan would. Memory is the
// dump's features, the fences, the record offsets, the template sets and
// the candidate pairs: not the indexed sets.
//
// # Files
//
// An index is a directory: a MANIFEST and immutable segment files
// seg-NNNNNN.rpi, one per build or add. Writing a segment or a manifest
// goes to a temporary file that is synced and renamed into place; the
// manifest is renamed last, so a crash or an error at any point leaves the
// old manifest naming the old, complete segments. A build over an
// existing index writes a manifest naming only its new segment. Files the
// manifest does not name are removed after it is written. A lock file
// (LOCK, flock) keeps two writers apart.
//
// All integers are little-endian. Every file begins with a header:
//
//	magic    [8]byte  "RPRNTIDX"
//	version  u32      format version (FormatVersion)
//	kind     u32      1 manifest, 2 segment
//	hdrlen   u32      bytes of the whole header, magic to crc inclusive
//	params   Params   the parameters that change what is stored (68 bytes):
//	           normalisation u32 (shingle.Version), shingle size u32,
//	           signature size u32, seed u64, bands u32, rows u32,
//	           band hits u32, bucket cap u32, threshold f64, min shared u32,
//	           size ratio f64, template outlet docs u32, template corpus
//	           docs u32, bookend length u32
//	body     kind-specific, below
//	crc      u32      CRC-32C (Castagnoli) of every header byte before it
//
// hdrlen is at most 1 MiB for a segment, 16 MiB for a manifest. A reader checks the magic
// first ("not a reprint index"), then the version (a newer version is
// refused by name, never guessed at), then the length and the CRC, then
// the parameters: a segment whose parameters differ from its manifest's,
// or an index whose parameters differ from the caller's, is refused.
//
// The manifest body:
//
//	nseg     u32
//	per segment: name (u16 length, bytes), size u64, docs u32, header crc u32
//
// A segment must have exactly that size, that many documents and a header
// with that CRC: a truncated segment, or one swapped in from another
// index, is refused when the index is opened.
//
// The segment body:
//
//	docs     u32      documents
//	signed   u32      documents with a non-empty set (in the band tables)
//	nsec     u32      sections, then per section: id u32, offset u64, length u64, crc u32
//
// Sections (offsets from the start of the file, each section's CRC-32C
// over all its bytes; `reprint index verify` checks all of them):
//
//	1 records    one record per document, back to back:
//	               crc u32 (of the rest of the record), length u32 (of the rest),
//	               flags u8 (1 dated, 2 has page ends), id, outlet, url, title
//	               (each uvarint length + bytes), if dated: unix seconds i64,
//	               nanoseconds u32, zone offset seconds i32; fingerprint u64;
//	               uvarint counts of set, head and tail; the hashes as u32
//	2 offsets    u64 per document: where its record starts in section 1,
//	             and one more: the section's length (held in memory)
//	3 bands      per band, `signed` entries key<<32|doc as u64, sorted;
//	             band b starts at entry b*signed
//	4 fences     per band, per block of 512 entries: the block's first key
//	             u32 and its CRC-32C u32 (held in memory)
//	5 templates  per outlet: sorted u32 template hashes, back to back
//	6 outlets    per outlet with templates, sorted by name: name (uvarint
//	             length + bytes), offset u64 into section 5, count u32,
//	             crc u32 of those bytes; the name "" holds the corpus-wide
//	             template shingles (held in memory; the arrays are read
//	             when an outlet is first needed)
//
// What a query reads it checks: the header, the sections held in memory,
// each band block against its fence CRC, each record against its own CRC,
// each outlet's templates against theirs, and every length against what
// contains it. A flipped byte or a truncation therefore gives an error
// when the bytes are read, never a wrong match; Verify reads everything.
//
// # Compatibility
//
// Two indexes, or an index and a scan, match only with equal Params: the
// normalisation version, shingle size, signature size and seed decide the
// shingle hashes and signatures, the bands and rows the band keys, the
// threshold, minimum shared shingles, size ratio and bookend length the
// copies, and the template thresholds the suppression. A reader refuses
// any difference with a message naming it.
//
// Format version history:
//
//	1  first version: the layout above
package index
