package html

import (
	"os"
	"path/filepath"
)

// writePage writes a story page atomically: into a temporary file in the
// same directory, renamed over path only when complete, so a reader never
// sees half a page under its name. Unlike report.WriteFile it does not
// sync each file: a report of 100,000 documents has 16,000 story pages,
// and syncing them one by one took more wall time than building them.
// The pages are derived from the scan's outputs (which are synced) and
// can be written again; the index, which links them, is written after
// them with report.WriteFile.
func writePage(path string, page []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(page); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
