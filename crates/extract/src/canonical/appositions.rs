//! Appositions that say a name is an organization: "UpGuard, a
//! cybersecurity firm,", "Ofwat, the regulator,", "Thames Water, Britain's
//! biggest water company", "Saab, the Swedish defence group". Read by
//! [`context`](super::context); the nouns are in
//! [`cue_words`](super::cue_words).

use super::cue_words::{AFTER_HEAD, ORGANIZATION_NOUNS, PERSON_NOUNS};
use super::WordList;

/// Lower-case words between ", a" and the noun that says what a name is
/// ("UpGuard, a cybersecurity firm"): at most this many.
const APPOSITION_WORDS: usize = 4;

/// Whether `after` starts with an apposition naming an organization: ", a
/// cybersecurity firm", ", an airline that", ", the regulator,",
/// ", Britain's biggest water company".
pub(super) fn apposition_says_org(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ").and_then(|a| {
        a.strip_prefix("a ")
            .or_else(|| a.strip_prefix("an "))
            .or_else(|| a.strip_prefix("the "))
            .or_else(|| after_a_possessive_name(a))
    }) else {
        return false;
    };
    let mut words = rest.split(' ').peekable();
    for _ in 0..APPOSITION_WORDS {
        let Some(word) = words.next() else {
            return false;
        };
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        // Only a lower-case description counts: "a chairman of the
        // Organisation" describes a person.
        if bare.is_empty() || bare == "of" {
            return false;
        }
        if !bare.starts_with(char::is_lowercase) {
            // "the Swedish defence group": a people's adjective may lead
            // the description, but no other capitalised word.
            if bare.len() == word.len() && looks_like_nationality(bare) {
                continue;
            }
            return false;
        }
        let org_noun = ORGANIZATION_NOUNS.contains(bare) || DESCRIBED_AS.contains(bare);
        // A preposition before any organization noun: the head noun came
        // first and was none ("a spokesman for the bank").
        if AFTER_HEAD.contains(bare) && !org_noun {
            return false;
        }
        if bare.len() != word.len() {
            // Punctuation ends the description, on its head noun.
            return org_noun;
        }
        if org_noun {
            // The head noun: "a cybersecurity firm that", not "a former
            // club player" nor "the ministry of transport official".
            return match words.peek() {
                None => true,
                Some(&"of") => !names_a_person_after_of(words),
                Some(next) => AFTER_HEAD.contains(next),
            };
        }
    }
    false
}

/// Head nouns of a description that only an organization takes after a
/// comma ("Ukrenergo, the state grid operator", "Conserdyne Corp, a unit
/// of"), though before a name they may title a person or a ship ("camera
/// operator John Smith", "the aircraft carrier Nimitz").
#[rustfmt::skip]
static DESCRIBED_AS: WordList = WordList::new(&[
    "operator", "unit", "concern", "affiliate", "distributor", "carrier", "refiner",
    "processor", "chipmaker", "drugmaker", "steelmaker", "planemaker", "shipbuilder",
    "alliance", "coalition", "foundation", "association", "federation", "union", "institute",
    "university", "hospital", "ministry", "department", "council", "commission", "authority",
    "body", "league", "team",
]);

/// Whether the words after an organization noun, from its "of" to the
/// end of the phrase, name a person ("the ministry of transport
/// official"; not "a unit of Union Carbide").
fn names_a_person_after_of<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    for word in words.skip(1).take(APPOSITION_WORDS) {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        if PERSON_NOUNS.contains(bare) || OFFICE_HOLDERS.contains(bare) {
            return true;
        }
        if bare.len() != word.len() {
            break;
        }
    }
    false
}

/// Nouns for people who hold a post, beside [`PERSON_NOUNS`].
static OFFICE_HOLDERS: WordList = WordList::new(&[
    "official",
    "officer",
    "head",
    "chief",
    "member",
    "director",
    "adviser",
    "advisor",
    "leader",
    "executive",
    "manager",
    "employee",
    "worker",
]);

/// Whether `word` reads as a people's adjective ("Swedish", "German",
/// "Japanese", "Saudi", "Dutch"): a capital and a demonym's ending.
fn looks_like_nationality(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_ascii_lowercase())
        && ["ish", "an", "ese", "i", "ch", "ic"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// The text after a capitalised possessive word that `text` starts with
/// ("Britain's biggest bank" → "biggest bank").
fn after_a_possessive_name(text: &str) -> Option<&str> {
    let (word, rest) = text.split_once(' ')?;
    let owner = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    owner.starts_with(char::is_uppercase).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::super::super::{EntityKind, Gazetteer};
    use super::super::canonicalize;
    use super::super::tests::mentions_of;
    use super::apposition_says_org;

    #[test]
    fn descriptions_that_only_organizations_take() {
        assert!(apposition_says_org(", the state grid operator, said"));
        assert!(apposition_says_org(", a unit of Union Carbide Corp"));
        assert!(apposition_says_org(", the Swedish defence group, said"));
        // A capital that is no ASCII letter is read by characters.
        assert!(!apposition_says_org(", the Élysée group, said"));
        assert!(apposition_says_org(", the vaccine alliance, pledged"));
        assert!(apposition_says_org(
            ", the foreign trade department of the state bank"
        ));
        assert!(!apposition_says_org(
            ", the ministry of transport official leading"
        ));
        // Before a name the noun titles a person; a description must end on it.
        assert!(!apposition_says_org(", a crane operator John Smith"));
        assert!(!apposition_says_org(", the unit commander, said"));
        assert!(!apposition_says_org(", the Gotham defence group"));
    }

    #[test]
    fn appositions_move_names_to_organizations() {
        use EntityKind::*;
        let text = "Perkin-Elmer bought Atomika, based in Munich, West Germany, a high \
                    technology concern. Ukrenergo, the state grid operator, and Saab, the \
                    Swedish defence group, met Ali Nabi, the official Algerian news agency \
                    APS said.";
        let ms = mentions_of(
            text,
            &[
                (Organization, "Perkin-Elmer"),
                (Organization, "Atomika"),
                (Location, "Munich"),
                (Location, "West Germany"),
                (Person, "Ukrenergo"),
                (Person, "Saab"),
                (Person, "Ali Nabi"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.locations, ["Munich", "West Germany"]);
        assert_eq!(
            c.organizations,
            ["Perkin-Elmer", "Atomika", "Ukrenergo", "Saab"]
        );
        assert_eq!(c.persons, ["Ali Nabi"]);
    }
}
