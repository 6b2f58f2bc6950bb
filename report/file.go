package report

import (
	"bufio"
	"io"
	"os"

	"github.com/reprint-news/reprint/internal/atomicfile"
)

// WriteFile writes path atomically: write calls fill a temporary file in
// the same directory, which is synced and renamed over path only if all
// went well. A crash or an error leaves the old file, or none.
func WriteFile(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 1<<16)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}
