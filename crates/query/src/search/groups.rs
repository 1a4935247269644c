//! Near-duplicate clusters met while collecting, each standing for its best
//! matching member.
//!
//! Without a cursor only the best `window + 1` clusters matter (one more than
//! shown tells whether another page exists), so [`Groups::Top`] keeps just
//! those, as Lucene's first-pass grouping does: a cluster's rank is its best
//! member's, which only improves as members come, so a cluster pushed out can
//! only come back with a better member, and a document worse than the worst
//! kept cluster costs one comparison. Each segment keeps its own best
//! clusters; a cluster among the best overall is among the best of the segment
//! holding its best member, so merging them is exact. How many members each
//! shown cluster has is counted afterwards, for the page only.
//!
//! With a cursor, a cluster must be left out when any member comes at or
//! before the cursor, which only every member's key can tell, so
//! [`Groups::All`] records every cluster with its best member and count.

use std::collections::{BTreeSet, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::error::Result;
use crate::schema::field;
use crate::search::rank::Ranked;

/// A cluster's best member and, in [`Groups::All`], its number of members.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Group {
    pub best: Ranked,
    pub count: u64,
}

/// The clusters kept while collecting.
#[derive(Debug)]
pub(crate) enum Groups {
    /// The best clusters, at most `capacity`.
    Top(TopGroups),
    /// Every cluster, with exact member counts.
    All(HashMap<u64, Group>),
}

impl Groups {
    pub(crate) fn new(window: usize, with_cursor: bool) -> Self {
        if with_cursor {
            Groups::All(HashMap::new())
        } else {
            Groups::Top(TopGroups::new(window + 1))
        }
    }

    /// Records one member of `cluster`.
    pub(crate) fn add(&mut self, cluster: u64, entry: Ranked) {
        match self {
            Groups::Top(top) => top.offer(cluster, entry),
            Groups::All(all) => {
                all.entry(cluster)
                    .and_modify(|g| {
                        g.count += 1;
                        if entry > g.best {
                            g.best = entry;
                        }
                    })
                    .or_insert(Group {
                        best: entry,
                        count: 1,
                    });
            }
        }
    }

    /// Folds another segment's clusters into these.
    pub(crate) fn merge(&mut self, other: Groups) {
        match (self, other) {
            (Groups::Top(top), Groups::Top(other)) => {
                for (cluster, best) in other.by_cluster {
                    top.offer(cluster, best);
                }
            }
            (Groups::All(all), Groups::All(other)) => {
                for (cluster, group) in other {
                    all.entry(cluster)
                        .and_modify(|g| {
                            g.count += group.count;
                            if group.best > g.best {
                                g.best = group.best;
                            }
                        })
                        .or_insert(group);
                }
            }
            // Every segment of one search is made with the same kind.
            _ => {}
        }
    }

    /// `(cluster, group)` for every cluster kept; counts are 0 for [`Groups::Top`].
    pub(crate) fn into_groups(self) -> Vec<(u64, Group)> {
        match self {
            Groups::Top(top) => top
                .by_cluster
                .into_iter()
                .map(|(cluster, best)| (cluster, Group { best, count: 0 }))
                .collect(),
            Groups::All(all) => all.into_iter().collect(),
        }
    }

    /// Whether member counts are known (else they are counted for the page).
    pub(crate) fn counted(&self) -> bool {
        matches!(self, Groups::All(_))
    }
}

/// The best `capacity` clusters by their best member.
#[derive(Debug)]
pub(crate) struct TopGroups {
    capacity: usize,
    by_cluster: HashMap<u64, Ranked>,
    /// The same, worst first.
    order: BTreeSet<(Ranked, u64)>,
}

impl TopGroups {
    fn new(capacity: usize) -> Self {
        TopGroups {
            capacity,
            by_cluster: HashMap::new(),
            order: BTreeSet::new(),
        }
    }

    fn offer(&mut self, cluster: u64, entry: Ranked) {
        if self.by_cluster.len() >= self.capacity {
            match self.order.first() {
                Some(worst) if entry > worst.0 => {}
                // Worse than every kept cluster: it neither enters nor improves one.
                _ => return,
            }
        }
        if let Some(best) = self.by_cluster.get_mut(&cluster) {
            if entry > *best {
                self.order.remove(&(*best, cluster));
                *best = entry;
                self.order.insert((entry, cluster));
            }
            return;
        }
        if self.by_cluster.len() >= self.capacity {
            if let Some((_, evicted)) = self.order.pop_first() {
                self.by_cluster.remove(&evicted);
            }
        }
        self.by_cluster.insert(cluster, entry);
        self.order.insert((entry, cluster));
    }
}

/// Matching members per cluster, for the clusters of one page.
pub(crate) fn count_members(
    context: &crate::search::Context,
    query: &dyn Query,
    clusters: &[u64],
) -> Result<HashMap<u64, u64>> {
    if clusters.is_empty() {
        return Ok(HashMap::new());
    }
    // One term query per cluster: for the ten or so clusters of a page,
    // a term set's automaton over the whole cluster dictionary of every
    // segment cost a tenth of a search.
    let members: Box<dyn Query> = Box::new(BooleanQuery::new(
        clusters
            .iter()
            .map(|&c| {
                let term = Term::from_field_u64(context.schema.fields.cluster, c);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect(),
    ));
    let query = crate::search::restrict(query.box_clone(), vec![members]);
    context.search(&*query, &MemberCounts)
}

/// Counts matches per value of the `cluster` column.
struct MemberCounts;

impl Collector for MemberCounts {
    type Fruit = HashMap<u64, u64>;
    type Child = MemberSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<MemberSegment> {
        let column = reader.fast_fields().column_opt::<u64>(field::CLUSTER)?;
        Ok(MemberSegment(column, HashMap::new()))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<u64, u64>>) -> tantivy::Result<HashMap<u64, u64>> {
        let mut merged = HashMap::new();
        for fruit in fruits {
            for (cluster, count) in fruit {
                *merged.entry(cluster).or_default() += count;
            }
        }
        Ok(merged)
    }
}

struct MemberSegment(Option<Column<u64>>, HashMap<u64, u64>);

impl SegmentCollector for MemberSegment {
    type Fruit = HashMap<u64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(cluster) = self.0.as_ref().and_then(|c| c.first(doc)) {
            *self.1.entry(cluster).or_default() += 1;
        }
    }

    fn harvest(self) -> HashMap<u64, u64> {
        self.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::rank::SortKey;
    use tantivy::DocAddress;

    fn entry(primary: u64, doc: u32) -> Ranked {
        Ranked {
            key: SortKey { primary, tie: 0 },
            address: DocAddress::new(0, doc),
            score: 0.0,
        }
    }

    fn best(groups: Groups) -> Vec<(u64, u64)> {
        let mut kept: Vec<(u64, u64)> = groups
            .into_groups()
            .into_iter()
            .map(|(cluster, g)| (cluster, g.best.key.primary))
            .collect();
        kept.sort_by_key(|&(_, primary)| std::cmp::Reverse(primary));
        kept
    }

    #[test]
    fn top_groups_keep_the_best_clusters_by_their_best_member() {
        let mut groups = Groups::new(2, false);
        let members = [(1, 5), (2, 7), (3, 6), (1, 9), (4, 1), (3, 8), (2, 2)];
        for (doc, (cluster, primary)) in members.into_iter().enumerate() {
            groups.add(cluster, entry(primary, doc as u32));
        }
        assert_eq!(best(groups), [(1, 9), (3, 8), (2, 7)]);
    }

    #[test]
    fn merging_segments_is_exact() {
        let (mut a, mut b) = (Groups::new(1, false), Groups::new(1, false));
        for (doc, (cluster, primary)) in [(1, 5), (2, 4), (3, 3)].into_iter().enumerate() {
            a.add(cluster, entry(primary, doc as u32));
        }
        for (doc, (cluster, primary)) in [(3, 9), (2, 8), (4, 1)].into_iter().enumerate() {
            b.add(cluster, entry(primary, 10 + doc as u32));
        }
        a.merge(b);
        assert_eq!(best(a), [(3, 9), (2, 8)]);
    }
}
