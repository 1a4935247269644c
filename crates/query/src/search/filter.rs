//! Request filters (dates, entities, sources, sections) combined with the query text.
//!
//! Several values of one filter are alternatives (OR); different filters must all
//! hold (AND). Locations filter on the `place` field, which also holds the regions
//! and countries containing each place mentioned.

use std::ops::Bound;

use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use crate::error::{Error, Result};
use crate::request::SearchRequest;
use crate::schema::NewsSchema;

/// `text` restricted by every filter of `request`.
pub(crate) fn apply(
    schema: &NewsSchema,
    text: Box<dyn Query>,
    request: &SearchRequest,
) -> Result<Box<dyn Query>> {
    let fields = &schema.fields;
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    if let Some(range) = date_range(schema, request)? {
        must.push(range);
    }
    let lists = [
        (fields.person, &request.persons),
        (fields.place, &request.locations),
        (fields.organization, &request.organizations),
        (fields.source, &request.sources),
        (fields.section, &request.sections),
    ];
    for (field, values) in lists {
        if let Some(any) = any_of(field, values) {
            must.push(any);
        }
    }
    if must.is_empty() {
        return Ok(text);
    }
    if !text.is::<AllQuery>() {
        must.push(text);
    }
    Ok(Box::new(BooleanQuery::new(
        must.into_iter().map(|q| (Occur::Must, q)).collect(),
    )))
}

fn date_range(schema: &NewsSchema, request: &SearchRequest) -> Result<Option<Box<dyn Query>>> {
    if request.from.is_none() && request.to.is_none() {
        return Ok(None);
    }
    let start = request.from.map(|d| d.start());
    let end = request.to.map(|d| d.end_exclusive());
    if let (Some(start), Some(end)) = (start, end) {
        if start >= end {
            return Err(Error::Request(format!(
                "`from` ({}) is after `to` ({})",
                request.from.unwrap_or_else(|| unreachable!()),
                request.to.unwrap_or_else(|| unreachable!()),
            )));
        }
    }
    let term =
        |secs| Term::from_field_date(schema.fields.date, DateTime::from_timestamp_secs(secs));
    let lower = start.map_or(Bound::Unbounded, |s| Bound::Included(term(s)));
    let upper = end.map_or(Bound::Unbounded, |e| Bound::Excluded(term(e)));
    Ok(Some(Box::new(RangeQuery::new(lower, upper))))
}

fn any_of(field: Field, values: &[String]) -> Option<Box<dyn Query>> {
    let terms: Vec<(Occur, Box<dyn Query>)> = values
        .iter()
        .map(|value| value.trim())
        .filter(|value| !value.is_empty())
        .map(|value| {
            let query = TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            );
            (Occur::Should, Box::new(query) as Box<dyn Query>)
        })
        .collect();
    (!terms.is_empty()).then(|| Box::new(BooleanQuery::new(terms)) as Box<dyn Query>)
}
