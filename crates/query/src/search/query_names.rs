//! Names in query text: a word or phrase of the query that spells out the
//! canonical name of a person, place or organization in the archive also
//! matches the articles tagged with it.
//!
//! Extraction gives every mention its canonical name, so the entity fields
//! know what the words of an article do not: that the article writing
//! "Tartous" is about Tartus, the one writing "U.S." about the United
//! States. `Tartus` in a query thus finds both spellings, as a reporter asking
//! for "everything on Tartus" means it to. Only whole canonical names count
//! (compared by their words, ignoring case, accents and punctuation), so
//! `Putin` alone stays a word while `"Vladimir Putin"` or `Vladimir Putin`
//! also matches the articles tagged with him. A field (`body:Tartus`) keeps a
//! word to the text alone.

use std::cell::RefCell;
use std::sync::Arc;

use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::fold::{name_key, Folder};
use super::vocabulary::{Keyword, Vocabulary};
use super::Context;
use crate::error::Result;

/// The entity fields a query's words are matched against, with their names.
pub(crate) struct QueryNames {
    fields: Vec<(Field, Arc<Vocabulary>)>,
    /// One per query: building the analyser costs more than folding a word.
    folder: RefCell<Option<Folder>>,
}

impl QueryNames {
    /// The persons, locations and organizations of the archive.
    pub(crate) fn of(context: &Context) -> Result<Self> {
        let mut fields = Vec::new();
        for keyword in [Keyword::Person, Keyword::Location, Keyword::Organization] {
            fields.push((keyword.field(context.schema), context.vocabulary(keyword)?));
        }
        Ok(QueryNames {
            fields,
            folder: RefCell::new(None),
        })
    }

    /// No names: query words match text only.
    #[cfg(test)]
    pub(crate) fn none() -> Self {
        QueryNames {
            fields: Vec::new(),
            folder: RefCell::new(None),
        }
    }

    /// The entity terms whose canonical names `text` spells out.
    pub(crate) fn terms(&self, text: &str) -> Vec<Term> {
        if self.fields.is_empty() {
            return Vec::new();
        }
        let folded = self
            .folder
            .borrow_mut()
            .get_or_insert_with(Folder::new)
            .fold(text);
        let key = name_key(&folded);
        if key.is_empty() {
            return Vec::new();
        }
        let mut terms = Vec::new();
        for (field, vocabulary) in &self.fields {
            for id in vocabulary.ids_by_key(&key) {
                terms.push(Term::from_field_text(*field, vocabulary.name(id)));
            }
        }
        terms
    }
}

/// `query`, or else any of `terms`: a document matching both scores the sum.
/// A union of `Should` clauses (a word in title or body) gets the terms as
/// clauses of its own, so it stays one flat union.
pub(crate) fn or_named(query: Box<dyn Query>, terms: Vec<Term>) -> Box<dyn Query> {
    if terms.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = match query.downcast_ref::<BooleanQuery>() {
        Some(union)
            if union
                .clauses()
                .iter()
                .all(|(occur, _)| *occur == Occur::Should) =>
        {
            union
                .clauses()
                .iter()
                .map(|(occur, clause)| (*occur, clause.box_clone()))
                .collect()
        }
        _ => vec![(Occur::Should, query)],
    };
    for term in terms {
        let named = TermQuery::new(term, IndexRecordOption::Basic);
        clauses.push((Occur::Should, Box::new(named)));
    }
    Box::new(BooleanQuery::new(clauses))
}
