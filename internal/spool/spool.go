// Package spool keeps append-only logs of uint32 values in memory while a
// shared byte budget allows, and in temporary files beyond it. It is how a
// scan holds more than memory: the same code runs either way, so the output
// cannot depend on where the values were kept.
package spool

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
	"sync/atomic"
)

// ChunkLen is the number of values a log keeps together, in memory or
// in one write to its file.
const ChunkLen = 1 << 16

// A Dir owns the temporary files of its logs and a memory budget they
// share. Close removes the files.
type Dir struct {
	parent string
	left   atomic.Int64 // bytes of budget left

	mu    sync.Mutex
	path  string // created on the first spill
	files []*os.File
}

// NewDir returns a Dir whose logs keep up to budget bytes in memory and
// spill the rest under a new directory in parent ("" means os.TempDir()).
func NewDir(parent string, budget int64) *Dir {
	d := &Dir{parent: parent}
	d.left.Store(budget)
	return d
}

// Spilled reports whether any log has written to disk.
func (d *Dir) Spilled() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.path != ""
}

// Close closes and removes every file of the Dir's logs.
func (d *Dir) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	var errs []error
	for _, f := range d.files {
		errs = append(errs, f.Close())
	}
	d.files = nil
	if d.path != "" {
		errs = append(errs, os.RemoveAll(d.path))
		d.path = ""
	}
	return errors.Join(errs...)
}

func (d *Dir) create() (*os.File, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.path == "" {
		p, err := os.MkdirTemp(d.parent, "reprint-spill-")
		if err != nil {
			return nil, err
		}
		d.path = p
	}
	f, err := os.CreateTemp(d.path, "log-")
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, f)
	return f, nil
}

// take reserves n bytes of budget, or reports that there are not enough.
func (d *Dir) take(n int64) bool {
	if d.left.Add(-n) >= 0 {
		return true
	}
	d.left.Add(n)
	return false
}

// A Log is an append-only sequence of uint32 values. Append from one
// goroutine at a time; read with a Reader once appending is done.
type Log struct {
	d      *Dir
	chunks []chunk
	cur    []uint32
	f      *os.File
	size   int64 // bytes written to f
	buf    []byte
	n      int64
}

// chunk is a run of values, in memory (mem) or at off in the log's file.
type chunk struct {
	mem []uint32
	off int64
	n   int
}

// NewLog returns an empty log in d.
func (d *Dir) NewLog() *Log { return &Log{d: d} }

// Len returns the number of values appended.
func (l *Log) Len() int64 { return l.n }

// Append adds values to the log.
func (l *Log) Append(vs ...uint32) error {
	for len(vs) > 0 {
		if l.cur == nil {
			l.cur = make([]uint32, 0, ChunkLen)
		}
		k := min(len(vs), ChunkLen-len(l.cur))
		l.cur = append(l.cur, vs[:k]...)
		vs = vs[k:]
		l.n += int64(k)
		if len(l.cur) == ChunkLen {
			if err := l.seal(); err != nil {
				return err
			}
		}
	}
	return nil
}

// AppendSlice adds the values of vs. While the log has not spilled, the
// budget allows and no values copied by Append wait for their chunk to
// fill, it keeps vs itself as a chunk rather than a copy, so the caller
// must not change vs afterwards; a Reader's Next hands such a chunk back
// without copying it either.
func (l *Log) AppendSlice(vs []uint32) error {
	if len(vs) > 0 && len(l.cur) == 0 && l.f == nil && l.d.take(int64(4*cap(vs))) {
		// (An empty current chunk keeps the values in order.)
		l.chunks = append(l.chunks, chunk{mem: vs, n: len(vs)})
		l.n += int64(len(vs))
		return nil
	}
	return l.Append(vs...)
}

// AppendPair adds two values; the common case is a plain append, cheap
// enough for a call per shingle.
func (l *Log) AppendPair(a, b uint32) error {
	if l.cur != nil && len(l.cur)+2 <= ChunkLen {
		l.cur = append(l.cur, a, b)
		l.n += 2
		return nil
	}
	return l.Append(a, b)
}

// seal moves the current chunk into the log: kept in memory if the budget
// allows, written to the file otherwise.
func (l *Log) seal() error {
	if len(l.cur) == 0 {
		return nil
	}
	if l.d.take(int64(4 * cap(l.cur))) {
		l.chunks = append(l.chunks, chunk{mem: l.cur, n: len(l.cur)})
		l.cur = nil
		return nil
	}
	if l.f == nil {
		f, err := l.d.create()
		if err != nil {
			return err
		}
		l.f = f
	}
	l.buf = l.buf[:0]
	for _, v := range l.cur {
		l.buf = binary.LittleEndian.AppendUint32(l.buf, v)
	}
	if _, err := l.f.WriteAt(l.buf, l.size); err != nil {
		return err
	}
	l.chunks = append(l.chunks, chunk{off: l.size, n: len(l.cur)})
	l.size += int64(len(l.buf))
	l.cur = l.cur[:0]
	return nil
}

// Free gives the log's memory back to the budget. The log is empty after.
func (l *Log) Free() {
	for _, c := range l.chunks {
		// A drained chunk has given its memory back already.
		if c.mem != nil {
			l.d.left.Add(int64(4 * cap(c.mem)))
		}
	}
	l.chunks, l.cur, l.n = nil, nil, 0
}

// A Reader reads a log's values in order.
type Reader struct {
	l     *Log
	drain bool     // free each chunk once read
	i     int      // next chunk
	cur   []uint32 // unread values of the current chunk
	buf   []byte
	tmp   []uint32
}

// Reader returns a reader of the values appended so far. Seal the log
// first by appending nothing more.
func (l *Log) Reader() (*Reader, error) {
	if err := l.seal(); err != nil {
		return nil, err
	}
	return &Reader{l: l}, nil
}

// Drain is Reader, but each chunk's memory goes back to the budget as
// soon as the reader moves past it: for reading a log once while building
// something else in its place.
func (l *Log) Drain() (*Reader, error) {
	r, err := l.Reader()
	if r != nil {
		r.drain = true
	}
	return r, err
}

// Chunk returns the next run of values, or io.EOF after the last. The
// slice is valid until the next call.
func (r *Reader) Chunk() ([]uint32, error) {
	if len(r.cur) > 0 {
		c := r.cur
		r.cur = nil
		return c, nil
	}
	if r.drain && r.i > 0 {
		if prev := &r.l.chunks[r.i-1]; prev.mem != nil {
			r.l.d.left.Add(int64(4 * cap(prev.mem)))
			prev.mem = nil
		}
	}
	if r.i == len(r.l.chunks) {
		return nil, io.EOF
	}
	c := r.l.chunks[r.i]
	r.i++
	if c.mem != nil {
		return c.mem[:c.n], nil
	}
	if cap(r.buf) < 4*c.n {
		r.buf = make([]byte, 4*c.n)
	}
	b := r.buf[:4*c.n]
	if _, err := r.l.f.ReadAt(b, c.off); err != nil {
		return nil, err
	}
	r.tmp = r.tmp[:0]
	for k := 0; k < len(b); k += 4 {
		r.tmp = append(r.tmp, binary.LittleEndian.Uint32(b[k:]))
	}
	return r.tmp, nil
}

// Next returns the next n values. When they lie within one chunk kept in
// memory it returns them in place, capped at n, without copying: the
// caller may change them, and they stay valid after the reader moves on
// (a draining reader gives the chunk's budget back all the same). Other
// values come in a new slice. io.ErrUnexpectedEOF if the log ends first.
func (r *Reader) Next(n int) ([]uint32, error) {
	if n == 0 {
		return nil, nil
	}
	if len(r.cur) == 0 {
		c, err := r.Chunk()
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		r.cur = c
	}
	if len(r.cur) >= n && r.l.chunks[r.i-1].mem != nil {
		v := r.cur[:n:n]
		r.cur = r.cur[n:]
		return v, nil
	}
	v := make([]uint32, n)
	return v, r.Read(v)
}

// Read fills dst with the next len(dst) values; io.ErrUnexpectedEOF if the
// log ends first.
func (r *Reader) Read(dst []uint32) error {
	for len(dst) > 0 {
		c, err := r.Chunk()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		k := copy(dst, c)
		dst = dst[k:]
		if k < len(c) {
			r.cur = c[k:]
		}
	}
	return nil
}
