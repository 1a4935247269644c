//! Datelines: the place a wire story was filed from, in capitals at the
//! head of a line and before a dash, with the region and the source
//! between them or not: "WASHINGTON (AP) —", "SÃO PAULO (Andes Herald) -",
//! "KYIV, Ukraine (AP) —", "TARTUS -". The tagger learnt datelines from
//! CoNLL-2003, whose wire copy writes them "LONDON 1996-08-30"; with a
//! source in brackets after them it misses the place ("WASHINGTON (AP)")
//! or takes one it cannot place for an organization ("ADDIS ABABA"). A
//! dateline is a location when the gazetteer knows its capitals as a
//! place name; so is the region after its comma.

use super::gazetteer::Gazetteer;
use super::joins::{replace_spans, word_at};
use super::labels::LOC;
use super::tagger::Span;
use super::tokenize::Token;

/// Dateline words at most: "RIO DE JANEIRO", "SALT LAKE CITY".
const MAX_PLACE_WORDS: usize = 4;

/// Tokens between the comma and the source or dash at most: "Ukraine",
/// "March 3", "N.Y.".
const MAX_REGION_TOKENS: usize = 3;

/// Tokens in the source's brackets at most: "Pacific Times Service".
const MAX_SOURCE_TOKENS: usize = 6;

/// Makes the place of each dateline of `text` one location span, and its
/// region one too when the gazetteer knows it, in place of the spans
/// they overlap.
pub(crate) fn mark_datelines(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    for start in 0..tokens.len() {
        if !tokens[start].line_start {
            continue;
        }
        let Some(dateline) = dateline_at(text, tokens, start) else {
            continue;
        };
        let place = &text[tokens[start].start..tokens[dateline.place_end - 1].end];
        if !gazetteer.contains(place) {
            continue;
        }
        // A span across the dash ("MUMBAI — Reliance Industries") keeps
        // what follows the dash: the tagger ran the story's first name
        // into the dateline.
        let after_dash = dateline.dash + 1;
        let rest = spans
            .iter()
            .find(|&&(_, s, e)| s < after_dash && e > after_dash)
            .map(|&(t, _, e)| (t, after_dash, e));
        replace_spans(spans, LOC, start, dateline.place_end);
        if let Some((t, s, e)) = rest {
            replace_spans(spans, t, s, e);
        }
        if let Some((s, e)) = dateline.region {
            let region = &text[tokens[s].start..tokens[e - 1].end];
            if gazetteer.contains(region) {
                replace_spans(spans, LOC, s, e);
            }
        }
    }
}

/// Where a dateline's parts lie, in tokens.
struct Dateline {
    /// End of the place's capitals (they start the line).
    place_end: usize,
    /// The capitalised words after the place's comma, if any.
    region: Option<(usize, usize)>,
    /// The dash that ends the dateline.
    dash: usize,
}

/// The dateline starting the line at token `start`, if the line has that
/// shape: capitals, then ", Region" or not, "(Source)" or not, a dash,
/// and more text on the line.
fn dateline_at(text: &str, tokens: &[Token], start: usize) -> Option<Dateline> {
    let word = |i: usize| word_at(text, tokens, i);
    let same_line = |i: usize| i < tokens.len() && !tokens[i].line_start;
    let mut k = start;
    while k < start + MAX_PLACE_WORDS && (k == start || same_line(k)) && is_capitals(word(k)) {
        k += 1;
    }
    if k == start {
        return None;
    }
    let place_end = k;
    let mut region = None;
    if same_line(k) && word(k) == "," {
        let s = k + 1;
        k = s;
        while k < s + MAX_REGION_TOKENS && same_line(k) && !is_dash(word(k)) && word(k) != "(" {
            k += 1;
        }
        let capitalised = (s..k).all(|i| word(i).chars().next().is_some_and(char::is_uppercase));
        if k > s && capitalised {
            region = Some((s, k));
        }
    }
    if same_line(k) && word(k) == "(" {
        let close =
            (k + 1..k + 2 + MAX_SOURCE_TOKENS).find(|&i| !same_line(i) || word(i) == ")")?;
        if word(close) != ")" {
            return None;
        }
        k = close + 1;
    }
    (same_line(k) && is_dash(word(k)) && same_line(k + 1)).then_some(Dateline {
        place_end,
        region,
        dash: k,
    })
}

/// A word in capitals: letters, at least two of them, none lowercase
/// ("SÃO", "PORT-AU-PRINCE"; not "A" or "Kyiv").
fn is_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '.' || c == '\'')
}

/// Whether `word` is a dash that ends a dateline.
fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "—" | "–")
}

#[cfg(test)]
mod tests {
    use crate::{EntityKind, Extractor};

    fn locations(text: &str) -> Vec<String> {
        Extractor::bundled().extract(text).locations
    }

    fn tagged(text: &str, kind: EntityKind) -> Vec<String> {
        let mentions = Extractor::bundled().mentions(text);
        mentions
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_dateline_with_its_source_is_a_place() {
        let text =
            "Senate vote\nWASHINGTON (AP) — The Senate voted on Tuesday to fund the government.";
        assert_eq!(tagged(text, EntityKind::Location), ["WASHINGTON"]);
        let text = "Art fair\nSÃO PAULO (Andes Herald) - The art fair opened on Saturday.";
        assert_eq!(locations(text), ["São Paulo"]);
        let text = "Union vote\nADDIS ABABA (Sahel Post) - Leaders met on Saturday.";
        assert_eq!(tagged(text, EntityKind::Location), ["ADDIS ABABA"]);
    }

    #[test]
    fn the_region_after_the_comma_is_a_place_too() {
        let text = "Strikes\nKYIV, Ukraine (AP) — Drones struck the city overnight.";
        assert_eq!(tagged(text, EntityKind::Location), ["KYIV", "Ukraine"]);
        let text = "Prices\nNEW YORK, March 3 - Texaco Inc said it raised prices.";
        assert_eq!(tagged(text, EntityKind::Location), ["NEW YORK"]);
        // GeoNames lists "Silver Spring  Md." among the town's names; as
        // one place it swallowed the state (the builder leaves such out).
        // The name after the dash, run into the dateline, stays.
        let text = "Results\nMUMBAI — Reliance Industries reported a rise in profit.";
        assert_eq!(
            tagged(text, EntityKind::Organization),
            ["Reliance Industries"]
        );
        let text = "Pill approved\nSILVER SPRING, Md. — The agency approved the pill.";
        assert_eq!(locations(text), ["Silver Spring", "Maryland"]);
    }

    #[test]
    fn capitals_that_name_no_place_or_lack_the_dash_are_left_alone() {
        let text = "Notice\nBREAKING NEWS (updated) - The Senate voted on Tuesday.";
        assert!(tagged(text, EntityKind::Location).is_empty());
        let text = "WASHINGTON (AP)\nThe Senate voted.";
        let mut tokens = Vec::new();
        crate::tokenize::tokenize(text, &mut tokens);
        assert!(super::dateline_at(text, &tokens, 0).is_none());
    }
}
