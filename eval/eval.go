package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Assignment maps document ID to story ID.
type Assignment map[string]string

// ReadAssignment reads a CSV file whose first row is a header and whose
// first two columns are the document ID and the story ID (for example
// `doc_id,story_id` or `id,story`); further columns are ignored. It returns
// the assignment and the document IDs in file order. The header's names are
// not checked, only its width. Fields are trimmed of surrounding space. A
// malformed row, an empty ID, an empty story or a repeated ID is an error
// naming its line.
func ReadAssignment(r io.Reader) (Assignment, []string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, errors.New("assignment CSV: empty input, want a header row")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("assignment CSV: %w", err)
	}
	if len(header) < 2 {
		line, _ := cr.FieldPos(0)
		return nil, nil, fmt.Errorf("assignment CSV: line %d: header has %d column(s), want doc id and story id", line, len(header))
	}
	a := make(Assignment)
	var ids []string
	first := make(map[string]int)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("assignment CSV: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) < 2 {
			return nil, nil, fmt.Errorf("assignment CSV: line %d: %d column(s), want doc id and story id", line, len(rec))
		}
		id, story := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		switch {
		case id == "":
			return nil, nil, fmt.Errorf("assignment CSV: line %d: empty doc id", line)
		case story == "":
			return nil, nil, fmt.Errorf("assignment CSV: line %d: doc %q has an empty story id", line, id)
		}
		if prev, dup := first[id]; dup {
			return nil, nil, fmt.Errorf("assignment CSV: line %d: doc %q repeated (first on line %d)", line, id, prev)
		}
		first[id] = line
		a[id] = story
		ids = append(ids, id)
	}
	return a, ids, nil
}
