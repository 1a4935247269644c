//! The canonical names of one keyword field across all segments, built once
//! per reader generation and shared by every request on it.
//!
//! Each segment numbers its terms on its own; the vocabulary merges them into
//! one sorted list and maps every segment's column ordinals onto it. Facet
//! counting then adds into per-segment ordinal counters and only at the end
//! turns the top few into names, and name lookup and resolution scan one
//! in-memory list instead of every segment's dictionary.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::schema::Field;
use tantivy::{Searcher, SearcherGeneration, Warmer};

use super::fold::{name_key, Folder};
use crate::error::Result;
use crate::request::Interval;
use crate::schema::{field, NewsSchema};

/// The keyword fields that have a vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keyword {
    Person,
    Location,
    Organization,
    Source,
    Section,
    /// ISO 639-1 codes.
    Language,
    /// Locations plus their containing regions; indexed only, so no column.
    Place,
}

impl Keyword {
    const ALL: [Keyword; 7] = [
        Keyword::Person,
        Keyword::Location,
        Keyword::Organization,
        Keyword::Source,
        Keyword::Section,
        Keyword::Language,
        Keyword::Place,
    ];

    pub(crate) fn field(self, schema: &NewsSchema) -> Field {
        let f = &schema.fields;
        match self {
            Keyword::Person => f.person,
            Keyword::Location => f.location,
            Keyword::Organization => f.organization,
            Keyword::Source => f.source,
            Keyword::Section => f.section,
            Keyword::Language => f.language,
            Keyword::Place => f.place,
        }
    }

    /// The fast column of the field, where there is one.
    pub(crate) fn column(self) -> Option<&'static str> {
        match self {
            Keyword::Person => Some(field::PERSON),
            Keyword::Location => Some(field::LOCATION),
            Keyword::Organization => Some(field::ORGANIZATION),
            Keyword::Source => Some(field::SOURCE),
            Keyword::Section => Some(field::SECTION),
            Keyword::Language => Some(field::LANGUAGE),
            Keyword::Place => None,
        }
    }

    fn slot(self) -> usize {
        Keyword::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// One field's names, sorted, mapped from every segment's column ordinals;
/// their folded forms and article counts are added on first lookup.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    names: Vec<String>,
    /// Per segment: column ordinal -> index into `names`.
    segment_ords: Vec<Vec<u32>>,
    details: OnceLock<Details>,
    /// `(name key, id)` sorted by key (see [`name_key`]), for names spelt
    /// out in query text; built on first use.
    keys: OnceLock<Vec<(String, u32)>>,
}

/// What only name lookups need, so facet counting does not pay for it.
#[derive(Debug)]
struct Details {
    folded: Vec<String>,
    /// Articles per name according to the term dictionaries: exact once deleted
    /// articles are merged away, an upper bound before.
    doc_freq: Vec<u64>,
}

impl Vocabulary {
    fn build(searcher: &Searcher, schema: &NewsSchema, keyword: Keyword) -> Result<Self> {
        let field = keyword.field(schema);
        let mut names: Vec<String> = Vec::new();
        let mut columns: Vec<Vec<String>> = Vec::new();
        for segment in searcher.segment_readers() {
            let Some(column) = keyword.column() else {
                let terms = inverted_terms(segment, field)?;
                names.extend(terms.into_iter().map(|(name, _)| name));
                continue;
            };
            let mut terms = Vec::new();
            if let Some(strings) = segment.fast_fields().str(column)? {
                let mut stream = strings
                    .dictionary()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?;
                while stream.advance() {
                    terms.push(String::from_utf8_lossy(stream.key()).into_owned());
                }
            }
            names.extend(terms.iter().cloned());
            columns.push(terms);
        }
        names.sort_unstable();
        names.dedup();
        let segment_ords = columns
            .iter()
            .map(|terms| map_sorted(terms, &names))
            .collect();
        Ok(Vocabulary {
            names,
            segment_ords,
            details: OnceLock::new(),
            keys: OnceLock::new(),
        })
    }

    /// Adds folded names and article counts, once.
    fn add_details(&self, searcher: &Searcher, field: Field) -> Result<()> {
        if self.details.get().is_some() {
            return Ok(());
        }
        let mut doc_freq = vec![0u64; self.names.len()];
        for segment in searcher.segment_readers() {
            for (name, freq) in inverted_terms(segment, field)? {
                if let Some(id) = self.id(&name) {
                    doc_freq[id as usize] += freq;
                }
            }
        }
        let mut folder = Folder::new();
        let folded = self.names.iter().map(|name| folder.fold(name)).collect();
        // Two requests may add them at once; both results are the same.
        let _ = self.details.set(Details { folded, doc_freq });
        Ok(())
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    pub(crate) fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// The folded name (empty unless fetched with [`Vocabularies::get_detailed`]).
    pub(crate) fn folded(&self, id: u32) -> &str {
        self.details
            .get()
            .map_or("", |d| d.folded[id as usize].as_str())
    }

    /// Articles naming it (0 unless fetched with [`Vocabularies::get_detailed`]).
    pub(crate) fn doc_freq(&self, id: u32) -> u64 {
        self.details.get().map_or(0, |d| d.doc_freq[id as usize])
    }

    /// The id of exactly this name.
    pub(crate) fn id(&self, name: &str) -> Option<u32> {
        self.names
            .binary_search_by(|probe| probe.as_str().cmp(name))
            .ok()
            .map(|i| i as u32)
    }

    /// The ids of the names whose [`name_key`] is `key`: the canonical names
    /// a run of query words spells out, whatever its case, accents and
    /// punctuation ("tartus", "hayat tahrir al sham").
    pub(crate) fn ids_by_key<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let keys = self.keys();
        let start = keys.partition_point(|(k, _)| k.as_str() < key);
        keys[start..]
            .iter()
            .take_while(move |(k, _)| k == key)
            .map(|&(_, id)| id)
    }

    /// The names' keys with their ids, sorted by key; built on first use.
    pub(crate) fn keys(&self) -> &[(String, u32)] {
        self.keys.get_or_init(|| {
            let mut folder = Folder::new();
            let mut keys: Vec<(String, u32)> = (0..self.names.len() as u32)
                .map(|id| (name_key(&folder.fold(self.name(id))), id))
                .collect();
            keys.sort_unstable();
            keys
        })
    }

    /// Column ordinal -> name id for one segment (empty when it has no column).
    pub(crate) fn segment_ords(&self, segment: usize) -> &[u32] {
        self.segment_ords.get(segment).map_or(&[], Vec::as_slice)
    }
}

/// Every term of `field` in one segment, with its document frequency.
fn inverted_terms(segment: &tantivy::SegmentReader, field: Field) -> Result<Vec<(String, u64)>> {
    let inverted = segment.inverted_index(field)?;
    let mut stream = inverted
        .terms()
        .stream()
        .map_err(tantivy::TantivyError::from)?;
    let mut terms = Vec::new();
    while stream.advance() {
        if let Ok(name) = std::str::from_utf8(stream.key()) {
            terms.push((name.to_owned(), u64::from(stream.value().doc_freq)));
        }
    }
    Ok(terms)
}

/// Maps each of `terms` (sorted) to its index in `names` (sorted, a superset).
fn map_sorted(terms: &[String], names: &[String]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(terms.len());
    let mut at = 0;
    for term in terms {
        while at < names.len() && names[at] < *term {
            at += 1;
        }
        ids.push(at as u32);
    }
    ids
}

/// What is computed once per reader generation, each part on first use: the
/// vocabularies, and the archive's articles per calendar bucket (the
/// timeline's denominator when a request has no filter).
pub(crate) struct Vocabularies {
    slots: [OnceLock<Arc<Vocabulary>>; 7],
    totals: Mutex<HashMap<Interval, Arc<BTreeMap<i64, u64>>>>,
}

impl Vocabularies {
    /// Articles per bucket in the whole archive, counted by `count` the first time.
    pub(crate) fn totals(
        &self,
        interval: Interval,
        count: impl FnOnce() -> Result<BTreeMap<i64, u64>>,
    ) -> Result<Arc<BTreeMap<i64, u64>>> {
        let cached = self
            .totals
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&interval)
            .cloned();
        if let Some(totals) = cached {
            return Ok(totals);
        }
        let totals = Arc::new(count()?);
        self.totals
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(interval, totals.clone());
        Ok(totals)
    }

    pub(crate) fn get(
        &self,
        searcher: &Searcher,
        schema: &NewsSchema,
        keyword: Keyword,
    ) -> Result<Arc<Vocabulary>> {
        let slot = &self.slots[keyword.slot()];
        if let Some(vocabulary) = slot.get() {
            return Ok(vocabulary.clone());
        }
        let built = Arc::new(Vocabulary::build(searcher, schema, keyword)?);
        // Two requests may build it at once; both results are the same.
        Ok(slot.get_or_init(|| built).clone())
    }

    /// The vocabulary with folded names and article counts, for name lookups.
    pub(crate) fn get_detailed(
        &self,
        searcher: &Searcher,
        schema: &NewsSchema,
        keyword: Keyword,
    ) -> Result<Arc<Vocabulary>> {
        let vocabulary = self.get(searcher, schema, keyword)?;
        vocabulary.add_details(searcher, keyword.field(schema))?;
        Ok(vocabulary)
    }
}

/// Holds the vocabularies of each live reader generation.
///
/// It is also the reader's [`Warmer`]: when a commit is loaded, the facet
/// vocabularies of the new generation, and the name keys queries are matched
/// against, are built before its searcher serves any request, so no search
/// pays for them.
pub(crate) struct VocabularyCache {
    schema: NewsSchema,
    generations: Mutex<HashMap<u64, Arc<Vocabularies>>>,
}

impl VocabularyCache {
    pub(crate) fn new(schema: NewsSchema) -> Self {
        VocabularyCache {
            schema,
            generations: Mutex::default(),
        }
    }

    /// The vocabularies for `searcher`'s generation.
    pub(crate) fn for_searcher(&self, searcher: &Searcher) -> Arc<Vocabularies> {
        let generation = searcher.generation().generation_id();
        let mut generations = self
            .generations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        generations
            .entry(generation)
            .or_insert_with(|| {
                Arc::new(Vocabularies {
                    slots: Default::default(),
                    totals: Mutex::default(),
                })
            })
            .clone()
    }
}

impl Warmer for VocabularyCache {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        let vocabularies = self.for_searcher(searcher);
        let facets = [
            Keyword::Person,
            Keyword::Location,
            Keyword::Organization,
            Keyword::Source,
            Keyword::Language,
        ];
        for keyword in facets {
            let vocabulary = vocabularies
                .get(searcher, &self.schema, keyword)
                .map_err(|error| tantivy::TantivyError::InternalError(error.to_string()))?;
            if !matches!(keyword, Keyword::Source | Keyword::Language) {
                // Every query's words are looked up there (see `search::query_names`).
                vocabulary.keys();
            }
        }
        Ok(())
    }

    fn garbage_collect(&self, live: &[&SearcherGeneration]) {
        let mut generations = self
            .generations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        generations.retain(|id, _| live.iter().any(|g| g.generation_id() == *id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_terms_map_onto_the_merged_list() {
        let names: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let terms: Vec<String> = ["b", "d"].map(String::from).to_vec();
        assert_eq!(map_sorted(&terms, &names), [1, 3]);
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        let mut folder = Folder::new();
        assert_eq!(folder.fold("Ahmed al-Šaraa"), "ahmed al-saraa");
    }

    #[test]
    fn warming_builds_the_facet_vocabularies_of_each_generation() {
        let dir = tempfile::tempdir().unwrap();
        let record = crate::ArticleRecord {
            id: "a".into(),
            persons: vec!["Vladimir Putin".into()],
            ..Default::default()
        };
        crate::schema::write_records(dir.path(), &[record]).unwrap();
        let (index, _) = crate::schema::open_for_writing(dir.path()).unwrap();
        let searcher = index.reader().unwrap().searcher();
        let cache = VocabularyCache::new(NewsSchema::new());
        cache.warm(&searcher).unwrap();
        let warmed = cache.for_searcher(&searcher);
        let persons = warmed.slots[Keyword::Person.slot()]
            .get()
            .expect("built by warming");
        assert_eq!(persons.name(0), "Vladimir Putin");
        assert!(warmed.slots[Keyword::Place.slot()].get().is_none());
        cache.garbage_collect(&[]);
        assert!(cache.generations.lock().unwrap().is_empty());
    }
}
