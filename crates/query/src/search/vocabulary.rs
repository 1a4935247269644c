//! The canonical names of one keyword field across all segments, built once
//! per reader generation and shared by every request on it.
//!
//! Each segment numbers its terms on its own; the vocabulary merges them into
//! one sorted list and maps every segment's column ordinals onto it. Facet
//! counting then adds into per-segment ordinal counters and only at the end
//! turns the top few into names, and name lookup and resolution scan one
//! in-memory list instead of every segment's dictionary.

use std::sync::{Arc, Mutex, OnceLock};

use tantivy::schema::Field;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Searcher;

use crate::error::Result;
use crate::schema::{field, NewsSchema};

/// The keyword fields that have a vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keyword {
    Person,
    Location,
    Organization,
    Source,
    Section,
    /// Locations plus their containing regions; indexed only, so no column.
    Place,
}

impl Keyword {
    const ALL: [Keyword; 6] = [
        Keyword::Person,
        Keyword::Location,
        Keyword::Organization,
        Keyword::Source,
        Keyword::Section,
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
            Keyword::Place => None,
        }
    }

    fn slot(self) -> usize {
        Keyword::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// One field's names, sorted, with their folded forms and article counts.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    names: Vec<String>,
    folded: Vec<String>,
    /// Articles per name according to the term dictionaries: exact once deleted
    /// articles are merged away, an upper bound before.
    doc_freq: Vec<u64>,
    /// Per segment: column ordinal -> index into `names`.
    segment_ords: Vec<Vec<u32>>,
}

impl Vocabulary {
    fn build(searcher: &Searcher, schema: &NewsSchema, keyword: Keyword) -> Result<Self> {
        let field = keyword.field(schema);
        let mut all: Vec<(String, u64)> = Vec::new();
        let mut columns: Vec<Vec<String>> = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut terms = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                if let Ok(name) = std::str::from_utf8(terms.key()) {
                    all.push((name.to_owned(), u64::from(terms.value().doc_freq)));
                }
            }
            let mut column_terms = Vec::new();
            if let Some(column) = keyword.column() {
                if let Some(strings) = segment.fast_fields().str(column)? {
                    let mut stream = strings
                        .dictionary()
                        .stream()
                        .map_err(tantivy::TantivyError::from)?;
                    while stream.advance() {
                        column_terms.push(String::from_utf8_lossy(stream.key()).into_owned());
                    }
                }
            }
            all.extend(column_terms.iter().map(|name| (name.clone(), 0)));
            columns.push(column_terms);
        }
        all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut names: Vec<String> = Vec::with_capacity(all.len());
        let mut doc_freq: Vec<u64> = Vec::with_capacity(all.len());
        for (name, freq) in all {
            if names.last() == Some(&name) {
                if let Some(last) = doc_freq.last_mut() {
                    *last += freq;
                }
            } else {
                names.push(name);
                doc_freq.push(freq);
            }
        }
        let segment_ords = columns
            .iter()
            .map(|terms| map_sorted(terms, &names))
            .collect();
        let mut folder = Folder::new();
        let folded = names.iter().map(|name| folder.fold(name)).collect();
        Ok(Vocabulary {
            names,
            folded,
            doc_freq,
            segment_ords,
        })
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    pub(crate) fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    pub(crate) fn folded(&self, id: u32) -> &str {
        &self.folded[id as usize]
    }

    pub(crate) fn doc_freq(&self, id: u32) -> u64 {
        self.doc_freq[id as usize]
    }

    /// The id of exactly this name.
    pub(crate) fn id(&self, name: &str) -> Option<u32> {
        self.names
            .binary_search_by(|probe| probe.as_str().cmp(name))
            .ok()
            .map(|i| i as u32)
    }

    /// Column ordinal -> name id for one segment (empty when it has no column).
    pub(crate) fn segment_ords(&self, segment: usize) -> &[u32] {
        self.segment_ords.get(segment).map_or(&[], Vec::as_slice)
    }
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

/// Lowercases and folds accents to ASCII, as names are compared in lookups.
pub(crate) struct Folder(TextAnalyzer);

impl Folder {
    pub(crate) fn new() -> Self {
        Folder(
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        )
    }

    pub(crate) fn fold(&mut self, text: &str) -> String {
        let mut stream = self.0.token_stream(text);
        stream.next().map(|t| t.text.clone()).unwrap_or_default()
    }
}

/// The vocabularies of one reader generation, each built on first use.
pub(crate) struct Vocabularies {
    generation: u64,
    slots: [OnceLock<Arc<Vocabulary>>; 6],
}

impl Vocabularies {
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
}

/// Holds the vocabularies of the latest generation seen.
#[derive(Default)]
pub(crate) struct VocabularyCache(Mutex<Option<Arc<Vocabularies>>>);

impl VocabularyCache {
    /// The vocabularies for `searcher`'s generation, fresh if it is new.
    pub(crate) fn for_searcher(&self, searcher: &Searcher) -> Arc<Vocabularies> {
        let generation = searcher.generation().generation_id();
        let mut cached = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match cached.as_ref() {
            Some(current) if current.generation == generation => current.clone(),
            _ => {
                let fresh = Arc::new(Vocabularies {
                    generation,
                    slots: Default::default(),
                });
                *cached = Some(fresh.clone());
                fresh
            }
        }
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
}
