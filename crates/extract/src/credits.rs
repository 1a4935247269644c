//! Photo agencies named in the credits of web pages' captions: "(Thomas
//! Coex/AFP/Getty Images)", "JIM WATSON/AFP/Getty Images", "Anthony Wallace
//! / AFP - Getty Images". The guideline counts a credit in the body as
//! naming the agency, yet a tagger trained on 1996 newswire, which has no
//! captions, leaves "AFP" between slashes untagged and often the "Getty
//! Images" after it.
//!
//! An agency of [`AGENCIES`] written as a whole word, in no mention,
//! becomes an organization mention; one of [`SLASHED_AGENCIES`], whose
//! names mean other things too ("AP" is Andhra Pradesh, "PA"
//! Pennsylvania), only beside a slash.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{EntityKind, Mention};

/// Agencies whose name means nothing else in news.
const AGENCIES: &[&str] = &[
    "AFP",
    "Getty Images",
    "Agence France-Presse",
    "Shutterstock",
    "EPA-EFE",
    "NurPhoto",
    "SOPA Images",
    "Anadolu Agency",
];

/// Agencies named so only in a credit's chain of slashes.
const SLASHED_AGENCIES: &[&str] = &["AP", "EPA", "Reuters", "Bloomberg", "Xinhua", "PA Images"];

/// Every agency name, [`AGENCIES`] first, in one automaton: most texts
/// have no credit, and one pass finds those that do.
fn agencies() -> &'static AhoCorasick {
    static NAMES: OnceLock<AhoCorasick> = OnceLock::new();
    NAMES.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(AGENCIES.iter().chain(SLASHED_AGENCIES))
            .expect("fixed names build")
    })
}

/// Adds an organization mention for each agency named in a credit that
/// no mention covers, keeping `mentions` in text order (code points).
pub(crate) fn add_agencies(text: &str, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for found in agencies().find_iter(text) {
        let (at, name) = (found.start(), &text[found.range()]);
        let slashed = found.pattern().as_usize() >= AGENCIES.len();
        let (before, after) = (&text[..at], &text[found.end()..]);
        // Not a wire's ticker: "AFFILIATED PUBLICATIONS <AFP>".
        let whole = !before.ends_with(|c: char| c.is_alphanumeric() || c == '<')
            && !after.starts_with(char::is_alphanumeric);
        let beside_slash = before.trim_end_matches(' ').ends_with('/')
            || after.trim_start_matches(' ').starts_with('/');
        if !whole || (slashed && !beside_slash) {
            continue;
        }
        let start = before.chars().count();
        let end = start + name.chars().count();
        if !mentions.iter().any(|m| m.start < end && start < m.end) {
            added.push(Mention {
                kind: EntityKind::Organization,
                text: name.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn agencies_in_credits_are_organizations() {
        let x = Extractor::bundled().extract(
            "Talks\nNetanyahu visits the Western Wall. (Thomas Coex/AFP/Getty Images)\n\
             The rally in Seoul.Anthony Wallace / AFP - Getty Images",
        );
        assert_eq!(x.organizations, ["AFP", "Getty Images"]);
        assert_eq!(x.persons, ["Netanyahu", "Thomas Coex", "Anthony Wallace"]);
    }

    #[test]
    fn an_ambiguous_agency_only_beside_a_slash() {
        let text = "Elections in AP and PA. (John Smith/AP) Reuters/Bloomberg said. <AFP>";
        let mut mentions = Vec::new();
        add_agencies(text, &mut mentions);
        let found: Vec<(&str, usize)> = mentions
            .iter()
            .map(|m| (m.text.as_str(), m.start))
            .collect();
        assert_eq!(found, [("AP", 36), ("Reuters", 40), ("Bloomberg", 48)]);
    }
}
