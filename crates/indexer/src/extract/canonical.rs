//! Canonicalisation: turns the tagger's mentions of one article into the
//! facet values stored with it (persons, locations, organizations, places).
//!
//! Owns cleaning a mention (titles, possessives, punctuation, a leading
//! "the"), linking the mentions of one entity within one article ("Putin" →
//! "Vladimir Putin", "HTS" → "Hayat Tahrir al-Sham", "MOSCOW" → "Moscow"),
//! naming places through the [`Gazetteer`], and adding the regions and
//! countries that contain them.
//!
//! Does not own finding mentions (the tagger does) nor linking entities
//! across articles: every decision here uses one article only, so the same
//! short name may map differently in two articles.

use std::collections::{HashMap, HashSet};

use super::gazetteer::{name_key, strip_possessive, Gazetteer, Place, PlaceKind};
use super::{EntityKind, Mention};

/// The facet values of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Canonical {
    /// Canonical person names, each once, in first-mention order.
    pub persons: Vec<String>,
    /// Canonical place names, each once, in first-mention order.
    pub locations: Vec<String>,
    /// Canonical organization names, each once, in first-mention order.
    pub organizations: Vec<String>,
    /// `locations`, each followed by the region and country containing it,
    /// each once.
    pub places: Vec<String>,
    /// The canonical name of each input mention, in input order; empty for
    /// a mention that cleans to nothing (a bare title, punctuation).
    pub names: Vec<String>,
}

/// Canonicalises the mentions found in `text` (one article). Mentions may
/// come in any order; their offsets are only used to read what follows an
/// organization (an acronym in parentheses) and may be wrong without harm.
pub fn canonicalize(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> Canonical {
    let mentioned: HashSet<String> = mentions.iter().map(|m| bare_key(&m.text)).collect();
    let cleaned: Vec<String> = mentions
        .iter()
        .map(|m| clean(&m.text, m.kind, gazetteer, &mentioned))
        .collect();
    let mut persons = Linker::default();
    let mut locations = Linker::default();
    let mut orgs = Linker::default();
    for (m, c) in mentions.iter().zip(&cleaned) {
        match m.kind {
            EntityKind::Person => persons.add(c),
            EntityKind::Location => locations.add(c),
            EntityKind::Organization => orgs.add(c),
        }
    }
    let person_of = link_persons(&persons);
    let (location_of, containing) = name_locations(&locations, gazetteer);
    let org_of = link_organizations(text, mentions, &cleaned, &orgs);

    let mut out = Canonical::default();
    for (m, c) in mentions.iter().zip(&cleaned) {
        let key = name_key(c);
        let name = match m.kind {
            EntityKind::Person => person_of.get(&key),
            EntityKind::Location => location_of.get(&key),
            EntityKind::Organization => org_of.get(&key),
        };
        out.names.push(name.cloned().unwrap_or_default());
    }
    // First-mention order is text order, whatever order mentions came in.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    for i in order {
        let name = &out.names[i];
        if name.is_empty() {
            continue;
        }
        let list = match mentions[i].kind {
            EntityKind::Person => &mut out.persons,
            EntityKind::Location => {
                push_unique(&mut out.places, name);
                for c in containing.get(name).into_iter().flatten() {
                    push_unique(&mut out.places, c);
                }
                &mut out.locations
            }
            EntityKind::Organization => &mut out.organizations,
        };
        push_unique(list, name);
    }
    out
}

/// `locations` (canonical names from a source, or from [`canonicalize`]),
/// each followed by the gazetteer's name for it when that is another
/// spelling, and by the region and country containing it; each once.
pub fn places_of(locations: &[String], gazetteer: &Gazetteer) -> Vec<String> {
    let mut linker = Linker::default();
    for l in locations {
        linker.add(l);
    }
    let (names, containing) = name_locations(&linker, gazetteer);
    let mut out = Vec::new();
    for l in locations {
        // The name as given stays (it is in the locations facet), then the
        // gazetteer's name for it when that differs ("Moskva", "Moscow").
        push_unique(&mut out, l);
        let name = names.get(&name_key(l)).unwrap_or(l);
        push_unique(&mut out, name);
        for c in containing.get(name).into_iter().flatten() {
            push_unique(&mut out, c);
        }
    }
    out
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !list.iter().any(|x| x == s) {
        list.push(s.to_owned());
    }
}

/// The distinct names of one kind in an article, grouped by key (case,
/// accents and punctuation ignored), with the best way to write each.
#[derive(Default)]
struct Linker {
    /// Keys in first-seen order.
    keys: Vec<String>,
    /// Key → best surface form seen so far.
    surface: HashMap<String, String>,
}

impl Linker {
    fn add(&mut self, cleaned: &str) {
        let key = name_key(cleaned);
        if key.is_empty() {
            return;
        }
        match self.surface.get_mut(&key) {
            Some(s) => {
                if better_surface(cleaned, s) {
                    *s = cleaned.to_owned();
                }
            }
            None => {
                self.keys.push(key.clone());
                self.surface.insert(key, cleaned.to_owned());
            }
        }
    }
}

/// Whether `a` is a better way to write a name than `b` (same key): not
/// shouting in capitals ("PUTIN" in a headline), then with more of its
/// punctuation ("al-Sharaa" over "al Sharaa").
fn better_surface(a: &str, b: &str) -> bool {
    match (all_caps(a), all_caps(b)) {
        (false, true) => true,
        (true, false) => false,
        _ => a.len() > b.len(),
    }
}

/// Whether every letter is upper case (and there are at least two).
fn all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// Titles and honorifics dropped in front of person names, lowercase,
/// without their period. Words that are also common first names ("Emir",
/// "Sultan") are left out on purpose.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "vice-president", "prime", "minister", "chancellor", "premier", "king",
    "queen", "prince", "princess", "crown", "emperor", "pope", "sheikh", "sheik", "shaikh",
    "ayatollah", "imam", "rabbi", "rev", "reverend", "bishop", "archbishop", "cardinal",
    "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt",
    "admiral", "adm", "sergeant", "sgt", "commander", "marshal", "field", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
    "judge", "justice", "secretary", "secretary-general", "state", "foreign", "defence",
    "defense", "interior", "finance", "affairs", "deputy", "chief", "leader", "supreme",
    "speaker", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "chair", "ceo", "director", "commissioner", "former", "late", "acting",
    "interim", "then", "incumbent",
];

/// Words allowed between two titles ("Secretary of State").
const TITLE_LINKS: &[&str] = &["of", "the", "for"];

/// Name particles ignored when matching short person names to long ones
/// ("Sharaa" is "al-Sharaa"), and skipped in an organization's initials.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "ben", "van",
    "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
];

/// Small words skipped in an organization's initials ("Islamic State of
/// Iraq and the Levant" → ISIL).
const FUNCTION_WORDS: &[&str] = &["of", "the", "and", "for", "in", "on", "und", "et", "y", "&"];

fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str())
}

/// The key of a mention as written, less a leading "the": what tells
/// whether a name is mentioned elsewhere in the article.
fn bare_key(text: &str) -> String {
    let key = name_key(trim_punctuation(text));
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => key,
    }
}

/// Cleans one mention: whitespace, surrounding punctuation and quotes, a
/// possessive, a leading "the" (places, organizations) or titles (persons).
///
/// A possessive is always dropped from a person ("Putin's"); from a place
/// or organization only when the name without it is a gazetteer place or
/// is mentioned elsewhere in the article (`mentioned` holds the
/// [`bare_key`]s of all mentions), since some names end in one: "Lloyd's",
/// "Lord's", "McDonald's".
fn clean(
    text: &str,
    kind: EntityKind,
    gazetteer: &Gazetteer,
    mentioned: &HashSet<String>,
) -> String {
    let s = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = trim_punctuation(&s);
    let bare = trim_punctuation(strip_possessive(s));
    let drop_possessive = bare.len() == s.len()
        || match kind {
            EntityKind::Person => true,
            EntityKind::Location => gazetteer.contains(bare) || mentioned.contains(&bare_key(bare)),
            EntityKind::Organization => mentioned.contains(&bare_key(bare)),
        };
    let s = if drop_possessive { bare } else { s };
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let keep = match kind {
        EntityKind::Person => strip_titles(&words, gazetteer),
        EntityKind::Location | EntityKind::Organization => {
            let the = words.len() > 1 && words[0].eq_ignore_ascii_case("the");
            &words[usize::from(the)..]
        }
    };
    keep.join(" ")
}

/// Drops quotes and punctuation around a name, and a final period unless
/// the last word is an abbreviation with other periods ("U.S.").
fn trim_punctuation(s: &str) -> &str {
    const AROUND: &[char] = &[
        '"', '\'', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', ',', ';', ':', '!', '?', '-',
        '–', '—', '*',
    ];
    let mut s = s.trim_matches(|c: char| AROUND.contains(&c) || c.is_whitespace());
    while let Some(rest) = s.strip_suffix('.') {
        let last = rest.rsplit(' ').next().unwrap_or_default();
        if last.contains('.') {
            break;
        }
        s = rest.trim_end_matches(|c: char| AROUND.contains(&c) || c.is_whitespace());
    }
    s
}

/// Drops a leading run of titles, with one word before it when that word
/// is a country name or demonym ("U.S. President", "Syrian President"), but
/// never the whole name ("King" alone, "Stephen King" stay).
fn strip_titles<'a>(words: &'a [&'a str], gazetteer: &Gazetteer) -> &'a [&'a str] {
    let lead = usize::from(
        words.len() > 2
            && !is_title(words[0])
            && is_title(words[1])
            && (looks_demonym(words[0]) || is_country(words[0], gazetteer)),
    );
    let mut end = 0;
    let mut i = lead;
    while i < words.len() {
        if is_title(words[i]) {
            i += 1;
            end = i;
        } else if end > 0 && TITLE_LINKS.contains(&words[i].to_lowercase().as_str()) {
            i += 1;
        } else {
            break;
        }
    }
    if end > 0 && end < words.len() {
        &words[end..]
    } else {
        words
    }
}

fn looks_demonym(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && ["an", "ese", "ish", "i", "ch"]
            .iter()
            .any(|s| word.ends_with(s))
}

fn is_country(word: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer
        .lookup(word)
        .iter()
        .any(|p| p.kind == PlaceKind::Country)
}

/// The words of a person name that identify it, particles left out:
/// "Ahmed al-Sharaa" → [ahmed, sharaa].
fn core_words(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !PARTICLES.contains(w)).collect()
}

/// Whether `short` appears in `long` in order (not necessarily adjacent).
fn is_subsequence(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// Maps each person key to its canonical name: the one longer name of the
/// article that contains it, else its own best surface.
fn link_persons(people: &Linker) -> HashMap<String, String> {
    // Keys with the same core words are one name written two ways
    // ("Sharaa", "al-Sharaa"): keep the one with more words as the group.
    let cores: Vec<Vec<&str>> = people.keys.iter().map(|k| core_words(k)).collect();
    let mut out = HashMap::new();
    for (i, key) in people.keys.iter().enumerate() {
        let core = &cores[i];
        // Longer names containing this one, which no longer name contains
        // in turn.
        let longer = |a: &[&str], b: &[&str]| b.len() > a.len() && is_subsequence(a, b);
        let mut targets: Vec<usize> = (0..cores.len())
            .filter(|&j| !core.is_empty() && longer(core, &cores[j]))
            .filter(|&j| !cores.iter().any(|c| longer(&cores[j], c)))
            .collect();
        if targets.is_empty() {
            // Same core, other spelling: the longest spelling.
            targets = (0..cores.len())
                .filter(|&j| cores[j] == *core && people.keys[j].len() > key.len())
                .collect();
            targets.truncate(1);
        }
        let name = match targets.as_slice() {
            [t] => &people.surface[&people.keys[*t]],
            // Unique or ambiguous ("Smith" with two Smiths): as written.
            _ => &people.surface[key],
        };
        out.insert(key.clone(), name.clone());
    }
    out
}

/// Maps each location key to its canonical name and each canonical name to
/// the names containing it.
fn name_locations(
    locations: &Linker,
    gazetteer: &Gazetteer,
) -> (HashMap<String, String>, HashMap<String, Vec<String>>) {
    // First the names that need no context (one candidate, or a country),
    // then every name in their context: "Paris" after "Texas".
    let mut context: Vec<&Place> = Vec::new();
    for key in &locations.keys {
        let candidates = gazetteer.lookup(key);
        if let Some(p) = gazetteer.resolve(key, &[]) {
            if candidates.len() == 1 || p.kind == PlaceKind::Country {
                context.push(p);
            }
        }
    }
    let mut names = HashMap::new();
    let mut containing = HashMap::new();
    for key in &locations.keys {
        let name = match gazetteer.resolve(key, &context) {
            Some(p) => {
                let within = gazetteer.containing(p);
                containing.insert(
                    p.name.clone(),
                    within.into_iter().map(str::to_owned).collect(),
                );
                p.name.clone()
            }
            None => locations.surface[key].clone(),
        };
        names.insert(key.clone(), name);
    }
    (names, containing)
}

/// Maps each organization key to its canonical name: an acronym becomes the
/// long form the article spells out ("Hayat Tahrir al-Sham (HTS)") or whose
/// initials it is.
fn link_organizations(
    text: &str,
    mentions: &[Mention],
    cleaned: &[String],
    orgs: &Linker,
) -> HashMap<String, String> {
    let mut acronyms: HashMap<String, Vec<String>> = HashMap::new();
    let char_starts: Vec<usize> = if mentions.iter().any(|m| m.kind == EntityKind::Organization) {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect()
    } else {
        Vec::new()
    };
    for (m, c) in mentions.iter().zip(cleaned) {
        if m.kind != EntityKind::Organization || !c.contains(' ') {
            continue;
        }
        let after = char_starts.get(m.end).and_then(|&b| text.get(b..));
        if let Some(acr) = after.and_then(parenthesised_acronym) {
            acronyms
                .entry(acronym_key(acr))
                .or_default()
                .push(name_key(c));
        }
    }
    for key in &orgs.keys {
        if !key.contains(' ') {
            continue;
        }
        for initials in initials_of(key) {
            acronyms.entry(initials).or_default().push(key.clone());
        }
    }
    let mut out = HashMap::new();
    for key in &orgs.keys {
        let mut name = &orgs.surface[key];
        if is_acronym(name) {
            if let Some(longs) = acronyms.get(&acronym_key(name)) {
                let mut longs: Vec<&String> = longs.iter().filter(|l| *l != key).collect();
                longs.sort();
                longs.dedup();
                if let [long] = longs.as_slice() {
                    if let Some(s) = orgs.surface.get(*long) {
                        name = s;
                    }
                }
            }
        }
        out.insert(key.clone(), name.clone());
    }
    out
}

/// "U.N." and "UN" alike: "un".
fn acronym_key(acronym: &str) -> String {
    name_key(&acronym.replace('.', ""))
}

/// An acronym in parentheses at the start of `s` (spaces allowed before).
fn parenthesised_acronym(s: &str) -> Option<&str> {
    let s = s.trim_start().strip_prefix('(')?;
    let end = s.find(')')?;
    let acr = s.get(..end)?.trim();
    is_acronym(acr).then_some(acr)
}

/// Two to ten capitals, digits, dots or ampersands, one word: "HTS",
/// "U.N.", "AT&T".
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && s.chars().filter(char::is_ascii_uppercase).count() >= 2
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
}

/// Initials of an organization key, with and without its particles and
/// small words: "hayat tahrir al sham" → "htas", "hts".
fn initials_of(key: &str) -> Vec<String> {
    let all: String = key.split(' ').filter_map(|w| w.chars().next()).collect();
    let content: String = key
        .split(' ')
        .filter(|w| !PARTICLES.contains(w) && !FUNCTION_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    let mut out = vec![all];
    if content.len() >= 2 && content != out[0] {
        out.push(content);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed article: in the corpus once it is added there, else in
    /// `shared/` beside the repository (where every checkout and CI have it).
    fn seed() -> String {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let name = "sharaa-meets-putin-in-moscow.txt";
        [
            format!("{root}/corpus/2026/{name}"),
            format!("{root}/../shared/seed/{name}"),
        ]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .expect("seed article in corpus/2026/ or ../shared/seed/")
    }

    /// Every word-bounded occurrence of each surface as a mention, longer
    /// surfaces first and never overlapping, in text order; offsets in
    /// code points.
    fn mentions_of(text: &str, surfaces: &[(EntityKind, &str)]) -> Vec<Mention> {
        let mut by_len: Vec<_> = surfaces.to_vec();
        by_len.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut out = Vec::new();
        for (kind, surface) in by_len {
            for (b, _) in text.match_indices(surface) {
                let e = b + surface.len();
                let before = text[..b].chars().next_back();
                let after = text[e..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                    || taken.iter().any(|&(s, t)| b < t && s < e)
                {
                    continue;
                }
                taken.push((b, e));
                let start = text[..b].chars().count();
                out.push(Mention {
                    kind,
                    text: surface.to_owned(),
                    start,
                    end: start + surface.chars().count(),
                });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    fn seed_mentions(text: &str) -> Vec<Mention> {
        use EntityKind::*;
        mentions_of(
            text,
            &[
                (Person, "Sharaa"),
                (Person, "al-Sharaa"),
                (Person, "al-Sharaa's"),
                (Person, "Ahmed al-Sharaa"),
                (Person, "Putin"),
                (Person, "Vladimir Putin"),
                (Person, "Bashar al-Assad"),
                (Person, "Assad"),
                (Location, "Syria’s"),
                (Location, "Syria"),
                (Location, "Moscow"),
                (Location, "MOSCOW"),
                (Location, "Russia"),
                (Location, "Hmeimim"),
                (Location, "Tartus"),
                (Location, "Mediterranean"),
                (Location, "Middle East"),
                (Location, "Damascus"),
                (Location, "Qamishli"),
                (Organization, "Kremlin"),
                (Organization, "Hayat Tahrir al-Sham"),
                (Organization, "HTS"),
            ],
        )
    }

    #[test]
    fn seed_article() {
        let text = seed();
        let mentions = seed_mentions(&text);
        assert!(mentions.len() > 40, "{}", mentions.len());
        let c = canonicalize(&text, &mentions, Gazetteer::bundled());
        assert_eq!(
            c.persons,
            ["Ahmed al-Sharaa", "Vladimir Putin", "Bashar al-Assad"]
        );
        for l in [
            "Moscow", "Syria", "Russia", "Tartus", "Hmeimim", "Damascus", "Qamishli",
        ] {
            assert!(
                c.locations.iter().any(|x| x == l),
                "{l} in {:?}",
                c.locations
            );
        }
        // First-mention order: the headline's "Syria’s" comes first.
        assert_eq!(c.locations[..2], ["Syria", "Moscow"]);
        // Tartus brings its governorate; Syria is there already.
        let tartus = c.places.iter().position(|p| p == "Tartus").unwrap();
        assert_eq!(c.places[tartus + 1], "Tartus Governorate");
        assert!(c.places.iter().any(|p| p == "Syria"));
        assert!(c.places.iter().any(|p| p == "Latakia Governorate"));
        assert!(c.organizations.iter().any(|o| o == "Hayat Tahrir al-Sham"));
        assert!(!c.organizations.iter().any(|o| o == "HTS"));
        let hts = mentions.iter().position(|m| m.text == "HTS").unwrap();
        assert_eq!(c.names[hts], "Hayat Tahrir al-Sham");
        for list in [&c.persons, &c.locations, &c.organizations, &c.places] {
            let mut d = list.clone();
            d.sort();
            d.dedup();
            assert_eq!(d.len(), list.len(), "duplicates in {list:?}");
        }
    }

    fn m(kind: EntityKind, text: &str) -> Mention {
        Mention {
            kind,
            text: text.to_owned(),
            start: 0,
            end: 0,
        }
    }

    fn persons(names: &[&str]) -> Vec<String> {
        let ms: Vec<Mention> = names.iter().map(|n| m(EntityKind::Person, n)).collect();
        canonicalize("", &ms, Gazetteer::bundled()).persons
    }

    #[test]
    fn titles_and_possessives_are_dropped() {
        assert_eq!(
            persons(&[
                "President Ahmed al-Sharaa",
                "Syrian President Ahmed al-Sharaa",
                "Mr. Putin's",
                "U.S. Secretary of State Marco Rubio",
                "Prime Minister Keir Starmer,",
                "Pope Leo",
            ]),
            [
                "Ahmed al-Sharaa",
                "Putin",
                "Marco Rubio",
                "Keir Starmer",
                "Leo"
            ]
        );
        assert_eq!(persons(&["King", "Stephen King"]), ["Stephen King"]);
    }

    #[test]
    fn possessives_go_unless_part_of_the_name() {
        use EntityKind::*;
        let ms = [
            m(Location, "Russia's"),
            m(Location, "Lord's"),
            m(Organization, "Lloyd's"),
            m(Organization, "HTS's"),
            m(Organization, "HTS"),
            m(Person, "Putin’s"),
        ];
        let c = canonicalize("", &ms, Gazetteer::bundled());
        assert_eq!(
            c.names,
            ["Russia", "Lord's", "Lloyd's", "HTS", "HTS", "Putin"]
        );
    }

    #[test]
    fn short_names_map_to_the_one_long_name() {
        assert_eq!(
            persons(&[
                "Sharaa",
                "Ahmed al-Sharaa",
                "al-Sharaa",
                "Assad",
                "Bashar al-Assad"
            ]),
            ["Ahmed al-Sharaa", "Bashar al-Assad"]
        );
        // Two long names: the short one stays as written.
        assert_eq!(
            persons(&["Smith", "John Smith", "Jane Smith"]),
            ["Smith", "John Smith", "Jane Smith"]
        );
        // No longer name: the fullest spelling.
        assert_eq!(persons(&["Sharaa", "al-Sharaa"]), ["al-Sharaa"]);
    }

    #[test]
    fn all_caps_headline_takes_the_article_spelling() {
        use EntityKind::*;
        let ms = [
            m(Person, "PUTIN"),
            m(Person, "SHARAA"),
            m(Location, "MOSCOW"),
            m(Location, "ATLANTIS"),
            m(Location, "Atlantis"),
            m(Organization, "KREMLIN"),
            m(Person, "Vladimir Putin"),
            m(Person, "Ahmed al-Sharaa"),
            m(Organization, "Kremlin"),
        ];
        let c = canonicalize("", &ms, Gazetteer::bundled());
        assert_eq!(c.persons, ["Vladimir Putin", "Ahmed al-Sharaa"]);
        assert_eq!(c.locations, ["Moscow", "Atlantis"]);
        assert_eq!(c.organizations, ["Kremlin"]);
        assert_eq!(c.names[0], "Vladimir Putin");
    }

    #[test]
    fn locations_resolve_and_carry_their_countries() {
        use EntityKind::*;
        let ms = [
            m(Location, "Moskva"),
            m(Location, "the United States"),
            m(Location, "Paris"),
            m(Location, "Texas"),
            m(Location, "Middle East"),
        ];
        let c = canonicalize("", &ms, Gazetteer::bundled());
        assert_eq!(
            c.locations,
            ["Moscow", "United States", "Paris", "Texas", "Middle East"]
        );
        assert_eq!(
            c.places,
            [
                "Moscow",
                "Russia",
                "United States",
                "Paris",
                "Texas",
                "Middle East"
            ]
        );
    }

    #[test]
    fn acronyms_link_to_long_forms() {
        use EntityKind::*;
        let text = "NATO and the North Atlantic Treaty Organization met; \
                    the Islamic State of Iraq and the Levant; ISIL. UN.";
        let ms = mentions_of(
            text,
            &[
                (Organization, "NATO"),
                (Organization, "North Atlantic Treaty Organization"),
                (Organization, "Islamic State of Iraq and the Levant"),
                (Organization, "ISIL"),
                (Organization, "UN"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(
            c.organizations,
            [
                "North Atlantic Treaty Organization",
                "Islamic State of Iraq and the Levant",
                "UN"
            ]
        );
    }

    #[test]
    fn places_of_adds_containers() {
        let g = Gazetteer::bundled();
        let given = ["Tartus", "Qamishli", "Nowhere Land", "Moskva"].map(String::from);
        let expected = [
            "Tartus",
            "Tartus Governorate",
            "Syria",
            "Qamishli",
            "Al-Hasakah Governorate",
            "Nowhere Land",
            "Moskva",
            "Moscow",
            "Russia",
        ];
        assert_eq!(places_of(&given, g), expected);
    }

    #[test]
    fn bad_offsets_and_odd_text_do_not_panic() {
        use EntityKind::*;
        let text = "Ünïcödé (HTS) ☃";
        let ms = [
            Mention {
                kind: Organization,
                text: "Hayat Tahrir al-Sham".into(),
                start: 3,
                end: 7,
            },
            Mention {
                kind: Organization,
                text: "Big Org".into(),
                start: 900,
                end: 9000,
            },
            m(Person, ""),
            m(Person, "'s"),
            m(Location, "—"),
            m(Organization, "the"),
            m(Person, "Mr. Mrs. Dr."),
        ];
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.names.len(), ms.len());
    }
}
