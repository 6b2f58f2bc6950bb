package corpus

import "time"

// Document is one article as reprint sees it: an identity, where it was
// published, and its plain text.
type Document struct {
	ID     string    // unique within a run: relative path for files, id field for records
	Outlet string    // publisher; "" when unknown
	URL    string    // where it was published; "" when unknown
	Date   time.Time // publication time; the zero Time when unknown
	Title  string
	Text   string // main text, UTF-8

	Source string // input the document was read from (file path, or "-" for stdin)
	Line   int    // 1-based line or record number inside Source; 0 for a whole file
}

// HasDate reports whether the document's publication date is known.
func (d *Document) HasDate() bool { return !d.Date.IsZero() }
