//! Named natural features and geographic regions that the gazetteer, built
//! from GeoNames' populated places, lacks or mistakes for a town: seas,
//! gulfs and straits, rivers, islands and archipelagos, mountains and
//! ranges, deserts, a few disputed or historic regions and former states
//! (the Soviet Union, whose "USSR" is one value with it; "Rio Grande"
//! is the river, not Río Grande, Brazil; "Bali" the island, not a town in
//! India; "the Azores", which the tagger may take for an organization).
//!
//! A hand-made list of the features news names most, with the country
//! that contains each where it lies in one: compiled for this project,
//! not copied from a gazetteer, so no GeoNames id. Kept out of the
//! gazetteer file because that is also the tagger's feature, and a new
//! place there changes the model.

use std::sync::OnceLock;

use super::super::cities_and_states::about_sport;
use super::super::gazetteer::name_key;
use super::super::EntityKind;
use super::context::Article;
use super::cue_words::is_compass_word;
use super::place_context::{before_a_noun, beside_a_place_noun, next_lowercase_word};
use super::{HashMap, WordList};

/// One named feature: its name, the ISO code of the country containing it
/// ("" when it spans several), and other names for it.
pub(super) struct Feature {
    pub name: &'static str,
    pub iso: &'static str,
    aliases: &'static [&'static str],
}

const fn f(name: &'static str, iso: &'static str, aliases: &'static [&'static str]) -> Feature {
    Feature { name, iso, aliases }
}

#[rustfmt::skip]
static FEATURES: &[Feature] = &[
    // Oceans, seas, gulfs, straits, channels, canals.
    f("Arctic Ocean", "", &[]), f("Indian Ocean", "", &[]), f("Atlantic Ocean", "", &[]),
    f("Pacific Ocean", "", &[]), f("Southern Ocean", "", &[]),
    f("Mediterranean Sea", "", &[]), f("Black Sea", "", &[]), f("Red Sea", "", &[]),
    f("Dead Sea", "", &[]), f("Caspian Sea", "", &[]), f("Baltic Sea", "", &[]),
    f("North Sea", "", &[]), f("Irish Sea", "", &[]), f("Aegean Sea", "", &[]),
    f("Adriatic Sea", "", &[]), f("Ionian Sea", "", &[]), f("Arabian Sea", "", &[]),
    f("South China Sea", "", &[]), f("East China Sea", "", &[]), f("Yellow Sea", "", &[]),
    f("Sea of Japan", "", &[]), f("Sea of Okhotsk", "", &[]), f("Bering Sea", "", &[]),
    f("Barents Sea", "", &[]), f("Caribbean Sea", "", &[]), f("Coral Sea", "", &[]),
    f("Tasman Sea", "", &[]), f("Java Sea", "", &[]), f("Sea of Azov", "", &[]),
    f("Persian Gulf", "", &["Arabian Gulf", "Mideast Gulf"]),
    f("Gulf of Mexico", "", &["U.S. Gulf"]),
    f("Gulf of Aden", "", &[]), f("Gulf of Oman", "", &[]), f("Gulf of Guinea", "", &[]),
    f("Gulf of Thailand", "", &[]), f("Gulf of Finland", "", &[]), f("Bay of Bengal", "", &[]),
    f("Bay of Biscay", "", &[]), f("Strait of Hormuz", "", &[]), f("Strait of Gibraltar", "", &[]),
    f("Strait of Malacca", "", &["Malacca Strait"]), f("Taiwan Strait", "", &[]),
    f("Bosphorus", "TR", &["Bosporus"]), f("Dardanelles", "TR", &[]), f("Kerch Strait", "", &[]),
    f("Bab-el-Mandeb", "", &["Bab al-Mandab"]), f("English Channel", "", &[]),
    f("Suez Canal", "EG", &[]), f("Panama Canal", "PA", &[]), f("Gulf of Aqaba", "", &[]),
    // Rivers and lakes.
    f("Nile", "", &["Nile River", "River Nile"]), f("Danube", "", &["Danube River", "River Danube"]),
    f("Rhine", "", &["Rhine River", "River Rhine"]), f("Seine", "FR", &["River Seine", "Seine River"]),
    f("Thames", "GB", &["River Thames", "Thames River"]), f("Volga", "RU", &["Volga River"]),
    f("Dnieper", "", &["Dnipro River", "Dnieper River"]), f("Euphrates River", "", &["Euphrates"]),
    f("Tigris River", "", &["Tigris"]), f("Jordan River", "", &["River Jordan"]),
    f("Mekong", "", &["Mekong River"]), f("Yangtze", "CN", &["Yangtze River"]),
    f("Yellow River", "CN", &[]), f("Ganges", "IN", &["Ganges River", "Ganga"]),
    f("Indus", "", &["Indus River"]), f("Brahmaputra", "", &[]),
    f("Mississippi River", "US", &[]), f("Missouri River", "US", &[]),
    f("Colorado River", "", &[]), f("Rio Grande", "", &[]), f("Hudson River", "US", &[]),
    f("Potomac River", "US", &[]), f("St. Lawrence River", "", &[]),
    f("Amazon River", "", &[]), f("Amazon rainforest", "", &["Amazon"]), f("Orinoco", "", &[]),
    f("Congo River", "", &[]), f("Niger River", "", &[]), f("Zambezi", "", &[]),
    f("Limpopo", "", &[]), f("Lake Victoria", "", &[]), f("Lake Chad", "", &[]),
    f("Lake Titicaca", "", &[]), f("Lake Baikal", "RU", &[]), f("Great Lakes", "", &[]),
    f("Lake Erie", "", &[]), f("Lake Michigan", "US", &[]), f("Lake Superior", "", &[]),
    f("Lake Ontario", "", &[]), f("Lake Geneva", "", &[]), f("Sea of Galilee", "IL", &[]),
    // Islands and archipelagos.
    f("Azores", "PT", &["Azores Islands"]), f("Madeira", "PT", &[]),
    f("Canary Islands", "ES", &["Canaries"]), f("Balearic Islands", "ES", &[]),
    f("Sicily", "IT", &[]), f("Sardinia", "IT", &[]), f("Corsica", "FR", &[]),
    f("Bali", "ID", &[]), f("Java", "ID", &[]), f("Sumatra", "ID", &[]),
    f("Borneo", "", &[]), f("Sulawesi", "ID", &[]), f("Lombok", "ID", &[]),
    f("Mindanao", "PH", &[]), f("Luzon", "PH", &[]), f("Visayas", "PH", &[]),
    f("Hokkaido", "JP", &[]), f("Okinawa", "JP", &[]), f("Honshu", "JP", &[]),
    f("Kyushu", "JP", &[]), f("Hainan", "CN", &[]), f("Jeju Island", "KR", &["Jeju"]),
    f("Galápagos Islands", "EC", &["Galapagos", "Galápagos", "Galapagos Islands"]),
    f("Hawaiian Islands", "US", &[]), f("Aleutian Islands", "US", &[]),
    f("Grand Bahama", "BS", &[]), f("Abaco Islands", "BS", &["Abaco", "Great Abaco"]),
    f("Falkland Islands", "FK", &["Falklands"]), f("Channel Islands", "", &[]),
    f("Isle of Wight", "GB", &[]), f("Hebrides", "GB", &[]), f("Shetland", "GB", &["Shetland Islands"]),
    f("Orkney", "GB", &["Orkney Islands"]), f("Lampedusa", "IT", &[]), f("Lesbos", "GR", &["Lesvos"]),
    f("Santorini", "GR", &[]), f("Zanzibar", "TZ", &[]),
    f("Tasmania", "AU", &[]), f("Easter Island", "CL", &["Rapa Nui"]),
    f("Spratly Islands", "", &["Spratlys"]), f("Paracel Islands", "", &["Paracels"]),
    f("Kuril Islands", "", &["Kurils"]), f("Svalbard", "NO", &[]), f("Greenland", "GL", &[]),
    // Mountains, ranges, deserts, regions.
    f("Mount Everest", "", &["Everest"]), f("Himalayas", "", &["Himalaya"]), f("Alps", "", &[]),
    f("Andes", "", &[]), f("Rocky Mountains", "", &["Rockies"]), f("Pyrenees", "", &[]),
    f("Urals", "RU", &["Ural Mountains"]), f("Caucasus", "", &[]), f("Mount Kilimanjaro", "TZ", &["Kilimanjaro"]),
    f("Mount Etna", "IT", &["Etna"]), f("Mount Fuji", "JP", &[]), f("Kīlauea", "US", &["Kilauea"]),
    f("Sahara", "", &["Sahara Desert"]), f("Gobi Desert", "", &["Gobi"]), f("Sahel", "", &[]),
    f("Sinai Peninsula", "EG", &["Sinai"]), f("Golan Heights", "", &["Golan"]),
    f("Arabian Peninsula", "", &[]), f("Korean Peninsula", "", &[]), f("Balkans", "", &[]),
    f("Scandinavia", "", &[]), f("Siberia", "RU", &[]), f("Patagonia", "", &[]),
    f("Kashmir", "", &[]), f("Donbas", "UA", &["Donbass"]), f("Horn of Africa", "", &[]),
    f("Amazon basin", "", &[]), f("Outback", "AU", &[]), f("Antarctica", "", &[]),
    f("San Francisco Bay Area", "US", &["Bay Area"]), f("Deep South", "US", &[]),
    f("Catskill Mountains", "US", &["Catskills"]), f("Grand Canyon", "US", &[]),
    f("Great Barrier Reef", "AU", &[]),
    // Ancient sites.
    f("Machu Picchu", "PE", &[]), f("Angkor Wat", "KH", &[]), f("Stonehenge", "GB", &[]),
    // Former states news still names.
    f("Soviet Union", "", &["USSR", "U.S.S.R."]), f("Yugoslavia", "", &[]),
    f("Czechoslovakia", "", &[]),
];

/// The feature named `key` (a name key), if the list has it.
pub(super) fn feature_named(key: &str) -> Option<&'static Feature> {
    static BY_KEY: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut m = HashMap::default();
        for (i, f) in FEATURES.iter().enumerate() {
            for n in std::iter::once(f.name).chain(f.aliases.iter().copied()) {
                m.insert(name_key(n), i);
            }
        }
        m
    });
    by_key.get(key).map(|&i| &FEATURES[i])
}

/// Whether the list has a feature named `key` (a name key).
pub(crate) fn is_named_feature(key: &str) -> bool {
    feature_named(key).is_some()
}

/// Names of features that name nothing else news mentions: the
/// tagger's person or organization so named is the feature. Other
/// one-word names ("Java", "Everest", "Sahara") also name companies,
/// languages or products, and most longer ones may begin a longer name
/// ("Rio Grande do Sul"): those are features only where the tagger took
/// them for places.
#[rustfmt::skip]
static ONLY_FEATURES: WordList = WordList::new(&[
    "azores", "bosphorus", "dardanelles", "lesbos", "lesvos", "kilauea", "galapagos",
    "svalbard", "zanzibar", "hebrides", "balkans", "himalayas", "sahel", "donbas", "donbass",
    "mindanao", "luzon", "sulawesi", "sumatra", "borneo", "lampedusa", "santorini", "sicily",
    "sardinia", "corsica", "euphrates", "tigris", "danube", "mekong", "yangtze", "falklands",
    "abaco", "horn of africa", "deep south", "catskills", "machu picchu", "angkor wat",
    "stonehenge",
]);

/// Words that say a name is a feature's ("Bay of Bengal", "River
/// Thames"). Wider than the words that make any name a place (`types`),
/// since only names on the list are asked about: "River Plate" is none.
#[rustfmt::skip]
static KIND_WORDS: WordList = WordList::new(&[
    "sea", "ocean", "gulf", "bay", "strait", "channel", "canal", "river", "lake", "island",
    "islands", "mountains", "mount", "peninsula", "desert", "heights", "rainforest", "basin",
    "canyon", "reef",
]);

/// The names and other names of the features, as written, that begin
/// with `first` and are two words or more with one saying what they are
/// ("English Channel", "Gulf of Mexico", "River Thames"), longest first:
/// names nothing else is called, so taken where the tagger cut them
/// ("English" and "Channel") or left part of them out.
pub(crate) fn kind_named_features(first: &str) -> &'static [&'static str] {
    static BY_FIRST: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        let names = FEATURES
            .iter()
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()));
        for name in names.filter(|n| n.contains(' ') && names_only_the_feature(&name_key(n))) {
            let first = name.split(' ').next().unwrap_or_default();
            m.entry(first).or_default().push(name);
        }
        for names in m.values_mut() {
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        }
        m
    });
    by_first.get(first).map_or(&[], Vec::as_slice)
}

/// The gulf a bare "Gulf" means, from the article's places and the
/// regions and countries containing them (`names`, each once): the
/// Persian Gulf in a story of the Middle East ("Western and Gulf states"
/// beside Syria and Lebanon; "tanker attacks in the Gulf" beside Iran),
/// the Gulf of Mexico in one of its coast ("a hurricane entering the Gulf"
/// beside Louisiana); none when neither has more. The United States alone
/// says nothing: wires name it in stories of either gulf.
pub(super) fn gulf_of<'a>(names: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    #[rustfmt::skip]
    const MIDDLE_EAST: &[&str] = &[
        "Bahrain", "Egypt", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman",
        "Palestine", "Qatar", "Saudi Arabia", "Syria", "Turkey", "United Arab Emirates", "Yemen",
    ];
    #[rustfmt::skip]
    const GULF_COAST: &[&str] = &[
        "Texas", "Louisiana", "Mississippi", "Alabama", "Florida", "Mexico", "Cuba",
    ];
    let (mut east, mut west) = (0, 0);
    for name in names {
        east += usize::from(MIDDLE_EAST.contains(&name));
        west += usize::from(GULF_COAST.contains(&name));
    }
    match east.cmp(&west) {
        std::cmp::Ordering::Greater => Some("Persian Gulf"),
        std::cmp::Ordering::Less => Some("Gulf of Mexico"),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether a name key is one word saying what a feature is ("gulf",
/// "channel"): alone it is the short form of a feature's name.
pub(super) fn is_feature_word(key: &str) -> bool {
    KIND_WORDS.contains(key)
}

/// Whether the tagger's person or organization named `key` (a feature's
/// name) is that feature: see [`ONLY_FEATURES`]; longer names only with a
/// word saying what they are ("Bay of Bengal", "River Thames").
fn names_only_the_feature(key: &str) -> bool {
    ONLY_FEATURES.contains(key) || key.split(' ').any(|w| KIND_WORDS.contains(w))
}

/// Whether `key` (a name key) is a listed feature's name that names
/// nothing else (see [`names_only_the_feature`]).
pub(crate) fn names_only_a_feature(key: &str) -> bool {
    feature_named(key).is_some() && names_only_the_feature(key)
}

/// Which distinct mentions (`distinct[u]` their kinds, `keys[u]` their
/// name keys) the tagger took for a person or an organization though they
/// name a feature ("the Azores" as an organization).
pub(super) fn features_taken_for_others(
    distinct: &[Option<EntityKind>],
    keys: &[String],
) -> Vec<bool> {
    distinct
        .iter()
        .zip(keys)
        .map(|(kind, key)| {
            matches!(kind, Some(EntityKind::Person | EntityKind::Organization))
                && names_only_a_feature(key)
        })
        .collect()
}

/// Which distinct mentions (`distinct[u]` their kinds, `keys[u]` their
/// name keys) the tagger took for a person or an organization though the
/// article names them as a feature: a feature's name written after "the"
/// and not going on, with no noun after it but a place's ("deforestation
/// in the Amazon", "the Amazon region", "a boat on the Thames"), where the
/// firm or person of the name is seldom "the" one ("the Amazon founder",
/// "the Amazon Web Services outage"). Without parts of speech, a verb
/// after the name reads as a noun, but for modals ("the Amazon must").
/// Not in sport, where teams are named so ("the Rockies").
pub(super) fn features_after_the(
    article: &Article,
    distinct: &[Option<EntityKind>],
    keys: &[String],
) -> Vec<bool> {
    let mut out = vec![false; distinct.len()];
    for (i, &u) in article.of.iter().enumerate() {
        let other = matches!(
            distinct[u],
            Some(EntityKind::Person | EntityKind::Organization)
        );
        if out[u] || !other || feature_named(&keys[u]).is_none() {
            continue;
        }
        let Some((before, after)) = article.around(i, 20, 24) else {
            continue;
        };
        // "the northern Rockies".
        let before = before.strip_suffix(' ').unwrap_or(before);
        let before = match before.rsplit_once(' ') {
            Some((rest, word)) if is_compass_word(word) => rest,
            _ => before,
        };
        let after_the = before
            .strip_suffix("the")
            .or_else(|| before.strip_suffix("The"))
            .is_some_and(|b| b.is_empty() || b.ends_with(' '));
        let goes_on = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase));
        let before_the_firms_noun = before_a_noun(after)
            && !beside_a_place_noun("", after)
            && !next_lowercase_word(after).is_some_and(|w| SUBJECT_VERBS.contains(&w));
        out[u] = after_the && !goes_on && !before_the_firms_noun;
    }
    // "the Rockies" beat the Giants.
    if out.contains(&true) && about_sport(article.text) {
        out.fill(false);
    }
    out
}

/// Verbs that may follow a name as its subject, which no other verb
/// marks as one ("the Amazon must be protected", "deforestation in the
/// Amazon fell"): modals, and the verbs of change that news of a
/// feature's forest, ice or water reports.
#[rustfmt::skip]
const SUBJECT_VERBS: &[&str] = &[
    "must", "can", "could", "should", "may", "might", "remains",
    "fell", "rose", "grew", "shrank", "dropped", "declined", "increased", "decreased",
    "doubled", "halved", "jumped", "slowed", "surged", "reached", "burned", "lost",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_found_by_name_and_alias() {
        assert_eq!(feature_named("azores").map(|f| f.name), Some("Azores"));
        assert_eq!(
            feature_named("galapagos").map(|f| f.name),
            Some("Galápagos Islands")
        );
        assert_eq!(feature_named("river seine").map(|f| f.iso), Some("FR"));
        assert!(feature_named("paris").is_none());
        // One value for a former state, whichever way it is written.
        assert_eq!(feature_named("ussr").map(|f| f.name), Some("Soviet Union"));
    }

    #[test]
    fn regions_of_american_news_are_places() {
        let places = |text: &str| crate::Extractor::bundled().extract(text).locations;
        assert_eq!(
            places("Heavy rain fell on the Bay Area."),
            ["San Francisco Bay Area"]
        );
        assert_eq!(
            places("Protests spread across the Midwest and the Deep South."),
            ["Midwest", "Deep South"]
        );
        assert_eq!(
            places("Crews battled fires in the Hudson Valley and the Catskills."),
            ["Hudson Valley", "Catskill Mountains"]
        );
    }

    #[test]
    fn ancient_sites_are_places() {
        let places = |text: &str| crate::Extractor::bundled().extract(text).locations;
        assert_eq!(
            places("A bus fell into a ravine on the road to Machu Picchu."),
            ["Machu Picchu"]
        );
        assert_eq!(places("Floods hit Angkor Wat."), ["Angkor Wat"]);
    }

    #[test]
    fn a_feature_after_the_is_the_feature() {
        let extract = |text: &str| crate::Extractor::bundled().extract(text);
        let places = |text: &str| extract(text).locations;
        assert_eq!(
            places("Lula said the Amazon must be protected."),
            ["Amazon rainforest"]
        );
        assert_eq!(
            places("Oil was found in the Amazon basin and the Amazon rainforest."),
            ["Amazon basin", "Amazon rainforest"]
        );
        // The firm is no "the Amazon" before a noun, nor before more name.
        for text in [
            "Amazon said sales rose. Jeff Bezos, the Amazon founder, spoke.",
            "Shops closed during the Amazon Web Services outage.",
            "Amazon said the Amazon warehouse in Leeds would close.",
        ] {
            let found = extract(text);
            assert!(
                found.organizations.iter().any(|o| o.starts_with("Amazon")),
                "{text}"
            );
            assert!(
                !found.locations.iter().any(|p| p.starts_with("Amazon")),
                "{text}"
            );
        }
        assert_eq!(
            places("Heavy snow fell across the northern Rockies."),
            ["Rocky Mountains"]
        );
        assert!(places("The Cardinals beat the Rockies 7-4 at home.").is_empty());
    }

    #[test]
    fn features_taken_for_bodies_are_places_where_the_name_says_so() {
        let kinds = [Some(EntityKind::Organization); 5];
        let names = ["Azores", "Bay of Bengal", "Java", "Rio Grande", "Paris"].map(name_key);
        assert_eq!(
            features_taken_for_others(&kinds, &names),
            [true, true, false, false, false]
        );
    }
}
