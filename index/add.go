package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// testHookBeforeManifest, when set, runs after a segment is written and
// before the manifest naming it is: tests make it fail to show that the
// old index survives.
var testHookBeforeManifest func() error

// Build writes a new index of b into dir, which must not exist, be empty,
// or hold an index (which the new one then replaces, atomically: until
// the new manifest is in place the old index is whole).
func Build(ctx context.Context, dir string, b *Batch) error {
	if err := b.Params.valid(); err != nil {
		return fmt.Errorf("index: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	unlock, err := lock(dir)
	if err != nil {
		return err
	}
	defer unlock()
	_, old, err := readManifest(dir)
	switch {
	case err == nil:
	case errors.Is(err, ErrVersion) && !hasManifest(dir):
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != LockName {
				return fmt.Errorf("%s is neither empty nor an index; not overwriting it", dir)
			}
		}
	default:
		// A corrupt or newer index is replaced only by hand.
		return fmt.Errorf("not replacing %s: %w", dir, err)
	}
	name, err := nextSegment(dir, old)
	if err != nil {
		return err
	}
	return commit(ctx, dir, name, b, nil)
}

func hasManifest(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, ManifestName))
	return !errors.Is(err, fs.ErrNotExist)
}

// Add stores b as a new segment of the index, after Prepare. The index
// must not have changed on disk since it was opened; ix then includes the
// new documents.
func (ix *Index) Add(ctx context.Context, b *Batch) error {
	if err := ix.Prepare(b); err != nil {
		return err
	}
	unlock, err := lock(ix.dir)
	if err != nil {
		return err
	}
	defer unlock()
	_, now, err := readManifest(ix.dir)
	if err != nil {
		return err
	}
	if len(now) != len(ix.segs) {
		return fmt.Errorf("%s changed since it was opened; run again", ix.dir)
	}
	var keep []segEntry
	for i, s := range ix.segs {
		if now[i] != s.entry {
			return fmt.Errorf("%s changed since it was opened; run again", ix.dir)
		}
		keep = append(keep, s.entry)
	}
	name, err := nextSegment(ix.dir, keep)
	if err != nil {
		return err
	}
	if err := commit(ctx, ix.dir, name, b, keep); err != nil {
		return err
	}
	e, err := readManifestEntry(ix.dir, name)
	if err != nil {
		return err
	}
	s, err := openSegment(filepath.Join(ix.dir, name), e, ix.params)
	if err != nil {
		return err
	}
	s.base = uint32(ix.Docs())
	ix.segs = append(ix.segs, s)
	ix.mu.Lock()
	clear(ix.outlets)
	ix.mu.Unlock()
	return nil
}

// commit writes b as segment name and a manifest naming keep and it; on
// any failure the segment is removed and the old manifest stays.
func commit(ctx context.Context, dir, name string, b *Batch, keep []segEntry) error {
	path := filepath.Join(dir, name)
	e, err := writeSegment(ctx, path, b)
	if err == nil && testHookBeforeManifest != nil {
		err = testHookBeforeManifest()
	}
	if err == nil {
		err = writeManifest(dir, b.Params, append(keep, e))
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	removeUnlisted(dir, append(keep, e))
	return nil
}

func readManifestEntry(dir, name string) (segEntry, error) {
	_, segs, err := readManifest(dir)
	if err != nil {
		return segEntry{}, err
	}
	for _, s := range segs {
		if s.name == name {
			return s, nil
		}
	}
	return segEntry{}, fmt.Errorf("%s: segment %s missing from the manifest just written", dir, name)
}
