//! The words that [`context`](super::context) reads around a mention: the
//! nouns that say what a name is ("the firm", "the film", "photojournalist"),
//! the last words that make a name an organization, and the prepositions of
//! a venue; and those [`place_context`](super::place_context) reads: the
//! offices held over places, the words of towns' names and the words
//! before "in" and other prepositions of place. Lists only; how they are
//! read is in those modules.

use super::context::last_word;
use super::WordList;

/// Common nouns that, right before a name, say it is an organization
/// ("law firm Sidley Austin", "militant group Hamas").
#[rustfmt::skip]
pub(super) static ORGANIZATION_NOUNS: WordList = WordList::new(&[
    "company", "firm", "band", "group", "airline", "app", "website", "database", "agency",
    "charity", "startup", "publisher", "newspaper", "magazine", "journal", "broadcaster",
    "network", "club", "party", "manufacturer", "automaker", "carmaker", "retailer", "bank",
    "organisation", "organization", "insurer", "conglomerate", "broadcaster", "daily", "tabloid",
    "outlet", "non-profit", "nonprofit", "ngo", "think-tank", "consultancy", "subsidiary",
    "utility", "regulator", "watchdog", "lender", "supplier", "chain",
]);

/// Common nouns that, right before a name, say it is a work, a vessel or a
/// character ("the film Argo", "the 2009 novel Obsession", "MV Alan
/// Kurdi"): no person, place or organization.
#[rustfmt::skip]
pub(super) static WORK_NOUNS: WordList = WordList::new(&[
    "film", "movie", "book", "novel", "memoir", "memoirs", "album", "song", "series",
    "sitcom", "opera", "musical", "documentary", "programme", "painting", "poem",
    "character", "characters", "ship", "vessel", "tanker", "yacht", "frigate", "destroyer",
    "submarine", "mv", "uss", "hms", "ss", "rv", "m.v.", "u.s.s.", "h.m.s.", "videogame",
    "franchise", "episode",
]);

/// Lower-case nouns that, right after a person's name, say the name is an
/// instrument's ("the James Webb space telescope", "the Kepler
/// spacecraft"): no entity of the story.
pub(super) static INSTRUMENT_NOUNS: WordList = WordList::new(&[
    "telescope",
    "spacecraft",
    "probe",
    "rover",
    "lander",
    "orbiter",
    "satellite",
]);

/// Common nouns that, right before a name and in lower case, say it is a
/// person ("photojournalist Ziad al-Sharabi", "incumbent Prayuth
/// Chan-o-cha"). Nouns sports reports put before teams ("host",
/// "rival", "leader", "champion") are left out.
#[rustfmt::skip]
pub(super) static PERSON_NOUNS: WordList = WordList::new(&[
    "journalist", "photojournalist", "photographer", "reporter", "correspondent", "colleague",
    "actor", "actress", "singer", "songwriter", "rapper", "musician", "guitarist", "drummer",
    "writer", "author", "co-author", "novelist", "poet", "playwright", "filmmaker", "designer",
    "architect", "scientist", "researcher", "biologist", "physicist", "chemist", "astronomer",
    "economist", "historian", "professor", "lawyer", "activist", "campaigner", "blogger",
    "striker", "midfielder", "goalkeeper", "teammate", "cyclist", "skier", "swimmer", "boxer",
    "golfer", "batsman", "bowler", "candidate", "incumbent", "minister", "president",
    "senator", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "diplomat",
    "envoy", "ambassador", "husband", "wife", "son", "daughter", "widow", "grandson",
    "granddaughter", "nephew", "niece", "uncle", "aunt", "cousin", "conductor", "comedian",
    "presenter", "businessman", "businesswoman", "billionaire", "tycoon", "entrepreneur",
    "co-founder", "chairman", "chairwoman", "secretary", "lawmaker", "legislator", "judge",
    "prosecutor", "detective", "officer", "soldier", "pilot", "doctor", "surgeon", "nurse",
    "priest", "bishop", "cleric", "imam", "rabbi", "victim", "suspect", "defendant",
    "composer", "painter", "sculptor", "pianist", "violinist", "dancer", "pseudonym",
    "boyfriend", "girlfriend", "fiancé", "fiancée", "stepson", "stepdaughter",
]);

/// Last words that make a name an organization whatever the tagger said
/// ("Ural State Medical University", "Saha Airlines"). Words that also
/// end place names ("West Bank", "Soviet Union") are left out.
#[rustfmt::skip]
pub(super) static ORGANIZATION_TAILS: WordList = WordList::new(&[
    "university", "college", "institute", "council", "committee", "agency",
    "ministry", "association", "society", "foundation", "corporation", "company", "inc", "ltd",
    "corp", "plc", "llc", "gmbh", "group", "party", "airlines", "airways", "air", "airline", "police",
    "laboratory", "forum", "institution", "commission", "league", "partners", "coalition",
    "department", "service", "bureau", "army", "navy", "guard", "brigade", "organisation",
    "organization", "fund", "forces", "force", "services", "academy", "tribe", "railway",
    "railways", "railroad",
    "bulletin", "gazette", "herald", "tribune", "chronicle", "telegraph", "journal",
    // Trades that follow a founder's name ("Hughes Tool", "Murphy Oil",
    // "Perkins Engines"), which the tagger reads as a person's.
    "oil", "tool", "tools", "works", "chemical", "chemicals", "insurance", "engines", "foods",
    "stores", "petroleum", "mining", "resources", "realty", "shipyards", "labs", "laboratories",
    "pharmaceuticals", "industries", "motors", "electronics", "brewing", "breweries",
    "textiles", "publishing", "enterprises", "technologies", "securities", "investments",
    // South Asian and German bodies ("Akhil Bharat Hindu Mahasabha", "Vishva
    // Hindu Parishad", "Ashodaya Samithi", "Rashtriya Janata Dal",
    // "Friedrich Ebert Stiftung").
    "sabha", "mahasabha", "samiti", "samithi", "sangh", "sangha", "parishad", "jamaat",
    "morcha", "kazhagam", "dal", "stiftung", "verband", "verein", "partei",
]);

/// First words that make a name an organization in languages that put the
/// head noun first ("Grupo Financiero Altiplano", "Banco Santander",
/// "Société Générale", "Universidad de Chile").
#[rustfmt::skip]
pub(super) static ORGANIZATION_HEADS: WordList = WordList::new(&[
    "grupo", "banco", "banca", "banque", "compañía", "companhia", "compagnie", "société",
    "sociedad", "sociedade", "fundación", "fundação", "fondation", "instituto", "universidad",
    "universidade", "université", "universität", "partido", "partito", "ministerio",
    "ministère", "ministério", "institut", "senado", "congreso", "asamblea", "cámara",
    // Arabic and Urdu: front, army, brigades, movement, party, society
    // ("Jabhat al-Nusra", "Kataeb Hezbollah", "Tehrik-i-Taliban").
    "jabhat", "jaysh", "jaish", "kataeb", "kata'ib", "liwa", "harakat", "hizb", "tehrik",
    "tehreek", "jamiat", "jamaat",
]);

/// [`ORGANIZATION_TAILS`] that also end the names of venues and places
/// CoNLL labels as such ("National Tennis Centre", "High Court" as the
/// building, "Russian Federation"): they move persons only.
pub(super) static PERSON_ONLY_TAILS: WordList =
    WordList::new(&["centre", "center", "court", "federation"]);

/// Words that follow the head noun of a description ("a firm that
/// conducts", "a company based in", "a database detailing").
#[rustfmt::skip]
pub(super) static AFTER_HEAD: WordList = WordList::new(&[
    "that", "which", "whose", "based", "in", "with", "owned", "founded", "run", "from", "for",
    "of", "and", "specialising", "specializing", "detailing", "listing", "headquartered",
    "known", "operating", "led", "linked", "backed", "to", "at", "on",
]);

/// Prepositions before a venue ("at The Oval", "on The Mall").
pub(super) static VENUE_PREPOSITIONS: WordList = WordList::new(&[
    "at", "in", "on", "near", "outside", "inside", "from", "into", "around",
]);

/// Whether `name` (one word) heads an administration, as presidents do
/// ("the Reagan administration", "the Obama Administration's"), `after`
/// being the text right after it; not a body whose name goes on ("the
/// Maritime Administration Building") nor an acronym ("the PSD
/// administration", a party's).
pub(super) fn heads_an_administration(name: &str, after: &str) -> bool {
    let rest = after
        .strip_prefix(" administration")
        .or_else(|| after.strip_prefix(" Administration"));
    name.chars().skip(1).any(char::is_lowercase)
        && rest.is_some_and(|r| !r.trim_start_matches(' ').starts_with(char::is_uppercase))
}

/// Titles of offices held over a place, before "of" ("the mayor of
/// Denver", "Bishop of Marbel"); "president" and "minister" are left
/// out: companies and ministries have them too.
pub(super) static OFFICES_OF_PLACES: WordList = WordList::new(&[
    "mayor",
    "mayors",
    "governor",
    "governors",
    "premier",
    "bishop",
    "archbishop",
]);

/// Offices held for a state or province, before "from", "for" or "of"
/// ("the junior Senator from New York", "Governor of New York").
pub(super) static OFFICES_OF_REGIONS: WordList = WordList::new(&[
    "senator",
    "senators",
    "governor",
    "congressman",
    "congresswoman",
    "representative",
]);

/// Words in the names of organizations, not of towns.
#[rustfmt::skip]
pub(super) static NOT_IN_TOWN_NAMES: WordList = WordList::new(&[
    "of", "co", "corp", "corporation", "inc", "ltd", "plc", "sa", "ag", "nv", "bv", "gmbh",
    "bank", "bancorp", "court", "express", "group", "international", "company", "holdings",
    "university", "college", "school", "hospital", "airlines", "airways", "motors", "power",
]);

/// Prepositions before a town named with its region ("from Marksville,
/// Louisiana", "over Lockerbie, Scotland"). Not "of": "statues of
/// Christopher Columbus, US presidents ...", "a subsidiary of Svenska
/// Handelsbanken, Sweden"; nor "at": "at Creditanstalt and Girozentrale,
/// Vienna".
pub(super) static TOWN_PREPOSITIONS: WordList =
    WordList::new(&["in", "from", "near", "outside", "over"]);

/// Nouns that end the names of public bodies and firms besides
/// [`ORGANIZATION_TAILS`]: "CENTRAL BANK", "U.S. TREASURY", "QUEBEC COURT".
#[rustfmt::skip]
static BODY_WORDS: WordList = WordList::new(&[
    "bank", "banks", "treasury", "house", "senate", "congress", "court", "board", "office",
    "exchange", "parliament", "government", "cabinet", "administration", "authority", "union",
    "federation", "trust", "holdings", "systems", "telecom", "bancorp",
]);

/// Whether `word` (any case) may end the name of an organization or a
/// public body: a headline's "BANK" is part of the name, its "BUYS" not.
pub(crate) fn ends_body_names(word: &str) -> bool {
    ORGANIZATION_TAILS.contains(word) || BODY_WORDS.contains(word)
}

/// Nouns that, followed by "of", say the next name is a place ("the island
/// of Rapa Nui", "the port town of Mokha", "residents of Leeds", "the
/// streets of Barcelona"). "State" is left out: "the State of Emergency",
/// "Secretary of State"; and "citizens": "citizens of Communist cities".
#[rustfmt::skip]
pub(super) static PLACE_NOUNS: WordList = WordList::new(&[
    "island", "city", "town", "village", "province", "region", "district", "county",
    "port", "municipality", "governorate", "prefecture", "suburb", "neighbourhood",
    "neighborhood", "oblast", "residents", "outskirts", "streets", "suburbs", "inhabitants",
]);

/// Words that say which seat a capital is ("the state capital of").
#[rustfmt::skip]
pub(super) static CAPITAL_KINDS: WordList = WordList::new(&[
    "state", "provincial", "regional", "national", "federal", "financial", "economic",
    "commercial", "cultural", "administrative", "political", "island",
]);

/// Lower-case nouns that, after a name, say it names an area ("Maidan
/// Wardak province", "the Sulu region", "Rakhine state").
pub(super) static AREA_NOUNS: WordList = WordList::new(&[
    "province",
    "region",
    "district",
    "county",
    "governorate",
    "prefecture",
    "municipality",
    "oblast",
    "state",
    "island",
    "islands",
]);

/// Compass words that may lead a place name the gazetteer lacks ("North
/// Poland", "Northern Syria"): the place is the rest.
#[rustfmt::skip]
pub(super) static COMPASS: WordList = WordList::new(&[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western",
]);

/// Whether `word` is a compass word ("North", "southern"): "the North" of
/// Korea is a place though Oliver North is a person.
pub(crate) fn is_compass_word(word: &str) -> bool {
    COMPASS.contains(word)
}

/// Whether a name key is a state of its own a compass word makes
/// ([`FORMER_STATES`]: "west germany").
pub(crate) fn is_former_state(key: &str) -> bool {
    FORMER_STATES.contains(key)
}

/// States of their own that a compass word makes and the gazetteer no
/// longer lists, as name keys: "West Germany" is not Germany in 1987.
#[rustfmt::skip]
pub(super) static FORMER_STATES: WordList = WordList::new(&[
    "west germany", "east germany", "south yemen", "north yemen", "south vietnam",
    "north vietnam", "east pakistan", "west pakistan", "east berlin", "west berlin",
]);

/// Capitalised nouns that end the name of a first-level region ("Guangdong
/// Province", "Biobio Region", "Kherson Oblast"). Not "State", "County" or
/// "District": "Ohio State", "Eastern District" name other things.
pub(super) static REGION_NOUNS: WordList =
    WordList::new(&["province", "region", "governorate", "oblast", "prefecture"]);

/// Prepositions besides "in" before which a city is the city ("outside
/// Sao Paulo"; over Reuters-21578 one more place value, right).
pub(super) static CITY_PREPOSITIONS: WordList =
    WordList::new(&["near", "outside", "across", "through", "around"]);

/// Whether `before` ends with "to " or "from " after a word of travel
/// ("flew to", "flights from", "fled to"): a place, where after other
/// words firms stand as often ("sold to Gillette", "buy from Hitachi").
pub(super) fn travelled_to_or_from(before: &str) -> bool {
    let rest = before
        .strip_suffix(" to ")
        .or_else(|| before.strip_suffix(" from "));
    rest.is_some_and(|rest| TRAVEL_WORDS.contains(last_word(rest)))
}

/// Whether `before` ends with a verb of war that takes a town ("retook ",
/// "shelled "), or a noun of war and "on", "of" or "for" ("the offensive
/// on ", "the fall of ", "the battle for "): in war news the town the
/// tagger took for a team or a person ("retook Kupiansk and Lyman").
pub(super) fn after_a_war_word(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    if WAR_VERBS.contains(last_word(rest)) {
        return true;
    }
    let noun = [" on", " of", " for"]
        .iter()
        .find_map(|p| rest.strip_suffix(p));
    noun.is_some_and(|n| WAR_NOUNS.contains(last_word(n)))
}

/// Whether `before` ends with "including " or "such as " after a plural
/// noun of places within the clause ("flood-hit towns in northern New
/// South Wales, including ", "cities such as "): the name after is one
/// of them, where firms stand after other nouns ("lenders including
/// Barclays").
pub(super) fn among_places_listed(before: &str) -> bool {
    let Some(rest) = before
        .strip_suffix(" including ")
        .or_else(|| before.strip_suffix(" such as "))
    else {
        return false;
    };
    let clause = rest.rsplit(['.', ';', ':']).next().unwrap_or_default();
    clause
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .take(8)
        .any(|w| PLACES_PLURAL.contains(w))
}

/// Plural nouns of places that a list of towns or countries follows.
#[rustfmt::skip]
static PLACES_PLURAL: WordList = WordList::new(&[
    "towns", "cities", "villages", "suburbs", "areas", "regions", "provinces", "states",
    "countries", "districts", "communities", "capitals", "ports", "islands", "municipalities",
]);

/// Verbs of war whose object is a town.
#[rustfmt::skip]
static WAR_VERBS: WordList = WordList::new(&[
    "retook", "recaptured", "captured", "liberated", "shelled", "bombarded", "besieged",
    "encircled", "stormed", "bombed", "overran", "struck", "pounded",
]);

/// Nouns of war before "on", "of" or "for" and a town.
#[rustfmt::skip]
static WAR_NOUNS: WordList = WordList::new(&[
    "offensive", "assault", "advance", "siege", "fall", "battle", "shelling", "bombardment",
    "recapture", "capture", "liberation",
]);

/// Words of travel, before "to" or "from" and a place.
#[rustfmt::skip]
static TRAVEL_WORDS: WordList = WordList::new(&[
    "flew", "fly", "flying", "flight", "flights", "travel", "travelled", "traveled",
    "travelling", "traveling", "trip", "trips", "visit", "visits", "fled", "flee", "fleeing",
    "evacuated", "deported", "sailed", "drove", "ferry", "ferries", "train", "trains", "road",
    "route", "highway", "motorway", "railway", "miles", "kilometres", "kilometers", "km",
    "returned", "returning", "moved", "relocated", "marched", "commute", "journey",
]);

/// Nouns after which "in" leads a company or a person, not a place.
#[rustfmt::skip]
pub(super) static NOT_PLACES_IN: WordList = WordList::new(&[
    "stake", "stakes", "interest", "interests", "investment", "investments", "share",
    "shares", "holding", "holdings", "profit", "profits", "loss", "losses", "position",
    "stock", "partner", "trust", "confidence", "faith", "belief", "ally", "ownership",
    "interested",
]);

/// What a place has and a team or firm has not, after a possessive
/// ("Liverpool's mayor", "Barcelona's streets").
#[rustfmt::skip]
pub(super) static PLACE_POSSESSIONS: WordList = WordList::new(&[
    "mayor", "streets", "residents", "inhabitants", "airport", "suburbs", "outskirts",
    "downtown", "neighbourhoods", "neighborhoods", "townspeople", "city",
]);

/// Words of work before "at" and an employer ("worked at", "an analyst
/// at", "jobs at").
#[rustfmt::skip]
pub(super) static EMPLOYMENT_WORDS: WordList = WordList::new(&[
    "work", "works", "worked", "working", "employed", "job", "jobs", "employee", "employees",
    "staff", "workers", "analyst", "analysts", "economist", "economists", "strategist",
    "executive", "executives", "engineer", "engineers", "shoppers", "customers", "intern",
]);
