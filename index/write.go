package index

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/reprint-news/reprint/cluster"
	"github.com/reprint-news/reprint/internal/atomicfile"
	"github.com/reprint-news/reprint/internal/radix"
)

// Section IDs, in file order.
const (
	secRecords = iota + 1
	secOffsets
	secBands
	secFences
	secTemplates
	secOutlets
	numSections = secOutlets
)

// blockLen is the number of band entries under one fence and checksum:
// 4 KiB, what one lookup reads.
const blockLen = 512

const (
	flagDated = 1
	flagEnds  = 2
)

type section struct {
	off, len int64
	crc      uint32
}

// segmentHeaderLen is the length of a segment header: the body is docs,
// signed, nsec and the section table.
const segmentHeaderLen = prefixLen + paramsLen + 4 + 4 + 4 + numSections*(4+8+8+4) + 4

// sectionWriter writes sections one after another, each through a CRC.
type sectionWriter struct {
	w    *bufio.Writer
	off  int64
	crc  hash.Hash32
	secs [numSections + 1]section
	cur  int
}

func (s *sectionWriter) begin(id int) {
	s.cur = id
	s.secs[id].off = s.off
	s.crc = crc32.New(castagnoli)
}

func (s *sectionWriter) Write(b []byte) (int, error) {
	s.crc.Write(b)
	n, err := s.w.Write(b)
	s.off += int64(n)
	return n, err
}

func (s *sectionWriter) end() {
	sec := &s.secs[s.cur]
	sec.len = s.off - sec.off
	sec.crc = s.crc.Sum32()
}

// writeSegment writes b as segment file path, atomically, and returns its
// manifest entry.
func writeSegment(ctx context.Context, path string, b *Batch) (segEntry, error) {
	var e segEntry
	err := atomicfile.Write(path, func(f *os.File) error {
		var err error
		e, err = encodeSegment(ctx, f, b)
		return err
	})
	e.name = filepath.Base(path)
	return e, err
}

// encodeSegment writes a segment to f, header last (at offset 0, once the
// sections' places and checksums are known).
func encodeSegment(ctx context.Context, f *os.File, b *Batch) (segEntry, error) {
	if _, err := f.Seek(segmentHeaderLen, io.SeekStart); err != nil {
		return segEntry{}, err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	sw := &sectionWriter{w: bw, off: segmentHeaderLen}
	p := b.Params
	n := len(b.Docs)

	sw.begin(secRecords)
	offsets := make([]uint64, 0, n+1)
	var rec []byte
	for i := range b.Docs {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return segEntry{}, err
			}
		}
		offsets = append(offsets, uint64(sw.off-sw.secs[secRecords].off))
		rec = appendRecord(rec[:0], &b.Docs[i], b.Items[i].Set, b.Items[i].Head, b.Items[i].Tail)
		if _, err := sw.Write(rec); err != nil {
			return segEntry{}, err
		}
	}
	offsets = append(offsets, uint64(sw.off-sw.secs[secRecords].off))
	sw.end()

	sw.begin(secOffsets)
	var buf []byte
	for _, o := range offsets {
		buf = le.AppendUint64(buf, o)
	}
	if _, err := sw.Write(buf); err != nil {
		return segEntry{}, err
	}
	sw.end()

	sw.begin(secBands)
	var signed []uint32
	for i, it := range b.Items {
		if len(it.Set) > 0 {
			signed = append(signed, uint32(i))
		}
	}
	size, rows := int(p.SignatureSize), int(p.Rows)
	entries := make([]uint64, len(signed))
	var sortBuf []uint64
	var fences []byte
	for band := range int(p.Bands) {
		if err := ctx.Err(); err != nil {
			return segEntry{}, err
		}
		for k, i := range signed {
			sig := b.Signatures[int(i)*size : (int(i)+1)*size]
			entries[k] = uint64(cluster.BandKey(band, sig[band*rows:(band+1)*rows]))<<32 | uint64(i)
		}
		sortBuf = radix.Sort64(entries, sortBuf)
		for start := 0; start < len(entries); start += blockLen {
			blk := entries[start:min(start+blockLen, len(entries))]
			buf = buf[:0]
			for _, e := range blk {
				buf = le.AppendUint64(buf, e)
			}
			fences = le.AppendUint32(fences, uint32(blk[0]>>32))
			fences = le.AppendUint32(fences, checksum(buf))
			if _, err := sw.Write(buf); err != nil {
				return segEntry{}, err
			}
		}
	}
	sw.end()

	sw.begin(secFences)
	if _, err := sw.Write(fences); err != nil {
		return segEntry{}, err
	}
	sw.end()

	// Templates: the corpus-wide ones under "", then each outlet's.
	names := []string{""}
	for o := range b.Templates.Outlets {
		if o != "" && len(b.Templates.Outlets[o]) > 0 {
			names = append(names, o)
		}
	}
	slices.Sort(names[1:])
	sw.begin(secTemplates)
	var dir []byte
	for _, o := range names {
		hs := b.Templates.Common
		if o != "" {
			hs = b.Templates.Outlets[o]
		}
		buf = appendHashes(buf[:0], hs)
		dir = appendStr(dir, o)
		dir = le.AppendUint64(dir, uint64(sw.off-sw.secs[secTemplates].off))
		dir = le.AppendUint32(dir, uint32(len(hs)))
		dir = le.AppendUint32(dir, checksum(buf))
		if _, err := sw.Write(buf); err != nil {
			return segEntry{}, err
		}
	}
	sw.end()

	sw.begin(secOutlets)
	if _, err := sw.Write(dir); err != nil {
		return segEntry{}, err
	}
	sw.end()
	if err := bw.Flush(); err != nil {
		return segEntry{}, err
	}

	var body []byte
	body = le.AppendUint32(body, uint32(n))
	body = le.AppendUint32(body, uint32(len(signed)))
	body = le.AppendUint32(body, numSections)
	for id := 1; id <= numSections; id++ {
		s := sw.secs[id]
		body = le.AppendUint32(body, uint32(id))
		body = le.AppendUint64(body, uint64(s.off))
		body = le.AppendUint64(body, uint64(s.len))
		body = le.AppendUint32(body, s.crc)
	}
	hdr := appendHeader(nil, kindSegment, p, body)
	if len(hdr) != segmentHeaderLen {
		return segEntry{}, fmt.Errorf("index: segment header of %d bytes, want %d", len(hdr), segmentHeaderLen)
	}
	if _, err := f.WriteAt(hdr, 0); err != nil {
		return segEntry{}, err
	}
	return segEntry{size: sw.off, docs: uint32(n), crc: le.Uint32(hdr[len(hdr)-4:])}, nil
}

// appendRecord encodes one document's record.
func appendRecord(b []byte, d *Doc, set, head, tail []uint32) []byte {
	b = append(b, 0, 0, 0, 0, 0, 0, 0, 0) // crc and length, filled in below
	var flags byte
	if !d.Date.IsZero() {
		flags |= flagDated
	}
	if head != nil {
		flags |= flagEnds
	}
	b = append(b, flags)
	b = appendStr(b, d.ID)
	b = appendStr(b, d.Outlet)
	b = appendStr(b, d.URL)
	b = appendStr(b, d.Title)
	if flags&flagDated != 0 {
		_, off := d.Date.Zone()
		b = le.AppendUint64(b, uint64(d.Date.Unix()))
		b = le.AppendUint32(b, uint32(d.Date.Nanosecond()))
		b = le.AppendUint32(b, uint32(int32(off)))
	}
	b = le.AppendUint64(b, d.Fingerprint)
	b = binary.AppendUvarint(b, uint64(len(set)))
	b = binary.AppendUvarint(b, uint64(len(head)))
	b = binary.AppendUvarint(b, uint64(len(tail)))
	b = appendHashes(b, set)
	b = appendHashes(b, head)
	b = appendHashes(b, tail)
	le.PutUint32(b[4:], uint32(len(b)-8))
	le.PutUint32(b[0:], checksum(b[4:]))
	return b
}
