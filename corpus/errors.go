package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// InputError is a fatal problem with an input, naming the file and, when
// the problem is inside the file, the 1-based line.
type InputError struct {
	File string // input path as given, or "-" for stdin
	Line int    // 1-based line; 0 when the problem concerns the whole file
	// Record is the 1-based number of the WARC record concerned; 0 when
	// the problem is not in a WARC record.
	Record int
	Msg    string
}

// Error returns "FILE:LINE: msg", "FILE: record N: msg" for a WARC
// record, or "FILE: msg".
func (e *InputError) Error() string {
	if e.Record > 0 {
		return fmt.Sprintf("%s: record %d: %s", e.File, e.Record, e.Msg)
	}
	return where(e.File, e.Line) + ": " + e.Msg
}

// Rejected is an input document that could not be used, with why.
// Read collects these instead of failing when Options.SkipBad is set.
type Rejected struct {
	Source string // input path as given, or "-" for stdin
	Line   int    // 1-based line or record start, or WARC record number; 0 for a whole file
	ID     string // document ID when known, else ""
	Reason string // the message an InputError would have carried
}

// isWARC reports whether src names a WARC input, whose documents are
// numbered by record rather than by line.
func isWARC(src string) bool {
	base, _ := splitCodec(src)
	return strings.EqualFold(filepath.Ext(base), ".warc")
}

// place formats where document n of src is: "FILE:LINE", "FILE record N"
// for a WARC record, or "FILE" when n is 0.
func place(src string, n int) string {
	if n > 0 && isWARC(src) {
		return fmt.Sprintf("%s record %d", src, n)
	}
	return where(src, n)
}

// where formats a position as "FILE:LINE", or "FILE" when line is 0.
func where(file string, line int) string {
	if line == 0 {
		return file
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// errMsg returns err's text without the path an *fs.PathError repeats,
// since an InputError names the file itself; "symlink loop" for a loop of
// symbolic links.
func errMsg(err error) string {
	if errors.Is(err, syscall.ELOOP) {
		return "symlink loop"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
