//! Facet counts (terms aggregations over the entity columns) and the calendar
//! histogram (a histogram aggregation over the `day` or `month` column).

use serde_json::json;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::{AggregationResult, AggregationResults, BucketResult};
use tantivy::aggregation::{AggregationCollector, Key};

use crate::error::Result;
use crate::request::{Interval, SearchRequest};
use crate::response::{Bucket, FacetCount, Facets};
use crate::schema::{civil_from_days, field};

const FACETS: [(&str, &str); 4] = [
    ("persons", field::PERSON),
    ("locations", field::LOCATION),
    ("organizations", field::ORGANIZATION),
    ("sources", field::SOURCE),
];
const HISTOGRAM: &str = "histogram";

/// The aggregations `request` asks for, or `None` when it asks for none.
pub(crate) fn collector(request: &SearchRequest) -> Option<AggregationCollector> {
    let mut request_json = serde_json::Map::new();
    if request.facet_limit > 0 {
        // Each segment reports more than the top N so merged counts stay exact
        // for all but the rarest values.
        let shard_size = (request.facet_limit * 10).max(100);
        for (name, column) in FACETS {
            request_json.insert(
                name.to_owned(),
                json!({"terms": {"field": column, "size": request.facet_limit, "shard_size": shard_size}}),
            );
        }
    }
    if let Some(interval) = request.histogram {
        let (column, width, offset) = histogram_column(interval);
        request_json.insert(
            HISTOGRAM.to_owned(),
            json!({"histogram": {"field": column, "interval": width, "offset": offset}}),
        );
    }
    if request_json.is_empty() {
        return None;
    }
    let aggregations: Aggregations = serde_json::from_value(request_json.into())
        .expect("aggregation request built here is valid");
    Some(AggregationCollector::from_aggs(
        aggregations,
        Default::default(),
    ))
}

/// Column, bucket width and offset of each interval. Weeks start on Monday:
/// day 4 since the epoch (1970-01-05) was one.
fn histogram_column(interval: Interval) -> (&'static str, i64, i64) {
    match interval {
        Interval::Day => (field::DAY, 1, 0),
        Interval::Week => (field::DAY, 7, 4),
        Interval::Month => (field::MONTH, 1, 0),
        Interval::Year => (field::MONTH, 12, 0),
    }
}

/// Reads facets and histogram out of the aggregation results.
pub(crate) fn read(
    results: Option<AggregationResults>,
    request: &SearchRequest,
) -> Result<(Facets, Vec<Bucket>)> {
    let Some(mut results) = results else {
        return Ok((Facets::default(), Vec::new()));
    };
    let mut take = |name: &str| terms(results.0.remove(name));
    let facets = Facets {
        persons: take("persons"),
        locations: take("locations"),
        organizations: take("organizations"),
        sources: take("sources"),
    };
    let histogram = match (request.histogram, results.0.remove(HISTOGRAM)) {
        (Some(interval), Some(result)) => buckets(interval, result),
        _ => Vec::new(),
    };
    Ok((facets, histogram))
}

fn terms(result: Option<AggregationResult>) -> Vec<FacetCount> {
    let Some(AggregationResult::BucketResult(BucketResult::Terms { buckets, .. })) = result else {
        return Vec::new();
    };
    buckets
        .into_iter()
        .filter_map(|bucket| match bucket.key {
            Key::Str(value) => Some(FacetCount {
                value,
                count: bucket.doc_count,
            }),
            _ => None,
        })
        .collect()
}

/// Histogram buckets oldest first, with every empty bucket between the first
/// and last filled in.
fn buckets(interval: Interval, result: AggregationResult) -> Vec<Bucket> {
    let AggregationResult::BucketResult(BucketResult::Histogram { buckets }) = result else {
        return Vec::new();
    };
    let (_, width, _) = histogram_column(interval);
    let mut counts: Vec<(i64, u64)> = buckets
        .iter()
        .filter_map(|bucket| match bucket.key {
            Key::F64(key) => Some((key as i64, bucket.doc_count)),
            Key::I64(key) => Some((key, bucket.doc_count)),
            Key::U64(key) => Some((key as i64, bucket.doc_count)),
            Key::Str(_) => None,
        })
        .filter(|&(_, count)| count > 0)
        .collect();
    counts.sort_unstable();
    let (Some(&(first, _)), Some(&(last, _))) = (counts.first(), counts.last()) else {
        return Vec::new();
    };
    let mut filled = Vec::with_capacity(((last - first) / width + 1) as usize);
    let mut next = counts.into_iter().peekable();
    let mut key = first;
    while key <= last {
        let count = match next.peek() {
            Some(&(k, c)) if k == key => {
                next.next();
                c
            }
            _ => 0,
        };
        filled.push(Bucket {
            key: bucket_key(interval, key),
            count,
        });
        key += width;
    }
    filled
}

/// Formats a histogram key as `2026`, `2026-01` or `2026-01-28`.
pub(crate) fn bucket_key(interval: Interval, key: i64) -> String {
    match interval {
        Interval::Day | Interval::Week => {
            let (y, m, d) = civil_from_days(key);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Interval::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
        Interval::Year => format!("{:04}", key.div_euclid(12)),
    }
}
