//! Towns the tagger took for persons or organizations, found where the
//! article names their country or region and the words around them say
//! place: "the police department of nearby Cullinan", "nine kilometers
//! east of Carrascal", "the towns damaged were Carrascal, Cantilan,
//! Madrid, Carmen, Lanuza, and Cortes", "started at Causeway Bay and Tin
//! Hau" (in an article on Hong Kong), "Michigan National Bank, Detroit",
//! "flood-hit towns in New South Wales, including Lismore".
//!
//! The name must be a town of the gazetteer or one of its small towns
//! ([`Gazetteer::town_in`]) in a country the article names; neither cue
//! alone moves a name, since "Carmen" and "Cullinan" are surnames too.

use super::super::gazetteer::{Gazetteer, Place};
use super::super::short_forms::is_legal_form;
use super::super::EntityKind;
use super::context::{is_initial, last_word, Article};
use super::cue_words::among_places_listed;
use super::place_context::{last_key_word, surname_counts};
use super::HashMap;
use super::WordList;

/// Which distinct mentions (`distinct[u]` their kinds, `cleaned[u]` their
/// names) are towns by the words around them.
pub(super) fn town_cues(
    article: &Article,
    distinct: &[Option<EntityKind>],
    cleaned: &[String],
    gazetteer: &Gazetteer,
) -> Vec<bool> {
    let mut out = vec![false; distinct.len()];
    let Article { mentions, of, .. } = *article;
    let kind_of = |i: usize| of.get(i).and_then(|&u| distinct[u]);
    let moved = |i: usize| {
        matches!(
            kind_of(i),
            Some(EntityKind::Person | EntityKind::Organization)
        )
    };
    let mut towns = Towns::new(distinct, cleaned, gazetteer);
    for i in 0..mentions.len() {
        if !moved(i) {
            continue;
        }
        let Some((before, _)) = article.around(i, 80, 0) else {
            continue;
        };
        // "nearby Smith" is rare; "of nearby Cullinan" is not.
        let nearby = kind_of(i) == Some(EntityKind::Person) && after_nearby(before);
        let firms_town = kind_of(i) == Some(EntityKind::Organization)
            && i > 0
            && kind_of(i - 1) == Some(EntityKind::Organization)
            && after_a_firm(article, i, &cleaned[of[i - 1]]);
        let cue =
            nearby || firms_town || after_compass_of(before) || among_places_listed(before) || {
                // A list of places: two others in it, or one for a name of
                // more than one word ("Causeway Bay and Tin Hau"). One place
                // among given names is too little: "her daughters Nadine,
                // Ashley, Elizabeth and Toni", with Elizabeth taken for the
                // town in New Jersey.
                let list: Vec<usize> = listed_with(article, i).collect();
                let places = if list.is_empty() || names_a_firm(article, i, &list) {
                    0
                } else {
                    list.iter()
                        .filter(|&&j| {
                            kind_of(j) == Some(EntityKind::Location)
                                || (moved(j) && cleaned[of[j]].contains(' ') && towns.is(of[j]))
                        })
                        .count()
                };
                places >= 2 || (places == 1 && cleaned[of[i]].contains(' '))
            };
        // A firm's town needs no country named: the firm's line says
        // place ("PAYING AGENT: Michigan National Bank, Detroit").
        let name = cleaned[of[i]].as_str();
        let known = || gazetteer.contains(name) && !gazetteer.is_risky(name);
        if (cue && towns.is(of[i])) || (firms_town && known()) {
            out[of[i]] = true;
        }
    }
    out
}

/// What the article names that towns may lie in, and which of its names
/// are towns there, worked out on first need.
struct Towns<'a> {
    distinct: &'a [Option<EntityKind>],
    cleaned: &'a [String],
    gazetteer: &'a Gazetteer,
    context: Option<Vec<&'a Place>>,
    surnames: Option<HashMap<String, u32>>,
    /// Each distinct mention's answer, once asked.
    known: Vec<Option<bool>>,
}

impl<'a> Towns<'a> {
    fn new(
        distinct: &'a [Option<EntityKind>],
        cleaned: &'a [String],
        gazetteer: &'a Gazetteer,
    ) -> Self {
        Towns {
            distinct,
            cleaned,
            gazetteer,
            context: None,
            surnames: None,
            known: vec![None; distinct.len()],
        }
    }

    /// Whether distinct mention `u` is named like a town of a country the
    /// article names, and is no other person's surname ("Lanuza" beside
    /// "Maria Lanuza" stays hers).
    fn is(&mut self, u: usize) -> bool {
        if let Some(known) = self.known[u] {
            return known;
        }
        let context = self.context.get_or_insert_with(|| {
            self.distinct
                .iter()
                .zip(self.cleaned)
                .filter(|(k, _)| **k == Some(EntityKind::Location))
                .filter_map(|(_, c)| self.gazetteer.resolve(c, &[]))
                .collect()
        });
        let surnames = self
            .surnames
            .get_or_insert_with(|| surname_counts(self.distinct, self.cleaned));
        let name = self.cleaned[u].as_str();
        let own_surname = u32::from(self.distinct[u] == Some(EntityKind::Person));
        let town = !name.split(' ').any(is_initial)
            && surnames.get(&last_key_word(name)).copied().unwrap_or(0) <= own_surname
            && !self.gazetteer.is_risky(name)
            && (self
                .gazetteer
                .lookup(name)
                .iter()
                .any(|p| context.iter().any(|c| c.country == p.country))
                || self.gazetteer.town_in(name, context, true).is_some());
        self.known[u] = Some(town);
        town
    }
}

/// Whether `before` ends with "nearby ".
fn after_nearby(before: &str) -> bool {
    before
        .strip_suffix(' ')
        .is_some_and(|rest| last_word(rest).eq_ignore_ascii_case("nearby"))
}

/// Compass words that, before "of", put a place after them.
#[rustfmt::skip]
static COMPASS_POINTS: WordList = WordList::new(&[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
]);

/// Whether `before` ends with "<compass point> of ": "east of ".
fn after_compass_of(before: &str) -> bool {
    before
        .strip_suffix(" of ")
        .is_some_and(|rest| COMPASS_POINTS.contains(&last_word(rest).to_lowercase()))
}

/// The other mentions of the list that mention `i` is in: those before
/// and after it with only ", ", " and ", ", and ", " or " or ", or "
/// between each and the next.
fn listed_with<'a>(article: &'a Article, i: usize) -> impl Iterator<Item = usize> + 'a {
    let before = (0..i)
        .rev()
        .take_while(move |&j| listed_together(article, j, j + 1));
    let after =
        (i + 1..article.mentions.len()).take_while(move |&j| listed_together(article, j - 1, j));
    before.chain(after)
}

/// Whether mention `i` follows a firm named `firm` and a comma, and ends
/// its clause or a place follows it after another comma: "Michigan
/// National Bank, Detroit", "by Olney Bancshares Inc., Olney, Texas", the
/// town where the firm is; not in a list of firms ("Merrill Lynch Canada
/// Inc, Loewen, Ondaatje") nor a team after a team ("Bayern Munich,
/// Dortmund": no legal form).
fn after_a_firm(article: &Article, i: usize, firm: &str) -> bool {
    let last = firm.rsplit(' ').next().unwrap_or_default();
    let last = last.trim_end_matches('.');
    let a_firm = is_legal_form(last) || last.eq_ignore_ascii_case("bank");
    let after = article.around(i, 0, 16).map_or("", |(_, a)| a);
    let ends_clause = after.is_empty() || after.starts_with(['\n', '.', ';', ')']);
    let place_follows = i + 1 < article.mentions.len()
        && article.between(i, i + 1) == Some(", ")
        && article.mentions[i + 1].kind == EntityKind::Location;
    a_firm && article.between(i - 1, i) == Some(", ") && (ends_clause || place_follows)
}

/// Whether the list of mention `i` and the `others` names partners of a
/// firm, not places: "said Davis Saks, with Morgan, Olmstead, Kennedy
/// and Gardner", "Woodhouse, Drake and Carey said", "Smith Barney,
/// Harris, Upham and Co".
fn names_a_firm(article: &Article, i: usize, others: &[usize]) -> bool {
    let first = others.iter().copied().chain([i]).min().unwrap_or(i);
    let last = others.iter().copied().chain([i]).max().unwrap_or(i);
    let before = article.around(first, 8, 0).map_or("", |(b, _)| b);
    let after = article.around(last, 0, 40).map_or("", |(_, a)| a);
    // The firm's suffix within three words, past capitalised names and
    // "and" only: ", Upham and Co", not "Milwaukee, all CBS Inc".
    let suffix = after
        .split([' ', ',', '.'])
        .filter(|w| !w.is_empty())
        .take(3)
        .take_while(|w| *w == "and" || w.starts_with(|c: char| c.is_uppercase() || c == '&'))
        .any(|w| matches!(w, "Co" | "Inc" | "Ltd" | "Corp" | "LLP" | "&"));
    before.ends_with(" with ") || after.starts_with(" said") || suffix
}

/// Whether mentions `i` and `j` (`i < j`) are neighbours in a list.
fn listed_together(article: &Article, i: usize, j: usize) -> bool {
    matches!(
        article.between(i, j),
        Some(", " | " and " | ", and " | " or " | ", or ")
    )
}

#[cfg(test)]
#[path = "towns_tests.rs"]
mod tests;
