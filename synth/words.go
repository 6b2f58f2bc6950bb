package synth

// Word lists, most frequent first within each list: the rank in a list is
// the rank the Zipf sampler gives the word. American spellings are the
// canonical forms; see variants for the British and house-style ones.

const nounWords = `government minister official talk security troop border economy
market price rate bank company deal agreement plan proposal sanction election
vote party parliament lawmaker court report data growth budget tax debt oil gas
energy power crisis conflict war peace attack force military police protest
worker union strike job industry production export trade investor share
currency analyst investment fund policy reform region city capital country state
province town resident family child hospital health vaccine patient doctor
school student university research study climate storm flood drought fire water
food aid support crop farmer leader opposition coalition cabinet decision
statement interview meeting summit visit delegation envoy ambassador embassy
alliance treaty commitment demand request response warning threat risk concern
fear hope effort move step measure rule regulation ban restriction limit target
goal level record figure number rise fall increase decline loss profit revenue
sale customer consumer business firm group sector manufacturer supplier shipment
cargo port airport flight airline passenger train road bridge building site
plant factory mine project contract license property house home rent mortgage
loan credit interest payment wage pension benefit subsidy cost bill fee fine
penalty prison prisoner trial hearing ruling appeal verdict charge investigation
inquiry probe evidence witness lawyer prosecutor suspect victim death injury
survivor rescue evacuation shelter camp refugee migrant crossing checkpoint
convoy vehicle weapon missile drone aircraft ship vessel navy fleet base exercise
deployment operation mission campaign candidate voter poll ballot result turnout
seat majority minority speaker chamber committee panel commission council board
agency authority regulator watchdog office department unit team staff member
employee executive director chairman founder owner partner rival critic
supporter ally neighbor district street square center system network service
platform technology software chip device phone internet website account user
content issue question problem challenge solution option approach strategy
framework process system period week month year decade century history future
past moment time day night morning evening season quarter half majority
average total amount volume capacity supply demand shortage surplus deficit
balance reserve asset value estimate forecast outlook expectation assessment
review audit analysis survey census document letter message signal sign step
demand round phase stage term session agenda priority condition situation
position view stance line tone language message spokesperson correspondent
reporter journalist editor newspaper broadcaster television radio channel
station program broadcast film book song artist museum festival exhibition
tournament match game season league player coach club stadium fan medal title
champion victory defeat draw goal point score player injury transfer race
runner driver cyclist athlete event ceremony celebration anniversary holiday
tradition culture religion church mosque temple community society population
generation youth adult elderly woman man citizen taxpayer tenant landlord
consumer shopper tourist visitor crowd audience public nation republic kingdom
territory island coast mountain valley river lake sea ocean forest desert field
farm village suburb neighborhood area zone corridor route highway railway
pipeline grid reactor turbine panel battery fuel coal diesel petrol electricity
heat temperature rain snow wind wave earthquake landslide outbreak epidemic
infection disease treatment drug medicine clinic ambulance nurse surgeon
scientist laboratory experiment discovery invention innovation startup venture
merger acquisition takeover stake bid offer tender auction bond stock index
exchange dollar euro yen inflation recession recovery boom slowdown stimulus
spending cut hike rally slump surge drop gain jump plunge dip`

// verbWords pairs base and past forms.
const verbWords = `say:said tell:told warn:warned agree:agreed announce:announced
expect:expected plan:planned call:called urge:urged reject:rejected accuse:accused
deny:denied confirm:confirmed approve:approved launch:launched sign:signed
meet:met discuss:discussed demand:demanded propose:proposed raise:raised cut:cut
increase:increased reduce:reduced boost:boosted cite:cited report:reported
release:released order:ordered ban:banned block:blocked halt:halted
suspend:suspended resume:resumed extend:extended end:ended open:opened
close:closed win:won lose:lost lead:led face:faced seek:sought offer:offered
pledge:pledged promise:promised threaten:threatened criticize:criticized
praise:praised welcome:welcomed condemn:condemned support:supported
oppose:opposed back:backed build:built send:sent deploy:deployed move:moved
reach:reached hold:held take:took give:gave make:made keep:kept show:showed
find:found see:saw put:put set:set pay:paid buy:bought sell:sold invest:invested
spend:spent borrow:borrowed fund:funded cover:covered review:reviewed
examine:examined investigate:investigated arrest:arrested charge:charged
join:joined leave:left enter:entered return:returned visit:visited host:hosted
attend:attended address:addressed publish:published issue:issued
submit:submitted prepare:prepared organize:organized recognize:recognized
authorize:authorized prioritize:prioritized stabilize:stabilized
mobilize:mobilized analyze:analyzed emphasize:emphasized question:questioned
challenge:challenged dismiss:dismissed defend:defended protect:protected
restore:restored repair:repaired replace:replaced remove:removed add:added
include:included exclude:excluded require:required allow:allowed
prevent:prevented avoid:avoided delay:delayed postpone:postponed cancel:canceled
complete:completed start:started begin:began finish:finished continue:continued
maintain:maintained improve:improved expand:expanded develop:developed
create:created produce:produced export:exported import:imported ship:shipped
deliver:delivered receive:received collect:collected gather:gathered
count:counted estimate:estimated measure:measured test:tested track:tracked
monitor:monitored watch:watched detect:detected identify:identified
name:named appoint:appointed elect:elected nominate:nominated replace:replaced
fire:fired hire:hired train:trained employ:employed target:targeted
strike:struck hit:hit damage:damaged destroy:destroyed kill:killed injure:injured
wound:wounded evacuate:evacuated rescue:rescued shelter:sheltered
negotiate:negotiated mediate:mediated broker:brokered secure:secured
guarantee:guaranteed ensure:ensured assure:assured insist:insisted
acknowledge:acknowledged admit:admitted reveal:revealed disclose:disclosed
describe:described explain:explained suggest:suggested indicate:indicated
signal:signaled hint:hinted stress:stressed note:noted observe:observed
predict:predicted forecast:forecast project:projected calculate:calculated
limit:limited restrict:restricted tighten:tightened ease:eased lift:lifted
impose:imposed adopt:adopted pass:passed enact:enacted amend:amended
overturn:overturned uphold:upheld rule:ruled sentence:sentenced convict:convicted
acquit:acquitted appeal:appealed file:filed sue:sued settle:settled
force:forced push:pushed pull:pulled drive:drove carry:carried bring:brought`

const adjWords = `new former senior local national foreign international economic political
military public private financial major key top last next first second final
recent early late high low big small large strong weak long short full further
additional possible likely potential serious significant sharp steady rapid
slow annual monthly weekly quarterly global regional domestic federal central
northern southern eastern western rural urban independent official previous
current ongoing controversial critical crucial urgent broad wide heavy direct
formal legal illegal joint separate similar different common rare open free
available unclear uncertain stable volatile fragile modest massive tough swift
conciliatory hawkish diplomatic humanitarian environmental industrial
commercial digital medical judicial electoral parliamentary constitutional
presidential ministerial strategic tactical nuclear civilian armed unarmed
peaceful violent deadly fatal severe mild extreme unprecedented historic
traditional modern young old aging popular unpopular visible hidden active
passive positive negative neutral cautious aggressive defensive offensive
temporary permanent partial total complete initial main primary secondary
basic essential necessary sufficient limited unlimited effective efficient
transparent secret public renewable affordable expensive cheap costly
profitable competitive dominant leading struggling growing shrinking emerging
advanced remote nearby coastal mountainous`

const advWords = `also still now already however recently previously again earlier later
largely mostly widely sharply slightly quickly publicly privately reportedly
officially directly increasingly nearly almost roughly initially eventually
finally currently immediately separately jointly repeatedly openly firmly
clearly`

// variants lists words whose spelling depends on the house style: the
// canonical (American) form, the British form, and whether the choice is
// spelling (false) or abbreviation dots (true). Generated text carries them
// as markers so that rendering for an outlet is a single pass.
var variants = [][3]string{
	{"U.S.", "US", "dots"},
	{"U.N.", "UN", "dots"},
	{"U.K.", "UK", "dots"},
	{"organize", "organise", ""},
	{"organized", "organised", ""},
	{"organization", "organisation", ""},
	{"organizations", "organisations", ""},
	{"recognize", "recognise", ""},
	{"recognized", "recognised", ""},
	{"criticize", "criticise", ""},
	{"criticized", "criticised", ""},
	{"criticizes", "criticises", ""},
	{"authorize", "authorise", ""},
	{"authorized", "authorised", ""},
	{"authorizes", "authorises", ""},
	{"prioritize", "prioritise", ""},
	{"prioritized", "prioritised", ""},
	{"prioritizes", "prioritises", ""},
	{"stabilize", "stabilise", ""},
	{"stabilized", "stabilised", ""},
	{"stabilizes", "stabilises", ""},
	{"mobilize", "mobilise", ""},
	{"mobilized", "mobilised", ""},
	{"mobilizes", "mobilises", ""},
	{"analyze", "analyse", ""},
	{"analyzed", "analysed", ""},
	{"analyzes", "analyses", ""},
	{"emphasize", "emphasise", ""},
	{"emphasized", "emphasised", ""},
	{"emphasizes", "emphasises", ""},
	{"organizes", "organises", ""},
	{"recognizes", "recognises", ""},
	{"center", "centre", ""},
	{"centers", "centres", ""},
	{"defense", "defence", ""},
	{"Defense", "Defence", ""},
	{"defenses", "defences", ""},
	{"neighbor", "neighbour", ""},
	{"neighbors", "neighbours", ""},
	{"neighboring", "neighbouring", ""},
	{"neighborhood", "neighbourhood", ""},
	{"neighborhoods", "neighbourhoods", ""},
	{"program", "programme", ""},
	{"programs", "programmes", ""},
	{"canceled", "cancelled", ""},
	{"signaled", "signalled", ""},
	{"percent", "per cent", ""},
	{"kilometers", "kilometres", ""},
	{"millimeters", "millimetres", ""},
	{"destabilizing", "destabilising", ""},
	{"labor", "labour", ""},
	{"favor", "favour", ""},
	{"behavior", "behaviour", ""},
	{"license", "licence", ""},
	{"licenses", "licences", ""},
	{"aging", "ageing", ""},
}

// synonyms are replacements a copy editor or a rewriting reporter uses.
var synonymList = `said:stated,noted,added,told_reporters talks:negotiations,discussions
government:administration,authorities troops:soldiers,forces
rose:climbed,increased,gained fell:dropped,declined,slipped big:large,major
plan:proposal,scheme warned:cautioned,signaled officials:authorities
agreement:deal,accord deal:agreement,accord expected:anticipated,projected
country:nation nation:country minister:official attack:assault,strike
rejected:dismissed,rebuffed approved:endorsed,backed announced:unveiled,disclosed
meeting:talks,session company:firm,group firm:company
urged:called_on,pressed criticized:attacked,faulted support:backing
increase:rise,jump decline:drop,fall cut:reduction crisis:emergency
strong:robust,solid weak:soft,feeble sharp:steep,marked major:significant,large
recent:latest key:main,crucial new:fresh senior:high-ranking
also:in_addition,too statement:release demanded:called_for threatened:warned_of
began:started started:began,launched halted:stopped,froze protest:demonstration
protesters:demonstrators workers:employees,staff prices:costs people:residents
killed:left_dead injured:wounded,hurt city:town region:area,province
leader:chief head:chief market:trading`

// Function words are picked by the grammar itself, with these weights.
var (
	prepositions = []string{"in", "of", "for", "on", "with", "at", "from", "by", "over", "after",
		"against", "before", "during", "under", "between", "amid", "across", "into", "without", "toward"}
	prepWeights = []float64{30, 28, 14, 12, 9, 7, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1}
	adverbTime  = []string{"last week", "this week", "earlier this month", "last month", "in recent weeks",
		"in recent days", "since last year", "earlier this year", "late last year", "over the weekend"}
	conjunctions = []string{"while", "as", "after", "although", "because", "but", "and", "since", "before", "when"}
)

// Syllables for the generated tail of the vocabulary and for names.
var (
	onsets = []string{"b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w",
		"b", "d", "l", "m", "n", "r", "s", "t", "k", "br", "cr", "dr", "gr", "pr", "tr", "st", "ch", "sh", "th", "pl", "cl"}
	nuclei  = []string{"a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "ea", "ai", "ou", "io"}
	codas   = []string{"", "", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rt", "nt"}
	nounSuf = []string{"tion", "ment", "ity", "ance", "ure", "ism", "age", "er", "ery", "ness", "ship", "ence", "ist", "or", "ant"}
	adjSuf  = []string{"al", "ive", "ous", "ic", "ary", "able", "ful", "ian", "ish", "ent", "less"}
	verbSuf = []string{"ate", "en", "ify", "ect", "ude", "ound", "ire", "ect"}
)

// Names of people. Surnames are mixed with generated ones.
const (
	firstMale = `Alexander Sergei Ivan Mikhail Dmitri Nikolai Andrei Yuri Pavel Oleg Viktor
Boris Anatoly Grigory Arkady Vladislav Emmanuel Jean Pierre Luc Marco Luca Paolo
Giorgio Hans Klaus Jurgen Stefan Tomas Jan Piotr Marek Karol Lars Erik Anders
Johan Mehmet Ahmet Mustafa Omar Ahmed Hassan Karim Youssef Tariq Rahul Arjun
Vikram Ravi Sanjay Hiroshi Kenji Takeshi Wei Jun Hao Min-jun Joon Carlos Juan
Diego Javier Miguel Alejandro Jose Pedro Rafael Joao Kwame Kofi Chinedu Tunde
Samuel Daniel David Michael James John Robert William Thomas Richard Mark Paul
Peter George Andrew Simon Patrick Brian Kevin Anthony Antony Henry Edward Oliver`
	firstFemale = `Anna Maria Elena Olga Natalia Irina Svetlana Tatiana Yulia Ekaterina Marina
Sophie Claire Camille Isabelle Giulia Francesca Chiara Ingrid Astrid Karin Ewa
Agnieszka Katarzyna Ayse Fatma Zeynep Leila Fatima Amina Yasmin Priya Ananya
Sunita Deepa Yuki Akiko Mei Lin Xiu Ji-woo Seo-yeon Lucia Carmen Sofia Isabel
Ana Beatriz Mariana Ngozi Amara Abena Sarah Emma Laura Rachel Rebecca Susan
Karen Linda Helen Julia Catherine Margaret Jennifer Michelle Nicole Hannah
Alice Grace Charlotte Victoria`
	surnameWords = `Petrov Ivanov Smirnov Volkov Sokolov Lebedev Kozlov Novikov Morozov Pavlov
Orlov Belov Zaitsev Kuznetsov Popov Romanov Dubois Laurent Moreau Lefebvre
Garnier Rossi Bianchi Ferrari Esposito Ricci Marino Muller Schmidt Schneider
Fischer Weber Becker Hoffmann Kowalski Nowak Wisniewski Lewandowski Larsen
Andersen Nielsen Johansson Lindqvist Yilmaz Demir Sahin Celik Haddad Khalil
Nasser Rahman Hussein Mansour Sharma Patel Gupta Singh Iyer Reddy Tanaka
Suzuki Watanabe Nakamura Kobayashi Zhang Wang Chen Liu Huang Kim Park Lee Choi
Garcia Martinez Rodriguez Lopez Fernandez Gonzalez Silva Santos Oliveira Costa
Okafor Mensah Owusu Adeyemi Boateng Smith Johnson Williams Brown Jones Miller
Davis Wilson Taylor Anderson Thompson White Harris Clark Lewis Walker Hall
Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell
Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris
Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward`
)
