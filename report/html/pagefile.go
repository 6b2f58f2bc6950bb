package html

import (
	"os"

	"github.com/reprint-news/reprint/internal/atomicfile"
)

// writePage writes a story page atomically: into a temporary file in the
// same directory, renamed over path only when complete, so a reader never
// sees half a page under its name. Unlike report.WriteFile it does not
// sync each file: a report of 100,000 documents has 16,000 story pages,
// and syncing them one by one took more wall time than building them.
// The pages are derived from the scan's outputs (which are synced) and
// can be written again; the index, which links them, is written after
// them with report.WriteFile.
func writePage(path string, page []byte) error {
	return atomicfile.WriteUnsynced(path, func(f *os.File) error {
		_, err := f.Write(page)
		return err
	})
}
