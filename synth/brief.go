package synth

import (
	"strconv"
	"strings"
)

// Brief templates: fixed sentence frames whose slots take different names
// and figures. Briefs of one template share most of their wording yet each
// is a story of its own, the hard negative case for a copy detector.
var briefTemplates = []struct {
	name  string
	write func(c *generator) (title string, paras []para)
}{
	{"earnings", (*generator).earningsBrief},
	{"sports", (*generator).sportsBrief},
	{"weather", (*generator).weatherBrief},
	{"markets", (*generator).marketsBrief},
	{"rates", (*generator).ratesBrief},
}

// brief writes a templated brief.
func (c *generator) brief(st *story, template int) {
	t := briefTemplates[template]
	st.template = t.name
	st.title, st.paras = t.write(c)
}

// frame fills the {slots} of a sentence frame.
func frame(f string, slots map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(f, '{')
		if i < 0 {
			b.WriteString(f)
			return b.String()
		}
		j := strings.IndexByte(f[i:], '}') + i
		b.WriteString(f[:i])
		b.WriteString(slots[f[i+1:j]])
		f = f[j+1:]
	}
}

func (c *generator) pct() string {
	g := &c.g
	return strconv.Itoa(g.r.IntN(30)) + "." + strconv.Itoa(g.r.IntN(10)) + " " + g.v.canon("percent")
}

func (c *generator) money() string {
	g := &c.g
	if g.r.IntN(3) == 0 {
		return "$" + strconv.Itoa(1+g.r.IntN(20)) + "." + strconv.Itoa(g.r.IntN(10)) + " billion"
	}
	return "$" + strconv.Itoa(5+g.r.IntN(990)) + " million"
}

func (c *generator) pickPair(up, down string) string {
	if c.g.r.IntN(2) == 0 {
		return up
	}
	return down
}

func sentences(lines ...string) []para {
	var ps []para
	for _, l := range lines {
		var p para
		for _, s := range strings.Split(l, "|") {
			if s = strings.TrimSpace(s); s != "" {
				p = append(p, sent{s: s, words: wordCount(s)})
			}
		}
		if len(p) > 0 {
			ps = append(ps, p)
		}
	}
	return ps
}

func (c *generator) earningsBrief() (string, []para) {
	g := &c.g
	cty := c.world.countries[c.world.countryZ.draw(g.r)]
	up := g.r.IntN(2) == 0
	s := map[string]string{
		"co": g.pick(c.world.companies), "q": g.pick([]string{"first-quarter", "second-quarter", "third-quarter", "fourth-quarter"}),
		"m1": c.money(), "m2": c.money(), "m3": c.money(), "m4": c.money(), "m5": c.money(), "m6": c.money(),
		"p1": c.pct(), "p2": c.pct(), "p3": c.pct(), "firm": g.pick(c.world.firms), "city": cty.capital,
		"n": strconv.Itoa(5 + g.r.IntN(20)), "ceo": c.world.newName(g.r, g.v).name(), "things": g.nounPl(), "adj": g.adj(),
		"updown": "up", "rosefell": "rose", "risesfalls": "rises",
	}
	if !up {
		s["updown"], s["rosefell"], s["risesfalls"] = "down", "fell", "falls"
	}
	title := frame("{co} {q} profit {risesfalls} {p1}", s)
	var opt string
	if g.r.IntN(2) == 0 {
		opt = frame("{ceo}, the chief executive, said demand for its {things} remained {adj}.", s)
	}
	return title, sentences(
		frame("{co} "+string(mDay)+" reported {q} net profit of {m1}, {updown} {p1} from {m2} a year earlier. | Revenue {rosefell} {p2} to {m3}, the company said in a statement.", s),
		frame("Analysts polled by {firm} had expected a profit of {m4}, according to a survey of {n} analysts. | The company said it expects full-year revenue of between {m5} and {m6}.", s),
		frame("Shares in {co} {rosefell} {p3} in early trading in {city}, "+
			g.pick([]string{"while the broader market was little changed.", "outperforming the wider market.", "their biggest move in a month."}), s)+" "+opt,
	)
}

func ordinal(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return strconv.Itoa(n) + suf
}

func (c *generator) sportsBrief() (string, []para) {
	g := &c.g
	w := c.world
	t := g.r.Perm(len(w.teams))
	a, b := 1+g.r.IntN(4), g.r.IntN(3)
	if b >= a {
		b = a - 1
	}
	games := 10 + g.r.IntN(25)
	s := map[string]string{
		"ta": w.teams[t[0]], "tb": w.teams[t[1]], "tc": w.teams[t[2]], "td": w.teams[t[3]],
		"sa": strconv.Itoa(a), "sb": strconv.Itoa(b), "league": g.pick(w.leagues),
		"pa": w.newName(g.r, g.v).name(), "pb": w.newName(g.r, g.v).name(),
		"how": g.pick([]string{"twice", "once", "a hat-trick", "the winner"}), "min": strconv.Itoa(2 + g.r.IntN(20)),
		"pos": ordinal(1 + g.r.IntN(10)), "pos2": ordinal(5 + g.r.IntN(14)), "pts": strconv.Itoa(games + g.r.IntN(games)),
		"games": strconv.Itoa(games), "wd": g.pick([]string{"Saturday", "Sunday", "Wednesday", "Tuesday"}),
		"crowd": thousands(3000 + g.r.IntN(60000)), "stadium": g.pick(w.stadiums),
		"n": strconv.Itoa(2 + g.r.IntN(4)), "month": g.pick([]string{"August", "October", "December", "February", "March"}),
	}
	var second string
	if b > 0 {
		second = frame("{pb} pulled one back for the visitors {min} minutes from time.", s)
	}
	return frame("{ta} beat {tb} {sa}-{sb}", s), sentences(
		frame("{ta} beat {tb} {sa}-{sb} in the {league} "+string(mDay)+", with {pa} scoring {how}.", s)+" "+second,
		frame("The win lifts {ta} to {pos} place in the table with {pts} points from {games} games, while {tb} stay {pos2}. | {ta} travel to {tc} next {wd}, and {tb} host {td}.", s),
		frame("A crowd of {crowd} watched the match at the {stadium}. | "+
			g.pick([]string{"{ta} have now won {n} of their last five league games.", "{tb} have not won away from home since {month}.", "The two sides meet again in the cup later this season."}), s),
	)
}

func (c *generator) weatherBrief() (string, []para) {
	g := &c.g
	cty := c.world.countries[c.world.countryZ.draw(g.r)]
	s := map[string]string{
		"what":   g.pick([]string{"heavy rain", "snow", "thunderstorms", "showers", "sunshine", "strong winds", "fog"}),
		"region": g.pick(cty.regions), "region2": g.pick(cty.regions), "city": g.pick(cty.cities), "country": cty.name,
		"wd":  g.pick([]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}),
		"wd2": g.pick([]string{"the weekend", "Monday", "midweek", "Friday"}),
		"t":   strconv.Itoa(g.r.IntN(40) - 5), "mm": strconv.Itoa(10 + g.r.IntN(120)), "kmh": strconv.Itoa(40 + g.r.IntN(90)),
		"dir": g.pick([]string{"north", "south", "east", "west"}), "col": g.pick([]string{"yellow", "orange", "red"}),
		"adj": g.pick([]string{"Wet", "Stormy", "Cold", "Warm", "Windy", "Unsettled"}),
		"mmw": g.v.canon("millimeters"), "kmw": g.v.canon("kilometers"),
	}
	return frame("{adj} weather expected across {region}", s), sentences(
		frame("Forecasters expect {what} across {region} on {wd}, with temperatures reaching {t} degrees Celsius in {city}. | Up to {mm} {mmw} of rain could fall in the {dir} of the country, the national weather service said.", s),
		frame("Winds of up to {kmh} {kmw} per hour are forecast along the coast. | The service issued a {col} warning for {region2} and advised residents to avoid unnecessary travel.", s),
		frame("Conditions are expected to ease by {wd2}. | "+
			g.pick([]string{"Several flights from {city} were delayed overnight.", "Schools in parts of {region2} will stay closed on {wd}.", "Farmers in the {dir} welcomed the rain after a dry month."}), s),
	)
}

func (c *generator) marketsBrief() (string, []para) {
	g := &c.g
	cty := c.world.countries[c.world.countryZ.draw(g.r)]
	up := g.r.IntN(2) == 0
	s := map[string]string{
		"idx": cty.index, "p1": c.pct(), "p2": c.pct(), "p3": c.pct(), "p4": c.pct(),
		"pts": thousands(1000 + g.r.IntN(30000)), "co": g.pick(c.world.companies), "co2": g.pick(c.world.companies),
		"co3": g.pick(c.world.companies), "cur": cty.currency, "fx": strconv.Itoa(1+g.r.IntN(150)) + "." + strconv.Itoa(10+g.r.IntN(90)),
		"vol": strconv.Itoa(50 + g.r.IntN(900)), "brent": strconv.Itoa(60+g.r.IntN(40)) + "." + strconv.Itoa(10+g.r.IntN(90)),
		"sector":   g.pick([]string{"bank", "energy", "technology", "mining", "retail", "property"}),
		"rosefell": "rose", "risesfalls": "rises", "gainslide": "gain", "strong": "strengthened", "best": "gainer", "updown": "up",
		"av": g.pick([]string{"above", "below"}), "brf": c.pickPair("rose", "fell"),
	}
	if !up {
		s["rosefell"], s["risesfalls"], s["gainslide"], s["strong"], s["best"], s["updown"] = "fell", "falls", "slide", "weakened", "loser", "down"
	}
	return frame("{idx} {risesfalls} {p1} as {sector} shares {gainslide}", s), sentences(
		frame("The {idx} index {rosefell} {p1} to {pts} points "+string(mDay)+", led by shares of {co} and {co2}. | The {cur} {strong} to {fx} per dollar.", s),
		frame("Trading volume was {vol} million shares, {av} the 30-day average. | Brent crude {brf} {p3} to ${brent} a barrel.", s),
		frame("{co3} was the biggest {best}, {updown} {p4}. | "+
			g.pick([]string{"Foreign investors were net buyers of {cur}-denominated stocks for a third day.", "Gold was steady in the afternoon as investors awaited inflation data.", "Traders said the market would watch central bank comments later in the week."}), s),
	)
}

func (c *generator) ratesBrief() (string, []para) {
	g := &c.g
	cty := c.world.countries[c.world.countryZ.draw(g.r)]
	gov := cty.officials[len(cty.officials)-1]
	bp := strconv.Itoa(25 * (1 + g.r.IntN(3)))
	s := map[string]string{
		"country": cty.name, "rate": c.pct(), "infl": c.pct(), "tgt": strconv.Itoa(2+g.r.IntN(3)) + " " + g.v.canon("percent"),
		"gov": gov.name(), "cur": cty.currency, "p": c.pct(), "firm": g.pick(c.world.firms),
		"month":  g.pick([]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}),
		"month2": g.pick([]string{"next month", "March", "June", "September", "December"}),
		"exp":    g.pick([]string{"expected by most", "a surprise to most", "expected by some"}), "rf": c.pickPair("rose", "fell"),
		"cmp": g.pick([]string{"above", "close to", "well above", "below"}),
	}
	var act, head string
	switch g.r.IntN(3) {
	case 0:
		act, head = "raised its benchmark interest rate by "+bp+" basis points to", "raises rates to"
	case 1:
		act, head = "cut its benchmark interest rate by "+bp+" basis points to", "cuts rates to"
	default:
		act, head = "kept its benchmark interest rate unchanged at", "holds rates at"
	}
	s["act"], s["head"] = act, head
	return frame("{country} central bank {head} {rate}", s), sentences(
		frame("The central bank of {country} {act} {rate} "+string(mDay)+". | Governor {gov} said inflation of {infl} in {month} remained {cmp} the bank\x03s target of {tgt}.", s),
		frame("The decision was {exp} economists in a poll by {firm}. | The bank\x03s next policy meeting is scheduled for {month2}.", s),
		frame("The {cur} {rf} {p} against the dollar after the announcement. | "+
			g.pick([]string{"Government bond yields were little changed.", "The bank said it would act again if price pressures persisted.", "Two members of the policy board voted against the decision."}), s),
	)
}
