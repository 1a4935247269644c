//! Request filters (dates, entities, sources, sections, languages) as queries, with each
//! entity value resolved to a canonical name first.
//!
//! Several values of one filter are alternatives (OR); different filters must
//! all hold (AND). Locations filter on the `place` field, which also holds the
//! regions and countries containing each place mentioned.
//!
//! The filters on counted facets (persons, locations, organizations, sources,
//! languages) are kept apart as *selections*, so the search can count each facet under
//! all filters but its own; dates and sections are plain restrictions.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, Term};

use crate::error::{Error, Result};
use crate::request::SearchRequest;
use crate::response::{FilterFacet, Notice};
use crate::schema::DATE_RANGE;
use crate::search::name_match::{resolve, Resolution};
use crate::search::vocabulary::Keyword;
use crate::search::Context;

/// The filters of a request, as queries.
pub(crate) struct Filters {
    /// Date range and sections.
    pub restrictions: Vec<Box<dyn Query>>,
    /// Facet slot (0 persons, 1 locations, 2 organizations, 3 sources, 4
    /// languages) and its query.
    pub selections: Vec<(usize, Box<dyn Query>)>,
    /// How values were resolved.
    pub notices: Vec<Notice>,
}

impl Filters {
    /// The filters that choose which coverage a timeline measures against:
    /// dates, sections, sources and languages, but not the entity filters,
    /// which (like the query text) say what is being counted.
    pub(crate) fn coverage(&self) -> Vec<Box<dyn Query>> {
        const SOURCES: usize = 3;
        const LANGUAGES: usize = 4;
        self.restrictions
            .iter()
            .map(|q| q.box_clone())
            .chain(
                self.selections
                    .iter()
                    .filter(|(slot, _)| matches!(*slot, SOURCES | LANGUAGES))
                    .map(|(_, q)| q.box_clone()),
            )
            .collect()
    }

    /// Every filter, none kept apart.
    pub(crate) fn all(&self) -> Vec<Box<dyn Query>> {
        self.restrictions
            .iter()
            .map(|q| q.box_clone())
            .chain(self.selections.iter().map(|(_, q)| q.box_clone()))
            .collect()
    }
}

/// Builds the filters of `request`.
pub(crate) fn build(context: &Context, request: &SearchRequest) -> Result<Filters> {
    let mut filters = Filters {
        restrictions: Vec::new(),
        selections: Vec::new(),
        notices: Vec::new(),
    };
    if let Some(range) = date_range(context, request)? {
        filters.restrictions.push(range);
    }
    let facets = [
        (0, FilterFacet::Persons, Keyword::Person, &request.persons),
        (
            1,
            FilterFacet::Locations,
            Keyword::Place,
            &request.locations,
        ),
        (
            2,
            FilterFacet::Organizations,
            Keyword::Organization,
            &request.organizations,
        ),
        (3, FilterFacet::Sources, Keyword::Source, &request.sources),
        (
            4,
            FilterFacet::Languages,
            Keyword::Language,
            &request.languages,
        ),
    ];
    for (slot, facet, keyword, values) in facets {
        if let Some(query) = any_of(context, facet, keyword, values, &mut filters.notices)? {
            filters.selections.push((slot, query));
        }
    }
    let sections = any_of(
        context,
        FilterFacet::Sections,
        Keyword::Section,
        &request.sections,
        &mut filters.notices,
    )?;
    filters.restrictions.extend(sections);
    Ok(filters)
}

fn date_range(context: &Context, request: &SearchRequest) -> Result<Option<Box<dyn Query>>> {
    if request.from.is_none() && request.to.is_none() {
        return Ok(None);
    }
    let start = request.from.map(|d| d.start());
    let end = request.to.map(|d| d.end_exclusive());
    if let (Some(from), Some(to), Some(start), Some(end)) = (request.from, request.to, start, end) {
        if start >= end {
            return Err(Error::Request(format!(
                "`from` ({from}) is after `to` ({to})"
            )));
        }
    }
    let field = context.schema.fields.date;
    // Bounds past the dates an archive can hold select as its ends would.
    let term = |secs: i64| {
        let secs = secs.clamp(*DATE_RANGE.start(), *DATE_RANGE.end());
        Term::from_field_date(field, DateTime::from_timestamp_secs(secs))
    };
    let lower = start.map_or(Bound::Unbounded, |s| Bound::Included(term(s)));
    let upper = end.map_or(Bound::Unbounded, |e| Bound::Excluded(term(e)));
    Ok(Some(Box::new(RangeQuery::new(lower, upper))))
}

/// Articles carrying any of `values` (resolved); `None` when no value is given,
/// a query matching nothing when none is known.
fn any_of(
    context: &Context,
    facet: FilterFacet,
    keyword: Keyword,
    values: &[String],
    notices: &mut Vec<Notice>,
) -> Result<Option<Box<dyn Query>>> {
    let field = keyword.field(context.schema);
    let mut terms: Vec<Term> = Vec::new();
    let mut given_any = false;
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        given_any = true;
        // A value not spelt as a name is looked up against every name.
        context.deadline.check()?;
        let exact = Term::from_field_text(field, value);
        let used = if context.searcher.doc_freq(&exact)? > 0 {
            Some(value.to_owned())
        } else {
            let vocabulary = context.names(keyword)?;
            match resolve(&vocabulary, value) {
                Resolution::Exact => Some(value.to_owned()),
                Resolution::Resolved(used, alternatives) => {
                    notices.push(Notice {
                        facet,
                        given: value.to_owned(),
                        used: Some(used.clone()),
                        alternatives,
                    });
                    Some(used)
                }
                Resolution::Unknown(alternatives) => {
                    notices.push(Notice {
                        facet,
                        given: value.to_owned(),
                        used: None,
                        alternatives,
                    });
                    None
                }
            }
        };
        if let Some(used) = used {
            let term = Term::from_field_text(field, &used);
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
    }
    if !given_any {
        return Ok(None);
    }
    if terms.is_empty() {
        return Ok(Some(Box::new(EmptyQuery)));
    }
    let clauses = terms
        .into_iter()
        .map(|term| {
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    Ok(Some(Box::new(BooleanQuery::new(clauses))))
}
