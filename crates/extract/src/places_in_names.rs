//! Places inside a larger name that the tagger cut short: "Captain
//! America" is a character and "Miss Universe" a title, yet a tagger
//! trained on 1996 newswire tags "America" alone as the place. A title of
//! address right before a place, outside any span, makes the two a name
//! of no kind. (A capitalised word and "of" before a place is as often a
//! title or a phrase, "Sultan of Oman", "One of Cuba", as an
//! organization's name: the few organizations so named that news cites,
//! "Voice of America", are found by name in `joins`.)
//!
//! A country that leads the name of its body is part of it: "United
//! States" then "Senate" is one organization, "United States Senate".
//!
//! Also the other way round: one place the tagger cut in two places side
//! by side ("New South" and "Wales"), or ended before a comma that is
//! part of its name ("Washington" of "Washington, D.C."), joined when the
//! gazetteer knows the whole; and an organization cut before a place in its name ("University
//! of the" and "South Pacific", "University of South" and "Carolina
//! Beaufort"), joined back; and a building word the tagger left out of a
//! name ("Bhera" + "Market", "Legislative Council" + "Complex") taken in,
//! and a building it tagged as a name of no kind ("Grand Central
//! Terminal") made a place, a field or plant named before its kind one
//! place ("Khurais" + "oil field"), and a venue named with a possessive ("St
//! Paul's Cathedral", not the city of St Paul) made one place;
//! and a body's name cut before its subject ("Puerto Rico Center" +
//! "for Investigative Journalism"), which leaves a place that is none,
//! joined as one organization (the subjects after "on" and after "and"
//! are `subjects`').

use super::canonical::{is_title_word, kind_named_features};
use super::demonyms::is_demonym;
use super::features::lexicon::is_loc_suffix;
use super::gazetteer::{name_key, Gazetteer, PlaceKind};
use super::joins::{one_space_apart, replace_spans, word_at};
use super::labels::{LOC, MISC, ORG, PER};
use super::tagger::Span;
use super::tokenize::Token;

/// Titles of address that name a character or a title holder when a place
/// follows ("Captain America", "Miss Universe"); "Saint" leads places
/// ("St. Louis") and is left out.
const ADDRESS_TITLES: &[&str] = &["Captain", "Mister", "Miss", "Lord", "Lady", "Sir"];

/// Makes each place span right after an [`ADDRESS_TITLES`] word, one
/// space apart and in no span, a span of no kind with the title.
pub(crate) fn mend_places_in_names(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let free = i == 0 || spans[i - 1].2 < s;
        if ty != LOC || s == 0 || !free || !one_space_apart(tokens, s - 1, s) {
            continue;
        }
        if ADDRESS_TITLES.contains(&word_at(text, tokens, s - 1)) {
            spans[i] = (MISC, s - 1, e);
        }
    }
}

/// Countries whose full name leads the names of their bodies ("United
/// States Senate", "United Kingdom Space Agency").
const LEADING_COUNTRIES: &[&str] = &["United States", "United Kingdom"];

/// Joins each [`LEADING_COUNTRIES`] place span, or a demonym after "the"
/// ("the Syrian" + "Observatory for Human Rights", which CoNLL's
/// miscellaneous "Syrian" taught the tagger to cut), and the
/// organization span right after it, one space apart on one line, into
/// one organization (not a title tagged one: "United States Senator").
/// On Reuters-21578 the demonyms join 14 names: bodies' own ("Brazilian
/// Cocoa Trade Commission", "Haitian American Sugar Company") and a
/// country's offices ("Israeli Foreign Ministry", "Japanese Embassy",
/// where "Foreign Ministry" alone lumped every country's), one a name
/// also written without ("Japanese Ministry of International Trade and
/// Industry").
pub(crate) fn join_country_led_organizations(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    join_side_by_side(tokens, spans, |(ta, s, m), (tb, _, e)| {
        let country = &text[tokens[s].start..tokens[m - 1].end];
        let the_demonym = || {
            m == s + 1
                && s > 0
                && word_at(text, tokens, s - 1).eq_ignore_ascii_case("the")
                && is_demonym(&name_key(country), gazetteer)
        };
        // Not before an acronym: "the Guatemalan ICO delegate".
        let acronym = || !text[tokens[m].start..tokens[e - 1].end].contains(char::is_lowercase);
        let leads = (ta == LOC && LEADING_COUNTRIES.contains(&country))
            || (ta == MISC && the_demonym() && !acronym());
        (tb == ORG && leads && !is_title_word(word_at(text, tokens, e - 1))).then_some(ORG)
    });
}

/// Words an organization's name does not end with but the tagger, cutting
/// a place out of it, leaves there: "University of the" + "South
/// Pacific".
const OPEN_ENDS: &[&str] = &["of", "the", "for", "de", "du", "des", "del", "la"];

/// Joins each organization span and the place or organization span right
/// after it, one space apart on one line, into one organization where the
/// first ends open ("University of the" + "South Pacific") or ends with
/// the first word of a place the gazetteer knows with the second's first
/// word ("University of South" + "Carolina Beaufort").
pub(crate) fn join_organizations_cut_short(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    join_side_by_side(tokens, spans, |(ta, _, m), (tb, _, _)| {
        if ta != ORG || !(tb == LOC || tb == ORG) {
            return None;
        }
        let last = word_at(text, tokens, m - 1);
        let split_place = || {
            last.starts_with(char::is_uppercase)
                && gazetteer.contains(&text[tokens[m - 1].start..tokens[m].end])
                && !gazetteer.contains(last)
        };
        (OPEN_ENDS.contains(&last) || split_place()).then_some(ORG)
    });
}

/// Words that head the name of a body whose subject follows after "for"
/// or "of" ("Center for Investigative Journalism", "Institute of
/// Physics").
pub(crate) const BODY_HEADS: &[&str] = &[
    "Center",
    "Centre",
    "Institute",
    "Council",
    "Committee",
    "Foundation",
    "Association",
    "Society",
    "Office",
    "Department",
    "Ministry",
    "Agency",
    "Commission",
    "Academy",
    "Bureau",
    "Federation",
    "Alliance",
    "Coalition",
    "Authority",
    "School",
];

/// Joins a body's head ([`BODY_HEADS`]) and the span after it naming the
/// body's subject, past "for" or "of" (and "the"), into one organization:
/// "Puerto Rico Center" + "for" + "Investigative Journalism", where the
/// tagger took the first for a place, or "Center" + "for" + "Microbial
/// Oceanography" after a possessive, where it tagged the subject alone.
/// The head ends a place or organization span or is in none; all one
/// space apart on one line. After "of" only a place the gazetteer does
/// not know ("Institute of Physics"): an organization, a people or a known
/// place there is a body or country of its own ("Control Centre of the
/// Coast Guard", "Issuing Office of the Swiss", "Safety Committee of
/// Indonesia").
pub(crate) fn join_bodies_and_subjects(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    let mut j = 0;
    while j < spans.len() {
        let (ty, b, e) = spans[j];
        let before = if j == 0 { 0 } else { spans[j - 1].2 };
        let mut at = b;
        if ty != PER && at > before && word_at(text, tokens, at - 1) == "the" {
            at -= 1;
        }
        // Called once `at >= 2`.
        let subject = || match word_at(text, tokens, at - 1) {
            "for" => true,
            "of" => {
                let named = &text[tokens[b].start..tokens[e - 1].end];
                ty == LOC && gazetteer.resolve(named, &[]).is_none()
            }
            _ => false,
        };
        let linked = ty != PER
            && at >= 2
            && at > before
            && subject()
            && (at - 2..b).all(|k| one_space_apart(tokens, k, k + 1) && !tokens[k + 1].line_start)
            && BODY_HEADS.contains(&word_at(text, tokens, at - 2));
        if !linked {
            j += 1;
            continue;
        }
        let head = at - 2;
        match j.checked_sub(1).map(|i| spans[i]) {
            Some((tp, s, end)) if end == head + 1 && (tp == LOC || tp == ORG) => {
                spans[j - 1] = (ORG, s, e);
                spans.remove(j);
            }
            _ if before <= head => {
                spans[j] = (ORG, head, e);
                j += 1;
            }
            _ => j += 1,
        }
    }
}

/// Words that end the names of buildings, squares and markets and that the
/// tagger leaves out of them ("Bhera" | "Market", "Legislative Council" |
/// "Complex"): the 1996 newswire it learnt from names few such places.
/// "station" is one lowercase too ("Waterloo station"), after a place only.
const BUILDING_ENDS: &[&str] = &[
    "Square",
    "Market",
    "Palace",
    "Complex",
    "Cathedral",
    "Castle",
    "Abbey",
    "Mosque",
    "Stadium",
    "Terminal",
    "Station",
    "station",
];

/// Makes each span of no kind that names a building a place
/// ([`names_a_building`]), and extends each place or organization span
/// that a [`BUILDING_ENDS`] word follows, one space apart and in no span,
/// over that word, as a place:
/// the guideline labels buildings and squares named as locations places.
/// Not after a country ("U.S. Market" heads market reports), nor when a
/// capitalised word comes next, which the tagger left out for a reason of
/// its own ("Market Street").
pub(crate) fn join_building_names(
    text: &str,
    tokens: &[Token],
    spans: &mut [Span],
    gazetteer: &Gazetteer,
) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        if ty == MISC && e - s >= 2 && names_a_building(text, tokens, s, e, gazetteer) {
            spans[i] = (LOC, s, e);
            continue;
        }
        let free = spans.get(i + 1).is_none_or(|next| next.1 > e);
        if !(ty == LOC || ty == ORG) || !free || e >= tokens.len() || tokens[e].line_start {
            continue;
        }
        let end = word_at(text, tokens, e);
        let capitalised_next = e + 1 < tokens.len()
            && !tokens[e + 1].line_start
            && one_space_apart(tokens, e, e + 1)
            && word_at(text, tokens, e + 1).starts_with(char::is_uppercase);
        if one_space_apart(tokens, e - 1, e)
            && BUILDING_ENDS.contains(&end)
            && (ty == LOC || end != "station")
            && !capitalised_next
            && !gazetteer.resolves_to_country(&text[tokens[s].start..tokens[e - 1].end])
        {
            spans[i] = (LOC, s, e + 1);
        }
    }
}

/// Words that end the names of venues called after a person or a saint
/// with a possessive: "St Paul's Cathedral", "Grauman's Egyptian Theatre".
/// Not hospitals and colleges ("St Thomas' Hospital"), which are bodies,
/// nor markets ("NASDAQ's National Market" is a trading system).
#[rustfmt::skip]
const POSSESSIVE_VENUE_ENDS: &[&str] = &[
    "Cathedral", "Church", "Chapel", "Abbey", "Basilica", "Theatre", "Theater", "Palace",
    "Castle", "Park", "Square", "Stadium", "Bridge",
];

/// Makes a span before "'s" and up to three capitalised words ending with a
/// [`POSSESSIVE_VENUE_ENDS`] word one place: the tagger stops at the
/// possessive and makes "St Paul" the city in Minnesota, "Grauman" a place
/// of its own. The words after the "'s" must lie in no span but one of no
/// kind ("Egyptian"), one space apart.
pub(crate) fn join_possessive_venues(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() {
        let (_, s, e) = spans[i];
        i += 1;
        if !matches!(word_at(text, tokens, e), "'s" | "\u{2019}s") {
            continue;
        }
        let in_a_named_span =
            |k: usize| spans.iter().any(|&(t, a, b)| t != MISC && a <= k && k < b);
        let mut k = e + 1;
        let end = loop {
            if k >= tokens.len() || k > e + 3 || tokens[k].line_start || in_a_named_span(k) {
                break None;
            }
            let word = word_at(text, tokens, k);
            if !one_space_apart(tokens, k - 1, k) || !word.starts_with(char::is_uppercase) {
                break None;
            }
            if POSSESSIVE_VENUE_ENDS.contains(&word) {
                break Some(k + 1);
            }
            k += 1;
        };
        if let Some(end) = end {
            replace_spans(spans, LOC, s, end);
            i = spans.partition_point(|&(_, a, _)| a <= s);
        }
    }
}

/// Whether tokens `s..e` (two or more) end with a capitalised
/// [`BUILDING_ENDS`] word: "Grand Central Terminal", which the tagger may
/// take for a name of no kind. Not a space station, no place on Earth,
/// nor a country's market ("U.K. Market" heads market reports).
fn names_a_building(
    text: &str,
    tokens: &[Token],
    s: usize,
    e: usize,
    gazetteer: &Gazetteer,
) -> bool {
    let end = word_at(text, tokens, e - 1);
    end.starts_with(char::is_uppercase)
        && BUILDING_ENDS.contains(&end)
        && !word_at(text, tokens, e - 2).eq_ignore_ascii_case("space")
        && (s..e - 1).all(|k| one_space_apart(tokens, k, k + 1))
        && !gazetteer.resolves_to_country(&text[tokens[s].start..tokens[e - 2].end])
}

/// Lowercase words after a name that make it a field or plant's name
/// ("the Khurais oil field", "the Costa Sur power plant"): the tagger
/// reads the name alone as a body or a person ("Johan Sverdrup").
const FIELD_ENDS: &[[&str; 2]] = &[
    ["oil", "field"],
    ["gas", "field"],
    ["power", "plant"],
    ["power", "station"],
];

/// Extends each span that two [`FIELD_ENDS`] words follow, one space
/// apart and in no span, over them, as one place. Not a place the
/// gazetteer knows ("the Tartus power plant" is a plant in Tartus, which
/// stays the place; the facets want the town), nor a sea, bay or other
/// feature whose fields they are ("North Sea oil field").
pub(crate) fn join_field_names(
    text: &str,
    tokens: &[Token],
    spans: &mut [Span],
    gazetteer: &Gazetteer,
) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let free = spans.get(i + 1).is_none_or(|next| next.1 > e + 1);
        if ty == MISC || !free || e + 1 >= tokens.len() || tokens[e + 1].line_start {
            continue;
        }
        let ends = [word_at(text, tokens, e), word_at(text, tokens, e + 1)];
        let name = &text[tokens[s].start..tokens[e - 1].end];
        if FIELD_ENDS.contains(&ends)
            && one_space_apart(tokens, e - 1, e)
            && one_space_apart(tokens, e, e + 1)
            && !gazetteer.contains(name)
            && !is_loc_suffix(word_at(text, tokens, e - 1))
        {
            spans[i] = (LOC, s, e + 2);
        }
    }
}

/// Makes each natural feature's name that a span begins, as written
/// ([`kind_named_features`]), one place span in place of the spans inside
/// it, or that begins two words before a span, with "of" between ("Strait
/// of" + "Hormuz"): the tagger cuts "English Channel" after the
/// nationality and "Gulf of Mexico" in two. Not where a span runs past the
/// name ("English Channel Tunnel Group" stays the company).
pub(crate) fn join_feature_names(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    for i in 0..spans.len() {
        let Some(&(_, first, _)) = spans.get(i) else {
            break;
        };
        let before = if i == 0 { 0 } else { spans[i - 1].2 };
        let of_before = first >= before + 2 && word_at(text, tokens, first - 1) == "of";
        let mut starts = of_before.then(|| first - 2).into_iter().chain([first]);
        let found = starts.find_map(|s| {
            let at = tokens[s].start;
            let names = kind_named_features(tokens[s].text(text));
            names
                .iter()
                .find(|n| text[at..].starts_with(**n))
                .map(|n| (s, at, n))
        });
        let Some((s, at, name)) = found else {
            continue;
        };
        let end = at + name.len();
        let last = tokens.partition_point(|t| t.end < end);
        let whole_tokens = tokens.get(last).is_some_and(|t| t.end == end);
        if whole_tokens
            && spans[i..]
                .iter()
                .all(|&(_, a, b)| b <= last + 1 || a > last)
        {
            replace_spans(spans, LOC, s, last + 1);
        }
    }
}

/// Joins each two place spans on adjacent tokens of one line, one space
/// apart, into one when the gazetteer knows the two together as a place
/// name; and extends a place span over a comma and the word after it
/// (in no span, or a span of its own) when the gazetteer knows the whole
/// and the word names no country or region by itself:
/// "Washington, D.C.", which the tagger ends before its comma (taking
/// "D.C." for a name of no kind), is the capital, where "Washington"
/// alone among states would be the state.
pub(crate) fn join_split_places(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    gazetteer: &Gazetteer,
) {
    join_side_by_side(tokens, spans, |(ta, s, _), (tb, _, e)| {
        let whole = &text[tokens[s].start..tokens[e - 1].end];
        (ta == LOC && tb == LOC && gazetteer.contains(whole)).then_some(LOC)
    });
    let mut i = 0;
    while i < spans.len() {
        let (ty, s, e) = spans[i];
        let after = e + 1;
        let free = spans
            .get(i + 1)
            .is_none_or(|next| next.1 > after || (next.1, next.2) == (after, after + 1));
        let qualified = ty == LOC
            && free
            && word_at(text, tokens, e) == ","
            && tokens.get(after).is_some_and(|t| !t.line_start)
            && word_at(text, tokens, after).starts_with(char::is_alphanumeric)
            && tokens[e - 1].end == tokens[e].start
            && one_space_apart(tokens, e, after)
            && gazetteer.contains(&text[tokens[s].start..tokens[after].end])
            && !names_an_area(gazetteer, word_at(text, tokens, after));
        if qualified {
            replace_spans(spans, LOC, s, after + 1);
        }
        i += 1;
    }
}

/// Whether `word` names a country or a region by itself: in "Wilmington,
/// Delaware" it says where the town lies (GeoNames also knows "Wilmington
/// (Delaware)" as one name, the facet wants both places).
fn names_an_area(gazetteer: &Gazetteer, word: &str) -> bool {
    gazetteer
        .lookup(word)
        .iter()
        .any(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
}

/// Joins each two spans on adjacent tokens of one line, one space apart,
/// into one span of the type `join` gives them (`None`: left apart).
fn join_side_by_side(
    tokens: &[Token],
    spans: &mut Vec<Span>,
    join: impl Fn(Span, Span) -> Option<u8>,
) {
    let mut i = 1;
    while i < spans.len() {
        let (a, b) = (spans[i - 1], spans[i]);
        let side_by_side =
            a.2 == b.1 && !tokens[b.1].line_start && one_space_apart(tokens, b.1 - 1, b.1);
        match side_by_side.then(|| join(a, b)).flatten() {
            Some(ty) => {
                spans[i - 1] = (ty, a.1, b.2);
                spans.remove(i);
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
#[path = "places_in_names_tests.rs"]
mod tests;
