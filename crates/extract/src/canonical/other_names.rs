//! The other names a person goes by, given beside the person's name: the
//! name they were born with ("Day was born Doris Mary Ann Kappelhoff",
//! "Pope Leo XIV, born Robert Prevost") and the name they are known by
//! ("Mohamed Hamdan Dagalo, known as Hemedti", "Sean Combs, better known
//! as Diddy"). The tagger takes such a name alone for an organization or
//! for another person; it is the person's, so the facet keeps one value.

use super::super::nicknames::OPENING_QUOTES;
use super::super::EntityKind;
use super::context::Article;

/// Words that say the name after them is another name of the person named
/// right before them.
const OTHER_NAME_CUES: &[&str] = &["known as", "nicknamed", "born", "née", "nee"];

/// Words that may come before "known as" ("also", "better", "formerly").
const KNOWN_AS_ADVERBS: &[&str] = &[
    "also",
    "better",
    "formerly",
    "popularly",
    "widely",
    "commonly",
    "locally",
    "affectionately",
    "simply",
];

/// For each mention written as another name of the person mention right
/// before it (see the module doc), the mention's distinct index and the
/// cleaned name of that person: after a comma or an opening parenthesis,
/// so that "Trump nicknamed Biden" names two people.
pub(super) fn names_known_by(
    article: &Article,
    kinds: &[Option<EntityKind>],
    cleaned: &[String],
) -> Vec<(usize, String)> {
    let of = article.of;
    let mut out = Vec::new();
    for i in 1..of.len() {
        let (owner, named) = (of[i - 1], of[i]);
        if kinds[owner] == Some(EntityKind::Person)
            && owner != named
            && article.between(i - 1, i).is_some_and(names_the_one_before)
        {
            out.push((named, cleaned[owner].clone()));
        }
    }
    out
}

/// Whether `gap`, the text between two names, says the second is another
/// name of the first: ", known as ", " (née ", ", also known as \"",
/// ", known as the ".
fn names_the_one_before(gap: &str) -> bool {
    let Some(cue) = gap.strip_prefix(',').or_else(|| gap.strip_prefix(" (")) else {
        return false;
    };
    let cue = cue.trim_end_matches(OPENING_QUOTES).trim();
    // "known as the Prince of Darkness".
    let cue = cue.strip_suffix(" the").unwrap_or(cue);
    let cue = match cue.split_once(' ') {
        Some((adverb, rest)) if KNOWN_AS_ADVERBS.contains(&adverb) => rest,
        _ => cue,
    };
    OTHER_NAME_CUES.contains(&cue)
}

/// The names people were born with, which are theirs: "Day was born Doris
/// Mary Ann Kappelhoff" beside "Doris Day". For each person mention
/// written after "born" or "née" whose first word begins exactly one
/// other full name of the article, that name.
pub(super) fn birth_names(
    article: &Article,
    kinds: &[Option<EntityKind>],
    cleaned: &[String],
) -> Vec<(usize, String)> {
    let Article {
        text, mentions, of, ..
    } = *article;
    let offsets = &article.offsets;
    let person = |u: usize| kinds[u] == Some(EntityKind::Person);
    let mut out = Vec::new();
    for (m, &u) in mentions.iter().zip(of) {
        let Some((given, _)) = cleaned[u].split_once(' ') else {
            continue;
        };
        // Whole words: "nominee Joe Biden" and "newborn" say nothing of birth.
        let born = offsets.byte(m.start).is_some_and(|b| {
            let before = &text[..b];
            ["born ", "Born ", "née ", "nee "].iter().any(|w| {
                before
                    .strip_suffix(w)
                    .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
            })
        });
        if !person(u) || !born {
            continue;
        }
        let mut owners = (0..cleaned.len()).filter(|&v| {
            v != u && person(v) && cleaned[v].split_once(' ').is_some_and(|(g, _)| g == given)
        });
        if let (Some(v), None) = (owners.next(), owners.next()) {
            out.push((u, cleaned[v].clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::super::{canonicalize, EntityKind::*, Gazetteer};

    #[test]
    fn a_name_known_by_after_a_persons_name_is_the_persons() {
        let text = "RSF commander Mohamed Hamdan Dagalo, known as Hemedti, denied it. \
                    Hemedti spoke later. Sean Combs (better known as \"Diddy\") was \
                    acquitted. Pope Leo XIV, born Robert Prevost, said Mass. Ozzy \
                    Osbourne, known as the Prince of Darkness, died.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Mohamed Hamdan Dagalo"),
                (Organization, "Hemedti"),
                (Person, "Sean Combs"),
                (Organization, "Diddy"),
                (Person, "Pope Leo XIV"),
                (Person, "Robert Prevost"),
                (Person, "Ozzy Osbourne"),
                (Organization, "Prince of Darkness"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(
            c.persons,
            [
                "Mohamed Hamdan Dagalo",
                "Sean Combs",
                "Pope Leo XIV",
                "Ozzy Osbourne"
            ]
        );
        assert!(c.organizations.is_empty(), "{:?}", c.organizations);
    }

    #[test]
    fn a_name_after_a_verb_is_someone_else() {
        // No comma: "nicknamed" is a verb with a subject and an object.
        let text = "Donald Trump nicknamed Joe Biden at a rally. Ann Lee, born in \
                    Ohio, met Ann Day. The firm, known as Acme, hired John Smith.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Donald Trump"),
                (Person, "Joe Biden"),
                (Person, "Ann Lee"),
                (Location, "Ohio"),
                (Person, "Ann Day"),
                (Organization, "Acme"),
                (Person, "John Smith"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(
            c.persons,
            [
                "Donald Trump",
                "Joe Biden",
                "Ann Lee",
                "Ann Day",
                "John Smith"
            ]
        );
        assert_eq!(c.organizations, ["Acme"]);
    }

    #[test]
    fn a_birth_name_is_the_persons() {
        let text = "Doris Day died. Day was born Doris Mary Ann Kappelhoff in Ohio. \
                    Her friend was born Mary Smith. Robert Hunter died. Born Robert \
                    Burns in 1941, he wrote.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Doris Day"),
                (Person, "Day"),
                (Person, "Doris Mary Ann Kappelhoff"),
                (Person, "Mary Smith"),
                (Person, "Robert Hunter"),
                (Person, "Robert Burns"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.persons, ["Doris Day", "Mary Smith", "Robert Hunter"]);
        // "nominee" ends with "nee", "newborn" with "born": no birth name.
        let text = "The nominee Joe Biden spoke with Joe Smith. A newborn Ann Lee met Ann Day.";
        let ms = mentions_of(
            text,
            &[
                (Person, "Joe Biden"),
                (Person, "Joe Smith"),
                (Person, "Ann Lee"),
                (Person, "Ann Day"),
            ],
        );
        let c = canonicalize(text, &ms, Gazetteer::bundled());
        assert_eq!(c.persons, ["Joe Biden", "Joe Smith", "Ann Lee", "Ann Day"]);
    }
}
