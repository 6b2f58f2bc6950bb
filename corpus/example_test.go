package corpus_test

import (
	"fmt"
	"strings"

	"github.com/reprint-news/reprint/corpus"
)

func ExampleRead() {
	in := strings.NewReader(`{"id":"a","text":"Russia said on Friday...","url":"https://www.reuters.com/world/x","date":"2022-01-28"}
{"text":"Copy of the story.","outlet":"Taipei Times"}
{"id":"c","text":""}
`)
	rejected, err := corpus.Read([]string{"-"}, corpus.Options{Stdin: in, SkipBad: true}, func(d *corpus.Document) error {
		fmt.Printf("%s %q %s %q\n", d.ID, d.Outlet, d.Date.Format("2006-01-02"), d.Text)
		return nil
	})
	fmt.Println(rejected, err)
	// Output:
	// a "reuters.com" 2022-01-28 "Russia said on Friday..."
	// -:2 "Taipei Times" 0001-01-01 "Copy of the story."
	// [{- 3 c no text}] <nil>
}

func ExampleOutletFromURL() {
	fmt.Println(corpus.OutletFromURL("https://WWW.TheMoscowTimes.com:443/2022/01/30/x"))
	fmt.Println(corpus.OutletFromURL("news.yahoo.com/russia"))
	fmt.Printf("%q\n", corpus.OutletFromURL("n/a"))
	// Output:
	// themoscowtimes.com
	// news.yahoo.com
	// ""
}

func ExampleParseDate() {
	for _, s := range []string{"2022-01-28", "2022-01-28T10:00:00.5+03:00", "28.01.2022"} {
		t, err := corpus.ParseDate(s)
		fmt.Println(t, err)
	}
	// Output:
	// 2022-01-28 00:00:00 +0000 UTC <nil>
	// 2022-01-28 10:00:00.5 +0300 +0300 <nil>
	// 0001-01-01 00:00:00 +0000 UTC bad date "28.01.2022": want YYYY-MM-DD or RFC 3339
}
