package main

import "io"

// cmdCheck is being written (issue work in progress); until then it refuses.
func cmdCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return usageErr("check: not implemented yet")
}
