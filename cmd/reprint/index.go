package main

import "io"

// cmdIndex is being written (issue work in progress); until then it refuses.
func cmdIndex(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return usageErr("index: not implemented yet")
}
