//! The one pass over the matches: count them, keep the page of hits (one per
//! near-duplicate cluster, after the cursor), count facet values and fill the
//! histogram.
//!
//! **Multi-select facets.** A facet with a selection (persons, locations,
//! organizations, sources, languages) is not part of the query the pass iterates; instead
//! each segment turns the selection into a bitset, and every document gets a
//! mask of the selections it satisfies. A document satisfying all is a match:
//! it is counted, ranked and counted in every facet. A document failing
//! exactly one selection is counted in that facet only: that is "all filters
//! but mine", so a facet's own selection never shrinks its own counts, as
//! Elasticsearch's `post_filter` gives, in one pass rather than one per facet.
//!
//! Facet values are read as per-segment column ordinals into counters
//! ([`super::facets`]), and turned into names only for the top few.

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::Weight;
use tantivy::{BitSet, DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};
use tantivy::{DocSet, TERMINATED};

use crate::request::{Interval, Sort};
use crate::response::FacetCount;
use crate::schema::field;
use crate::search::facets::{top_values, Counter};
use crate::search::groups::Groups;
use crate::search::histogram::Histogram;
use crate::search::rank::{date_key, score_key, Ranked, SortKey, TopK};
use crate::search::vocabulary::Vocabulary;

/// The counted facets, in response order, by their columns.
pub(crate) const FACET_COLUMNS: [&str; FACETS] = [
    field::PERSON,
    field::LOCATION,
    field::ORGANIZATION,
    field::SOURCE,
    field::LANGUAGE,
];
/// The number of counted facets.
pub(crate) const FACETS: usize = 5;
const ALL_SELECTED: u8 = (1 << FACETS) - 1;

/// A facet slot and its selection, evaluated per document.
pub(crate) type Selection = (usize, Box<dyn Weight>);

/// What one search pass collects.
pub(crate) struct SearchCollector {
    pub sort: Sort,
    /// Entries to keep: `offset + limit`.
    pub window: usize,
    /// Keep only entries after this key (the cursor).
    pub after: Option<SortKey>,
    /// Fold near-duplicate clusters into their best entry.
    pub collapse: bool,
    /// Facet vocabularies, `None` for facets not counted.
    pub facets: [Option<Arc<Vocabulary>>; FACETS],
    pub facet_limit: usize,
    /// Per facet slot, the selection evaluated per document (multi-select).
    pub selections: Vec<Selection>,
    pub histogram: Option<Interval>,
}

/// The merged result of a pass.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub total: u64,
    /// The window, best first, each with its near-duplicates counted.
    pub window: Vec<(Ranked, Option<u64>, u64)>,
    /// Entries (clusters folded) after the cursor: more than the window means
    /// another page (without a cursor, counted up to one more than the window).
    pub eligible: u64,
    /// Whether the window's near-duplicate counts are known; else the caller
    /// counts them for the entries it shows.
    pub similar_counted: bool,
    pub facets: [Vec<FacetCount>; FACETS],
    /// Bucket key (in column units) -> matches.
    pub histogram: BTreeMap<i64, u64>,
}

/// Per-segment result.
pub(crate) struct SegmentFruit {
    segment: SegmentOrdinal,
    total: u64,
    top: Vec<Ranked>,
    ungrouped_eligible: u64,
    groups: Groups,
    facets: [Counter; FACETS],
    histogram: BTreeMap<i64, u64>,
}

impl Collector for SearchCollector {
    type Fruit = Collected;
    type Child = SearchSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SearchSegment> {
        let fast = reader.fast_fields();
        let dates = match self.sort {
            Sort::Relevance => None,
            _ => fast.column_opt::<DateTime>(field::DATE)?,
        };
        let mut facets: [Option<Column<u64>>; FACETS] = Default::default();
        let mut counters: [Counter; FACETS] = Default::default();
        for (slot, vocabulary) in self.facets.iter().enumerate() {
            if vocabulary.is_none() {
                continue;
            }
            if let Some(column) = fast.str(FACET_COLUMNS[slot])? {
                counters[slot] = Counter::new(column.num_terms());
                facets[slot] = Some(column.ords().clone());
            }
        }
        let mut masks = Vec::with_capacity(self.selections.len());
        for (slot, weight) in &self.selections {
            let mut set = BitSet::with_max_value(reader.max_doc().max(1));
            let mut scorer = weight.scorer(reader, 1.0)?;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                set.insert(doc);
                doc = scorer.advance();
            }
            masks.push((1u8 << slot, set));
        }
        let histogram = match self.histogram {
            Some(interval) => Some(Histogram::for_column(
                fast.column_opt::<i64>(Histogram::column(interval))?,
                interval,
            )),
            None => None,
        };
        Ok(SearchSegment {
            segment,
            sort: self.sort,
            after: self.after,
            collapse: self.collapse,
            dates,
            id_keys: fast.column_opt::<u64>(field::ID_KEY)?,
            clusters: fast.column_opt::<u64>(field::CLUSTER)?,
            facets,
            counters,
            masks,
            histogram,
            total: 0,
            top: TopK::new(self.window),
            ungrouped_eligible: 0,
            groups: Groups::new(self.window, self.after.is_some()),
            pending: Vec::with_capacity(BATCH),
            rows_docs: Vec::new(),
            rows: Vec::new(),
            values: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Collected> {
        let mut collected = Collected::default();
        let mut top = TopK::new(self.window);
        let mut groups = Groups::new(self.window, self.after.is_some());
        let mut per_facet: [Vec<(SegmentOrdinal, Counter)>; FACETS] = Default::default();
        for fruit in fruits {
            collected.total += fruit.total;
            collected.eligible += fruit.ungrouped_eligible;
            for entry in fruit.top {
                top.push(entry);
            }
            groups.merge(fruit.groups);
            for (bucket, count) in fruit.histogram {
                *collected.histogram.entry(bucket).or_default() += count;
            }
            for (slot, counter) in fruit.facets.into_iter().enumerate() {
                per_facet[slot].push((fruit.segment, counter));
            }
        }
        let mut window: Vec<(Ranked, Option<u64>, u64)> = top
            .into_sorted()
            .into_iter()
            .map(|entry| (entry, None, 0))
            .collect();
        collected.similar_counted = groups.counted();
        for (cluster, group) in groups.into_groups() {
            if self.after.is_none_or(|after| group.best.key < after) {
                collected.eligible += 1;
                window.push((group.best, Some(cluster), group.count.saturating_sub(1)));
            }
        }
        window.sort_unstable_by_key(|w| std::cmp::Reverse(w.0));
        window.truncate(self.window);
        collected.window = window;
        for (slot, counters) in per_facet.into_iter().enumerate() {
            if let Some(vocabulary) = &self.facets[slot] {
                collected.facets[slot] = top_values(vocabulary, counters, self.facet_limit);
            }
        }
        Ok(collected)
    }
}

/// Collects one segment.
pub(crate) struct SearchSegment {
    segment: SegmentOrdinal,
    sort: Sort,
    after: Option<SortKey>,
    collapse: bool,
    dates: Option<Column<DateTime>>,
    id_keys: Option<Column<u64>>,
    clusters: Option<Column<u64>>,
    facets: [Option<Column<u64>>; FACETS],
    counters: [Counter; FACETS],
    masks: Vec<(u8, BitSet)>,
    histogram: Option<Histogram>,
    total: u64,
    top: TopK,
    ungrouped_eligible: u64,
    groups: Groups,
    /// Matches whose facet values are still to be counted, in a batch: column
    /// values read many documents at a time decode faster than one by one.
    pending: Vec<DocId>,
    rows_docs: Vec<DocId>,
    rows: Vec<u32>,
    values: Vec<u64>,
}

/// Matches counted per batch.
const BATCH: usize = 512;

impl SearchSegment {
    /// Counts the facet values of the pending matches.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        for slot in 0..FACET_COLUMNS.len() {
            let Some(column) = &self.facets[slot] else {
                continue;
            };
            self.rows_docs.clear();
            self.rows.clear();
            column.row_ids_for_docs(&self.pending, &mut self.rows_docs, &mut self.rows);
            self.values.resize(self.rows.len(), 0);
            column.values.get_vals(&self.rows, &mut self.values);
            let counter = &mut self.counters[slot];
            for &ord in &self.values {
                counter.add(ord as u32);
            }
        }
        self.pending.clear();
    }

    fn count_facet(&mut self, slot: usize, doc: DocId) {
        if let Some(column) = &self.facets[slot] {
            for ord in column.values_for_doc(doc) {
                self.counters[slot].add(ord as u32);
            }
        }
    }

    fn primary(&self, doc: DocId, score: Score) -> u64 {
        match self.sort {
            Sort::Relevance => score_key(score),
            sort => date_key(
                sort,
                self.dates
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .map(|d| d.into_timestamp_secs()),
            ),
        }
    }

    fn tie(&self, doc: DocId) -> u64 {
        self.id_keys
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(0)
    }

    fn rank(&mut self, doc: DocId, score: Score) {
        let cluster = if self.collapse {
            self.clusters.as_ref().and_then(|c| c.first(doc))
        } else {
            None
        };
        let primary = self.primary(doc, score);
        if cluster.is_none() {
            // Most documents are settled by the primary key alone; the tie
            // column is read only when it decides.
            let after_cursor = self.after.is_none_or(|after| primary < after.primary);
            if self.after.is_some_and(|after| primary > after.primary) {
                return;
            }
            if after_cursor && !self.top.may_admit(primary) {
                self.ungrouped_eligible += 1;
                return;
            }
        }
        let key = SortKey {
            primary,
            tie: self.tie(doc),
        };
        let entry = Ranked {
            key,
            address: DocAddress::new(self.segment, doc),
            score,
        };
        if let Some(cluster) = cluster {
            self.groups.add(cluster, entry);
            return;
        }
        if self.after.is_some_and(|after| key >= after) {
            return;
        }
        self.ungrouped_eligible += 1;
        if self.top.admits(key) {
            self.top.push(entry);
        }
    }
}

impl SegmentCollector for SearchSegment {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let mut mask = ALL_SELECTED;
        for (bit, set) in &self.masks {
            if !set.contains(doc) {
                mask &= !bit;
            }
        }
        if mask != ALL_SELECTED {
            let missing = ALL_SELECTED & !mask;
            if missing.count_ones() == 1 {
                self.count_facet(missing.trailing_zeros() as usize, doc);
            }
            return;
        }
        self.total += 1;
        if self.facets.iter().any(Option::is_some) {
            self.pending.push(doc);
            if self.pending.len() == BATCH {
                self.flush();
            }
        }
        if let Some(histogram) = &mut self.histogram {
            histogram.add(doc);
        }
        self.rank(doc, score);
    }

    fn harvest(mut self) -> SegmentFruit {
        self.flush();
        SegmentFruit {
            segment: self.segment,
            total: self.total,
            top: self.top.into_sorted(),
            ungrouped_eligible: self.ungrouped_eligible,
            groups: self.groups,
            facets: self.counters,
            histogram: self
                .histogram
                .map(Histogram::into_counts)
                .unwrap_or_default(),
        }
    }
}
