module github.com/reprint-news/reprint

go 1.26.0

require (
	github.com/cespare/xxhash/v2 v2.3.0
	github.com/klauspost/compress v1.20.4
	github.com/spf13/pflag v1.1.0
	golang.org/x/text v0.44.0
	gonum.org/v1/gonum v0.17.0
)
