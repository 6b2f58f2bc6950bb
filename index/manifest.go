package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/reprint-news/reprint/internal/atomicfile"
)

// ManifestName is the name of the file that says which segments make an
// index.
const ManifestName = "MANIFEST"

// segEntry is what a manifest records of one segment.
type segEntry struct {
	name string
	size int64
	docs uint32
	crc  uint32 // of the segment's header
}

func encodeManifest(p Params, segs []segEntry) []byte {
	var body []byte
	body = le.AppendUint32(body, uint32(len(segs)))
	for _, s := range segs {
		body = le.AppendUint16(body, uint16(len(s.name)))
		body = append(body, s.name...)
		body = le.AppendUint64(body, uint64(s.size))
		body = le.AppendUint32(body, s.docs)
		body = le.AppendUint32(body, s.crc)
	}
	return appendHeader(nil, kindManifest, p, body)
}

func writeManifest(dir string, p Params, segs []segEntry) error {
	data := encodeManifest(p, segs)
	return atomicfile.Write(filepath.Join(dir, ManifestName), func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// readManifest reads dir's manifest.
func readManifest(dir string) (Params, []segEntry, error) {
	path := filepath.Join(dir, ManifestName)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(dir); serr != nil {
			return Params{}, nil, fmt.Errorf("index %s: %w", dir, serr)
		}
		return Params{}, nil, fmt.Errorf("%s: %w: no %s (not an index directory)", dir, ErrVersion, ManifestName)
	}
	if err != nil {
		return Params{}, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Params{}, nil, err
	}
	h, err := readHeader(f, st.Size(), path, kindManifest, maxManifestHeader)
	if err != nil {
		return Params{}, nil, err
	}
	if h.length != st.Size() {
		return Params{}, nil, corrupt(path, "%d bytes after the header", st.Size()-h.length)
	}
	d := decoder{b: h.body}
	n := d.u32()
	var segs []segEntry
	seen := map[string]bool{}
	for i := uint32(0); i < n && d.err == nil; i++ {
		var s segEntry
		s.name = string(d.take(int(d.u16())))
		s.size = int64(d.u64())
		s.docs = d.u32()
		s.crc = d.u32()
		if d.err == nil && (!validSegmentName(s.name) || seen[s.name] || s.size < segmentHeaderLen) {
			return Params{}, nil, corrupt(path, "segment entry %d (%q, %d bytes)", i, s.name, s.size)
		}
		seen[s.name] = true
		segs = append(segs, s)
	}
	if d.err != nil || len(d.b) != 0 {
		return Params{}, nil, corrupt(path, "segment table does not fit its header")
	}
	return h.params, segs, nil
}

const segPrefix, segSuffix = "seg-", ".rpi"

func segmentName(n int) string { return fmt.Sprintf("%s%06d%s", segPrefix, n, segSuffix) }

// validSegmentName accepts only names this package writes, so a manifest
// cannot point outside its directory.
func validSegmentName(name string) bool {
	_, ok := segmentNumber(name)
	return ok
}

func segmentNumber(name string) (int, bool) {
	s, ok := strings.CutPrefix(name, segPrefix)
	if !ok {
		return 0, false
	}
	s, ok = strings.CutSuffix(s, segSuffix)
	if !ok || len(s) < 6 || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// nextSegment returns a segment name after every segment file in dir,
// named in the manifest or not.
func nextSegment(dir string, segs []segEntry) (string, error) {
	top := 0
	for _, s := range segs {
		if n, ok := segmentNumber(s.name); ok {
			top = max(top, n)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if n, ok := segmentNumber(e.Name()); ok {
			top = max(top, n)
		}
	}
	return segmentName(top + 1), nil
}

// removeUnlisted removes segment files and temporary files in dir that the
// manifest does not name: the old segments after a build, or what an
// interrupted writer left.
func removeUnlisted(dir string, segs []segEntry) {
	keep := map[string]bool{}
	for _, s := range segs {
		keep[s.name] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		temp := strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp")
		if (validSegmentName(name) && !keep[name]) || temp {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
