package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// InputError is a fatal problem with an input, naming the file and, when
// the problem is inside the file, the 1-based line.
type InputError struct {
	File string // input path as given, or "-" for stdin
	Line int    // 1-based line; 0 when the problem concerns the whole file
	Msg  string
}

// Error returns "FILE:LINE: msg", or "FILE: msg" when Line is 0.
func (e *InputError) Error() string {
	return where(e.File, e.Line) + ": " + e.Msg
}

// Rejected is an input document that could not be used, with why.
// Read collects these instead of failing when Options.SkipBad is set.
type Rejected struct {
	Source string // input path as given, or "-" for stdin
	Line   int    // 1-based line or record start; 0 for a whole file
	ID     string // document ID when known, else ""
	Reason string // the message an InputError would have carried
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
