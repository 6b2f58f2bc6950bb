package corpus

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// readDir reads every .txt, .html and .htm file (each optionally .gz or
// .zst) below root, in sorted ID order, with the metadata of root's manifest if it has one.
func (r *reader) readDir(root string) error {
	ids, err := listText(root)
	if err != nil {
		return err
	}
	m, err := r.loadManifest(root)
	if err != nil {
		return err
	}
	if err := r.checkManifest(m, ids); err != nil {
		return err
	}
	for _, id := range ids {
		path := filepath.Join(root, filepath.FromSlash(id))
		if err := r.readTextFile(path, id, m.entry(id)); err != nil {
			return err
		}
	}
	return nil
}

// listText returns the IDs of the text files (see isText) below root:
// their paths relative to root with "/" separators, sorted. Hidden files
// and directories (names starting with ".") are skipped; symbolic links to
// directories are not followed.
func listText(root string) ([]string, error) {
	var ids []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return &InputError{File: path, Msg: errMsg(err)}
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isText(path) {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return &InputError{File: path, Msg: errMsg(err)}
		}
		ids = append(ids, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(ids)
	return ids, err
}

// isText reports whether name is a document's: it ends in .txt, .html or
// .htm, in any case, optionally followed by .gz or .zst.
func isText(name string) bool {
	base, _ := splitCodec(name)
	ext := filepath.Ext(base)
	return strings.EqualFold(ext, ".txt") || isHTML(name)
}

// isHTML reports whether name is an HTML page's: it ends in .html or .htm,
// in any case, optionally followed by .gz or .zst.
func isHTML(name string) bool {
	base, _ := splitCodec(name)
	ext := filepath.Ext(base)
	return strings.EqualFold(ext, ".html") || strings.EqualFold(ext, ".htm")
}
