//! A request's time budget, enforced while it runs: the work stops, rather
//! than only the answer being abandoned, so a request past its budget frees
//! its core and memory at once.
//!
//! Between steps (filters, the collector pass, each hit) the search calls
//! [`Deadline::check`]. Inside a collector pass, [`Deadline::wrap`] puts the
//! query under a scorer that looks at the clock every [`CHECK_EVERY`]
//! documents and ends the pass early once the budget is spent; the pass's
//! partial result is then thrown away by [`Deadline::check`]. One step of
//! tantivy itself (finding the next match of a phrase in a segment) runs to
//! its end: the query limits of [`super::limits`] keep those steps small.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use crate::error::{Error, Result};

/// Documents a wrapped scorer steps through between two looks at the clock:
/// a look costs tens of nanoseconds, a document about as much.
const CHECK_EVERY: u32 = 1024;

/// When a request must be done by; `Deadline::none()` never passes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Deadline(Option<Arc<Budget>>);

#[derive(Debug)]
struct Budget {
    at: Instant,
    budget: Duration,
    /// Set by whoever first sees the time run out, so every thread stops.
    passed: AtomicBool,
}

impl Deadline {
    /// No budget.
    pub(crate) fn none() -> Self {
        Deadline(None)
    }

    /// `budget_ms` from now, or none.
    pub(crate) fn after_ms(budget_ms: Option<u64>) -> Self {
        let Some(ms) = budget_ms else {
            return Deadline::none();
        };
        let budget = Duration::from_millis(ms);
        // A budget too large to add to the clock is no budget.
        match Instant::now().checked_add(budget) {
            Some(at) => Deadline(Some(Arc::new(Budget {
                at,
                budget,
                passed: AtomicBool::new(false),
            }))),
            None => Deadline::none(),
        }
    }

    /// `budget` from now, or none.
    pub(crate) fn after(budget: Option<Duration>) -> Self {
        Deadline::after_ms(budget.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)))
    }

    /// [`Error::Timeout`] once the budget is spent.
    pub(crate) fn check(&self) -> Result<()> {
        match &self.0 {
            Some(budget) if budget.passed() => Err(Error::Timeout {
                budget_ms: u64::try_from(budget.budget.as_millis()).unwrap_or(u64::MAX),
            }),
            _ => Ok(()),
        }
    }

    /// `query`, ending its collector passes early once the budget is spent;
    /// `query` itself when there is no budget.
    pub(crate) fn wrap(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        match &self.0 {
            Some(budget) => Box::new(DeadlineQuery {
                inner: query,
                budget: Arc::clone(budget),
            }),
            None => query,
        }
    }
}

impl Budget {
    fn passed(&self) -> bool {
        if self.passed.load(Ordering::Relaxed) {
            return true;
        }
        let passed = Instant::now() >= self.at;
        if passed {
            self.passed.store(true, Ordering::Relaxed);
        }
        passed
    }
}

/// A query whose scorers stop at the deadline.
#[derive(Debug)]
struct DeadlineQuery {
    inner: Box<dyn Query>,
    budget: Arc<Budget>,
}

impl Clone for DeadlineQuery {
    fn clone(&self) -> Self {
        DeadlineQuery {
            inner: self.inner.box_clone(),
            budget: Arc::clone(&self.budget),
        }
    }
}

impl Query for DeadlineQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(DeadlineWeight {
            inner: self.inner.weight(scoring)?,
            budget: Arc::clone(&self.budget),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct DeadlineWeight {
    inner: Box<dyn Weight>,
    budget: Arc<Budget>,
}

impl Weight for DeadlineWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        if self.budget.passed() {
            return Ok(Box::new(tantivy::query::EmptyScorer));
        }
        Ok(Box::new(DeadlineScorer {
            inner: self.inner.scorer(reader, boost)?,
            budget: Arc::clone(&self.budget),
            countdown: CHECK_EVERY,
            stopped: false,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

struct DeadlineScorer {
    inner: Box<dyn Scorer>,
    budget: Arc<Budget>,
    countdown: u32,
    stopped: bool,
}

impl DeadlineScorer {
    /// Whether to stop here: every [`CHECK_EVERY`] steps, a look at the clock.
    fn out_of_time(&mut self) -> bool {
        if self.stopped {
            return true;
        }
        self.countdown -= 1;
        if self.countdown == 0 {
            self.countdown = CHECK_EVERY;
            self.stopped = self.budget.passed();
        }
        self.stopped
    }
}

impl DocSet for DeadlineScorer {
    fn advance(&mut self) -> DocId {
        if self.out_of_time() {
            return TERMINATED;
        }
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.out_of_time() {
            return TERMINATED;
        }
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        if self.stopped {
            return TERMINATED;
        }
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for DeadlineScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::query::AllQuery;
    use tantivy::schema::{Schema, STRING};
    use tantivy::{doc, Index, IndexWriter};

    /// An index of `n` one-field documents in one segment.
    fn index(n: usize) -> Index {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        for i in 0..n {
            writer.add_document(doc!(id => i.to_string())).unwrap();
        }
        writer.commit().unwrap();
        index
    }

    #[test]
    fn a_pass_under_a_spent_budget_stops_and_one_without_runs_through() {
        let index = index(5_000);
        let searcher = index.reader().unwrap().searcher();
        let all: Box<dyn Query> = Box::new(AllQuery);
        let free = Deadline::none().wrap(all.box_clone());
        assert_eq!(searcher.search(&*free, &Count).unwrap(), 5_000);
        let roomy = Deadline::after_ms(Some(600_000)).wrap(all.box_clone());
        assert_eq!(searcher.search(&*roomy, &Count).unwrap(), 5_000);
        let spent = Deadline::after_ms(Some(0)).wrap(all);
        assert_eq!(searcher.search(&*spent, &Count).unwrap(), 0);
    }

    /// A scorer whose budget runs out mid-pass stops at its next look at the clock.
    #[test]
    fn a_scorer_stops_within_one_check_of_the_deadline() {
        let index = index(5_000);
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        let weight = AllQuery
            .weight(EnableScoring::disabled_from_searcher(&searcher))
            .unwrap();
        let budget = Arc::new(Budget {
            at: Instant::now(),
            budget: Duration::ZERO,
            passed: AtomicBool::new(false),
        });
        let mut scorer = DeadlineScorer {
            inner: weight.scorer(reader, 1.0).unwrap(),
            budget,
            countdown: CHECK_EVERY,
            stopped: false,
        };
        let mut seen = 0u32;
        while scorer.doc() != TERMINATED {
            seen += 1;
            scorer.advance();
        }
        assert_eq!(seen, CHECK_EVERY, "stopped at the first look at the clock");
        assert_eq!(scorer.advance(), TERMINATED);
    }

    #[test]
    fn no_budget_never_passes_and_a_spent_one_does() {
        assert!(Deadline::none().check().is_ok());
        assert!(Deadline::after_ms(Some(60_000)).check().is_ok());
        assert!(Deadline::after_ms(Some(u64::MAX)).check().is_ok());
        let spent = Deadline::after_ms(Some(0));
        assert!(matches!(
            spent.check(),
            Err(Error::Timeout { budget_ms: 0 })
        ));
    }
}
