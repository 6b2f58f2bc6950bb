// Package report writes what a scan found, one file per format:
//
//	stories.jsonl    one story with two or more members a line
//	pairs.csv        one verified copy a row
//	assignments.csv  one input document a row, in input order, with its story
//	rejected.csv     one rejected input document a row, with the reason
//	outlets.csv      one outlet a row: articles, copies, origins, credits
//	outlet_matrix.csv  copies by (copier outlet, source outlet)
//	summary          a short text for people (stdout)
//
// Every writer takes an io.Writer and a *scan.Result and writes the same
// bytes for the same result. WriteFile makes a file appear atomically.
package report
