//! Small towns: 1,000 to 15,000 people (GeoNames cities1000 less
//! cities15000, `data/towns.tsv.gz`), found by their own name only and
//! only in an article that names their country or region
//! ([`Gazetteer::town_in`]).
//!
//! They stay out of [`Gazetteer::lookup`], [`Gazetteer::resolve`] and the
//! tagger's place feature: a hundred thousand small names would make
//! ordinary words and surnames places (measured: the gazetteer at
//! cities5000 as a tagger feature cost 0.8 place F1 on the Wikinews dev
//! set). Read on first use, so a run that never asks pays nothing.

use std::cmp::Ordering;
use std::io::Read;

use super::resolve::in_region_of;
use super::{name_key, Gazetteer, GazetteerError, Place, PlaceKind};

/// The towns' lines, `geonameid <tab> ISO <tab> admin1 code <tab> name
/// <tab> population`, sorted by name key.
#[derive(Debug, Default)]
pub(super) struct Towns {
    text: String,
    /// Where each town's line starts in `text`.
    lines: Vec<u32>,
}

/// One town's line, split.
struct Line<'t> {
    id: &'t str,
    iso: &'t str,
    code: &'t str,
    name: &'t str,
    population: &'t str,
    /// "1" for a name of English words only.
    words: &'t str,
}

impl Towns {
    fn line(&self, i: usize) -> Option<Line<'_>> {
        let start = *self.lines.get(i)? as usize;
        let line = self.text.get(start..)?.split('\n').next()?;
        let mut f = line.split('\t');
        Some(Line {
            id: f.next()?,
            iso: f.next()?,
            code: f.next()?,
            name: f.next()?,
            population: f.next()?,
            words: f.next().unwrap_or("0"),
        })
    }

    /// The lines whose name key is `key`.
    fn named(&self, key: &str) -> Vec<Line<'_>> {
        let first = self
            .lines
            .partition_point(|&s| self.name_at(s).is_some_and(|n| key_cmp(n, key).is_lt()));
        (first..self.lines.len())
            .map_while(|i| self.line(i).filter(|l| key_cmp(l.name, key).is_eq()))
            .collect()
    }

    fn name_at(&self, start: u32) -> Option<&str> {
        let line = self.text.get(start as usize..)?.split('\n').next()?;
        line.split('\t').nth(3)
    }
}

/// `name_key(name)` compared with `key`, without building the key for the
/// ASCII names most towns have (the binary search compares some twenty).
fn key_cmp(name: &str, key: &str) -> Ordering {
    if !name.is_ascii() {
        return name_key(name).as_str().cmp(key);
    }
    let words = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    let folded = words
        .enumerate()
        .flat_map(|(i, w)| (i > 0).then_some(b' ').into_iter().chain(w.bytes()))
        .map(|b| b.to_ascii_lowercase());
    folded.cmp(key.bytes())
}

impl Gazetteer {
    /// The town named `name` (its own name; case and accents aside) in a
    /// region of `context`, else in a country of it, the more populous
    /// first; `None` when no town of that name lies in either. `context`
    /// holds places the same article names.
    ///
    /// A town named with English words only ("Causeway Bay"; "Middle
    /// East", Maryland) counts only where the words around the name
    /// already say it is a place (`said_place`).
    pub fn town_in(&self, name: &str, context: &[&Place], said_place: bool) -> Option<Place> {
        if context.is_empty() {
            return None;
        }
        let key = name_key(name);
        let mut best: Option<((u8, u64), Line)> = None;
        for line in self.towns().named(&key) {
            if line.words == "1" && !said_place {
                continue;
            }
            let Some(&country) = self.country_codes.get(line.iso) else {
                continue;
            };
            let in_region = in_region_of(self.region_with_code(line.iso, line.code), context);
            let in_country = context.iter().any(|q| q.country_index == country);
            let weight = (
                u8::from(in_region) * 2 + u8::from(in_country),
                line.population.parse().unwrap_or(0),
            );
            if weight.0 > 0
                && best
                    .as_ref()
                    .is_none_or(|(w, _)| weight.cmp(w) == Ordering::Greater)
            {
                best = Some((weight, line));
            }
        }
        let ((_, population), line) = best?;
        self.town_place(&line, population)
    }

    /// The [`Place`] of a town's line.
    fn town_place(&self, line: &Line, population: u64) -> Option<Place> {
        let country_index = *self.country_codes.get(line.iso)?;
        let admin1_index = self.region_with_code(line.iso, line.code);
        Some(Place {
            name: line.name.to_owned(),
            kind: PlaceKind::Town,
            country: self.places.get(country_index as usize)?.country.clone(),
            admin1: admin1_index
                .and_then(|r| self.places.get(r as usize))
                .map(|r| r.name.as_str().into()),
            population,
            geonames_id: line.id.parse().ok(),
            // Towns are no part of `places`.
            index: u32::MAX,
            country_index,
            admin1_index,
            alternates: 0,
        })
    }

    fn towns(&self) -> &Towns {
        self.towns.get_or_init(|| match read_towns(self.town_data) {
            Ok(t) => t,
            Err(e) => {
                // The bundled file is tested; fewer places beat a crashed
                // indexer if it ever is not.
                debug_assert!(false, "towns: {e}");
                Towns::default()
            }
        })
    }
}

/// Reads gzip'd town lines (`scripts/build_gazetteer.py`), `#` comments
/// first.
fn read_towns(data: &[u8]) -> Result<Towns, GazetteerError> {
    let mut text = String::with_capacity(data.len() * 3);
    if !data.is_empty() {
        flate2::read::GzDecoder::new(data).read_to_string(&mut text)?;
    }
    let mut lines = Vec::with_capacity(text.len() / 30);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !line.starts_with('#') && !line.trim().is_empty() {
            lines.push(u32::try_from(start).map_err(|_| GazetteerError::Format {
                line: lines.len() + 1,
                what: "towns data too long",
            })?);
        }
        start += line.len();
    }
    Ok(Towns { text, lines })
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::bundled()
    }

    #[test]
    fn a_town_is_found_in_the_country_the_article_names() {
        let philippines = g().resolve("Philippines", &[]).unwrap();
        let lanuza = g().town_in("Lanuza", &[philippines], false).unwrap();
        assert_eq!(lanuza.kind, PlaceKind::Town);
        assert_eq!(&*lanuza.country, "Philippines");
        assert_eq!(lanuza.geonames_id, Some(1707415));
        // Nowhere else, and not through the other lookups.
        let syria = g().resolve("Syria", &[]).unwrap();
        assert!(g().town_in("Lanuza", &[syria], true).is_none());
        assert!(g().town_in("Lanuza", &[], true).is_none());
        assert!(g().lookup("Lanuza").is_empty());
    }

    #[test]
    fn a_town_in_a_named_region_beats_a_larger_one_elsewhere() {
        // Seneca, Kansas (2,034 people) over Seneca, South Carolina (8,279).
        let kansas = g().resolve("Kansas", &[]).unwrap();
        let us = g().resolve("United States", &[]).unwrap();
        let seneca = g().town_in("Seneca", &[us, kansas], false).unwrap();
        assert_eq!(seneca.admin1.as_deref(), Some("Kansas"));
        let seneca = g().town_in("Seneca", &[us], false).unwrap();
        assert_eq!(seneca.admin1.as_deref(), Some("South Carolina"));
        let hong_kong = g().resolve("Hong Kong", &[]).unwrap();
        let causeway_bay = g().town_in("Causeway Bay", &[hong_kong], true).unwrap();
        assert_eq!(causeway_bay.name, "Causeway Bay");
        // Named with English words: only where the text says place.
        assert!(g().town_in("Causeway Bay", &[hong_kong], false).is_none());
        assert!(g().town_in("Middle East", &[us], false).is_none());
    }

    #[test]
    fn the_towns_are_sorted_by_key() {
        let towns = g().towns();
        assert!(towns.lines.len() > 100_000);
        let keys: Vec<String> = (0..towns.lines.len())
            .map(|i| name_key(towns.line(i).unwrap().name))
            .collect();
        let unsorted: Vec<_> = keys.windows(2).filter(|w| w[0] > w[1]).collect();
        assert!(
            unsorted.is_empty(),
            "{:?}",
            &unsorted[..unsorted.len().min(5)]
        );
    }

    #[test]
    fn names_compare_as_their_keys() {
        for (name, key) in [
            ("Tin Hau", "tin hau"),
            ("'A'ala", "a ala"),
            ("St. Louis", "st louis"),
        ] {
            assert!(super::key_cmp(name, key).is_eq(), "{name}");
            assert!(super::key_cmp(name, "m").is_lt() == (key < "m"), "{name}");
        }
        assert!(super::key_cmp("Zürich", "zurich").is_eq());
        assert!(super::key_cmp("Tin", "tin hau").is_lt());
    }

    #[test]
    fn towns_named_with_an_english_word_or_like_a_country_are_left_out() {
        let us = g().resolve("United States", &[]).unwrap();
        assert!(g().town_in("Grace", &[us], true).is_none());
        let brazil = g().resolve("Brazil", &[]).unwrap();
        assert!(g().town_in("Congo", &[brazil], true).is_none());
    }
}
