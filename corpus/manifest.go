package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// manifestNames are the files at a directory's root that may give
// metadata for its documents. At most one may be present.
var manifestNames = []string{"manifest.csv", "manifest.jsonl"}

// manifest is the metadata a directory's manifest gives, by document ID.
type manifest struct {
	file  string                    // path of the manifest
	byID  map[string]*manifestEntry // entries by document ID
	order []*manifestEntry          // entries in file order
}

// manifestEntry is one manifest row: metadata for the document it names.
type manifestEntry struct {
	file string // path of the manifest
	line int    // 1-based line where the row starts
	v    [nField]string
}

// entry returns the entry for id, or nil. A nil manifest has no entries.
func (m *manifest) entry(id string) *manifestEntry {
	if m == nil {
		return nil
	}
	return m.byID[id]
}

// apply copies the entry's non-empty values onto d. A bad date is an
// error, reported at the manifest's line.
func (e *manifestEntry) apply(d *Document) error {
	t, err := parseOptionalDate(e.v[fDate])
	if err != nil {
		return err
	}
	if !t.IsZero() {
		d.Date = t
	}
	for _, p := range []struct {
		dst *string
		val string
	}{{&d.Outlet, e.v[fOutlet]}, {&d.URL, e.v[fURL]}, {&d.Title, e.v[fTitle]}} {
		if s := strings.TrimSpace(p.val); s != "" {
			*p.dst = s
		}
	}
	return nil
}

// loadManifest reads the manifest at root, if any; nil when there is none.
// Any problem in it is fatal, even under SkipBad: it would be unclear
// which documents the problem affects.
func (r *reader) loadManifest(root string) (*manifest, error) {
	var found []string
	for _, name := range manifestNames {
		p := filepath.Join(root, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
	default:
		return nil, &InputError{File: root, Msg: "both manifest.csv and manifest.jsonl present: keep one"}
	}
	m := &manifest{file: found[0], byID: make(map[string]*manifestEntry)}
	f := Fields{ID: "id", Outlet: r.fields.Outlet, URL: r.fields.URL, Date: r.fields.Date, Title: r.fields.Title}
	read := func(src string, fd *os.File) error { return eachJSONL(src, fd, f, m.add) }
	if strings.HasSuffix(m.file, ".csv") {
		read = func(src string, fd *os.File) error { return eachCSV(src, fd, f, []string{"id"}, m.add) }
	}
	fd, err := os.Open(m.file)
	if err != nil {
		return nil, &InputError{File: m.file, Msg: errMsg(err)}
	}
	defer fd.Close()
	return m, read(m.file, fd)
}

// add records one manifest row.
func (m *manifest) add(rec *record) error {
	fail := func(msg string) error { return &InputError{File: m.file, Line: rec.line, Msg: msg} }
	id := rec.v[fID]
	switch first := m.byID[id]; {
	case rec.bad != "":
		return fail(rec.bad)
	case id == "":
		return fail("manifest row has no id")
	case first != nil:
		return fail(fmt.Sprintf("duplicate id %q (first seen at %s)", id, where(m.file, first.line)))
	}
	e := &manifestEntry{file: m.file, line: rec.line, v: rec.v}
	m.byID[id] = e
	m.order = append(m.order, e)
	return nil
}

// checkManifest rejects manifest rows that name no document of the
// directory, in manifest order.
func (r *reader) checkManifest(m *manifest, ids []string) error {
	if m == nil {
		return nil
	}
	have := make(map[string]bool, len(ids))
	for _, id := range ids {
		have[id] = true
	}
	for _, e := range m.order {
		if !have[e.v[fID]] {
			if err := r.reject(m.file, e.line, e.v[fID], "manifest names a missing file"); err != nil {
				return err
			}
		}
	}
	return nil
}
