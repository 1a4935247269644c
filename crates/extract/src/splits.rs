//! Names the tagger runs together, cut apart before they are mentions:
//!
//! - at a comma: "First Minister of Scotland Nicola Sturgeon, Labour MP"
//!   or "the National Science Foundation, Department of Energy" came out
//!   of the tagger as one organization. A comma stays inside a name only
//!   before a legal form or a suffix ("A.G. Edwards & Sons, Inc",
//!   "Washington, D.C."), in a name a legal form ends ("Kleinwort, Benson
//!   Ltd") or in a list of words that
//!   "and" or "&" closes ("United Nations Educational, Scientific and
//!   Cultural Organization"): the shapes CoNLL-2003's gold names with a
//!   comma have;
//! - at "and" between two organizations: "London Ambulance Service and
//!   London Fire Brigade", "University of Washington and Center for
//!   Ecosystem Sentinels" (the part after "and" starts as the first does,
//!   or with the head word of an institution), "Goldman Sachs and Morgan
//!   Stanley" (two bodies known by name); "Bill and Melinda Gates
//!   Foundation" and "Organization for Security and Co-operation in
//!   Europe" stay one;
//! - at "near" inside a place: "Bontddu Hall near Dolgellau" names two;
//! - after an office held over a place: "First Minister of Scotland
//!   Nicola Sturgeon" and "Mayor of London Sadiq Khan" name the place and
//!   the person, not one person (or organization) "Scotland Nicola
//!   Sturgeon".

use xxhash_rust::xxh3::xxh3_64;

use super::canonical::is_title_word;
use super::features::lexicon::CaseLexicon;
use super::full_names::may_be_given_name;
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::joins::word_at;
use super::known_bodies::is_known_body;
use super::labels::{LOC, ORG, PER};
use super::tagger::Span;
use super::tokenize::Token;

/// Words after a comma that keep it inside a name, lowercase and without
/// their dots: legal forms of companies, suffixes of persons' names, and
/// "D.C.".
const AFTER_COMMA_IN_NAMES: &[&str] = &[
    "inc", "ltd", "llc", "llp", "lp", "co", "corp", "plc", "sa", "ag", "nv", "gmbh", "jr", "sr",
    "ii", "iii", "iv", "dc",
];

/// Cuts the tagger's `spans` over the `tokens` of `text` at commas (a list
/// the tagger ended before its "and" closed first), at "and" between two
/// organizations, at "near" inside a place, then after offices
/// held over places; `case` tells given names and ordinary
/// words apart.
pub(crate) fn split_run_together_names(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
    case: &CaseLexicon,
) {
    let word = |i: usize| word_at(text, tokens, i);
    let has = |spans: &[Span], w: &str| spans.iter().any(|&(_, s, e)| (s..e).any(|i| word(i) == w));
    if has(spans, ",") {
        close_listed_names(text, tokens, spans);
    }
    // Each cut is only tried where its word occurs: most texts have none.
    let cuts: [(&str, Cut); 3] = [
        (",", split_at_commas),
        ("and", split_at_and),
        ("near", split_at_near),
    ];
    for (w, cut) in cuts {
        if has(spans, w) {
            *spans = spans
                .iter()
                .flat_map(|&span| cut(text, tokens, span))
                .collect();
        }
    }
    let mut i = 0;
    while i < spans.len() {
        let parts = split_office_of_a_place(text, tokens, spans[i], gazetteer, case);
        match parts {
            Some(parts) => {
                i += parts.len();
                spans.splice(i - parts.len()..=i - parts.len(), parts);
            }
            None => i += 1,
        }
    }
}

/// A cut of one span over the tokens of a text into its parts.
type Cut = fn(&str, &[Token], Span) -> Vec<Span>;

/// A place span with "near" inside, cut into the two places it names
/// ("Bontddu Hall near Dolgellau"); the span as it is otherwise.
fn split_at_near(text: &str, tokens: &[Token], span: Span) -> Vec<Span> {
    let word = |i: usize| word_at(text, tokens, i);
    let (ty, s, e) = span;
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    match (s + 1..e.saturating_sub(1)).find(|&i| word(i) == "near") {
        Some(k) if ty == LOC && capitalised(k - 1) && capitalised(k + 1) => {
            vec![(LOC, s, k), (LOC, k + 1, e)]
        }
        _ => vec![span],
    }
}

/// Head words of institutions that, after "and", start a second one
/// ("University of Washington and Center for Ecosystem Sentinels").
const INSTITUTION_HEADS: &[&str] = &[
    "University",
    "Center",
    "Centre",
    "Institute",
    "Department",
    "Ministry",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Bureau",
    "Foundation",
    "Society",
    "Association",
    "School",
    "College",
    "Academy",
    "Museum",
    "Hospital",
];

/// An organization span of two names of two words or more joined by one
/// "and", cut in two where the second starts as the first does or with an
/// [`INSTITUTION_HEADS`] word, both hold one, or both are known bodies;
/// the span as it is otherwise.
fn split_at_and(text: &str, tokens: &[Token], span: Span) -> Vec<Span> {
    let word = |i: usize| word_at(text, tokens, i);
    let (ty, s, e) = span;
    let mut ands = (s..e).filter(|&i| word(i) == "and");
    let (Some(k), None) = (ands.next(), ands.next()) else {
        return vec![span];
    };
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    // Or both halves hold a head: "University of Oxford and Imperial
    // College London" (not "Department of Health and Human Services").
    let head_in = |a: usize, b: usize| (a..b).any(|i| INSTITUTION_HEADS.contains(&word(i)));
    // Or both are bodies known by name: "Goldman Sachs and Morgan Stanley".
    let known = |a: usize, b: usize| {
        a < b && is_known_body(&name_key(&text[tokens[a].start..tokens[b - 1].end]))
    };
    let second_starts_anew = word(k + 1) == word(s)
        || INSTITUTION_HEADS.contains(&word(k + 1))
        || (head_in(s, k) && head_in(k + 1, e))
        || (known(s, k) && known(k + 1, e));
    if ty == ORG
        && k >= s + 2
        && k + 3 <= e
        && capitalised(s)
        && capitalised(k - 1)
        && second_starts_anew
        && !(s..e).any(|i| word(i) == ",")
    {
        vec![(ORG, s, k), (ORG, k + 1, e)]
    } else {
        vec![span]
    }
}

/// Extends each span with a comma and no "and" in it over the "and" and
/// the capitalised words in no span that close its list: the tagger ends
/// "Ministry of Trade, Industry and Energy" before "and".
fn close_listed_names(text: &str, tokens: &[Token], spans: &mut [Span]) {
    let word = |i: usize| word_at(text, tokens, i);
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let next_start = spans.get(i + 1).map_or(tokens.len(), |next| next.1);
        let listed = (s..e).any(|j| word(j) == ",")
            && !(s..e).any(|j| matches!(word(j), "and" | "&"))
            && matches!(word(e), "and" | "&")
            && e + 1 < next_start
            && capitalised(e + 1);
        if listed {
            let end = (e + 1..next_start)
                .take_while(|&j| capitalised(j))
                .last()
                .map_or(e + 1, |j| j + 1);
            spans[i] = (ty, s, end);
        }
    }
}

/// Titles held in companies, not over places ("Chairman of Canada
/// Development Corp" is cut short by the tagger, not an office).
const COMPANY_TITLES: &[&str] = &[
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "manager",
    "officer",
    "coach",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Whether `word` is in [`AFTER_COMMA_IN_NAMES`], dots and case aside.
fn is_legal_form(word: &str) -> bool {
    AFTER_COMMA_IN_NAMES.contains(&word.replace('.', "").to_lowercase().as_str())
}

/// The parts of `span` between the commas that no name keeps.
fn split_at_commas(text: &str, tokens: &[Token], span: Span) -> Vec<Span> {
    let word = |i: usize| word_at(text, tokens, i);
    let (ty, s, e) = span;
    let mut parts = Vec::new();
    let mut start = s;
    for c in s + 1..e.saturating_sub(1) {
        if word(c) != "," {
            continue;
        }
        let listed = (c + 1..e).any(|j| matches!(word(j), "and" | "&"));
        if !listed && !is_legal_form(word(c + 1)) && !is_legal_form(word(e - 1)) {
            parts.push((ty, start, c));
            start = c + 1;
        }
    }
    parts.push((ty, start, e));
    parts
}

/// `span` as a place and a person when it is, or ends, "<title> of
/// <place> <Given> <Name>" or follows "<title> of" ("First Minister of |
/// Scotland Nicola Sturgeon"): the title goes, the place (the longest name
/// of one to three words the gazetteer knows) and the person of two words
/// or more stay. The person's first word must open persons' names in
/// training, or, after a country or region, may be a given name: the
/// president of a company named after a town is no office of a place
/// ("President of Nikko Securities Co"). A span that is only titles, "of"
/// and the place ("Mayor of London") is the place.
fn split_office_of_a_place(
    text: &str,
    tokens: &[Token],
    (_, s, e): Span,
    gazetteer: &Gazetteer,
    case: &CaseLexicon,
) -> Option<Vec<Span>> {
    let word = |i: usize| word_at(text, tokens, i);
    let of = (s.saturating_sub(1)..e).find(|&k| {
        k >= 1
            && word(k) == "of"
            && is_title_word(word(k - 1))
            && !COMPANY_TITLES.contains(&word(k - 1).to_lowercase().as_str())
    })?;
    let place_start = of + 1;
    let place_name = |end: usize| &text[tokens[place_start].start..tokens[end - 1].end];
    let place_end = (place_start + 1..=(place_start + 3).min(e))
        .rev()
        .find(|&end| gazetteer.contains(place_name(end)))?;
    let only_titles = || (s..of).all(|i| is_title_word(word(i)) || word(i) == "of");
    if place_end == e {
        return (of >= s && only_titles()).then(|| vec![(LOC, place_start, e)]);
    }
    let person = place_end..e;
    let capitalised = person
        .clone()
        .all(|i| word(i).starts_with(char::is_uppercase));
    let given = word(place_end);
    let trained_given =
        case.get(xxh3_64(given.to_lowercase().as_bytes())) & CaseLexicon::FIRST_NAME;
    let area = gazetteer
        .resolve(place_name(place_end), &[])
        .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region));
    let opens_a_name = trained_given != 0 || (area && may_be_given_name(given, case, gazetteer));
    let company = person.clone().any(|i| is_legal_form(word(i)));
    (person.len() >= 2 && capitalised && opens_a_name && !company)
        .then(|| vec![(LOC, place_start, place_end), (PER, place_end, e)])
}

#[cfg(test)]
mod tests {
    use crate::joins::tests::mended;
    use crate::labels::{LOC, ORG, PER};
    use crate::{EntityKind, Extractor};

    fn mentions(text: &str) -> Vec<(EntityKind, String)> {
        let x = Extractor::bundled().extract(text);
        x.mentions.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    #[test]
    fn a_comma_cuts_names_run_together() {
        let text = "Speakers included First Minister of Scotland Nicola Sturgeon, \
                    Labour MP Tom Watson, and Sadiq Khan.";
        let found = mended(
            text,
            &[
                (
                    PER,
                    "First Minister of Scotland Nicola Sturgeon, Labour MP Tom Watson",
                ),
                (PER, "Sadiq Khan"),
            ],
        );
        let expected = [
            (LOC, "Scotland"),
            (PER, "Nicola Sturgeon"),
            (PER, "Labour MP Tom Watson"),
            (PER, "Sadiq Khan"),
        ];
        // Given spans: the bundled tagger no longer runs these names
        // together (it now misses "Nicola Sturgeon" in this one sentence).
        assert_eq!(found, expected.map(|(t, s)| (t, s.to_string())));
    }

    #[test]
    fn near_cuts_a_place_in_two() {
        let text = "A fire broke out at Bontddu Hall near Dolgellau. Hotels near Bath.";
        let found = mended(text, &[(LOC, "Bontddu Hall near Dolgellau"), (LOC, "Bath")]);
        let expected = [(LOC, "Bontddu Hall"), (LOC, "Dolgellau"), (LOC, "Bath")];
        assert_eq!(found, expected.map(|(t, s)| (t, s.to_string())));
    }

    #[test]
    fn a_comma_stays_in_legal_forms_and_lists() {
        let found = mentions(
            "Shares of Goldman, Sachs & Co rose. The United Nations Educational, \
             Scientific and Cultural Organization met in Washington, D.C. on Monday.",
        );
        let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
        assert!(texts.contains(&"Goldman, Sachs & Co"), "{found:?}");
        assert!(
            texts.contains(&"United Nations Educational, Scientific and Cultural Organization"),
            "{found:?}"
        );
    }

    #[test]
    fn a_list_in_a_name_is_closed_after_its_and() {
        let x = Extractor::bundled().extract(
            "Exports rose, according to the Ministry of Trade, Industry and Energy, in Seoul.",
        );
        assert_eq!(
            x.organizations,
            ["Ministry of Trade, Industry and Energy"],
            "{:?}",
            x.mentions
        );
    }

    #[test]
    fn an_office_of_a_place_is_no_part_of_the_name() {
        let x = Extractor::bundled()
            .extract("The Mayor of London Sadiq Khan spoke. Then Governor of Texas Greg Abbott.");
        assert_eq!(x.persons, ["Sadiq Khan", "Greg Abbott"]);
        assert_eq!(x.locations, ["London", "Texas"]);
        let x = Extractor::bundled().extract(
            "Yoshio Tateishi, the president of Nikko Securities Co Ltd, and the \
             Chairman of Canada Development Corp agreed.",
        );
        assert!(x.locations.is_empty(), "{:?}", x.mentions);
    }

    #[test]
    fn and_cuts_two_organizations_run_together() {
        let text = "The London Ambulance Service and London Fire Brigade came; so did the \
                    University of Washington and Center for Ecosystem Sentinels, the Bill \
                    and Melinda Gates Foundation and the Organization for Security and \
                    Co-operation in Europe.";
        let tagged = [
            (ORG, "London Ambulance Service and London Fire Brigade"),
            (
                ORG,
                "University of Washington and Center for Ecosystem Sentinels",
            ),
            (ORG, "Bill and Melinda Gates Foundation"),
            (ORG, "Organization for Security and Co-operation in Europe"),
        ];
        let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
        assert_eq!(
            names,
            [
                "London Ambulance Service",
                "London Fire Brigade",
                "University of Washington",
                "Center for Ecosystem Sentinels",
                "Bill and Melinda Gates Foundation",
                "Organization for Security and Co-operation in Europe",
            ]
        );
    }

    #[test]
    fn and_cuts_two_institutions_each_with_its_head() {
        let text = "The University of Oxford and Imperial College London did it, with the \
                    Department of Health and Human Services.";
        let tagged = [
            (ORG, "University of Oxford and Imperial College London"),
            (ORG, "Department of Health and Human Services"),
        ];
        let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
        assert_eq!(
            names,
            [
                "University of Oxford",
                "Imperial College London",
                "Department of Health and Human Services"
            ]
        );
    }

    #[test]
    fn and_cuts_two_known_bodies() {
        // "Morgan Stanley and" ends its span: nothing after "and" to look up.
        let text = "Goldman Sachs and Morgan Stanley fell; Johnson and Johnson rose; \
                    Morgan Stanley and co.";
        let tagged = [
            (ORG, "Goldman Sachs and Morgan Stanley"),
            (ORG, "Johnson and Johnson"),
            (ORG, "Morgan Stanley and"),
        ];
        let names: Vec<String> = mended(text, &tagged).into_iter().map(|(_, n)| n).collect();
        assert_eq!(
            names,
            [
                "Goldman Sachs",
                "Morgan Stanley",
                "Johnson and Johnson",
                "Morgan Stanley and"
            ]
        );
    }
}
