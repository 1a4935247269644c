//! Answers requests. A search parses the query, resolves and builds the
//! filters, then makes one collector pass over the matches ([`collect`]) for
//! the count, the page of hits, the facets and the histogram, and finally
//! reads the page's stored articles and marks their terms ([`hit`]).
//!
//! Each submodule owns one step: [`text`] the query syntax (within the
//! [`limits`]), [`query_names`] canonical names spelt out in it, [`filter`]
//! the filters, [`facets`] facet counts, [`name_match`] how typed text
//! matches canonical names, [`fold`] how names are compared, [`vocabulary`]
//! the names per reader generation, [`rank`] the order and cursors,
//! [`histogram`] calendar buckets, [`snippet`] passages, [`deadline`] the time
//! budget, and [`timeline`], [`related`] and [`entity_lookup`] the other
//! requests.

pub(crate) mod any_field;
pub(crate) mod collect;
pub(crate) mod deadline;
pub(crate) mod entity_lookup;
pub(crate) mod facets;
pub(crate) mod filter;
pub(crate) mod fold;
pub(crate) mod groups;
pub(crate) mod histogram;
pub(crate) mod hit;
pub mod limits;
pub(crate) mod name_match;
pub(crate) mod query_names;
pub(crate) mod rank;
pub(crate) mod related;
pub(crate) mod snippet;
pub(crate) mod text;
pub(crate) mod timeline;
pub(crate) mod vocabulary;

use std::sync::Arc;

use tantivy::collector::Collector;
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, EnableScoring, Occur, Query};
use tantivy::{Index, Searcher};

use crate::error::{Error, Result};
use crate::request::{SearchRequest, MAX_FACET_LIMIT, MAX_FRAGMENTS, MAX_WINDOW};
use crate::response::{Bucket, Facets, SearchResponse};
use crate::schema::NewsSchema;
use collect::SearchCollector;
use vocabulary::{Keyword, Vocabularies, Vocabulary};

/// What every request runs against: one searcher and what was built for its generation.
pub(crate) struct Context<'a> {
    pub index: &'a Index,
    pub searcher: &'a Searcher,
    pub schema: &'a NewsSchema,
    pub vocabularies: &'a Vocabularies,
    /// When the request must be done by.
    pub deadline: deadline::Deadline,
}

impl Context<'_> {
    /// Names of one field, for counting facets.
    pub(crate) fn vocabulary(&self, keyword: Keyword) -> Result<Arc<Vocabulary>> {
        self.vocabularies.get(self.searcher, self.schema, keyword)
    }

    /// Names of one field with folded forms and counts, for looking names up.
    pub(crate) fn names(&self, keyword: Keyword) -> Result<Arc<Vocabulary>> {
        self.vocabularies
            .get_detailed(self.searcher, self.schema, keyword)
    }

    /// A collector pass over `query` that stops at the deadline, answering
    /// [`Error::Timeout`] rather than a partial result.
    pub(crate) fn search<C: Collector>(
        &self,
        query: &dyn Query,
        collector: &C,
    ) -> Result<C::Fruit> {
        self.deadline.check()?;
        let fruit = self
            .searcher
            .search(&*self.deadline.wrap(query.box_clone()), collector)?;
        self.deadline.check()?;
        Ok(fruit)
    }
}

/// Runs a search.
pub(crate) fn run(context: &Context, request: &SearchRequest) -> Result<SearchResponse> {
    validate(request)?;
    limits::check_filters(request)?;
    let names = query_names::QueryNames::of(context)?;
    let text = text::parse(context.index, context.schema, &names, &request.query)?;
    let filters = filter::build(context, request)?;
    let (iterated, selections) = plan(context, &*text, &filters, request.facet_limit > 0)?;

    let fingerprint = fingerprint(request);
    let after = match request.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(cursor) => Some(rank::decode_cursor(cursor, request.sort, fingerprint)?),
        None => None,
    };
    let skip = if after.is_some() { 0 } else { request.offset };
    let mut facets: [Option<Arc<Vocabulary>>; collect::FACETS] = Default::default();
    if request.facet_limit > 0 {
        let keywords = [
            Keyword::Person,
            Keyword::Location,
            Keyword::Organization,
            Keyword::Source,
            Keyword::Language,
        ];
        for (slot, keyword) in keywords.into_iter().enumerate() {
            facets[slot] = Some(context.vocabulary(keyword)?);
        }
    }
    let collector = SearchCollector {
        sort: request.sort,
        window: skip + request.limit,
        after,
        collapse: !request.all_copies,
        facets,
        facet_limit: request.facet_limit,
        selections,
        histogram: request.histogram,
    };
    let collected = context.search(&*iterated, &collector)?;

    let mut page: Vec<_> = collected.window.into_iter().skip(skip).collect();
    let full = restrict(text.box_clone(), filters.all());
    if !collected.similar_counted {
        let clusters: Vec<u64> = page.iter().filter_map(|(_, cluster, _)| *cluster).collect();
        let members = groups::count_members(context, &*full, &clusters)?;
        for (_, cluster, similar) in &mut page {
            if let Some(count) = cluster.and_then(|c| members.get(&c)) {
                *similar = count.saturating_sub(1);
            }
        }
    }
    let next_cursor = match page.last() {
        Some((last, _, _)) if collected.eligible > (skip + page.len()) as u64 => {
            Some(rank::encode_cursor(request.sort, last.key, fingerprint))
        }
        _ => None,
    };
    let hits = build_hits(context, request, &*text, &*full, &page)?;
    let [persons, locations, organizations, sources, languages] = collected.facets;
    let histogram = match request.histogram {
        Some(interval) => fill(interval, &collected.histogram),
        None => Vec::new(),
    };
    Ok(SearchResponse {
        total: collected.total,
        hits,
        facets: Facets {
            persons,
            locations,
            organizations,
            sources,
            languages,
        },
        histogram,
        next_cursor,
        notices: filters.notices,
    })
}

/// The hits of `page`: stored fields, passages marked for `text`, and the
/// ids of near-duplicates matching `full` when asked for; the deadline is
/// checked before each.
fn build_hits(
    context: &Context,
    request: &SearchRequest,
    text: &dyn Query,
    full: &dyn Query,
    page: &[(rank::Ranked, Option<u64>, u64)],
) -> Result<Vec<crate::response::Hit>> {
    let highlighter =
        snippet::Highlighter::new(context.index, context.searcher, text, context.schema)?;
    let builder = hit::HitBuilder {
        context,
        highlighter: &highlighter,
        fragments: request.fragments,
        similar_of: request.include_similar_ids.then_some(full),
    };
    page.iter()
        .map(|(entry, cluster, similar)| {
            context.deadline.check()?;
            builder.build(entry, *cluster, *similar)
        })
        .collect()
}

/// The query the collector iterates, and the selections it evaluates per
/// document (multi-select facets).
fn plan(
    context: &Context,
    text: &dyn Query,
    filters: &filter::Filters,
    facets: bool,
) -> Result<(Box<dyn Query>, Vec<collect::Selection>)> {
    let mut restrictions: Vec<Box<dyn Query>> =
        filters.restrictions.iter().map(|q| q.box_clone()).collect();
    // With facets off there is nothing to count under "all filters but mine",
    // so every filter restricts the iterated query directly.
    if !facets || filters.selections.is_empty() {
        restrictions.extend(filters.selections.iter().map(|(_, q)| q.box_clone()));
        return Ok((restrict(text.box_clone(), restrictions), Vec::new()));
    }
    if filters.selections.len() >= 2 {
        // A document failing two selections counts nowhere: skip it early.
        let any_but_one = BooleanQuery::with_minimum_required_clauses(
            filters
                .selections
                .iter()
                .map(|(_, q)| (Occur::Should, q.box_clone()))
                .collect(),
            filters.selections.len() - 1,
        );
        restrictions.push(Box::new(any_but_one));
    }
    let scoring = EnableScoring::disabled_from_searcher(context.searcher);
    let selections = filters
        .selections
        .iter()
        .map(|(slot, query)| Ok((*slot, query.weight(scoring)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok((restrict(text.box_clone(), restrictions), selections))
}

fn validate(request: &SearchRequest) -> Result<()> {
    if request.offset.saturating_add(request.limit) > MAX_WINDOW {
        return Err(Error::Request(format!(
            "offset + limit may reach {MAX_WINDOW} at most; page deeper with `cursor` (each response's `next_cursor`)"
        )));
    }
    if request.cursor.as_deref().is_some_and(|c| !c.is_empty()) && request.offset > 0 {
        return Err(Error::Request(
            "give either `offset` or `cursor`, not both".into(),
        ));
    }
    if request.fragments > MAX_FRAGMENTS {
        return Err(Error::Request(format!(
            "fragments may be {MAX_FRAGMENTS} at most"
        )));
    }
    if request.facet_limit > MAX_FACET_LIMIT {
        return Err(Error::Request(format!(
            "facet_limit may be {MAX_FACET_LIMIT} at most"
        )));
    }
    Ok(())
}

/// `query` restricted by `filters`, which do not change its scores.
pub(crate) fn restrict(query: Box<dyn Query>, filters: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if filters.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = filters
        .into_iter()
        .map(|f| {
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(f, 0.0)) as Box<dyn Query>,
            )
        })
        .collect();
    if !query.is::<AllQuery>() {
        clauses.push((Occur::Must, query));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Ties a cursor to the search that made it: what selects and orders the hits.
fn fingerprint(request: &SearchRequest) -> u32 {
    let identity = format!(
        "{:?}",
        (
            &request.query,
            request.from,
            request.to,
            &request.persons,
            &request.locations,
            &request.organizations,
            &request.sources,
            &request.sections,
            &request.languages,
            request.sort,
            request.all_copies,
        )
    );
    xxhash_rust::xxh3::xxh3_64(identity.as_bytes()) as u32
}

/// Buckets from the first to the last with matches, empty ones included.
pub(crate) fn fill(
    interval: crate::request::Interval,
    counts: &std::collections::BTreeMap<i64, u64>,
) -> Vec<Bucket> {
    let (Some((&first, _)), Some((&last, _))) = (counts.first_key_value(), counts.last_key_value())
    else {
        return Vec::new();
    };
    histogram::keys_between(interval, first, last)
        .map(|key| Bucket {
            key: histogram::label(interval, key),
            count: counts.get(&key).copied().unwrap_or(0),
        })
        .collect()
}
