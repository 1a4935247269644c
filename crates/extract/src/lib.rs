//! # news-extract
//!
//! Text in, entities out: persons, locations and organizations in article
//! text, with canonical names. This crate owns the tagger, its model file,
//! the gazetteer and the rules that make names canonical. It knows nothing
//! of input formats (`news-read`) or of the index (`news-indexer`); it uses
//! `news-query` for one type only, [`EntityKind`], so that extraction and
//! search name the kinds of entity alike. Training (`train-ner`) is
//! compiled only with the `train` feature.
//!
//! A learned sequence tagger finds mentions: [`tokenize`] splits text into
//! CoNLL-style tokens, [`features`] turns them into hashed features,
//! [`tagger`] runs two averaged-perceptron passes (the second sees how the
//! first tagged the rest of the document) with Viterbi decoding
//! ([`decode`]), and [`model`] holds the weights bundled in
//! `data/ner.model`, trained by the `train-ner` binary ([`train`]). What a
//! word contributes on its own is computed once per process and model and
//! shared by every thread ([`word_cache`]).
//! [`canonical`] turns mentions into facet values with the place
//! [`gazetteer`]. [`jsonl`] streams JSONL documents through the extractor
//! for `news extract`.
//!
//! Only tokens that may lie in a name are scored (those with a capital
//! letter and the short words, numbers and punctuation around them); the
//! others are O without a lookup. After tagging, one-token spans that are
//! ordinary words capitalised for their position are dropped, and
//! [`canonical`] makes the kinds of one name agree across the article and
//! drops mentions that name nothing (titles, time zones, storms); the
//! mentions returned carry those kinds.
//!
//! On CoNLL-2003 dev the bundled model scores (mention / docset F1, see
//! `tests/extraction`) PER 96.9 / 96.8, LOC 96.4 / 96.0, ORG 90.6 / 90.8,
//! at about 1.15 M tokens per CPU-second for [`Extractor::extract`] on one
//! thread with mimalloc, the allocator of the `news` binary (`cargo bench -p
//! news-extract --bench extract`, on a shared machine at load 1.2). The
//! model (6.6 MB, with its case lexicon and word clusters) and the
//! gazetteer load on first use in about 100 ms.

mod administrations;
mod agreements;
pub mod authority;
mod calendar;
pub mod canonical;
mod cities_and_states;
mod compass;
mod context_sums;
mod county_lists;
mod datelines;
pub mod decode;
mod demonyms;
mod east_asian_names;
mod family;
pub mod features;
mod first_words;
mod full_names;
pub mod gazetteer;
mod hash_bits;
mod headlines;
mod initials;
mod joins;
pub mod jsonl;
mod known_bodies;
pub mod labels;
mod lowercase_words;
mod misc_places;
pub mod model;
mod modifiers;
mod name_cues;
mod named_after;
mod nicknames;
mod ordinary_places;
mod org_prefixes;
mod party_tags;
mod places_in_names;
mod prefetch;
mod public_figures;
mod quantities;
pub mod short_forms;
mod speakers;
mod splits;
mod subjects;
mod suffixes;
mod surnames;
pub mod tagger;
mod teams;
mod tickers;
mod titled_names;
mod titled_pairs;
pub mod tokenize;
#[cfg(feature = "train")]
pub mod train;
mod weight_table;
pub mod word_cache;
mod word_starts;
mod work_titles;

use std::cell::RefCell;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use news_query::EntityKind;

pub use jsonl::{extract_jsonl, JsonlError, JsonlSummary};

use gazetteer::Gazetteer;
use labels::TYPES;
use model::Model;
use tagger::Scratch;

/// The bundled model, trained on CoNLL-2003 train (see `src/bin/train-ner.rs`).
static MODEL_BYTES: &[u8] = include_bytes!("../data/ner.model");

/// The kind for a tagger type index (PER, LOC, ORG); MISC has none.
fn kind_of_type(ty: u8) -> Option<EntityKind> {
    match *TYPES.get(ty as usize)? {
        "PER" => Some(EntityKind::Person),
        "LOC" => Some(EntityKind::Location),
        "ORG" => Some(EntityKind::Organization),
        _ => None,
    }
}

/// [`EntityKind`] spelt as CoNLL-2003 types (`PER`, `LOC`, `ORG`), the
/// spelling of `news extract`'s mentions and of the scorer that reads them.
mod conll_kind {
    use news_query::EntityKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(kind: &EntityKind, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(match kind {
            EntityKind::Person => "PER",
            EntityKind::Location => "LOC",
            EntityKind::Organization => "ORG",
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<EntityKind, D::Error> {
        match <&str>::deserialize(deserializer)? {
            "PER" => Ok(EntityKind::Person),
            "LOC" => Ok(EntityKind::Location),
            "ORG" => Ok(EntityKind::Organization),
            other => Err(serde::de::Error::unknown_variant(
                other,
                &["PER", "LOC", "ORG"],
            )),
        }
    }
}

/// One mention of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// What it names.
    #[serde(rename = "type", with = "conll_kind")]
    pub kind: EntityKind,
    /// The text as written.
    pub text: String,
    /// Start, in Unicode code points into the text given to [`Extractor::extract`].
    pub start: usize,
    /// End (exclusive), in Unicode code points.
    pub end: usize,
}

/// Everything extracted from one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Canonical person names, each once.
    pub persons: Vec<String>,
    /// Canonical place names, each once; after them the places named only
    /// inside a hyphenated modifier ("Luxembourg-based"), which have no
    /// mention.
    pub locations: Vec<String>,
    /// Canonical organization names, each once.
    pub organizations: Vec<String>,
    /// `locations` plus the regions and countries that contain them.
    pub places: Vec<String>,
    /// The GeoNames id of each of `locations`, in order (`null` for a place
    /// the gazetteer lacks or one added to it by hand).
    #[serde(default)]
    pub geonames_ids: Vec<Option<u32>>,
    /// The values spelt otherwise in the text, with those spellings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<Folded>,
}

/// A facet value and the other spellings of the text folded into it
/// ("Putin" into "Vladimir Putin", "Moskva" into "Moscow").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folded {
    /// What it names.
    #[serde(rename = "type", with = "conll_kind")]
    pub kind: EntityKind,
    /// The facet value.
    pub value: String,
    /// The spellings of the text folded into it, each once.
    pub spellings: Vec<String>,
    /// Some mention is spelt as the value itself (case and accents aside):
    /// then the value is the text's own, not only an alias's.
    pub spelt: bool,
}

/// Finds entities in text. Cheap to share between threads: the model is
/// read-only and each thread tags with its own scratch buffers.
#[derive(Debug, Default)]
pub struct Extractor {
    model: Option<Model>,
}

thread_local! {
    static SCRATCH: RefCell<Option<Scratch>> = const { RefCell::new(None) };
}

/// Why [`Extractor::try_extract`] found no entities in a text.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A fault inside the extractor (a bug): the text is skipped.
    #[error("entity extraction failed (an internal error; please report it): {0}")]
    Internal(String),
}

impl Extractor {
    /// The extractor with the model and gazetteer bundled in this crate,
    /// loaded on first use.
    pub fn bundled() -> &'static Extractor {
        static BUNDLED: OnceLock<Extractor> = OnceLock::new();
        BUNDLED.get_or_init(|| Extractor::from_model_bytes(MODEL_BYTES))
    }

    /// An extractor over a model file's bytes; one that cannot be read
    /// finds nothing (the bundled model is checked by the test suite).
    pub fn from_model_bytes(bytes: &[u8]) -> Extractor {
        Extractor {
            model: Model::from_bytes(bytes).ok(),
        }
    }

    /// The tagger model, if one is loaded.
    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref()
    }

    /// Finds the mentions of `text` (PER, LOC and ORG; MISC is dropped).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some(model) = &self.model else {
            return Vec::new();
        };
        let scheme = tagger::Weights::scheme(model);
        SCRATCH.with(|cell| {
            // A re-entrant call (impossible today) gets fresh buffers
            // instead of a borrow panic.
            let mut fresh = None;
            let mut guard = cell.try_borrow_mut().ok();
            let scratch = match guard.as_deref_mut() {
                Some(slot) => slot.get_or_insert_with(|| Scratch::new(scheme)),
                None => fresh.insert(Scratch::new(scheme)),
            };
            scratch.tag(model, text, true);
            let toks = &scratch.tokens;
            let case = tagger::Weights::case_lexicon(model);
            joins::mend_spans(text, toks, &mut scratch.spans, case, Gazetteer::bundled());
            scratch
                .spans
                .iter()
                .filter_map(|&(ty, s, e)| {
                    let (first, last) = (toks[s], toks[e - 1]);
                    let kind = kind_of_type(ty).or_else(|| {
                        let name = &text[first.start..last.end];
                        let after = &text[last.end..];
                        misc_places::misc_names_a_place(name, after, Gazetteer::bundled())
                            .then_some(EntityKind::Location)
                    })?;
                    if kind == EntityKind::Location && names_a_currency(&text[last.end..]) {
                        return None;
                    }
                    Some(Mention {
                        kind,
                        text: text[first.start..last.end].to_string(),
                        start: first.cp_start,
                        end: last.cp_end,
                    })
                })
                .collect()
        })
    }

    /// [`Extractor::extract`], with a fault in the extractor on one text
    /// turned into an error instead of a panic, so that a run over many
    /// texts reports it and goes on. No text is known to cause one: this is
    /// the guard for the one nobody found yet.
    pub fn try_extract(&self, text: &str) -> Result<Extraction, ExtractError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(text))).map_err(
            |payload| {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown fault".to_owned());
                ExtractError::Internal(message)
            },
        )
    }

    /// Finds and canonicalises the entities of `text`.
    pub fn extract(&self, text: &str) -> Extraction {
        let mut mentions = self.mentions(text);
        titled_names::split_titled_names(text, &mut mentions);
        party_tags::drop_party_tags(text, &mut mentions);
        let (mut unnamed, mut shared) = (Vec::new(), Vec::new());
        let capitals = word_starts::capitalised_word_starts(text);
        let case = self.model.as_ref().map(tagger::Weights::case_lexicon);
        if let Some(case) = case {
            let gazetteer = Gazetteer::bundled();
            east_asian_names::read_east_asian_names(text, &capitals, &mut mentions, case);
            cities_and_states::place_cities_and_states(text, &mut mentions, case, gazetteer);
            full_names::add_missed_full_names(text, &mut mentions, case, gazetteer);
            administrations::add_administration_heads(text, &mut mentions, case, gazetteer);
            full_names::drop_ordinary_words(text, &mut mentions, case);
            unnamed = full_names::unnamed_words(text, &mentions, (case, gazetteer));
            demonyms::drop_demonyms(text, &mut mentions, case, gazetteer);
            shared = compass::read_lone_compass_words(text, &mut mentions, gazetteer);
            let counties = county_lists::read_county_lists(text, &mut mentions, gazetteer);
            shared.extend(counties);
            quantities::drop_persons_after_quantities(text, &mut mentions);
            headlines::cut_headline_words(text, &mut mentions, case);
        }
        // A family's names are persons, though no name had the word.
        let family = family::add_family_names(text, &mut mentions);
        unnamed.retain(|w| !family.contains(w));
        public_figures::add_public_figures(text, &capitals, &mut mentions);
        known_bodies::add_known_bodies(text, &mut mentions);
        modifiers::trim_modifiers(&mut mentions);
        let mut c = canonical::canonicalize(text, &mentions, Gazetteer::bundled());
        // Places no mention spans as written: inside modifiers, and those
        // a list shares a word with (`shared`: "North" of "North and South
        // Korea", "Orange" of "Los Angeles and Orange counties").
        let mut unspanned = modifiers::places_in_modifiers(text, &mentions, Gazetteer::bundled());
        unspanned.append(&mut shared);
        if !unspanned.is_empty() {
            let found = modifiers::name_in_context(text, unspanned, &mentions, &c.kinds);
            modifiers::add_to_facets(&mut c, found);
        }
        if let Some(case) = case {
            ordinary_places::drop_non_places(&mut c, text, &mentions, case, Gazetteer::bundled());
        }
        if !unnamed.is_empty() {
            // Words no name had that stayed persons (see `full_names`).
            let persons = c.kinds.iter_mut().zip(&mentions);
            for (kind, m) in persons.filter(|(k, _)| **k == Some(EntityKind::Person)) {
                if unnamed.contains(&m.text) {
                    *kind = None;
                }
            }
            c.persons.retain(|p| !unnamed.contains(p));
        }
        c.unshout_persons();
        // Mentions take the kinds the facets use (on CoNLL dev that is
        // worth +0.2 mention F1 for each type) and go where they name
        // nothing.
        let folded = c.folded_spellings(&mentions);
        let mut kinds = c.kinds.iter();
        mentions.retain_mut(|m| match kinds.next() {
            Some(Some(k)) => {
                m.kind = *k;
                true
            }
            Some(None) => false,
            None => true,
        });
        Extraction {
            mentions,
            persons: c.persons,
            locations: c.locations,
            organizations: c.organizations,
            places: c.places,
            geonames_ids: c.location_ids,
            folded,
        }
    }

    /// The GeoNames id of a canonical place name (as [`Extraction::locations`]
    /// or a source gives it): the most populous place of that exact name.
    pub fn geonames_id_of(&self, name: &str) -> Option<u32> {
        let gazetteer = Gazetteer::bundled();
        let best = gazetteer.resolve(&gazetteer::name_key(name), &[])?;
        if best.name == name {
            return best.geonames_id;
        }
        gazetteer
            .lookup(name)
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.geonames_id)
    }

    /// `locations` (canonical names given by a source) plus the regions and
    /// countries containing them.
    pub fn places_of(&self, locations: &[String]) -> Vec<String> {
        canonical::places_of(locations, Gazetteer::bundled())
    }

    /// The countries among `places` (canonical names, as [`Extractor::places_of`]
    /// and [`Extraction::places`] give them), each once, in order: the names
    /// the gazetteer lists as a country. A name that is both a country and a
    /// region ("Georgia") counts as a country unless the region's country is
    /// among `places` too ("Georgia" beside "United States" is the state).
    pub fn countries_of(&self, places: &[String]) -> Vec<String> {
        Gazetteer::bundled().countries_among(places)
    }

    /// The one-word person values among `persons` (values of an archive,
    /// each once, with the number of articles naming it) that are the
    /// surname of exactly one full name among them, named in more
    /// articles, mapped to it, sorted by surname: "Thatcher" to "Margaret
    /// Thatcher", for an article that names her only so. Empty without a
    /// model, whose lexicon tells surnames from given names and ordinary
    /// words.
    ///
    /// ```
    /// let e = news_extract::Extractor::bundled();
    /// let persons = [("Thatcher", 5), ("Margaret Thatcher", 51), ("Baker", 2)];
    /// let folds = e.surnames(persons);
    /// assert_eq!(folds["Thatcher"], "Margaret Thatcher");
    /// assert!(!folds.contains_key("Baker"));
    /// ```
    pub fn surnames<'a>(
        &self,
        persons: impl IntoIterator<Item = (&'a str, u64)>,
    ) -> std::collections::BTreeMap<String, String> {
        match &self.model {
            Some(model) => surnames::surnames(persons, tagger::Weights::case_lexicon(model)),
            None => Default::default(),
        }
    }
}

/// Whether the text after a place's name makes it a currency's ("U.S.
/// dollars", "US$3.4 trillion", "Hong Kong dollar"): the guideline counts
/// no place there.
fn names_a_currency(after: &str) -> bool {
    after.starts_with('$')
        || after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with("dollar") || a.starts_with("cents"))
}

#[cfg(test)]
#[path = "lib_tests.rs"]
mod tests;
