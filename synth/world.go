package synth

import (
	"math/rand/v2"
	"strings"
)

// A world is the cast a corpus draws on: fictional countries with their
// cities and office holders, companies, clubs and wire reporters. It is
// built from the corpus seed. Office holders recur across stories, as they
// do in real news, so unrelated stories share some names.
type world struct {
	countries []*country
	countryZ  *alias
	companies []string
	firms     []string // banks and research houses that analysts work for
	teams     []string
	leagues   []string
	stadiums  []string
	reporters [][]string // per agency
	used      map[string]bool
}

type country struct {
	name, adj string // "Valdoria", "Valdorian"
	capital   string
	cities    []string
	regions   []string
	officials []*person // head of state or government and ministers
	currency  string
	index     string // stock index
}

// person is someone a story quotes or names.
type person struct {
	first, last string
	female      bool
	title       string // office before the name, "Foreign Minister"; "" for others
	titleAlt    string // another form of the office, "Minister of Foreign Affairs"
	short       string // later reference, "the minister"
	role        string // for people without an office: "senior economist"
	det         string // "a", "an" or "the" before role
	org         string // where they work: "at Welhir Partners", or ""
	firstAlt    string // another transliteration of the first name, or ""
	lastAlt     string
	country     *country
}

func (p *person) name() string { return p.first + " " + p.last }

// offices held in every country: title, alternative title, later reference.
var offices = [][3]string{
	{"President", "", "the president"},
	{"Prime Minister", "Premier", "the prime minister"},
	{"Foreign Minister", "Minister of Foreign Affairs", "the foreign minister"},
	{"Finance Minister", "Minister of Finance", "the finance minister"},
	{"@defense Minister", "Minister of @defense", "the minister"},
	{"Interior Minister", "Minister of the Interior", "the interior minister"},
	{"Health Minister", "Minister of Health", "the health minister"},
	{"Energy Minister", "Minister of Energy", "the energy minister"},
	{"Trade Minister", "Minister of Trade", "the trade minister"},
	{"Central Bank Governor", "Governor", "the governor"},
}

// descriptions for people without an office: role, then where (%o an
// organisation, %f a research firm, %m a company, %c a city).
var descriptions = [][2]string{
	{"spokesperson", "for %o"}, {"analyst", "at %f"}, {"senior economist", "at %f"}, {"head", "of %o"},
	{"lawmaker", "from the opposition"}, {"resident", "of %c"}, {"professor", "at the University of %c"},
	{"researcher", "at %f"}, {"chief executive", "of %m"}, {"spokes*", "for %o"}, {"mayor", "of %c"},
	{"former official", ""}, {"diplomat", "in %c"}, {"lawyer", "for the families"}, {"senior official", "at %o"},
}

var ministries = []string{"Finance", "Energy", "Health", "Foreign Affairs", "Interior", "Trade",
	"Transport", "Agriculture", "Education", "Justice", "Environment", "@defense"}

var institutions = []string{"Workers\x03 Union", "Chamber of Commerce", "Red Cross", "Electoral Commission",
	"Supreme Court", "Central Bank", "Parliament", "Army", "Coast Guard", "Football Federation",
	"Statistics Office", "Medical Association", "Farmers\x03 Association", "Bar Association"}

var companySuf = []string{"Holdings", "Group", "Energy", "Motors", "Bank", "Telecom", "Airlines", "Mining",
	"Steel", "Pharma", "Systems", "Foods", "Logistics", "Petroleum", "Insurance", "Retail", "Chemicals"}

var firmSuf = []string{"Capital", "Securities", "Research", "Partners", "Institute", "Analytics", "Advisers"}

var teamSuf = []string{"United", "City", "Rovers", "Athletic", "FC", "Wanderers", "Lions", "Rangers", "Albion", "Olympic"}

var translit = map[string]string{
	"Sergei": "Sergey", "Dmitri": "Dmitry", "Yuri": "Yury", "Andrei": "Andrey", "Grigory": "Grigori",
	"Tatiana": "Tatyana", "Natalia": "Natalya", "Yulia": "Yuliya", "Alexander": "Aleksandr",
	"Arkady": "Arkadiy", "Anatoly": "Anatoliy", "Nikolai": "Nikolay",
	"Mehmet": "Mehmed", "Youssef": "Yousef", "Ahmed": "Ahmad", "Hassan": "Hasan", "Jurgen": "Juergen",
	"Joao": "João", "Min-jun": "Minjun", "Ji-woo": "Jiwoo", "Seo-yeon": "Seoyeon",
}

var agencies = []struct {
	name, short, domain string
	caps                bool   // dateline city in capitals
	dash                string // after the dateline
}{
	{"Reuters", "Reuters", "reuters.example", true, " - "},
	{"Associated Press", "AP", "apnews.example", true, " \u2014 "},
	{"Agence France-Presse", "AFP", "afp.example", false, " - "},
	{"Deutsche Presse-Agentur", "dpa", "dpa.example", false, " - "},
	{"Kyodo News", "Kyodo", "kyodonews.example", true, " - "},
}

func init() {
	// Offices and ministries name the Defense ministry in canonical form.
	fix := func(s string) string {
		for i, e := range variants {
			if e[0] == "Defense" {
				return strings.ReplaceAll(s, "@defense", string([]byte{mVar, 0x80 + byte(i)}))
			}
		}
		return s
	}
	for j := range offices {
		for k := range offices[j] {
			offices[j][k] = fix(offices[j][k])
		}
	}
	for j := range ministries {
		ministries[j] = fix(ministries[j])
	}
}

func newWorld(r *rand.Rand, v *vocab) *world {
	w := &world{used: make(map[string]bool)}
	for range 40 {
		w.countries = append(w.countries, w.newCountry(r, v))
	}
	w.countryZ = newZipf(len(w.countries), 1, 1.5)
	for range 300 {
		w.companies = append(w.companies, w.placeRoot(r)+" "+companySuf[r.IntN(len(companySuf))])
	}
	for range 60 {
		w.firms = append(w.firms, w.placeRoot(r)+" "+firmSuf[r.IntN(len(firmSuf))])
	}
	for range 80 {
		c := w.countries[r.IntN(len(w.countries))]
		city := c.cities[r.IntN(len(c.cities))]
		w.teams = append(w.teams, city+" "+teamSuf[r.IntN(len(teamSuf))])
		w.stadiums = append(w.stadiums, w.placeRoot(r)+" Stadium")
	}
	for _, c := range w.countries[:8] {
		w.leagues = append(w.leagues, c.adj+" Premier League", c.adj+" Cup")
	}
	for range agencies {
		var names []string
		for range 20 {
			names = append(names, w.newName(r, v).name())
		}
		w.reporters = append(w.reporters, names)
	}
	return w
}

// placeRoot returns a new capitalised two-syllable name.
func (w *world) placeRoot(r *rand.Rand) string {
	for {
		s := syllables(r, 2)
		if len(s) < 4 || len(s) > 7 || clashes(s) {
			continue
		}
		s = strings.ToUpper(s[:1]) + s[1:]
		if !w.used[s] {
			w.used[s] = true
			return s
		}
	}
}

func (w *world) newCountry(r *rand.Rand, v *vocab) *country {
	root := w.placeRoot(r)
	c := &country{}
	switch r.IntN(6) {
	case 0, 1:
		c.name, c.adj = root+"ia", root+"ian"
	case 2:
		c.name, c.adj = root+"stan", root+"stani"
	case 3:
		c.name, c.adj = root+"land", root+"ish"
	case 4:
		c.name, c.adj = root+"ova", root+"ovan"
	default:
		c.name, c.adj = root+"ara", root+"aran"
	}
	city := func() string {
		root := w.placeRoot(r)
		switch r.IntN(12) {
		case 0:
			return "Port " + root
		case 1:
			return "San " + root
		case 2:
			return "New " + root
		case 3, 4, 5:
			return root
		}
		suf := []string{"grad", "burg", "ville", "port", "ton", "abad", "polis", "heim", "ovo", "sk", "mouth", "field"}
		return root + suf[r.IntN(len(suf))]
	}
	c.capital = city()
	c.cities = []string{c.capital}
	for range 3 + r.IntN(3) {
		c.cities = append(c.cities, city())
	}
	for _, dir := range []string{"Northern", "Southern", "Eastern", "Western", "Central"} {
		if r.IntN(2) == 0 {
			c.regions = append(c.regions, dir+" "+c.name)
		}
	}
	c.regions = append(c.regions, w.placeRoot(r)+" Province", w.placeRoot(r)+" Valley")
	for _, o := range offices {
		p := w.newName(r, v)
		p.title, p.titleAlt, p.short = o[0], o[1], o[2]
		p.country = c
		c.officials = append(c.officials, p)
	}
	c.currency = []string{"dinar", "crown", "mark", "peso", "franc", "lira", "rand", "sol", "lev", "won"}[r.IntN(10)]
	c.index = strings.ToUpper(c.name[:3]) + " " + []string{"20", "30", "40", "50", "100"}[r.IntN(5)]
	return c
}

// newName draws a person's name; some surnames are generated.
func (w *world) newName(r *rand.Rand, v *vocab) *person {
	p := &person{female: r.IntN(3) == 0}
	if p.female {
		p.first = v.firstFemale[r.IntN(len(v.firstFemale))]
	} else {
		p.first = v.firstMale[r.IntN(len(v.firstMale))]
	}
	if r.IntN(3) == 0 {
		root := w.placeRoot(r)
		p.last = root + []string{"ov", "enko", "son", "ez", "ini", "ski", "ani", "berg", "ovic", "escu", "idis", "oglu", "ev", "sky"}[r.IntN(14)]
	} else {
		p.last = v.surnames[r.IntN(len(v.surnames))]
	}
	p.firstAlt = translit[p.first]
	switch {
	case strings.HasSuffix(p.last, "sky"):
		p.lastAlt = strings.TrimSuffix(p.last, "sky") + "ski"
	case strings.HasSuffix(p.last, "ev"):
		p.lastAlt = strings.TrimSuffix(p.last, "ev") + "yev"
	}
	return p
}

// organisation returns a named body of a country.
func (w *world) organisation(r *rand.Rand, c *country) string {
	if r.IntN(2) == 0 {
		return "the Ministry of " + ministries[r.IntN(len(ministries))]
	}
	return "the " + c.adj + " " + institutions[r.IntN(len(institutions))]
}
