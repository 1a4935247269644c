//! [`Timeline`]: per calendar bucket, the query's matches, the coverage they
//! are part of (articles passing the date, section and source filters), and
//! the share one is of the other.

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, Query};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::request::{Interval, SearchRequest};
use crate::response::{Timeline, TimelineBucket};
use crate::search::histogram::{keys_between, label, Histogram};
use crate::search::{filter, query_names, restrict, text, Context};

/// Builds the timeline of `request`'s query and filters.
pub(crate) fn run(
    context: &Context,
    request: &SearchRequest,
    interval: Interval,
) -> Result<Timeline> {
    crate::search::limits::check_filters(request)?;
    let names = query_names::QueryNames::of(context)?;
    let text = text::parse(context.index, context.schema, &names, &request.query)?;
    let filters = filter::build(context, request)?;
    let matches = restrict(text, filters.all());
    let (total, counts) = context.search(
        &*matches,
        &(tantivy::collector::Count, BucketCounts(interval)),
    )?;
    let count_coverage = |coverage: &dyn Query| context.search(coverage, &BucketCounts(interval));
    let coverage = filters.coverage();
    let totals = if coverage.is_empty() {
        context
            .vocabularies
            .totals(interval, || count_coverage(&AllQuery))?
    } else {
        Arc::new(count_coverage(&*restrict(Box::new(AllQuery), coverage))?)
    };
    let buckets = match (totals.first_key_value(), totals.last_key_value()) {
        (Some((&first, _)), Some((&last, _))) => keys_between(interval, first, last)
            .map(|key| {
                let count = counts.get(&key).copied().unwrap_or(0);
                let total = totals.get(&key).copied().unwrap_or(0);
                TimelineBucket {
                    key: label(interval, key),
                    count,
                    total,
                    ratio: if total == 0 {
                        0.0
                    } else {
                        count as f64 / total as f64
                    },
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Timeline {
        interval,
        total: total as u64,
        buckets,
        notices: filters.notices,
    })
}

/// Counts matches per bucket (undated articles are in none).
struct BucketCounts(Interval);

impl Collector for BucketCounts {
    type Fruit = BTreeMap<i64, u64>;
    type Child = BucketSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<BucketSegment> {
        let column = reader
            .fast_fields()
            .column_opt::<i64>(Histogram::column(self.0))?;
        Ok(BucketSegment(Histogram::for_column(column, self.0)))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<BTreeMap<i64, u64>>) -> tantivy::Result<BTreeMap<i64, u64>> {
        let mut merged = BTreeMap::new();
        for fruit in fruits {
            for (key, count) in fruit {
                *merged.entry(key).or_default() += count;
            }
        }
        Ok(merged)
    }
}

struct BucketSegment(Histogram);

impl SegmentCollector for BucketSegment {
    type Fruit = BTreeMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.0.add(doc);
    }

    fn harvest(self) -> BTreeMap<i64, u64> {
        self.0.into_counts()
    }
}
