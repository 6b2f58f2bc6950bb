package corpus

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// zstdEncoder is made once: making one costs tens of MB.
var zstdEncoder = sync.OnceValues(func() (*zstd.Encoder, error) {
	return zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
})

// compress returns data compressed with c, as one gzip member or zstd frame.
func compress(t testing.TB, c *codec, data []byte) []byte {
	t.Helper()
	if c.name == "zstd" {
		z, err := zstdEncoder()
		if err != nil {
			t.Fatal(err)
		}
		return z.EncodeAll(data, nil)
	}
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// codecOf returns the codec that name's extension names.
func codecOf(t testing.TB, name string) *codec {
	_, c := splitCodec(name)
	if c == nil {
		t.Fatalf("%s: not compressed", name)
	}
	return c
}

// bombSize is how much a bomb expands to.
const bombSize = 2 << 30

// bomb returns head then bombSize bytes of zeros compressed with c: a
// member or frame for head, then identical ones of 1 MiB of zeros each,
// a few MB in all.
func bomb(t testing.TB, c *codec, head string) []byte {
	b := compress(t, c, []byte(head))
	zeros := compress(t, c, make([]byte, 1<<20))
	return append(b, bytes.Repeat(zeros, bombSize>>20)...)
}

// writeBomb writes a bomb with head to path, compressed as its name says.
func writeBomb(t testing.TB, path, head string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, bomb(t, codecOf(t, path), head), 0o644); err != nil {
		t.Fatal(err)
	}
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestBombStopsEarly(t *testing.T) {
	for _, c := range codecs {
		t.Run(c.name, func(t *testing.T) {
			b := bomb(t, c, `{"id":"z1","text":"Before the bomb."}`+"\n")
			src := &countReader{r: bytes.NewReader(b)}
			start := time.Now()
			docs, rej, err := collectStream(nil, Options{SkipBad: true}, func(r *reader, _ []byte) error {
				return r.readJSONL("bomb", newStream(src, c, 10<<20))
			})
			want := []Rejected{{Source: "bomb", Line: 2, Reason: "decompressed size exceeds 10 MiB limit"}}
			if err != nil || !reflect.DeepEqual(rej, want) || len(docs) != 1 {
				t.Fatalf("error %v, rejected %+v, documents %q", err, rej, ids(docs))
			}
			// 10 MiB of 2 GiB is 1/200 of the stream; allow for read-ahead.
			if src.n > int64(len(b))/50 {
				t.Errorf("read %d of %d compressed bytes to refuse at 10 MiB", src.n, len(b))
			}
			t.Logf("%s: refused after %d of %d compressed bytes in %v", c.name, src.n, len(b), time.Since(start))
		})
	}
}

func TestStreamLimit(t *testing.T) {
	data := []byte(strings.Repeat("0123456789", 100))
	for _, c := range codecs {
		for _, tc := range []struct {
			max  int64
			want string
		}{
			{1000, ""},
			{999, "decompressed size exceeds 999 bytes limit"},
			{1, "decompressed size exceeds 1 bytes limit"},
		} {
			s := newStream(bytes.NewReader(compress(t, c, data)), c, tc.max)
			got, err := io.ReadAll(s)
			if tc.want == "" {
				if err != nil || !bytes.Equal(got, data) {
					t.Errorf("%s max %d: %d bytes, %v", c.name, tc.max, len(got), err)
				}
				continue
			}
			if err == nil || err.Error() != tc.want || int64(len(got)) != tc.max {
				t.Errorf("%s max %d: %d bytes, error %v, want %d bytes and %q", c.name, tc.max, len(got), err, tc.max, tc.want)
			}
			if _, err2 := s.Read(make([]byte, 10)); err2 != err {
				t.Errorf("%s max %d: error not sticky: %v then %v", c.name, tc.max, err, err2)
			}
		}
	}
}

// failReader fails with err after giving data.
type failReader struct {
	data []byte
	err  error
}

func (f *failReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestStreamErrors(t *testing.T) {
	gz := compress(t, codecs[0], []byte("hello\n"))
	zs := compress(t, codecs[1], []byte("hello\n"))
	badSum := bytes.Clone(gz)
	badSum[len(badSum)-8] ^= 1 // the CRC-32 of the trailer
	// A zstd frame asking for a window of 1<<(10+exponent) bytes, the
	// exponent being the descriptor's top 5 bits, then a raw last block of
	// 6 bytes.
	window := func(descriptor string) io.Reader {
		return strings.NewReader("\x28\xB5\x2F\xFD\x00" + descriptor + "\x31\x00\x00hello\n")
	}
	ioErr := errors.New("input/output error")
	for _, tc := range []struct {
		name string
		c    *codec
		src  io.Reader
		want string // "" for no error
		out  string
	}{
		{"gzip", codecs[0], bytes.NewReader(gz), "", "hello\n"},
		{"gzip members", codecs[0], bytes.NewReader(append(bytes.Clone(gz), gz...)), "", "hello\nhello\n"},
		{"gzip empty", codecs[0], bytes.NewReader(nil), "truncated gzip stream (unexpected EOF)", ""},
		{"gzip header cut", codecs[0], bytes.NewReader(gz[:5]), "truncated gzip stream (unexpected EOF)", ""},
		{"gzip trailer cut", codecs[0], bytes.NewReader(gz[:len(gz)-4]), "truncated gzip stream (unexpected EOF)", "hello\n"},
		{"gzip checksum", codecs[0], bytes.NewReader(badSum), "corrupt gzip stream (invalid checksum)", "hello\n"},
		{"gzip trailing garbage", codecs[0], bytes.NewReader(append(bytes.Clone(gz), "junk junk junk"...)), "corrupt gzip stream (invalid header)", "hello\n"},
		{"gzip not", codecs[0], strings.NewReader("hello, world\n"), "corrupt gzip stream (invalid header)", ""},
		{"gzip I/O error", codecs[0], &failReader{gz[:5], ioErr}, "input/output error", ""},
		{"zstd", codecs[1], bytes.NewReader(zs), "", "hello\n"},
		{"zstd frames", codecs[1], bytes.NewReader(append(bytes.Clone(zs), zs...)), "", "hello\nhello\n"},
		{"zstd empty", codecs[1], bytes.NewReader(nil), "truncated zstd stream (unexpected EOF)", ""},
		{"zstd cut", codecs[1], bytes.NewReader(zs[:len(zs)-3]), "truncated zstd stream (unexpected EOF)", ""},
		{"zstd not", codecs[1], strings.NewReader("hello, world\n"), "corrupt zstd stream (invalid input: magic number mismatch)", ""},
		{"zstd 128 MiB window", codecs[1], window("\x88"), "", "hello\n"},
		{"zstd 256 MiB window", codecs[1], window("\x90"), "zstd window exceeds 128 MiB limit", ""},
		{"zstd I/O error", codecs[1], &failReader{zs[:10], ioErr}, "input/output error", ""},
	} {
		s := newStream(tc.src, tc.c, 1<<20)
		out, err := io.ReadAll(s)
		var se *streamError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		case err == ioErr && errors.As(err, &se):
			t.Errorf("%s: an I/O error is not the stream's", tc.name)
		case err != nil && err != ioErr && !errors.As(err, &se):
			t.Errorf("%s: error %#v, want a *streamError", tc.name, err)
		case string(out) != tc.out:
			t.Errorf("%s: read %q, want %q", tc.name, out, tc.out)
		}
		s.Close()
	}
}

func TestReadCompressed(t *testing.T) {
	dir := t.TempDir()
	gz, zs := codecs[0], codecs[1]
	utf16 := append([]byte{0xFF, 0xFE}, []byte("h\x00i\x00\n\x00")...)
	files := map[string][]byte{
		"a.jsonl.gz":     compress(t, gz, []byte(`{"id":"j1","text":"one"}`+"\n"+`{"id":"j2","text":"two"}`)),
		"b.NDJSON.ZST":   compress(t, zs, []byte(`{"id":"n1","text":"three"}`)),
		"c.csv.gz":       compress(t, gz, []byte("\xEF\xBB\xBFid,text\nc1,\"four\nlines\"\n")),
		"lone.txt.zst":   compress(t, zs, []byte(" date 2022-01-28 Lone\nfive")),
		"d/a.txt":        []byte("plain"),
		"d/b.txt.gz":     compress(t, gz, []byte("gzip")),
		"d/s/c.TXT.ZST":  compress(t, zs, []byte("zstd")),
		"d/u.txt.gz":     compress(t, gz, utf16),
		"d/x.gz":         compress(t, gz, []byte("not a document: no .txt before .gz")),
		"d/manifest.csv": []byte("id,title\nb.txt.gz,B\ns/c.TXT.ZST,C\n"),
	}
	for name, b := range files {
		writeFiles(t, dir, map[string]string{name: string(b)})
	}
	var inputs []string
	for _, in := range []string{"a.jsonl.gz", "b.NDJSON.ZST", "c.csv.gz", "lone.txt.zst", "d"} {
		inputs = append(inputs, filepath.Join(dir, in))
	}
	docs, rej, err := readAll(inputs, Options{})
	if err != nil || rej != nil {
		t.Fatalf("Read: %v, rejected %v", err, rej)
	}
	checkDocs(t, docs)
	type doc struct{ id, title, text string }
	var got []doc
	for _, d := range docs {
		got = append(got, doc{d.ID, d.Title, d.Text})
	}
	want := []doc{
		{"j1", "", "one"}, {"j2", "", "two"}, {"n1", "", "three"}, {"c1", "", "four\nlines"},
		{"lone.txt.zst", "Lone", "five"},
		{"a.txt", "", "plain"}, {"b.txt.gz", "B", "gzip"}, {"s/c.TXT.ZST", "C", "zstd"}, {"u.txt.gz", "", "hi\n"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestSizeString(t *testing.T) {
	for n, want := range map[int64]string{
		MaxDecompressed: "64 GiB", MaxDecompressedText: "256 MiB", 10 << 20: "10 MiB",
		3 << 10: "3 KiB", 1536 << 20: "1536 MiB", 1000: "1000 bytes", 0: "0 bytes",
	} {
		if got := sizeString(n); got != want {
			t.Errorf("sizeString(%d) = %q, want %q", n, got, want)
		}
	}
}
