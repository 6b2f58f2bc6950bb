module github.com/reprint-news/reprint/bench/ceiling

go 1.26.0

replace github.com/reprint-news/reprint => ../..

require github.com/reprint-news/reprint v0.0.0-00010101000000-000000000000

require (
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/klauspost/cpuid/v2 v2.2.10 // indirect
	github.com/zeebo/xxh3 v1.1.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
