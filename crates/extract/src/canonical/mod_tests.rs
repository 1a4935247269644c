//! Tests of `canonical`, and the helpers its submodules' tests share.
use super::*;

/// The seed article: in the corpus once it is added there, else in
/// `shared/` beside the repository (where every checkout and CI have it).
pub(super) fn seed() -> String {
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
pub(crate) fn mentions_of(text: &str, surfaces: &[(EntityKind, &str)]) -> Vec<Mention> {
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

pub(super) fn seed_mentions(text: &str) -> Vec<Mention> {
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
pub(super) fn m(kind: EntityKind, text: &str) -> Mention {
    Mention {
        kind,
        text: text.to_owned(),
        start: 0,
        end: 0,
    }
}

pub(crate) fn persons(names: &[&str]) -> Vec<String> {
    let ms: Vec<Mention> = names.iter().map(|n| m(EntityKind::Person, n)).collect();
    canonicalize("", &ms, Gazetteer::bundled()).persons
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

/// The seed as the first tagger saw it: parts of person names typed as
/// places and organizations, the Kremlin as a place.
#[test]
fn seed_article_with_mistyped_mentions() {
    use EntityKind::*;
    let text = seed();
    let mentions = mentions_of(
        &text,
        &[
            (Organization, "Sharaa"),
            (Organization, "al-Sharaa"),
            (Organization, "al-Sharaa's"),
            (Person, "Ahmed al-Sharaa"),
            (Person, "Putin"),
            (Person, "Vladimir Putin"),
            (Person, "Bashar al-Assad"),
            (Location, "Assad"),
            (Organization, "Assad's"),
            (Location, "Syria"),
            (Location, "Moscow"),
            (Location, "Tartus"),
            (Location, "Kremlin"),
            (Organization, "Hayat Tahrir al-Sham"),
        ],
    );
    let c = canonicalize(&text, &mentions, Gazetteer::bundled());
    assert_eq!(
        c.persons,
        ["Ahmed al-Sharaa", "Vladimir Putin", "Bashar al-Assad"]
    );
    assert_eq!(c.locations, ["Syria", "Moscow", "Tartus"]);
    assert_eq!(c.organizations, ["Kremlin", "Hayat Tahrir al-Sham"]);
    // The mentions' kinds follow, except the Kremlin's (a place to CoNLL).
    for (m, k) in mentions.iter().zip(&c.kinds) {
        let expected = match m.text.as_str() {
            "Syria" | "Moscow" | "Tartus" | "Kremlin" => Location,
            "Hayat Tahrir al-Sham" => Organization,
            _ => Person,
        };
        assert_eq!(*k, Some(expected), "{m:?}");
    }
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

#[test]
fn a_name_before_an_instrument_noun_is_the_instruments() {
    use EntityKind::Person as Per;
    let text = "NASA's James Webb space telescope will look. Jane Roe said so; \
                the Kepler spacecraft and the Curiosity rover agreed.";
    let tagged = [
        (Per, "James Webb"),
        (Per, "Jane Roe"),
        (Per, "Kepler"),
        (Per, "Curiosity"),
    ];
    let c = canonicalize(text, &mentions_of(text, &tagged), Gazetteer::bundled());
    assert_eq!(c.persons, ["Jane Roe"]);
}
