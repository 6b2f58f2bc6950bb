package credit_test

import (
	"fmt"

	"github.com/reprint-news/reprint/credit"
)

func ExampleFind() {
	text := "MOSCOW (Reuters) - Russia said on Friday it did not want war, Interfax reported.\n\n" +
		"Lavrov arrives for talks. Photo: AFP\n\n" +
		"(Additional reporting by Reuters bureaux; Editing by Jane Doe)"
	for _, c := range credit.Find(text) {
		fmt.Printf("%s %s %d %q\n", c.Agency, c.Kind, c.Offset, c.Text)
	}
	// Output:
	// AFP photo 108 "Photo: AFP"
	// Reuters dateline 0 "MOSCOW (Reuters) -"
}

// Callers that want the agencies credited for the story itself skip
// picture credits.
func ExampleFind_storyCredits() {
	text := "Russia's foreign minister and an aide. Mikhail Metzel / TASS\n\n" +
		"President Vladimir Putin said talks should start at once, Interfax reported Wednesday."
	for _, c := range credit.Find(text) {
		if c.Kind == credit.KindPhoto {
			fmt.Println("picture by", c.Agency)
			continue
		}
		fmt.Println("story by", c.Agency)
	}
	// Output:
	// picture by TASS
}
