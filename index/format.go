package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

var le = binary.LittleEndian

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func checksum(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }

func crcUpdate(crc uint32, b []byte) uint32 { return crc32.Update(crc, castagnoli, b) }

const (
	magic        = "RPRNTIDX"
	kindManifest = 1
	kindSegment  = 2
	prefixLen    = 8 + 4 + 4 + 4 // magic, version, kind, hdrlen

	maxSegmentHeader  = 1 << 20
	maxManifestHeader = 16 << 20
)

// Errors a reader returns, wrapped with the file and what was wrong.
var (
	// ErrCorrupt: the bytes are not what the writer wrote (a checksum or
	// a length does not match, the file is truncated).
	ErrCorrupt = errors.New("corrupt index")
	// ErrVersion: the index was written by a newer reprint, or is not a
	// reprint index at all.
	ErrVersion = errors.New("unsupported index")
	// ErrParams: the index was written with other parameters than the
	// caller's, or its files disagree.
	ErrParams = errors.New("incompatible index parameters")
)

func corrupt(path, format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", path, ErrCorrupt, fmt.Sprintf(format, args...))
}

// decoder reads little-endian values from b. The first read past the end
// sets err and every later read returns zeros, so a caller checks err once
// after a run of reads.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		if d.err == nil {
			d.err = errors.New("length past the end")
		}
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) u8() byte {
	if s := d.take(1); s != nil {
		return s[0]
	}
	return 0
}

func (d *decoder) u16() uint16 {
	if s := d.take(2); s != nil {
		return le.Uint16(s)
	}
	return 0
}

func (d *decoder) u32() uint32 {
	if s := d.take(4); s != nil {
		return le.Uint32(s)
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if s := d.take(8); s != nil {
		return le.Uint64(s)
	}
	return 0
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// str reads a uvarint length and that many bytes.
func (d *decoder) str() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.take(len(d.b) + 1)
		return ""
	}
	return string(d.take(int(n)))
}

// hashes reads n u32 values.
func (d *decoder) hashes(n uint64) []uint32 {
	if n > uint64(len(d.b))/4 {
		d.take(len(d.b) + 1)
		return nil
	}
	s := d.take(int(n) * 4)
	if s == nil && n > 0 {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = le.Uint32(s[4*i:])
	}
	return out
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendHashes(b []byte, hs []uint32) []byte {
	for _, h := range hs {
		b = le.AppendUint32(b, h)
	}
	return b
}

// header is the part every file begins with.
type header struct {
	kind   uint32
	params Params
	body   []byte // kind-specific
	crc    uint32 // of the header: what a manifest records of a segment
	length int64
}

// appendHeader encodes a header around body.
func appendHeader(b []byte, kind uint32, p Params, body []byte) []byte {
	start := len(b)
	b = append(b, magic...)
	b = le.AppendUint32(b, FormatVersion)
	b = le.AppendUint32(b, kind)
	b = le.AppendUint32(b, uint32(prefixLen+paramsLen+len(body)+4))
	b = p.append(b)
	b = append(b, body...)
	return le.AppendUint32(b, checksum(b[start:]))
}

// readHeader reads and checks the header of a file of size bytes: magic,
// version, kind, length, checksum and parameters, in that order, so that
// the message names the first thing wrong.
func readHeader(r io.ReaderAt, size int64, path string, kind uint32, maxLen int64) (*header, error) {
	var pre [prefixLen]byte
	if size < prefixLen {
		if size >= 8 {
			if _, err := r.ReadAt(pre[:8], 0); err == nil && string(pre[:8]) != magic {
				return nil, fmt.Errorf("%s: %w: not a reprint index file", path, ErrVersion)
			}
		}
		return nil, corrupt(path, "truncated to %d bytes", size)
	}
	if _, err := r.ReadAt(pre[:], 0); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if string(pre[:8]) != magic {
		return nil, fmt.Errorf("%s: %w: not a reprint index file", path, ErrVersion)
	}
	switch v := le.Uint32(pre[8:]); {
	case v > FormatVersion:
		return nil, fmt.Errorf("%s: %w: written in format version %d by a newer reprint; this one reads version %d", path, ErrVersion, v, FormatVersion)
	case v < 1:
		return nil, corrupt(path, "format version %d", v)
	}
	if k := le.Uint32(pre[12:]); k != kind {
		return nil, corrupt(path, "file kind %d, want %d", k, kind)
	}
	n := int64(le.Uint32(pre[16:]))
	if n < prefixLen+paramsLen+4 || n > maxLen || n > size {
		return nil, corrupt(path, "header length %d in a file of %d bytes", n, size)
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, 0); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	crc := le.Uint32(buf[n-4:])
	if checksum(buf[:n-4]) != crc {
		return nil, corrupt(path, "header checksum mismatch")
	}
	d := decoder{b: buf[prefixLen : n-4]}
	h := &header{kind: kind, params: d.params(), body: d.b, crc: crc, length: n}
	if err := h.params.valid(); err != nil {
		return nil, corrupt(path, "parameters: %v", err)
	}
	return h, nil
}
