#!/bin/sh
# Regenerates the files of testdata/bad that are not plain text. Each file
# is one failure; corpus/bad_test.go says what reading it must give.
set -e
cd "$(dirname "$0")"

printf '' > empty.txt
printf ' \n\t\n   \r\n\n' > whitespace.txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\020\000\000\000\020\010\006\000\000\000' > binary.txt
printf 'Caf\351 au lait, written in Latin-1.\n' > invalid-utf8.txt
{
	printf '{"id":"u1","text":"Plain ASCII is fine."}\n'
	printf '{"id":"u2","text":"Caf\351 au lait, written in Latin-1."}\n'
	printf '{"id":"u3","text":"Caf\303\251 au lait, written in UTF-8."}\n'
} > invalid-utf8.jsonl

lines='{"id":"t1","text":"First story, read whole."}
{"id":"t2","text":"Second story, read whole."}
{"id":"t3","text":"Third story, cut off in the middle by the truncation of the file."}
'
# One gzip member cut 40 bytes before its end: inside the third line.
printf '%s' "$lines" | gzip -n -9 | head -c -40 > truncated.jsonl.gz
# Three zstd frames, one a line, the last cut short.
printf '%s' "$lines" | while IFS= read -r l; do printf '%s\n' "$l" | zstd -q -c; done | head -c -10 > truncated.jsonl.zst
printf 'A plain-text story whose compressed file was cut short.\n' | gzip -n -9 | head -c -5 > truncated.txt.gz
printf '{"id":"n1","text":"This file is not compressed, yet it is named .gz."}\n' > notgzip.jsonl.gz

# UTF-8 with a byte order mark, and UTF-16 with one.
printf '\357\273\277 date 2022-01-28 With a UTF-8 BOM\nThe mark is not part of the text.\n' > bom.txt
printf '\357\273\277id,text\nb1,The mark is not part of the header.\n' > bom.csv
printf ' date 2022-01-28 Caf\303\251 in UTF-16\nLittle-endian, with a pair: \360\237\223\260.\n' |
	iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > utf16le.txt
printf '{"id":"w1","text":"Big-endian JSONL: \303\274ber."}\n{"id":"w2","text":"Second line."}\n' |
	iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } > utf16be.jsonl
printf 'id,title,text\r\nc1,Na\303\257ve,"Two lines\r\nin one field."\r\nc2,,Second row.\r\n' |
	iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } > utf16le.csv
# "ab", then a high surrogate without its low half, then "c".
printf '\377\376a\000b\000\000\330c\000' > utf16-invalid.txt

# HTML pages: one in Shift_JIS with a byte that is no Shift_JIS character,
# and one whose body shows no text.
{
	printf '<html><head><meta charset="shift_jis"><title>Bad bytes</title></head>\n'
	printf '<body><p>\223\372\226\173 and then \205\100 a byte pair that is not Shift_JIS.</p></body></html>\n'
} > bad-charset.html
printf '<html><head><title>Only a title</title><script>var x = "no body text";</script></head><body>\n<img src="a.png"></body></html>\n' > no-text.html

# WARC files. record TYPE URI CONTENT-TYPE BLOCK writes one record.
record() {
	n=$(printf '%s' "$4" | wc -c)
	printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2022-01-28T12:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
		"$1" "$(printf '%s' "$2$1" | md5sum | cut -c1-8)-0000-4000-8000-000000000000" "$2" "$3" "$n" "$4"
}
page='HTTP/1.1 200 OK\r
Content-Type: text/html; charset=utf-8\r
\r
<html><head><title>A crawled story</title></head><body><article><p>The first record of this crawl is a news story read whole.</p></article></body></html>'
page=$(printf "$page")
# Two good records, then a response cut off inside its block.
{
	record request https://news.example/a 'application/http; msgtype=request' "$(printf 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n')"
	record response https://news.example/a 'application/http; msgtype=response' "$page"
	record response https://news.example/b 'application/http; msgtype=response' "$page"
} | head -c -60 > truncated.warc
# The same as a gzip member per record, the last cut short.
rm -f truncated.warc.gz
record request https://news.example/a 'application/http; msgtype=request' "$(printf 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n')" | gzip -n >> truncated.warc.gz
record response https://news.example/a 'application/http; msgtype=response' "$page" | gzip -n >> truncated.warc.gz
record response https://news.example/b 'application/http; msgtype=response' "$page" | gzip -n | head -c -20 >> truncated.warc.gz
printf 'This is not a WARC file, though it is named like one.\n' > notwarc.warc
