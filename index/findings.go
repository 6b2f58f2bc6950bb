package index

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats of a findings file, for WriteFindings and FormatOf.
const (
	FormatJSON  = "json"
	FormatCSV   = "csv"
	FormatJUnit = "junit"
)

// FormatOf returns the findings format a file name's extension asks for:
// .json, .csv, or .xml (JUnit), and "" for any other.
func FormatOf(name string) string {
	switch {
	case strings.HasSuffix(name, ".json"):
		return FormatJSON
	case strings.HasSuffix(name, ".csv"):
		return FormatCSV
	case strings.HasSuffix(name, ".xml"):
		return FormatJUnit
	}
	return ""
}

// WriteFindings writes r in format: JSON (the summary and every
// finding), CSV (one finding a row) or JUnit XML (one test case for the
// copy rate and one per finding, failed when it counts against a rule
// that failed). The same report gives the same bytes.
func WriteFindings(w io.Writer, r *Report, format string) error {
	switch format {
	case FormatJSON:
		return writeJSON(w, r)
	case FormatCSV:
		return writeCSV(w, r)
	case FormatJUnit:
		return writeJUnit(w, r)
	}
	return fmt.Errorf("unknown findings format %q (want json, csv or junit)", format)
}

func writeJSON(w io.Writer, r *Report) error {
	out := *r
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	if out.Summary.FailOn == nil {
		out.Summary.FailOn = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

var csvHeader = []string{"doc", "outlet", "date", "fingerprint", "kind", "match_in", "match_doc", "match_outlet", "match_date",
	"match_fingerprint", "jaccard", "contained", "contains", "shared_shingles", "index_matches", "dump_matches",
	"group", "new_story", "allowed", "fails"}

func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, f := range r.Findings {
		cw.Write([]string{f.Doc, f.Outlet, f.Date, f.Fingerprint, f.Kind, f.Match.In, f.Match.ID, f.Match.Outlet, f.Match.Date,
			f.Match.Fingerprint, num(f.Jaccard), num(f.Contained), num(f.Contains), strconv.Itoa(f.Shared),
			strconv.Itoa(f.IndexCopies), strconv.Itoa(f.DumpCopies), strconv.Itoa(f.Group),
			strconv.FormatBool(f.NewStory), strconv.FormatBool(f.Allowed), strconv.FormatBool(f.Fails)})
	}
	cw.Flush()
	return cw.Error()
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

type junitSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Name     string     `xml:"name,attr"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Suite    junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Class   string        `xml:"classname,attr"`
	Name    string        `xml:"name,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
	Out     string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func writeJUnit(w io.Writer, r *Report) error {
	s := r.Summary
	rate := junitCase{Class: "reprint.check", Name: fmt.Sprintf("copy rate %.4f of %d documents", s.CopyRate, s.Docs)}
	if s.Failed {
		rate.Failure = &junitFailure{Message: strings.Join(s.Reasons, "; "), Type: "limit", Text: strings.Join(s.Reasons, "\n")}
	}
	cases := []junitCase{rate}
	for _, f := range r.Findings {
		c := junitCase{Class: "reprint.copy." + f.Kind, Name: f.Doc,
			Out: fmt.Sprintf("fingerprint %s; copy of %s %s (%s, %s): %.0f%% of it contained there, %.0f%% of that in it, %d shared shingles; allowed %v",
				f.Fingerprint, f.Match.In, f.Match.ID, orNone(f.Match.Outlet), orNone(f.Match.Date), 100*f.Contained, 100*f.Contains, f.Shared, f.Allowed)}
		if f.Fails {
			c.Failure = &junitFailure{Message: fmt.Sprintf("copy of %s document %s", f.Match.In, f.Match.ID), Type: "copy", Text: c.Out}
			c.Out = ""
		}
		cases = append(cases, c)
	}
	failures := 0
	for _, c := range cases {
		if c.Failure != nil {
			failures++
		}
	}
	doc := junitSuites{Name: "reprint check", Tests: len(cases), Failures: failures,
		Suite: junitSuite{Name: "reprint check", Tests: len(cases), Failures: failures, Cases: cases}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// WriteSummary writes a few lines on a check for people.
func WriteSummary(w io.Writer, r *Report) error {
	s := r.Summary
	var b strings.Builder
	fmt.Fprintf(&b, "checked    %d new documents against %d indexed (%s)\n", s.Docs, s.IndexDocs, plural(s.Segments, "segment"))
	fmt.Fprintf(&b, "findings   %d copies: %d of indexed documents, %d inside the dump only (%d new stories); %d allowed\n",
		s.Findings, s.IndexCopies, s.DumpCopies, s.NewStories, s.Allowed)
	fmt.Fprintf(&b, "rate       %.4f of new documents are copies not allowed (limit %.4f)\n", s.CopyRate, s.MaxCopyRate)
	fmt.Fprintf(&b, "work       %d band lookups, %d blocks and %d records read, %d candidates, %d verified copies of indexed documents\n",
		s.Query.Lookups, s.Query.Blocks, s.Query.Records, s.Query.Candidates, s.Query.Hits)
	if s.Failed {
		fmt.Fprintf(&b, "result     FAIL: %s\n", strings.Join(s.Reasons, "; "))
	} else {
		fmt.Fprintf(&b, "result     pass (--fail-on %s)\n", strings.Join(s.FailOn, ","))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadAllow reads the content fingerprints of a previous findings file,
// JSON or CSV as WriteFindings writes them: the findings an allow list
// accepts.
func ReadAllow(r io.Reader) (map[uint64]bool, error) {
	br := bufio.NewReader(r)
	first, err := firstByte(br)
	if err != nil {
		return nil, err
	}
	allow := map[uint64]bool{}
	add := func(where, s string) error {
		fp, err := strconv.ParseUint(s, 16, 64)
		if err != nil || len(s) != 16 {
			return fmt.Errorf("%s: bad fingerprint %q", where, s)
		}
		allow[fp] = true
		return nil
	}
	switch first {
	case '{':
		var rep struct {
			Findings []struct {
				Fingerprint *string `json:"fingerprint"`
			} `json:"findings"`
		}
		dec := json.NewDecoder(br)
		if err := dec.Decode(&rep); err != nil {
			return nil, fmt.Errorf("not a findings file: %v", err)
		}
		for i, f := range rep.Findings {
			if f.Fingerprint == nil {
				return nil, fmt.Errorf("finding %d has no fingerprint", i+1)
			}
			if err := add(fmt.Sprintf("finding %d", i+1), *f.Fingerprint); err != nil {
				return nil, err
			}
		}
		return allow, nil
	case '<':
		return nil, errors.New("a JUnit file cannot be an allow list: give the JSON or CSV findings")
	}
	cr := csv.NewReader(br)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("not a findings file: %v", err)
	}
	col := -1
	for i, h := range head {
		if h == "fingerprint" {
			col = i
		}
	}
	if col < 0 {
		return nil, errors.New("not a findings file: no fingerprint column")
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return allow, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if err := add(fmt.Sprintf("line %d", line), rec[col]); err != nil {
			return nil, err
		}
	}
}

// firstByte returns the first byte that is not white space, unread.
func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err == io.EOF {
			return 0, errors.New("empty file")
		}
		if err != nil {
			return 0, err
		}
		if !bytes.ContainsRune([]byte(" \t\r\n"), rune(b)) {
			return b, br.UnreadByte()
		}
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
