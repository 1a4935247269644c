//! Answers a [`SearchRequest`]: the query is parsed and combined with the filters,
//! then one pass over the matches counts them, ranks the page of hits and feeds
//! the facet and histogram aggregations.

mod aggregate;
mod filter;
mod snippet;
mod text;

use tantivy::collector::{Count, TopDocs};
use tantivy::{DateTime, DocAddress, Index, Order, Searcher, TantivyDocument};

use crate::date::format_rfc3339;
use crate::error::{Error, Result};
use crate::request::{SearchRequest, Sort};
use crate::response::{Hit, SearchResponse};
use crate::schema::{field, NewsSchema};

/// Most hits one request may ask for; deeper pages use a later offset.
pub const MAX_LIMIT: usize = 10_000;

pub(crate) fn run(
    index: &Index,
    searcher: &Searcher,
    schema: &NewsSchema,
    request: &SearchRequest,
) -> Result<SearchResponse> {
    if request.limit > MAX_LIMIT {
        return Err(Error::Request(format!(
            "limit {} is above the maximum of {MAX_LIMIT}",
            request.limit
        )));
    }
    let text_query = text::parse(index, schema, &request.query)?;
    let query = filter::apply(schema, text_query, request)?;
    let aggregations = aggregate::collector(request);

    let (total, ranked, aggregated) = match request.sort {
        Sort::Relevance => {
            let top = (request.limit > 0).then(|| {
                TopDocs::with_limit(request.limit)
                    .and_offset(request.offset)
                    .order_by_score()
            });
            let (total, top, aggs) = searcher.search(&query, &(Count, top, aggregations))?;
            (total, top.unwrap_or_default(), aggs)
        }
        Sort::Newest | Sort::Oldest => {
            let order = if request.sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let top = (request.limit > 0).then(|| {
                TopDocs::with_limit(request.limit)
                    .and_offset(request.offset)
                    .order_by_fast_field::<DateTime>(field::DATE, order)
            });
            let (total, top, aggs) = searcher.search(&query, &(Count, top, aggregations))?;
            let top = top.unwrap_or_default().into_iter();
            (
                total,
                top.map(|(_, address)| (0.0, address)).collect(),
                aggs,
            )
        }
    };

    let (facets, histogram) = aggregate::read(aggregated, request)?;
    let snippets = snippet::Snippets::new(searcher, &*query, schema)?;
    let hits = ranked
        .into_iter()
        .map(|(score, address)| hit(searcher, schema, &snippets, score, address))
        .collect::<Result<Vec<_>>>()?;
    Ok(SearchResponse {
        total: total as u64,
        hits,
        facets,
        histogram,
    })
}

fn hit(
    searcher: &Searcher,
    schema: &NewsSchema,
    snippets: &snippet::Snippets,
    score: f32,
    address: DocAddress,
) -> Result<Hit> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let record = schema.to_record(&doc);
    let (snippet, highlights) = snippets.body(&record.body);
    Ok(Hit {
        id: record.id,
        title: record.title,
        date: record.date.map(format_rfc3339),
        source: record.source,
        url: record.url,
        dateline: record.dateline,
        score,
        snippet,
        highlights,
        persons: record.persons,
        locations: record.locations,
        organizations: record.organizations,
    })
}
