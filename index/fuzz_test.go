package index

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

type memFile struct{ *bytes.Reader }

func (memFile) Close() error { return nil }

// reseal recomputes the checksums of a segment's header and of every
// section whose place in the header lies inside data, so that the fuzzer's
// changes reach the decoders behind the checksums.
func reseal(data []byte) {
	const table = prefixLen + paramsLen + 12
	if len(data) < segmentHeaderLen {
		return
	}
	for id := range numSections {
		at := table + id*24
		off, n := le.Uint64(data[at+4:]), le.Uint64(data[at+12:])
		if off <= uint64(len(data)) && n <= uint64(len(data))-off {
			le.PutUint32(data[at+20:], checksum(data[off:off+n]))
		}
	}
	if n := uint64(le.Uint32(data[16:])); n >= 4 && n <= uint64(len(data)) {
		le.PutUint32(data[n-4:], checksum(data[:n-4]))
	}
}

// FuzzSegment opens segments with valid header and section checksums but
// any content, verifies them and matches a dump against them: errors are
// fine, panics and endless loops are not.
func FuzzSegment(f *testing.F) {
	dir, b, _ := tinyIndex(f)
	_, segs, err := readManifest(dir)
	if err != nil {
		f.Fatal(err)
	}
	seed, err := os.ReadFile(filepath.Join(dir, segs[0].name))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:segmentHeaderLen])
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.Clone(data)
		reseal(data)
		e := segEntry{name: "seg-000001.rpi", size: int64(len(data))}
		var want Params
		if len(data) >= segmentHeaderLen {
			d := decoder{b: data[prefixLen:]}
			want = d.params()
			e.docs = le.Uint32(data[prefixLen+paramsLen:])
			n := le.Uint32(data[16:])
			if n >= 4 && int(n) <= len(data) {
				e.crc = le.Uint32(data[n-4:])
			}
		}
		s, err := newSegment(memFile{bytes.NewReader(data)}, e.name, e, want)
		if err != nil {
			return
		}
		ix := &Index{dir: "fuzz", params: want, segs: []*segment{s}, outlets: map[string]*hashSet{}}
		ix.Verify(context.Background())
		Check(context.Background(), ix, b.clone(), CheckOptions{FailOn: []string{FailAnyCopy}})
	})
}

// FuzzRecord decodes records with a valid checksum and length but any
// content.
func FuzzRecord(f *testing.F) {
	_, b, _ := tinyIndex(f)
	for i := range b.Docs {
		f.Add(appendRecord(nil, &b.Docs[i], b.Items[i].Set, b.Items[i].Head, b.Items[i].Tail))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 8 {
			data = bytes.Clone(data)
			le.PutUint32(data[4:], uint32(len(data)-8))
			le.PutUint32(data, checksum(data[4:]))
		}
		r, err := decodeRecord(data)
		if err != nil {
			return
		}
		// What decodes encodes back to the same bytes.
		again := appendRecord(nil, &r.Doc, r.item.Set, r.item.Head, r.item.Tail)
		if r2, err := decodeRecord(again); err != nil || r2.ID != r.ID || len(r2.item.Set) != len(r.item.Set) {
			t.Fatalf("a decoded record does not survive a round trip: %v", err)
		}
	})
}

// FuzzManifest reads manifests with a valid checksum but any content.
func FuzzManifest(f *testing.F) {
	dir, _, _ := tinyIndex(f)
	seed, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.Clone(data)
		if len(data) >= prefixLen {
			if n := uint64(le.Uint32(data[16:])); n >= 4 && n <= uint64(len(data)) {
				le.PutUint32(data[n-4:], checksum(data[:n-4]))
			}
		}
		tmp := t.TempDir()
		os.WriteFile(filepath.Join(tmp, ManifestName), data, 0o644)
		if ix, err := Open(tmp); err == nil {
			ix.Close()
		}
	})
}
