package main

import "io"

// cmdDiff is being written (issue work in progress); until then it refuses.
func cmdDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return usageErr("diff: not implemented yet")
}
