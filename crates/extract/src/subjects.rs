//! A body's subject that the tagger left out of its name: after "on"
//! ("Council" + "on Foreign Relations") and after "and" ("National
//! Institute of Allergy" + "and Infectious Diseases"), joined into one
//! organization. (The subject after "for" or "of" of a head the tagger
//! took for a place is `places_in_names`'.)

use super::calendar::is_calendar_word;
use super::features::lexicon::is_org_suffix;
use super::gazetteer::Gazetteer;
use super::joins::{one_space_apart, replace_spans, word_at};
use super::labels::{LOC, ORG, PER};
use super::places_in_names::BODY_HEADS;
use super::tagger::Span;
use super::tokenize::Token;

/// Joins the subjects after "on", then those after "and" (see
/// [`join_subjects_after_on`], [`join_subject_conjuncts`]).
pub(crate) fn join_subjects(text: &str, tokens: &[Token], spans: &mut Vec<Span>, g: &Gazetteer) {
    join_subjects_after_on(text, tokens, spans, g);
    join_subject_conjuncts(text, tokens, spans, g);
}

/// Extends a place or organization span that ends with a body's head
/// ([`BODY_HEADS`]) over "on" and its subject, capitalised words with
/// "and", "of" or "the" between them, which the tagger leaves out or tags
/// apart: "Council" + "on Foreign Relations", "Committee on Oversight and
/// Reform". One space apart on one line. Not a day or month ("the Council
/// on Tuesday") nor a place the gazetteer knows ("the Security Council on
/// Syria"). Spans inside the subject are taken in.
pub(crate) fn join_subjects_after_on(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    let mut j = 0;
    while j < spans.len() {
        let (ty, s, e) = spans[j];
        let next_on = e + 1 < tokens.len() && word_at(text, tokens, e) == "on";
        if ty == PER || !next_on || !BODY_HEADS.contains(&word_at(text, tokens, e - 1)) {
            j += 1;
            continue;
        }
        // The subject: tokens e + 1 to end, "on" being token e.
        let (end, _) = subject_end(text, tokens, e + 1);
        j += 1;
        if end == e + 1 {
            continue;
        }
        let joined = (e - 1..end - 1)
            .all(|k| one_space_apart(tokens, k, k + 1) && !tokens[k + 1].line_start);
        let subject = &text[tokens[e + 1].start..tokens[end - 1].end];
        let inside = spans[j..]
            .iter()
            .take_while(|&&(_, a, _)| a < end)
            .all(|&(_, _, b)| b <= end);
        if joined && inside && gazetteer.resolve(subject, &[]).is_none() {
            replace_spans(spans, ORG, s, end);
        }
    }
}

/// Where the subject starting at token `start` ends: capitalised words,
/// days and months aside, with [`is_subject_link`] words between them;
/// and how many of those links are "and".
pub(crate) fn subject_end(text: &str, tokens: &[Token], start: usize) -> (usize, usize) {
    let capitalised = |k: usize| {
        k < tokens.len()
            && word_at(text, tokens, k).starts_with(char::is_uppercase)
            && !is_calendar_word(word_at(text, tokens, k))
    };
    let mut end = start;
    let mut ands = 0;
    while capitalised(end)
        || (end > start && capitalised(end + 1) && is_subject_link(word_at(text, tokens, end)))
    {
        ands += usize::from(word_at(text, tokens, end) == "and");
        end += 1;
    }
    (end, ands)
}

/// Lowercase words inside a body's subject: "Oversight and Reform",
/// "Budget and Policy Priorities".
fn is_subject_link(word: &str) -> bool {
    matches!(word, "and" | "of" | "the")
}

/// Extends an organization span whose name is a body's head
/// ([`BODY_HEADS`]) and its subject after "of", "for" or "on" over the
/// rest of a subject joined by "and", which the tagger cut off: "National
/// Institute of Allergy" + "and Infectious Diseases", "Institute of
/// Epidemiology" + ", Disease Control and Research", "Port Authority of
/// New York" + "and New Jersey". The rest is capitalised words (with
/// "and", "of" or "the" between them) one space apart on one line, ending
/// the name; after a comma it must itself hold "and" (a list). Not over a
/// person, nor an organization the text names again ("the Department of
/// Justice and Microsoft") or one ending as organizations' names do
/// ([`is_org_suffix`]: "Inc and ... Rulemaking Board"), nor over a place unless the subject ends with a place of
/// the same country ("of England and Wales", not "of Texas and Mexico"),
/// nor over a day or month.
fn join_subject_conjuncts(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    let mut j = 0;
    while j < spans.len() {
        let (ty, s, e) = spans[j];
        j += 1;
        let comma = e < tokens.len() && word_at(text, tokens, e) == ",";
        let next_and = e < tokens.len() && word_at(text, tokens, e) == "and";
        if ty != ORG || !(comma || next_and) || !has_subject(text, tokens, s, e) {
            continue;
        }
        // The rest: tokens e + 1 to end, the comma or "and" being token e.
        let (end, links) = subject_end(text, tokens, e + 1);
        // Two names ending as organizations' do ("Association of
        // Securities Dealers Inc and Municipal Securities Rulemaking
        // Board") are two organizations.
        let two = is_org_suffix(word_at(text, tokens, e - 1))
            || is_org_suffix(word_at(text, tokens, end - 1));
        if end == e + 1 || (comma && links == 0) || two {
            continue;
        }
        let joined = (e - 1..end - 1).all(|k| {
            (one_space_apart(tokens, k, k + 1) || (k == e - 1 && comma))
                && !tokens[k + 1].line_start
        });
        let inside = &spans[j..];
        let inside = &inside[..inside.iter().take_while(|&&(_, a, _)| a < end).count()];
        // An organization the text names once is a piece of this one
        // ("Disease Control and Research", "Asthma"); one named again is
        // another ("Microsoft").
        let piece = |a: usize, b: usize| {
            let named = &text[tokens[a].start..tokens[b - 1].end];
            text.matches(named).nth(1).is_none()
        };
        let fits = inside
            .iter()
            .all(|&(t, a, b)| b <= end && t != PER && (t != ORG || piece(a, b)));
        let places = inside.iter().any(|&(t, _, _)| t == LOC);
        let rest = &text[tokens[e + 1].start..tokens[end - 1].end];
        if !joined || !fits || (places && !same_country(text, tokens, s, e, rest, gazetteer)) {
            continue;
        }
        replace_spans(spans, ORG, s, end);
        j -= 1;
    }
}

/// Whether tokens `s..e` name a body's head ([`BODY_HEADS`]) then its
/// subject after "of", "for" or "on".
fn has_subject(text: &str, tokens: &[Token], s: usize, e: usize) -> bool {
    (s + 1..e.saturating_sub(1)).any(|k| {
        BODY_HEADS.contains(&word_at(text, tokens, k - 1))
            && matches!(word_at(text, tokens, k), "of" | "for" | "on")
    })
}

/// Whether the subject of the body named by tokens `s..e` ends with a
/// place in the country of the place `rest` names.
fn same_country(
    text: &str,
    tokens: &[Token],
    s: usize,
    e: usize,
    rest: &str,
    gazetteer: &Gazetteer,
) -> bool {
    let Some(other) = gazetteer.resolve(rest, &[]) else {
        return false;
    };
    // The subject's last one to three words.
    (e.saturating_sub(3).max(s)..e).any(|k| {
        let words = &text[tokens[k].start..tokens[e - 1].end];
        gazetteer
            .resolve(words, &[])
            .is_some_and(|p| p.country == other.country)
    })
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn organizations(text: &str) -> Vec<String> {
        Extractor::bundled().extract(text).organizations
    }

    #[test]
    fn a_subject_cut_at_and_is_joined_back() {
        let orgs = organizations(
            "Virus update\nAnthony Fauci, director of the National Institute of Allergy and \
             Infectious Diseases, spoke on Monday. The Institute of Epidemiology, Disease \
             Control and Research (IEDCR) reported 20 cases. Bridget Kelly worked with the \
             Port Authority of New York and New Jersey.",
        );
        for name in [
            "National Institute of Allergy and Infectious Diseases",
            "Institute of Epidemiology, Disease Control and Research",
            "Port Authority of New York and New Jersey",
        ] {
            assert!(orgs.iter().any(|o| o == name), "{name}: {orgs:?}");
        }
    }

    #[test]
    fn two_bodies_joined_by_and_stay_two() {
        let orgs = organizations(
            "Regulators\nThe rules came from the Association of Securities Dealers Inc and \
             Municipal Securities Rulemaking Board. The Department of Justice and Microsoft \
             met again; Microsoft said nothing.",
        );
        assert!(orgs.iter().all(|o| !o.contains(" and ")), "{orgs:?}");
        assert!(orgs.iter().any(|o| o == "Microsoft"), "{orgs:?}");
    }
}
