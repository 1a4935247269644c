//! Names the tagger splits in two, joined back before they are mentions:
//!
//! - at a comma: "University of California, Los Angeles" is one
//!   university, not the University of California and the city. Only
//!   that shape is joined: a university named after a state or system,
//!   then its campus, which science news names often;
//! - at a name particle: "Dr Ali bin Tamim", "Moammar al-Eryani";
//! - after a person's title: "Rep. Alexandria Ocasio-Cortez", cut into
//!   two places;
//! - at "and", "of", "in" or another lowercase word: "Bosnia and
//!   Herzegovina", "Dar es Salaam" (see [`super::lowercase_words`]);
//! - at a number: "Interstate 75", "U.S. Route 2", which a tagger cuts
//!   before the number or misses;
//! - before "Air" and "Airlines": "Mahan Air", cut after "Mahan";
//! - after a street word in another language: "Rue du Château du Roi",
//!   "Place Hélène Metges", which a tagger reads as an organization or
//!   the person the square is named after.
//!
//! It also drops the genus of a Latin species name ("Spheniscus
//! magellanicus"), which is no organization or person.

use xxhash_rust::xxh3::xxh3_64;

use super::agreements::drop_places_naming_agreements;
use super::calendar::{is_month, MONTHS};
use super::canonical::{is_regnal_name, is_regnal_title};
use super::datelines::mark_datelines;
use super::features::lexicon::CaseLexicon;
use super::full_names::may_be_given_name;
use super::gazetteer::Gazetteer;
use super::initials::join_leading_initials;
use super::labels::{LOC, MISC, ORG, PER};
use super::lowercase_words::{join_elided_de, join_names_with_lowercase_words};
use super::named_after::join_names_after_persons;
use super::nicknames::join_nicknamed_names;
use super::places_in_names::{
    join_bodies_and_subjects, join_building_names, join_country_led_organizations,
    join_feature_names, join_field_names, join_organizations_cut_short, join_possessive_venues,
    join_split_places, mend_places_in_names,
};
use super::splits::split_run_together_names;
use super::subjects::join_subjects;
use super::suffixes::join_name_suffixes;
use super::tagger::Span;
use super::teams::join_team_names;
use super::tickers::cut_tickers;
use super::titled_pairs::join_names_after_titles;
use super::tokenize::Token;
use super::work_titles::drop_names_in_work_titles;

/// Mends the tagger's `spans` over the `tokens` of `text`, in order: the brackets at their edges
/// cut off, the datelines marked, the tickers cut off, the splits of names run together, the
/// campus, "and", road, airline, building, field, team, possessive venue, street, name suffix, leading initial,
/// regnal title, titled pair, particle and nickname joins, the names given after a person, the
/// places that end a larger name, the places and features cut in two, the countries that lead
/// their bodies' names, the organizations cut short or before their subjects (after "for", "of",
/// "on", "and"), the names in titles of works and of agreements ("the Louvre accord"), then the species drop. `case` tells ordinary words
/// and given names apart.
pub(crate) fn mend_spans(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    case: &CaseLexicon,
    gazetteer: &Gazetteer,
) {
    trim_edges(text, tokens, spans);
    mark_datelines(text, tokens, spans, gazetteer);
    cut_tickers(text, tokens, spans);
    split_run_together_names(text, tokens, spans, gazetteer, case);
    join_campus_names(text, tokens, spans);
    join_names_with_lowercase_words(text, tokens, spans);
    join_elided_de(text, tokens, spans);
    join_road_names(text, tokens, spans);
    join_airline_names(text, tokens, spans);
    join_building_names(text, tokens, spans, gazetteer);
    join_field_names(text, tokens, spans, gazetteer);
    join_team_names(text, tokens, spans, gazetteer);
    join_possessive_venues(text, tokens, spans);
    join_street_names(text, tokens, spans);
    join_name_suffixes(text, tokens, spans);
    join_leading_initials(text, tokens, spans);
    join_regnal_titles(text, tokens, spans);
    join_names_after_titles(text, tokens, spans);
    let given = |w: &str| may_be_given_name(w, case, gazetteer);
    join_particle_names(text, tokens, spans, given);
    join_nicknamed_names(text, tokens, spans, given);
    join_names_after_persons(text, tokens, spans);
    mend_places_in_names(text, tokens, spans);
    join_split_places(text, tokens, spans, gazetteer);
    join_feature_names(text, tokens, spans);
    join_country_led_organizations(text, tokens, spans, gazetteer);
    join_organizations_cut_short(text, tokens, spans, gazetteer);
    join_bodies_and_subjects(text, tokens, spans, gazetteer);
    join_subjects(text, tokens, spans, gazetteer);
    drop_names_in_work_titles(text, tokens, spans);
    drop_places_naming_agreements(text, tokens, spans, gazetteer);
    drop_species_names(text, tokens, spans, |w| {
        case.get(xxh3_64(w.as_bytes())) != 0
    });
}

/// Cuts a closing bracket off the start of each span and an opening one
/// off its end, and dashes off either edge: after an elision ("would
/// happen [...] Lava doesn't") the tagger, which learnt editors' brackets
/// inside names ("Jerry [O'Connell]"), takes the bracket with the next
/// word; and it takes a spaced em dash, which CoNLL-2003's wire copy never
/// writes, into the name before it ("Merkel — the chancellor —"). Months
/// go too, off the edges of an organization or a place ("the August
/// Chicago NAPM", "the January Supreme Court ruling"), and a span of a
/// month alone (a table's "JUN") unless a person's ("Jan").
fn trim_edges(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let word = |i: usize| word_at(text, tokens, i);
    let dash = |w: &str| matches!(w, "\u{2014}" | "\u{2013}" | "\u{2015}" | "--" | "-");
    for (ty, s, e) in spans.iter_mut() {
        let named = *ty != PER;
        while *s < *e && (matches!(word(*s), "]" | ")" | "}") || dash(word(*s))) {
            *s += 1;
        }
        while *s < *e && named && *e - *s > 1 && is_edge_month(word(*s), true) {
            *s += 1;
        }
        while *s < *e && (matches!(word(*e - 1), "[" | "(" | "{") || dash(word(*e - 1))) {
            *e -= 1;
        }
        while *s < *e && named && *e - *s > 1 && is_edge_month(word(*e - 1), false) {
            *e -= 1;
        }
    }
    // A lone "May" may be May Department Stores.
    let lone_month = |w: &str| is_month(w) && !w.eq_ignore_ascii_case("may");
    spans.retain(|&(ty, s, e)| s < e && (ty == PER || e - s > 1 || !lone_month(word(s))));
}

/// Whether `word` (any case) is a month that no name begins (`leading`)
/// or ends with. Not "May" (May Department Stores, Theresa May) nor "Jan"
/// (Jan Bell Marketing); at the end only a whole month, and not "March"
/// (the Women's March).
fn is_edge_month(word: &str, leading: bool) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    if bare.eq_ignore_ascii_case("may") || bare.eq_ignore_ascii_case("jan") {
        return false;
    }
    if leading {
        return is_month(word);
    }
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(bare)) && !bare.eq_ignore_ascii_case("march")
}

/// The text of token `i` of `text`; "" past the last token.
pub(crate) fn word_at<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| t.text(text))
}

/// Makes tokens `s..e` one span of type `ty`, in place of the spans it
/// overlaps; `spans` stay in text order.
pub(crate) fn replace_spans(spans: &mut Vec<Span>, ty: u8, s: usize, e: usize) {
    spans.retain(|&(_, a, b)| b <= s || a >= e);
    let at = spans.partition_point(|&(_, a, _)| a < s);
    spans.insert(at, (ty, s, e));
}

/// Whether tokens `a` and `b` are written one space apart.
pub(crate) fn one_space_apart(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens[a].end + 1 == tokens[b].start
}

/// Words that name a road when a number follows ("Interstate 75",
/// "Route 2", "Highway 401").
const ROAD_WORDS: &[&str] = &["Interstate", "Route", "Highway", "Motorway", "Freeway"];

/// Whether `word` (any case) is one of the [`ROAD_WORDS`].
pub(crate) fn is_road_word(word: &str) -> bool {
    ROAD_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that may lead a road word as part of the road's name ("U.S.
/// Route 2", "State Highway 1").
const ROAD_LEADS: &[&str] = &["U.S.", "US", "State", "County", "National"];

/// Makes each road named by a road word and a number ([`ROAD_WORDS`],
/// with one of [`ROAD_LEADS`] before it or not) one place span, in place
/// of the spans it overlaps: the guideline labels roads named as
/// locations places.
fn join_road_names(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let word = |i: usize| word_at(text, tokens, i);
    let adjacent = |a: usize, b: usize| one_space_apart(tokens, a, b);
    let bytes = text.as_bytes();
    for k in 1..tokens.len() {
        // Most tokens are no number: one byte says so.
        if !bytes[tokens[k].start].is_ascii_digit() {
            continue;
        }
        let number = word(k);
        if number.len() > 4
            || !number.chars().all(|c| c.is_ascii_alphanumeric())
            || !ROAD_WORDS.contains(&word(k - 1))
            || !adjacent(k - 1, k)
        {
            continue;
        }
        let mut s = k - 1;
        if s > 0 && ROAD_LEADS.contains(&word(s - 1)) && adjacent(s - 1, s) {
            s -= 1;
        }
        let e = k + 1;
        replace_spans(spans, LOC, s, e);
    }
}

/// Street words of French, Spanish, Italian, Portuguese and Polish that
/// lead a street's name and are no English word.
const STREET_WORDS: &[&str] = &[
    "Rue", "Quai", "Calle", "Avenida", "Piazza", "Rua", "Praça", "Plac", "Ulica",
];

/// Street words that are English words too ("Place Hélène Metges",
/// "Boulevard Haussmann"): they lead a street's name only before a
/// person's.
const STREET_WORDS_BEFORE_PERSONS: &[&str] = &["Place", "Boulevard"];

/// Makes a span that starts with a [`STREET_WORDS`] word, or follows one
/// or a [`STREET_WORDS_BEFORE_PERSONS`] word (then as a person), one
/// place span with the street word; after a house number, an address of
/// no kind.
fn join_street_names(text: &str, tokens: &[Token], spans: &mut [Span]) {
    let word = |i: usize| word_at(text, tokens, i);
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        // The street word is free: no span before takes it.
        let free_before = s > 0 && (i == 0 || spans[i - 1].2 < s);
        let span = &mut spans[i];
        if STREET_WORDS.contains(&word(s)) && e > s + 1 {
            // After a house number it is an address ("36 Quai des
            // Orfèvres"), which the guideline leaves out.
            let address = s > 0 && word(s - 1).chars().all(|c| c.is_ascii_digit());
            *span = (if address { MISC } else { LOC }, s, e);
        } else if free_before && one_space_apart(tokens, s - 1, s) {
            let before = word(s - 1);
            if STREET_WORDS.contains(&before)
                || (ty == PER && STREET_WORDS_BEFORE_PERSONS.contains(&before))
            {
                *span = (LOC, s - 1, e);
            }
        }
    }
}

/// Words that end airlines' names and that a tagger leaves out of them
/// ("Mahan | Air", "Lion | Air").
const AIRLINE_WORDS: &[&str] = &["Air", "Airlines", "Airways"];

/// Extends each span that an [`AIRLINE_WORDS`] word follows, one space
/// apart and in no span, over that word, as an organization; not when a
/// capitalised word comes next ("Israeli Air Force", "Little Rock Air
/// Force Base").
fn join_airline_names(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let (_, s, e) = spans[i];
        let free = spans.get(i + 1).is_none_or(|next| next.1 > e);
        if free
            && e < tokens.len()
            && one_space_apart(tokens, e - 1, e)
            && AIRLINE_WORDS.contains(&word_at(text, tokens, e))
            && !(e + 1 < tokens.len()
                && one_space_apart(tokens, e, e + 1)
                && word_at(text, tokens, e + 1).starts_with(char::is_uppercase))
        {
            spans[i] = (ORG, s, e + 1);
        }
    }
}

/// Takes the regnal title right before each person span into it, when the
/// two make a regnal name ("Queen" + "Elizabeth II", "King" + "Charles
/// III"): the bare name names nobody, and the tagger, trained on copy
/// that writes titles apart from names, leaves the title out.
fn join_regnal_titles(text: &str, tokens: &[Token], spans: &mut [Span]) {
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        let free = i == 0 || spans[i - 1].2 < s;
        if ty != PER || s == 0 || !free || !one_space_apart(tokens, s - 1, s) {
            continue;
        }
        let title = word_at(text, tokens, s - 1);
        if !title.starts_with(char::is_uppercase) || !is_regnal_title(title) {
            continue;
        }
        let name: Vec<&str> = (s..e).map(|k| word_at(text, tokens, k)).collect();
        if is_regnal_name(&[title], &name) {
            spans[i] = (PER, s - 1, e);
        }
    }
}

/// Joins each organization span that starts "University of" and the
/// place span right after it, past one comma, into one organization span.
fn join_campus_names(text: &str, tokens: &[Token], spans: &mut Vec<Span>) {
    let word = |i: usize| word_at(text, tokens, i);
    let mut i = 0;
    while i + 1 < spans.len() {
        let (ty, s, e) = spans[i];
        let (next_ty, next_s, next_e) = spans[i + 1];
        let joins = ty == ORG
            && next_ty == LOC
            && next_s == e + 1
            && word(e) == ","
            && word(s).eq_ignore_ascii_case("university")
            && word(s + 1) == "of";
        if joins {
            spans[i] = (ty, s, next_e);
            spans.remove(i + 1);
        }
        i += 1;
    }
}

/// Lower-case particles inside Arabic, Dutch, Spanish... person names.
/// Narrower than canonical names' `PARTICLES`: no particle that is also
/// an English or French word standing alone ("as", "at", "an", "le",
/// "la"), since here one joins the words around it; "do" is one, but a
/// person's name then a capitalised word after it is Portuguese
/// ("Andre Correa do Lago"), not English.
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "de", "da", "di", "du", "del", "della", "van", "von", "der",
    "den", "dos", "das", "do",
];

/// Whether `word` is a name particle, alone ("bin") or leading a
/// hyphenated surname ("al-Eryani").
fn is_particle(word: &str) -> bool {
    let lead = word.split('-').next().unwrap_or_default();
    NAME_PARTICLES.contains(&lead) && (lead == word || word.len() > lead.len() + 1)
}

/// A surname that begins with its particle: "al-Eryani", "d'Estaing".
fn is_particled_surname(word: &str) -> bool {
    let elided = ["d'", "d’", "D'", "D’"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    });
    elided || (is_particle(word) && word.contains('-'))
}

/// Completes person names the tagger cut at a name particle: a person
/// span followed by a particle and a capitalised word takes them ("Dr Ali"
/// then "bin Tamim"), and one followed by a particled surname in no span
/// takes it ("Valéry Giscard" then "d'Estaing"), and a span that starts with a particled surname takes
/// the given name before it, which must read as a name (`is_name`: no
/// title, ordinary word or place), and becomes a person ("Moammar" before
/// "al-Eryani", tagged an organization; "al-Sabah" of no kind after
/// "Ali Khalifa"); a span of no kind that ends so gives them up
/// ("Information Moammar al-Eryani"). An organization with
/// a particle inside keeps it ("Hayat Tahrir al-Sham").
fn join_particle_names(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    is_name: impl Fn(&str) -> bool,
) {
    let word = |i: usize| word_at(text, tokens, i);
    let capitalised = |i: usize| word(i).starts_with(char::is_uppercase);
    let adjacent = |a: usize, b: usize| one_space_apart(tokens, a, b);
    // Spans joined into another are emptied, and dropped at the end.
    for i in 0..spans.len() {
        let (ty, s, e) = spans[i];
        if s == e {
            continue;
        }
        let starting_at = |t: usize| spans.iter().position(|&(_, a, b)| a == t && a < b);
        let ending_at = |t: usize| spans.iter().position(|&(_, a, b)| a < t && b == t);
        let free = |t: usize| !spans.iter().any(|&(_, a, b)| a <= t && t < b);
        // "Information Moammar al-Eryani", read as one name of no kind:
        // the person at its end leaves it.
        let misc_split = (ty == MISC)
            .then(|| {
                (s + 1..e).find(|&k| {
                    is_particle(word(k)) && k + 1 == e && adjacent(k - 1, k) && is_name(word(k - 1))
                })
            })
            .flatten();
        if ty == PER
            && e + 1 < tokens.len()
            && NAME_PARTICLES.contains(&word(e))
            && capitalised(e + 1)
            && adjacent(e - 1, e)
            && adjacent(e, e + 1)
            && free(e)
        {
            // "Prince Abdullah" + "bin" + "Abdul Aziz" (a span of its own)
            // or + "bin" + "Tamim".
            let end = match starting_at(e + 1) {
                Some(j) => std::mem::replace(&mut spans[j], (ty, 0, 0)).2,
                None => e + 2,
            };
            spans[i] = (ty, s, end);
        } else if ty == PER
            && e < tokens.len()
            && is_particled_surname(word(e))
            && adjacent(e - 1, e)
            && free(e)
        {
            spans[i] = (ty, s, e + 1);
        } else if let Some(k) = misc_split {
            spans[i] = (ty, s, k - 1);
            spans.push((PER, k - 1, e));
        } else if s > 0 && is_particle(word(s)) && capitalised(s - 1) && adjacent(s - 1, s) {
            match ending_at(s) {
                // "Suleiman Abdulaziz" + "al-Salim" (or "Ali Khalifa" +
                // "al-Sabah" of no kind): one person.
                Some(j) if spans[j].0 == PER => {
                    spans[j].2 = e;
                    spans[i] = (ty, 0, 0);
                }
                // The given name ends the span before ("Minister of
                // Information Moammar"): it leaves that span.
                Some(j) if is_name(word(s - 1)) => {
                    spans[j].2 -= 1;
                    spans[i] = (PER, s - 1, e);
                }
                None if is_name(word(s - 1)) => spans[i] = (PER, s - 1, e),
                _ => {}
            }
        }
    }
    spans.retain(|&(_, a, b)| a < b);
    spans.sort_by_key(|&(_, a, _)| a);
}

/// Endings of the species word of a Latin binomial ("magellanicus",
/// "chlorophanum", "carcharias", "talpoida").
const SPECIES_ENDINGS: &[&str] = &[
    "us", "um", "ii", "ae", "is", "as", "ensis", "oides", "oida", "ata", "ica",
];

/// Drops the one-word spans that are the genus of a Latin species name
/// ("Spheniscus magellanicus", "Carcharodon carcharias"), which a tagger
/// takes for organizations or persons: a capitalised word followed by a
/// lower-case word of four letters or more with a Latin ending that is no
/// English word (`is_word`: "Hamas status" stays).
fn drop_species_names(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span>,
    is_word: impl Fn(&str) -> bool,
) {
    let word = |i: usize| word_at(text, tokens, i);
    spans.retain(|&(_, s, e)| {
        let (genus, species) = (word(s), word(e));
        // A genus is one capitalised Latin word ("U.S. durum" is none).
        let genus_like = genus.chars().count() >= 3
            && genus.starts_with(char::is_uppercase)
            && genus.chars().skip(1).all(|c| c.is_ascii_lowercase());
        let latin = e == s + 1
            && genus_like
            && e < tokens.len()
            && tokens[s].end + 1 == tokens[e].start
            && species.len() >= 4
            && species.chars().all(|c| c.is_ascii_lowercase())
            && SPECIES_ENDINGS.iter().any(|end| species.ends_with(end))
            && !is_word(species);
        !latin
    });
}

#[cfg(test)]
#[path = "joins_tests.rs"]
pub(crate) mod tests;
