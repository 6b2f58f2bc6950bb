package credit

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// agencyTable maps each canonical agency name to the other names it goes
// by. The canonical name is an alias too and need not be repeated.
//
// Matching rules (see doc.go): an alias of at most four bytes that is plain
// ASCII (AP, PA, ANI, PTI, EFE, UPI, AFP, dpa, TASS, ANSA) matches
// only with exactly this spelling, so "Pa" or "ansa" never match and each
// wanted spelling is listed; a longer ASCII alias matches in any ASCII case
// ("REUTERS", "Reuters"); an alias with non-ASCII letters matches exactly
// (list each case form that occurs, e.g. "Интерфакс" and "ИНТЕРФАКС").
// Aliases match on word boundaries next to alphabetic scripts; next to Han,
// kana or Hangul, which are written without spaces, no boundary is needed.
//
// Bare forms that are common words or names elsewhere are left out on
// purpose: "AA" (Anadolu), "RIA", "CP", "Efe" (a given name), "연합", and
// AAP (Australian Associated Press), which Indian news uses for the Aam
// Aadmi Party far more often.
var agencyTable = map[string][]string{
	"AFP":            {"Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse", "法新社", "Франс Пресс", "Франс-Пресс", "AFP通信"},
	"ANI":            {"Asian News International"},
	"ANSA":           {"Agenzia ANSA", "Agenzia Nazionale Stampa Associata"},
	"AP":             {"Associated Press", "美联社", "美聯社", "AP通信", "Ассошиэйтед Пресс"},
	"Anadolu":        {"Anadolu Agency", "Anadolu Ajansı", "Anadolu Ajansi"},
	"Bloomberg":      {"Bloomberg News", "ブルームバーグ", "彭博社", "Блумберг"},
	"Canadian Press": {},
	"EFE":            {"Agencia EFE"},
	"Interfax":       {"Интерфакс", "ИНТЕРФАКС", "国际文传电讯社"},
	"Kyodo":          {"Kyodo News", "共同通信", "共同通信社", "共同社", "共同", "교도통신"},
	"PA":             {"PA Media", "Press Association", "PA Wire"},
	"PTI":            {"Press Trust of India"},
	"RIA Novosti":    {"РИА Новости"},
	"Reuters":        {"Thomson Reuters", "路透社", "ロイター", "ロイター通信", "로이터", "로이터통신", "Рейтер", "Рейтерс"},
	"TASS":           {"Tass", "ITAR-TASS", "ТАСС", "ИТАР-ТАСС", "塔斯社", "タス通信"},
	"UPI":            {"United Press International", "合众国际社", "合眾國際社"},
	"Xinhua":         {"Xinhua News Agency", "新华社", "新華社", "Синьхуа"},
	"Yonhap":         {"Yonhap News Agency", "연합뉴스", "聯合ニュース", "韩联社", "韓聯社"},
	"dpa":            {"DPA", "Deutsche Presse-Agentur", "Deutsche Presse Agentur", "German Press Agency"},
}

// alias is one spelling of an agency, ready for matching.
type alias struct {
	s      string
	agency int  // index into names
	fold   bool // ASCII case-insensitive
	bStart bool // needs a word boundary before it
	bEnd   bool // needs a word boundary after it
	acro   bool // an all-capitals acronym such as "AFP" (for the abbreviation check)
}

var (
	names   []string             // canonical names, sorted
	byFirst [256][]*alias        // aliases by first byte (both cases when folded), longest first
	first   [256]bool            // byFirst[c] is not empty
	starts  [1 << 16 / 64]uint64 // hashed set of the first three bytes of every alias spelling
	// startAfter[p<<8|c] reports whether an alias may start at byte c when
	// the byte before it is p: c starts some alias and, if c is ASCII, p is
	// not an ASCII word byte. After a non-ASCII p it only asks that c start
	// an alias; the caller decides on the whole rune before.
	startAfter [1 << 16]bool
	nameIdx    map[string]int // canonical name -> index into names
)

func init() {
	names = make([]string, 0, len(agencyTable))
	for n := range agencyTable {
		names = append(names, n)
	}
	sort.Strings(names)
	nameIdx = make(map[string]int, len(names))
	for i, n := range names {
		nameIdx[n] = i
	}
	seen := map[string]bool{}
	for i, n := range names {
		for _, s := range append([]string{n}, agencyTable[n]...) {
			if s == "" || seen[s] {
				continue
			}
			seen[s] = true
			a := newAlias(s, i)
			byFirst[s[0]] = append(byFirst[s[0]], a)
			if a.fold {
				if o := otherCase(s[0]); o != s[0] {
					byFirst[o] = append(byFirst[o], a)
				}
			}
			addStarts(a)
		}
	}
	for i := range byFirst {
		l := byFirst[i]
		sort.SliceStable(l, func(a, b int) bool { return len(l[a].s) > len(l[b].s) })
		first[i] = len(l) > 0
	}
	for p := range 256 {
		for c := range 256 {
			startAfter[p<<8|c] = first[c] && (c >= utf8.RuneSelf || p >= utf8.RuneSelf || !asciiWordTab[p])
		}
	}
}

// addStarts adds the first three bytes of every spelling a matches to
// starts; a two-byte alias adds every third byte.
func addStarts(a *alias) {
	variants := func(b byte) []byte {
		if a.fold && otherCase(b) != b {
			return []byte{b, otherCase(b)}
		}
		return []byte{b}
	}
	var thirds []byte
	if len(a.s) > 2 {
		thirds = variants(a.s[2])
	} else {
		thirds = make([]byte, 256)
		for i := range thirds {
			thirds[i] = byte(i)
		}
	}
	for _, b0 := range variants(a.s[0]) {
		for _, b1 := range variants(a.s[1]) {
			for _, b2 := range thirds {
				k := startKey(b0, b1, b2)
				starts[k/64] |= 1 << (k % 64)
			}
		}
	}
}

func startKey(b0, b1, b2 byte) uint32 {
	return (uint32(b0)<<16 | uint32(b1)<<8 | uint32(b2)) * 0x9E3779B1 >> 16
}

func newAlias(s string, agency int) *alias {
	ascii := true
	upper := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
		}
		if !(c >= 'A' && c <= 'Z') {
			upper = false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return &alias{
		s:      s,
		agency: agency,
		fold:   ascii && len(s) > 4,
		bStart: !isCJK(first),
		bEnd:   !isCJK(last),
		acro:   upper && len(s) >= 2,
	}
}

func otherCase(c byte) byte {
	switch {
	case c >= 'a' && c <= 'z':
		return c - 'a' + 'A'
	case c >= 'A' && c <= 'Z':
		return c - 'A' + 'a'
	}
	return c
}

// isCJK reports whether r belongs to a script written without spaces
// between words (Han, Hiragana, Katakana, Hangul).
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return r == 'ー' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Agencies returns the canonical names of the agencies Find knows, sorted
// in byte order. The slice is a fresh copy.
func Agencies() []string {
	return append([]string(nil), names...)
}
