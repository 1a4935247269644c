//! The party and state that US news writes after a lawmaker's name: "Sen.
//! Chuck Grassley, R-Iowa, said", "Rep. Adam Schiff (D-Calif.)", "Sen. Joe
//! Manchin, D-W.Va.,". The tag says who the person is, not where the story
//! is, and the tagger reads its pieces as names: "R-Iowa" and "D-Okla" as
//! places, "D-Ill" and "D-W" as organizations, the "J.)" of "(D-N.J.)" as
//! a person. Reuters-21578 writes 210 such tags (`grep -oE '[(,] ?[DRI]-[A-Z][A-Za-z.]*[),]'
//! ../shared/data/corpora/reuters21578.jsonl | wc -l`); dropping them
//! changed 88 article facets there. Mentions that begin inside a tag are
//! dropped.
//!
//! A tag is "D", "R" or "I", a hyphen and a US state as the wires write
//! it (an abbreviation, a postal code or the state's name), after "(" or
//! ", " and before ")", ",", a space or the line's end.

use super::canonical::{may_abbreviate_a_place, Offsets};
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::Mention;

/// Drops the mentions of `text` that begin inside a party tag (see the
/// module doc).
pub(crate) fn drop_party_tags(text: &str, mentions: &mut Vec<Mention>) {
    if mentions.is_empty() {
        return;
    }
    let tags = party_tags(text);
    if tags.is_empty() {
        return;
    }
    let offsets = Offsets::new(text);
    mentions.retain(|m| {
        offsets
            .byte(m.start)
            .is_none_or(|b| !tags.iter().any(|&(s, e)| s <= b && b < e))
    });
}

/// The byte ranges of the party tags of `text`, from the party's letter
/// to the state's end.
fn party_tags(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut tags = Vec::new();
    for (hyphen, _) in text.match_indices('-') {
        if hyphen < 2 || !matches!(bytes[hyphen - 1], b'D' | b'R' | b'I') {
            continue;
        }
        let before = &text[..hyphen - 1];
        if !(before.ends_with('(') || before.ends_with(", ")) {
            continue;
        }
        let rest = &text[hyphen + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
            .unwrap_or(rest.len());
        let ends = rest[len..].is_empty() || rest[len..].starts_with([')', ',', ' ', '\n']);
        if ends && is_us_state(&rest[..len]) {
            tags.push((hyphen - 1, hyphen + 1 + len));
        }
    }
    tags
}

/// Whether `written` names a US state as the wires write it: "Calif.",
/// "W.Va.", "NY", "Iowa".
fn is_us_state(written: &str) -> bool {
    let bare = written.trim_end_matches('.');
    if !bare.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    // Reuters' own "D-Cal." beside the AP's "Calif.".
    let key = name_key(bare);
    key == "cal"
        || may_abbreviate_a_place(&key)
        || Gazetteer::bundled().lookup(bare).iter().any(|p| {
            p.kind == PlaceKind::Region && &*p.country == "United States" && p.name == bare
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn a_lawmakers_party_and_state_name_nothing() {
        let x = Extractor::bundled().extract(
            "Sen. Chuck Grassley, R-Iowa, said so. Sen. Joe Manchin, D-W.Va., voted no. \
             Rep. Adam Schiff (D-Calif.) and Sen. Elizabeth Warren (D-Mass.) objected.",
        );
        assert_eq!(
            x.persons,
            [
                "Chuck Grassley",
                "Joe Manchin",
                "Adam Schiff",
                "Elizabeth Warren"
            ]
        );
        assert!(x.locations.is_empty(), "{:?}", x.locations);
        assert!(x.organizations.is_empty(), "{:?}", x.organizations);
    }

    #[test]
    fn tags_are_a_party_and_a_state() {
        let text = "Pell (D-R.I.) and Dodd, D-Conn, met (D-Day), R-Rated, I-95, (D-N.J.)";
        let tags: Vec<&str> = party_tags(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(tags, ["D-R.I.", "D-Conn", "D-N.J."]);
    }
}
