//! The rules pass: when the archive's rules (authority file, short forms)
//! differ from those its manifest says were last applied, every stored
//! article whose entity values change is written again from what is stored
//! (its `entities` field), without reading any input file: deleted by id
//! and added back, then committed with the manifest recording the rules.
//!
//! The articles a change may touch are found by term: the `extracted`
//! field indexes every name as given (`o:HTS`), so a changed short form is
//! one term lookup, and a changed authority rule one pass over the terms of
//! that field (a million articles hold a few million such terms, read in
//! seconds) — the stored documents themselves are read only for the
//! articles holding a touched name.
//!
//! Short forms are computed from the archive's committed organization
//! names, so the pass runs after the run's last commit of new articles, as
//! a commit of its own; killed before it, the archive is as consistent as
//! after any commit and the next run (with or without new input) applies
//! the rules. Rewriting is idempotent: an article already right is left.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Index, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use news_extract::{EntityKind, Extractor};
use news_query::schema::{extracted_term, NewsSchema};

use crate::checkpoint::Ledger;
use crate::cluster::Clusters;
use crate::error::IndexError;
use crate::names::Names;
use crate::rules::{AppliedRules, Changes, Rules};

/// The rules to apply now: the authority file's, and the short forms of the
/// organization names committed in the archive.
pub(crate) fn current(
    index: &Index,
    schema: &NewsSchema,
    names: &Names,
) -> Result<Rules, IndexError> {
    let searcher = latest(index)?;
    Ok(Rules {
        authority: names.authority.clone(),
        short: short_forms_of(&searcher, schema)?,
    })
}

/// Whether the rules to apply now differ from `applied`.
pub(crate) fn pending(
    index: &Index,
    schema: &NewsSchema,
    names: &Names,
    applied: Option<&AppliedRules>,
) -> Result<bool, IndexError> {
    let now = current(index, schema, names)?.applied(&names.fingerprint);
    Ok(applied.cloned().unwrap_or_default() != now)
}

/// The archive a rules pass works on.
pub(crate) struct Target<'a> {
    pub(crate) dir: &'a std::path::Path,
    pub(crate) index: &'a Index,
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
        index,
        schema,
        extractor,
    } = *target;
    let searcher = latest(index)?;
    let rules = Rules {
        authority: names.authority.clone(),
        short: short_forms_of(&searcher, schema)?,
    };
    let applied = rules.applied(&names.fingerprint);
    let old = ledger.manifest.rules.clone().unwrap_or_default();
    if old == applied {
        return Ok(0);
    }
    let changes = Changes::between(&old, &applied);
    let mut rewritten = 0;
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
        writer.delete_term(Term::from_field_text(schema.fields.id, &record.id));
        let mut again = schema.to_document(&record);
        schema.add_entities(&mut again, &entities);
        if let Err(error) = writer.add_document(again) {
            return Err(crate::writer::explain(writer, dir, error));
        }
        rewritten += 1;
    }
    ledger.manifest.rules = Some(applied);
    ledger.commit(dir, writer, clusters)?;
    Ok(rewritten)
}

/// A searcher on the archive's last commit.
fn latest(index: &Index) -> Result<Searcher, IndexError> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    Ok(reader.searcher())
}

/// The short forms among the organization names the archive's articles
/// were given (terms of deleted articles count until their segment merges).
fn short_forms_of(
    searcher: &Searcher,
    schema: &NewsSchema,
) -> Result<BTreeMap<String, String>, IndexError> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(schema.fields.extracted)?;
        let mut stream = inverted
            .terms()
            .range()
            .ge("o:")
            .lt("o;")
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                names.insert(term["o:".len()..].to_owned());
            }
        }
    }
    Ok(news_extract::short_forms::short_forms(
        names.iter().map(String::as_str),
    ))
}

/// The live articles holding a name the changes touch.
fn touched(
    searcher: &Searcher,
    schema: &NewsSchema,
    changes: &Changes,
) -> Result<BTreeSet<DocAddress>, IndexError> {
    let field = schema.fields.extracted;
    let mut terms: HashSet<String> = changes
        .short
        .iter()
        .map(|name| extracted_term(EntityKind::Organization, name))
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
