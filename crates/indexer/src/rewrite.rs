//! The rules pass: when the archive's rules (authority file, short forms,
//! surnames) differ from those its manifest says were last applied, every
//! stored article whose entity values change is written again from what is
//! stored (its `entities` field), without reading any input file: deleted
//! by id and added back, then committed with the manifest recording the
//! rules.
//!
//! The articles a change may touch are found by term: the `extracted`
//! field indexes every name as given (`o:HTS`), so a changed short form is
//! one term lookup, and a changed authority rule one pass over the terms of
//! that field (a million articles hold a few million such terms, read in
//! seconds) — the stored documents themselves are read only for the
//! articles holding a touched name.
//!
//! Short forms and surnames are computed from the archive's committed
//! organization and person names, so the pass runs after the run's last
//! commit of new articles, as a commit of its own; killed before it, the
//! archive is as consistent as after any commit and the next run (with or
//! without new input) applies the rules. Rewriting is idempotent: an
//! article already right is left.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use tantivy::collector::DocSetCollector;
use tantivy::query::{TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::termdict::TermStreamer;
use tantivy::{
    DocAddress, DocSet, IndexWriter, InvertedIndexReader, ReloadPolicy, Searcher, TantivyDocument,
    Term, TERMINATED,
};

use news_extract::{EntityKind, Extractor};
use news_query::schema::{extracted_term, open_unmapped, NewsSchema, SPELLED_OUT_PREFIX};

use crate::checkpoint::Ledger;
use crate::cluster::Clusters;
use crate::error::IndexError;
use crate::names::Names;
use crate::rules::{AppliedRules, Changes, Rules};

/// The rules to apply now: the authority file's, the short forms of the
/// organization names committed in the archive, and the surnames of its
/// persons' names.
fn current(
    searcher: &Searcher,
    schema: &NewsSchema,
    names: &Names,
    extractor: &Extractor,
) -> Result<Rules, IndexError> {
    let persons = person_counts(searcher, schema)?;
    let persons = persons.iter().map(|(name, count)| (name.as_str(), *count));
    Ok(Rules {
        authority: names.authority.clone(),
        short: short_forms_of(searcher, schema)?,
        surnames: extractor.surnames(persons),
    })
}

/// Whether the rules to apply now differ from `applied`.
pub(crate) fn pending(
    dir: &Path,
    schema: &NewsSchema,
    names: &Names,
    applied: Option<&AppliedRules>,
    extractor: &Extractor,
) -> Result<bool, IndexError> {
    let now = current(&latest(dir)?, schema, names, extractor)?.applied(&names.fingerprint);
    Ok(applied.cloned().unwrap_or_default() != now)
}

/// The archive a rules pass works on.
pub(crate) struct Target<'a> {
    pub(crate) dir: &'a Path,
    pub(crate) schema: &'a NewsSchema,
    pub(crate) extractor: &'a Extractor,
}

/// Applies the rules of now to every committed article they change and
/// commits, the manifest recording them; returns the articles rewritten.
/// Does nothing when the manifest's rules are those of now.
pub(crate) fn apply(
    target: &Target<'_>,
    names: &Names,
    writer: &mut IndexWriter<TantivyDocument>,
    ledger: &mut Ledger,
    clusters: &mut Clusters,
) -> Result<u64, IndexError> {
    let Target {
        dir,
        schema,
        extractor,
    } = *target;
    let searcher = latest(dir)?;
    let rules = current(&searcher, schema, names, extractor)?;
    let applied = rules.applied(&names.fingerprint);
    let old = ledger.manifest.rules.clone().unwrap_or_default();
    if old == applied {
        return Ok(0);
    }
    let changes = Changes::between(&old, &applied);
    let mut batch = Replacements::new(schema, dir);
    for address in touched(&searcher, schema, &changes)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(mut entities) = schema.entities_of(&doc) else {
            continue;
        };
        let before = entities.clone();
        rules.apply(&mut entities);
        if entities == before {
            continue;
        }
        let mut record = schema.to_record(&doc);
        rules.fill(&mut record, &entities, extractor);
        let mut again = schema.to_document(&record);
        schema.add_entities(&mut again, &entities);
        batch.push(record.id, again, writer)?;
    }
    let rewritten = batch.finish(writer)?;
    ledger.manifest.rules = Some(applied);
    ledger.commit(dir, writer, clusters)?;
    Ok(rewritten)
}

/// Rewritten articles waiting for their old copies to be deleted, a batch
/// at a time with one query: deleted one by one, each id held tantivy's
/// weight of a term query, about a kilobyte, until the commit (94 MB for
/// 80,000 articles). The batch is deleted before its articles are added,
/// so the delete cannot reach them.
struct Replacements<'a> {
    schema: &'a NewsSchema,
    dir: &'a Path,
    waiting: Vec<(String, TantivyDocument)>,
    done: u64,
}

/// Articles per batch of [`Replacements`].
const REPLACE_BATCH: usize = 4096;

impl<'a> Replacements<'a> {
    fn new(schema: &'a NewsSchema, dir: &'a Path) -> Self {
        Replacements {
            schema,
            dir,
            waiting: Vec::with_capacity(REPLACE_BATCH),
            done: 0,
        }
    }

    /// Queues `doc` to replace the article `id`; replaces a full batch.
    fn push(
        &mut self,
        id: String,
        doc: TantivyDocument,
        writer: &mut IndexWriter<TantivyDocument>,
    ) -> Result<(), IndexError> {
        self.waiting.push((id, doc));
        if self.waiting.len() >= REPLACE_BATCH {
            self.replace(writer)?;
        }
        Ok(())
    }

    /// Replaces what waits; the number of articles replaced in all.
    fn finish(mut self, writer: &mut IndexWriter<TantivyDocument>) -> Result<u64, IndexError> {
        self.replace(writer)?;
        Ok(self.done)
    }

    fn replace(&mut self, writer: &mut IndexWriter<TantivyDocument>) -> Result<(), IndexError> {
        if self.waiting.is_empty() {
            return Ok(());
        }
        let id = self.schema.fields.id;
        let ids = self
            .waiting
            .iter()
            .map(|(text, _)| Term::from_field_text(id, text));
        writer.delete_query(Box::new(TermSetQuery::new(ids)))?;
        for (_, doc) in self.waiting.drain(..) {
            if let Err(error) = writer.add_document(doc) {
                return Err(crate::writer::explain(writer, self.dir, error));
            }
            self.done += 1;
        }
        Ok(())
    }
}

/// A searcher on the archive's last commit, reading without mapping the
/// files: the pass reads stored articles all over the archive, and mapped
/// pages it touched would stay in resident memory until the run ends.
fn latest(dir: &Path) -> Result<Searcher, IndexError> {
    let index = open_unmapped(dir)?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    Ok(reader.searcher())
}

/// The short forms among the organization names the archive's articles
/// were given, initials only as articles spelt them out (terms of deleted
/// articles count until their segment merges).
fn short_forms_of(
    searcher: &Searcher,
    schema: &NewsSchema,
) -> Result<BTreeMap<String, String>, IndexError> {
    let names = terms_from(searcher, schema, "o:")?;
    let spelled_out: HashSet<(String, String)> = terms_from(searcher, schema, SPELLED_OUT_PREFIX)?
        .into_iter()
        .filter_map(|pair| {
            let (short, long) = pair.split_once('\u{1f}')?;
            Some((short.to_owned(), long.to_owned()))
        })
        .collect();
    Ok(news_extract::short_forms::short_forms(
        names.iter().map(String::as_str),
        &spelled_out,
    ))
}

/// The `extracted` terms starting with `prefix` (one ASCII letter and a
/// colon), the prefix taken off.
fn terms_from(
    searcher: &Searcher,
    schema: &NewsSchema,
    prefix: &str,
) -> Result<BTreeSet<String>, IndexError> {
    let mut terms = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(schema.fields.extracted)?;
        let mut stream = prefix_stream(&inverted, prefix)?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                terms.insert(term[prefix.len()..].to_owned());
            }
        }
    }
    Ok(terms)
}

/// The person names the archive's live articles were given, each with
/// the number of live articles giving it. Counted over the postings of a
/// segment with deleted articles: its document frequencies still count
/// the old copies the rules pass replaced, and a fold decided on them would
/// change at the next run with nothing new.
fn person_counts(
    searcher: &Searcher,
    schema: &NewsSchema,
) -> Result<BTreeMap<String, u64>, IndexError> {
    let prefix = "p:";
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(schema.fields.extracted)?;
        let alive = segment.alive_bitset();
        let mut stream = prefix_stream(&inverted, prefix)?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let info = stream.value();
            let live = match alive {
                None => u64::from(info.doc_freq),
                Some(alive) => {
                    let mut postings = inverted
                        .read_postings_from_terminfo(info, IndexRecordOption::Basic)
                        .map_err(tantivy::TantivyError::from)?;
                    let mut live = 0;
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        live += u64::from(alive.is_alive(doc));
                        doc = postings.advance();
                    }
                    live
                }
            };
            if live > 0 {
                *counts.entry(term[prefix.len()..].to_owned()).or_default() += live;
            }
        }
    }
    Ok(counts)
}

/// The terms of `inverted` starting with `prefix` (one ASCII letter and a
/// colon), in order.
fn prefix_stream<'a>(
    inverted: &'a InvertedIndexReader,
    prefix: &str,
) -> Result<TermStreamer<'a>, IndexError> {
    // The key just past every term with the prefix: its colon's successor.
    let end = format!("{};", &prefix[..prefix.len() - 1]);
    let stream = inverted
        .terms()
        .range()
        .ge(prefix)
        .lt(&end)
        .into_stream()
        .map_err(tantivy::TantivyError::from)?;
    Ok(stream)
}

/// The live articles holding a name the changes touch.
fn touched(
    searcher: &Searcher,
    schema: &NewsSchema,
    changes: &Changes,
) -> Result<BTreeSet<DocAddress>, IndexError> {
    let field = schema.fields.extracted;
    let short = changes
        .short
        .iter()
        .map(|name| (EntityKind::Organization, name));
    let surnames = changes
        .surnames
        .iter()
        .map(|name| (EntityKind::Person, name));
    let mut terms: HashSet<String> = short
        .chain(surnames)
        .map(|(kind, name)| extracted_term(kind, name))
        .collect();
    if !changes.authority.is_empty() {
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let kind = match term.get(..2) {
                    Some("p:") => EntityKind::Person,
                    Some("l:") => EntityKind::Location,
                    Some("o:") => EntityKind::Organization,
                    _ => continue,
                };
                if changes.touches(kind, &term[2..]) {
                    terms.insert(term.to_owned());
                }
            }
        }
    }
    let mut docs = BTreeSet::new();
    for term in terms {
        let query = TermQuery::new(
            Term::from_field_text(field, &term),
            IndexRecordOption::Basic,
        );
        docs.extend(searcher.search(&query, &DocSetCollector)?);
    }
    Ok(docs)
}
