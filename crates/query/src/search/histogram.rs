//! Calendar buckets: counting documents per day, ISO week, month or year from
//! the `day` and `month` fast columns, and naming and gap-filling the buckets.
//!
//! Months and years are real calendar periods because the `month` column holds
//! `year * 12 + month - 1`; weeks are 7-day runs of the `day` column aligned on
//! Mondays (1970-01-05, day 4, was one).

use std::collections::BTreeMap;

use tantivy::columnar::Column;
use tantivy::DocId;

use crate::date::civil_from_days;
use crate::request::Interval;
use crate::schema::field;

/// Widest dense bucket array per segment; rarer spreads (dates over millennia)
/// fall back to a map.
const MAX_DENSE: i64 = 1 << 16;

/// Counts per bucket of one segment.
pub(crate) struct Histogram {
    column: Option<Column<i64>>,
    interval: Interval,
    base: i64,
    dense: Vec<u64>,
    sparse: BTreeMap<i64, u64>,
}

impl Histogram {
    /// The column an interval is counted on.
    pub(crate) fn column(interval: Interval) -> &'static str {
        match interval {
            Interval::Day | Interval::Week => field::DAY,
            Interval::Month | Interval::Year => field::MONTH,
        }
    }

    pub(crate) fn for_column(column: Option<Column<i64>>, interval: Interval) -> Self {
        let (base, dense) = match &column {
            Some(column) if column.num_docs() > 0 => {
                let (low, high) = (
                    bucket(interval, column.min_value()),
                    bucket(interval, column.max_value()),
                );
                let span = (high - low) / width(interval) + 1;
                if (0..=MAX_DENSE).contains(&span) {
                    (low, vec![0; span as usize])
                } else {
                    (0, Vec::new())
                }
            }
            _ => (0, Vec::new()),
        };
        Histogram {
            column,
            interval,
            base,
            dense,
            sparse: BTreeMap::new(),
        }
    }

    pub(crate) fn add(&mut self, doc: DocId) {
        let Some(value) = self.column.as_ref().and_then(|c| c.first(doc)) else {
            return;
        };
        let key = bucket(self.interval, value);
        let index = (key - self.base) / width(self.interval);
        match self.dense.get_mut(index as usize) {
            Some(count) if key >= self.base => *count += 1,
            _ => *self.sparse.entry(key).or_default() += 1,
        }
    }

    /// Bucket key -> count, for buckets with any.
    pub(crate) fn into_counts(self) -> BTreeMap<i64, u64> {
        let width = width(self.interval);
        let mut counts = self.sparse;
        for (i, &count) in self.dense.iter().enumerate() {
            if count > 0 {
                *counts.entry(self.base + i as i64 * width).or_default() += count;
            }
        }
        counts
    }
}

/// The bucket key of a column value: the first day or month of its bucket.
pub(crate) fn bucket(interval: Interval, value: i64) -> i64 {
    match interval {
        Interval::Day | Interval::Month => value,
        Interval::Week => (value - 4).div_euclid(7) * 7 + 4,
        Interval::Year => value.div_euclid(12) * 12,
    }
}

/// Column units between consecutive bucket keys.
pub(crate) fn width(interval: Interval) -> i64 {
    match interval {
        Interval::Day | Interval::Month => 1,
        Interval::Week => 7,
        Interval::Year => 12,
    }
}

/// Every bucket key from `first` to `last`, both included.
pub(crate) fn keys_between(interval: Interval, first: i64, last: i64) -> impl Iterator<Item = i64> {
    let step = width(interval);
    (0..)
        .map(move |i| first + i * step)
        .take_while(move |key| *key <= last)
}

/// Formats a bucket key as `2026`, `2026-01` or `2026-01-28`.
pub(crate) fn label(interval: Interval, key: i64) -> String {
    match interval {
        Interval::Day | Interval::Week => {
            let (y, m, d) = civil_from_days(key);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Interval::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
        Interval::Year => format!("{:04}", key.div_euclid(12)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::days_from_civil;

    #[test]
    fn weeks_start_on_monday() {
        // 2026-01-28 is a Wednesday; its week starts Monday 2026-01-26.
        let wednesday = days_from_civil(2026, 1, 28);
        assert_eq!(
            label(Interval::Week, bucket(Interval::Week, wednesday)),
            "2026-01-26"
        );
        let monday = days_from_civil(2026, 1, 26);
        assert_eq!(bucket(Interval::Week, monday), monday);
        let sunday = days_from_civil(1970, 1, 4);
        assert_eq!(
            label(Interval::Week, bucket(Interval::Week, sunday)),
            "1969-12-29"
        );
    }

    #[test]
    fn years_and_months_are_calendar_periods() {
        let month = 2026 * 12 + 11;
        assert_eq!(label(Interval::Month, month), "2026-12");
        assert_eq!(label(Interval::Year, bucket(Interval::Year, month)), "2026");
        let keys: Vec<i64> = keys_between(Interval::Year, 2024 * 12, 2026 * 12).collect();
        assert_eq!(keys, [2024 * 12, 2025 * 12, 2026 * 12]);
    }
}
