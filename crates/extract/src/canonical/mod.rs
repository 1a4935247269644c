//! Canonicalisation: turns the tagger's mentions of one article into the
//! facet values stored with it (persons, locations, organizations, places).
//!
//! Owns cleaning a mention (titles, possessives, punctuation, a leading
//! "the"), linking the mentions of one entity within one article ("Putin" →
//! "Vladimir Putin", "HTS" → "Hayat Tahrir al-Sham", "MOSCOW" → "Moscow"),
//! naming places through the [`Gazetteer`], and adding the regions and
//! countries that contain them.
//!
//! Does not own finding mentions (the tagger does) nor linking entities
//! across articles: every decision here uses one article only, so the same
//! short name may map differently in two articles.
//!
//! Submodules: `clean` (titles, possessives, punctuation), `persons`
//! (short names to full names), `other_names` (birth names and names a
//! person is known by), `places` (gazetteer names and
//! containment), `organizations` (acronyms to long forms), `types` (one
//! kind per name and article, with `known_organizations`), `filter`
//! (mentions that name nothing, with `sentence_words`),
//! `words` (word lists and hashing for names), `linker` (one surface per
//! name key), `context` and `place_context` (what the words around a
//! mention say it names, with `cue_words`), `seats` (seats of government
//! and buildings named as places), `media` (platforms named as a medium).

mod abbreviations;
mod appositions;
mod captions;
mod clean;
mod context;
mod counties;
mod cue_words;
mod events;
mod filter;
mod firms;
mod geography;
mod heed;
mod known_organizations;
mod linker;
mod media;
mod offices;
mod organizations;
mod other_names;
mod pattern_names;
mod persons;
mod place_context;
mod places;
mod seats;
mod sentence_words;
mod titles;
mod towns;
mod types;
mod words;
mod works;

use super::gazetteer::{name_key, Gazetteer};
use super::{EntityKind, Folded, Mention};
pub(crate) use abbreviations::may_abbreviate_a_place;
use clean::{bare_key, clean};
pub(crate) use context::{is_initial, names_people, Offsets};
pub(crate) use counties::county_named;
pub(crate) use cue_words::{ends_body_names, is_compass_word, is_former_state};
use filter::NothingFilter;
pub(crate) use geography::{is_named_feature, kind_named_features, names_only_a_feature};
pub(crate) use known_organizations::is_known_organization;
use linker::Linker;
use organizations::link_organizations;
use other_names::{birth_names, names_known_by};
use persons::{
    families, link_persons, parts_follow_cued_persons, shared_surnames, surnames_taken_for_bodies,
};
pub(crate) use place_context::{
    before_a_noun, beside_a_place_noun, next_lowercase_word, without_compass,
};
use places::{name_locations, Named};
use seats::facet_kind;
pub(crate) use titles::is_title as is_title_word;
pub(crate) use titles::{is_regnal_name, is_regnal_title};
use types::consistent_kinds;
pub(crate) use types::{is_geographic_word, person_named_like_a_place};
use words::{HashMap, HashSet, WordList};

/// The facet values of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Canonical {
    /// Canonical person names, each once, in first-mention order.
    pub persons: Vec<String>,
    /// Canonical place names, each once, in first-mention order.
    pub locations: Vec<String>,
    /// Canonical organization names, each once, in first-mention order.
    pub organizations: Vec<String>,
    /// `locations`, each followed by the region and country containing it,
    /// each once.
    pub places: Vec<String>,
    /// The GeoNames id of each of `locations`, in order; `None` for a place
    /// the gazetteer lacks or one it added by hand.
    pub location_ids: Vec<Option<u32>>,
    /// The canonical name of each input mention, in input order; empty for
    /// a mention that cleans to nothing (a bare title, punctuation).
    pub names: Vec<String>,
    /// The kind of each input mention once the article's mentions of one
    /// name agree (see `types`), in input order; `None` for a mention that
    /// names nothing (a bare title, "UTC", a storm: see `filter`). The
    /// facets use the same kinds except that seats of government written
    /// as places ("the Kremlin", "the White House") are filed under
    /// organizations.
    pub kinds: Vec<Option<EntityKind>>,
}

impl Canonical {
    /// The values spelt otherwise by some mention, in first-mention order,
    /// with those spellings (`mentions` as tagged, before kinds change).
    pub(crate) fn folded_spellings(&self, mentions: &[Mention]) -> Vec<Folded> {
        let mut out: Vec<Folded> = Vec::new();
        for ((m, name), kind) in mentions.iter().zip(&self.names).zip(&self.kinds) {
            let Some(kind) = *kind else { continue };
            if name.is_empty() {
                continue;
            }
            let spelt = name_key(&m.text) == name_key(name);
            let at = match out.iter().position(|f| f.kind == kind && f.value == *name) {
                Some(at) => at,
                None => {
                    out.push(Folded {
                        kind,
                        value: name.clone(),
                        spellings: Vec::new(),
                        spelt: false,
                    });
                    out.len() - 1
                }
            };
            let f = &mut out[at];
            f.spelt |= spelt;
            if !spelt && !f.spellings.contains(&m.text) {
                f.spellings.push(m.text.clone());
            }
        }
        out.retain(|f| !f.spellings.is_empty());
        out
    }
}

/// Canonicalises the mentions found in `text` (one article). Mentions may
/// come in any order; their offsets are only used to read what follows an
/// organization (an acronym in parentheses) and may be wrong without harm.
pub fn canonicalize(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> Canonical {
    // Kept long: the canonicalisation steps in the order they must apply.
    // All name work is done once per distinct (text, kind): an article
    // names its people and places many times over.
    let mut distinct: Vec<&Mention> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut of: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut index: HashMap<(&str, EntityKind), usize> = HashMap::default();
    for m in mentions {
        let u = *index.entry((m.text.as_str(), m.kind)).or_insert_with(|| {
            distinct.push(m);
            counts.push(0);
            distinct.len() - 1
        });
        counts[u] += 1;
        of.push(u);
    }
    let mentioned: HashSet<String> = distinct.iter().map(|m| bare_key(&m.text)).collect();
    let tagged: Vec<EntityKind> = distinct.iter().map(|m| m.kind).collect();
    let mut cleaned: Vec<String> = distinct
        .iter()
        .map(|m| clean(&m.text, m.kind, gazetteer, &mentioned))
        .collect();
    let as_person = |i: usize| clean(&distinct[i].text, EntityKind::Person, gazetteer, &mentioned);
    let keys: Vec<String> = cleaned.iter().map(|c| name_key(c)).collect();
    let filter = NothingFilter::new(text);
    let dropped: Vec<bool> = (0..cleaned.len())
        .map(|i| filter.names_nothing(&cleaned[i], &keys[i], tagged[i]))
        .collect();
    let as_tagged = cleaned.clone();
    let mut kinds = consistent_kinds(
        &tagged,
        &counts,
        &mut cleaned,
        &as_person,
        &dropped,
        gazetteer,
    );
    filter.forget_forms_naming_nothing(&as_tagged, &cleaned, &mut kinds);
    filter::forget_space_objects(&cleaned, &mut kinds);
    let article = context::Article::new(text, mentions, &of);
    let heard = context::cues(&article, &kinds);
    let before_cues = kinds.clone();
    heed::heed(&mut kinds, &heard, &cleaned, gazetteer);
    parts_follow_cued_persons(&mut kinds, &before_cues, &cleaned);
    let mut cues = place_context::place_cues(&article, &kinds, &cleaned, gazetteer);
    let towns = towns::town_cues(&article, &kinds, &cleaned, gazetteer);
    let features = geography::features_taken_for_others(&kinds, &keys);
    let after_the = geography::features_after_the(&article, &kinds, &keys);
    let feature_cues = features.into_iter().zip(after_the);
    for ((placed, town), (feature, after_the)) in
        cues.placed.iter_mut().zip(towns).zip(feature_cues)
    {
        *placed |= town || feature || after_the;
    }
    heed::heed_places(&mut kinds, &cues.placed, &cleaned);
    for (((m, c), kind), was) in distinct
        .iter()
        .zip(&mut cleaned)
        .zip(&kinds)
        .zip(&before_cues)
    {
        match kind {
            // Persons got their person form from `consistent_kinds`,
            // unless a cue made them persons.
            Some(k) if *k != m.kind && (*k != EntityKind::Person || kind != was) => {
                *c = clean(&m.text, *k, gazetteer, &mentioned);
            }
            _ => {}
        }
    }
    // The keys of the names as cleaned for their kinds by now.
    let keys_now: Vec<String> = cleaned.iter().map(|c| name_key(c)).collect();
    families(&article, &mut kinds, &cleaned, &keys_now);
    surnames_taken_for_bodies(&mut kinds, &cleaned, &keys_now);
    for (u, form) in shared_surnames(&article, &kinds, &cleaned, gazetteer) {
        kinds[u] = Some(EntityKind::Person);
        cleaned[u] = form;
    }
    for (u, name) in birth_names(&article, &kinds, &cleaned) {
        cleaned[u] = name;
    }
    // "Hemedti" after "Mohamed Hamdan Dagalo, known as", wherever written.
    for (u, name) in names_known_by(&article, &kinds, &cleaned) {
        for v in (0..cleaned.len()).filter(|&v| keys_now[v] == keys_now[u]) {
            kinds[v] = Some(EntityKind::Person);
            cleaned[v].clone_from(&name);
        }
    }
    let keys: Vec<String> = cleaned.iter().map(|c| name_key(c)).collect();
    types::words_of_longer_names(&keys, &mut kinds);
    for u in media::platforms_named_as_media(&article, &kinds, &keys) {
        kinds[u] = None;
    }
    let buildings = seats::buildings_named_as_places(&article, &kinds, &keys);
    // The mentions keep `kinds`; the facets file seats of government and
    // institutions under organizations, unless the article names them as
    // locations.
    let mut seats_as_places = seats::seats_named_as_places(&article, &kinds, &keys);
    for u in buildings {
        kinds[u] = Some(EntityKind::Location);
        seats_as_places.insert(keys[u].clone());
    }
    let filed: Vec<Option<EntityKind>> = kinds
        .iter()
        .zip(&keys)
        .map(|(k, key)| match k {
            Some(k) if seats_as_places.contains(key) => Some(*k),
            Some(k) => Some(facet_kind(*k, key)),
            None => None,
        })
        .collect();
    let mut persons = Linker::default();
    let mut locations = Linker::default();
    let mut orgs = Linker::default();
    for ((kind, c), key) in filed.iter().zip(&cleaned).zip(&keys) {
        match kind {
            Some(EntityKind::Person) => persons.add_keyed(key, c),
            Some(EntityKind::Location) => locations.add_keyed(key, c),
            Some(EntityKind::Organization) => orgs.add_keyed(key, c),
            None => {}
        }
    }
    let person_of = link_persons(&persons);
    let as_regions: HashSet<String> = (cues.regions.iter().zip(&keys))
        .filter(|(region, _)| **region)
        .map(|(_, key)| key.clone())
        .collect();
    let named = name_locations(&locations, &as_regions, gazetteer);
    let (location_of, containing) = (&named.names, &named.containing);
    let org_of = link_organizations(&article, &filed, &cleaned, &orgs);

    let names: Vec<String> = filed
        .iter()
        .zip(&keys)
        .map(|(kind, key)| {
            let name = match kind {
                Some(EntityKind::Person) => person_of.get(key),
                Some(EntityKind::Location) => location_of.get(key),
                Some(EntityKind::Organization) => org_of.get(key),
                None => None,
            };
            name.cloned().unwrap_or_default()
        })
        .collect();
    let mut out = Canonical {
        names: of.iter().map(|&u| names[u].clone()).collect(),
        kinds: of.iter().map(|&u| kinds[u]).collect(),
        ..Canonical::default()
    };
    // First-mention order is text order, whatever order mentions came in.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    for i in order {
        let u = of[i];
        let name = &names[u];
        if name.is_empty() {
            continue;
        }
        let list = match filed[u] {
            None => continue,
            Some(EntityKind::Person) => &mut out.persons,
            Some(EntityKind::Location) => {
                push_unique(&mut out.places, name);
                for c in containing.get(name).into_iter().flatten() {
                    push_unique(&mut out.places, c);
                }
                &mut out.locations
            }
            Some(EntityKind::Organization) => &mut out.organizations,
        };
        push_unique(list, name);
    }
    out.location_ids = out
        .locations
        .iter()
        .map(|l| named.ids.get(l).copied())
        .collect();
    out
}

/// `locations` (canonical names from a source, or from [`canonicalize`]),
/// each followed by the gazetteer's name for it when that is another
/// spelling, and by the region and country containing it; each once.
pub fn places_of(locations: &[String], gazetteer: &Gazetteer) -> Vec<String> {
    let mut linker = Linker::default();
    for l in locations {
        linker.add(l);
    }
    let Named {
        names, containing, ..
    } = name_locations(&linker, &HashSet::default(), gazetteer);
    let mut out = Vec::new();
    for l in locations {
        // The name as given stays (it is in the locations facet), then the
        // gazetteer's name for it when that differs ("Moskva", "Moscow").
        push_unique(&mut out, l);
        let name = names.get(&name_key(l)).unwrap_or(l);
        push_unique(&mut out, name);
        for c in containing.get(name).into_iter().flatten() {
            push_unique(&mut out, c);
        }
    }
    out
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !list.iter().any(|x| x == s) {
        list.push(s.to_owned());
    }
}

#[cfg(test)]
#[path = "mod_tests.rs"]
pub(crate) mod tests;
