//! Presidents named only by their administration: "the Reagan
//! administration" names Ronald Reagan, as CoNLL-2003 tags "Clinton" in
//! "the Clinton administration"; yet a tagger trained on 1996 copy passes
//! over a surname it never saw there. Reuters-21578 writes "the Reagan
//! administration" in about 200 articles that never name him otherwise, so
//! his facet missed them (the canonical rules make the name a person where
//! the tagger took it for an organization: `canonical::cue_words`).
//!
//! A capitalised word before "administration", after "the" (or "a") or
//! no other capitalised word ("critics of Reagan administration
//! proposals"; not "Social Security Administration"), becomes a person
//! mention when it could be a surname: not an ordinary word ("the new
//! administration"), a place ("the Taiwan administration"), a demonym
//! ("the Kurdish administration"), a title, a known organization ("Taliban
//! administration officials"), nor an acronym ("the PSD administration").
//! "Reagan Administration" tagged as one organization is the person too.
//! A surname training never read stays a person alone where it heads "the
//! X administration" ("the Biden administration"), though a one-word
//! person training never saw in a name is otherwise dropped
//! (`full_names::unnamed_words`, `name_cues`).

use xxhash_rust::xxh3::xxh3_64;

use super::canonical::{is_known_organization, is_title_word};
use super::demonyms::is_demonym;
use super::features::lexicon::CaseLexicon;
use super::gazetteer::{name_key, Gazetteer};
use super::{EntityKind, Mention};

/// Adds a person mention for each surname that heads an administration and
/// no mention covers (see the module doc), keeping `mentions` in text
/// order (code point offsets).
pub(crate) fn add_administration_heads(
    text: &str,
    mentions: &mut Vec<Mention>,
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) {
    // "the Reagan Administration" tagged as one body: the person heads it.
    for m in mentions.iter_mut() {
        let head = m.text.strip_suffix(" Administration");
        if m.kind == EntityKind::Organization
            && head.is_some_and(|w| !w.contains(' ') && may_be_surname(w, case, gazetteer))
        {
            m.text.truncate(m.text.len() - " Administration".len());
            m.end = m.start + m.text.chars().count();
            m.kind = EntityKind::Person;
        }
    }
    let mut added = Vec::new();
    // One pass for " administration" and " Administration".
    for (at, _) in text.match_indices("dministration") {
        let Some(before) = text[..at]
            .strip_suffix(" a")
            .or_else(|| text[..at].strip_suffix(" A"))
        else {
            continue;
        };
        let (lead, word) = before
            .rsplit_once(char::is_whitespace)
            .unwrap_or(("", before));
        let led = match lead.rsplit(char::is_whitespace).next().unwrap_or_default() {
            "the" | "The" | "a" | "A" => true,
            // Not the last word of a longer name.
            w => !w.starts_with(char::is_uppercase),
        };
        if !led || !may_be_surname(word, case, gazetteer) {
            continue;
        }
        let start = before[..before.len() - word.len()].chars().count();
        let end = start + word.chars().count();
        let covered = mentions.iter().any(|m| m.start < end && start < m.end);
        if !covered {
            added.push(Mention {
                kind: EntityKind::Person,
                text: word.to_owned(),
                start,
                end,
            });
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// Whether `word`, a one-word person, may head "the X administration"
/// written in lowercase ("the Biden administration"; "the Martime
/// Administration" is a body) as the surname of a president training never
/// read (see `name_cues`); a word it read often in no name is none
/// ("Portuguese administration of Macao").
pub(crate) fn may_head_an_administration(
    word: &str,
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) -> bool {
    // Training read "Portuguese" often and never in a name: no surname.
    let unseen = case.bucket(xxh3_64(word.to_lowercase().as_bytes())) == 0;
    unseen && may_be_surname(word, case, gazetteer)
}

/// Whether `word` may be a surname heading an administration.
fn may_be_surname(word: &str, case: &CaseLexicon, gazetteer: &Gazetteer) -> bool {
    let shaped = word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).any(char::is_lowercase);
    shaped
        && !case.is_common_word(xxh3_64(word.to_lowercase().as_bytes()))
        && !gazetteer.contains(word)
        && !is_demonym(&name_key(word), gazetteer)
        && !is_title_word(word)
        && !is_known_organization(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn an_administration_tagged_as_a_body_is_its_head() {
        let text = "Wallis said the Reagan Administration wants more.";
        let mut mentions = vec![Mention {
            kind: EntityKind::Organization,
            text: "Reagan Administration".into(),
            start: 16,
            end: 37,
        }];
        let model = Extractor::bundled().model().expect("bundled model");
        let case = crate::tagger::Weights::case_lexicon(model);
        add_administration_heads(text, &mut mentions, case, Gazetteer::bundled());
        let found: Vec<_> = mentions
            .iter()
            .map(|m| (m.kind, m.text.as_str(), m.start, m.end))
            .collect();
        assert_eq!(found, [(EntityKind::Person, "Reagan", 16, 22)]);
    }

    #[test]
    fn a_surname_heading_an_administration_is_a_person() {
        let x = Extractor::bundled().extract(
            "His role in the scandal that has scarred the Reagan administration attracted \
             criticism. The new administration and the Taiwan administration declined, \
             as did the Kurdish administration and the PSD administration.\n\nThe Carter \
             administration had said so, and the Nixon Administration before it.",
        );
        assert_eq!(x.persons, ["Reagan", "Carter", "Nixon"]);
        assert!(
            x.locations.iter().all(|l| l != "Reagan"),
            "{:?}",
            x.locations
        );
    }

    #[test]
    fn an_administration_without_the_names_its_head_too() {
        let text = "He was an outspoken critic of Reagan administration proposals.\n\n\
                    Taliban administration officials and the Social Security \
                    Administration declined.";
        let mut mentions = Vec::new();
        let model = Extractor::bundled().model().expect("bundled model");
        let case = crate::tagger::Weights::case_lexicon(model);
        add_administration_heads(text, &mut mentions, case, Gazetteer::bundled());
        let found: Vec<_> = mentions.iter().map(|m| (m.kind, m.text.as_str())).collect();
        assert_eq!(found, [(EntityKind::Person, "Reagan")]);
    }

    #[test]
    fn a_head_training_never_read_stays_a_person_alone() {
        let persons = |t: &str| Extractor::bundled().extract(t).persons;
        assert_eq!(
            persons("Officials said the Biden administration was not told."),
            ["Biden"]
        );
        assert_eq!(
            persons("Talks stalled. Biden administration officials left."),
            ["Biden"]
        );
        let text = "Under the accord, Portuguese administration of Macao ends in 1999.";
        assert!(persons(text).is_empty(), "{:?}", persons(text));
    }
}
