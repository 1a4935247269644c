//! Where archive calls wait for a core and run: two lanes, so that a few
//! clients sending costly searches back to back cannot make every ordinary
//! search wait behind theirs.
//!
//! Whether a search is costly is not known before it runs (a short query can
//! expand to thousands of names). So every call starts in the *quick* lane
//! ([`Limits::concurrent_searches`] at once) with a budget of
//! [`Limits::quick_budget`]; the archive's cooperative deadline stops it
//! there. A call stopped that way starts again from the beginning in the
//! *slow* lane, where at most [`Limits::slow_searches`] run at once, with
//! what is left of [`Limits::request_timeout`]. An ordinary search then
//! never queues behind a costly one, and competes for the cores with at
//! most `slow_searches` of them; a costly one pays its first
//! `quick_budget` twice. Each lane answers 503 `busy` after
//! [`Limits::queue_timeout`] without a turn.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;
use crate::limits::Limits;

/// The two lanes and their limits.
#[derive(Clone)]
pub(crate) struct Lanes {
    quick: Arc<Semaphore>,
    slow: Arc<Semaphore>,
    limits: Arc<Limits>,
}

impl Lanes {
    pub(crate) fn new(limits: Arc<Limits>) -> Self {
        Lanes {
            quick: Arc::new(Semaphore::new(limits.concurrent_searches.max(1))),
            slow: Arc::new(Semaphore::new(limits.slow_searches.max(1))),
            limits,
        }
    }

    /// Runs `work` on the blocking pool, in the quick lane and, if it runs
    /// out of the quick budget, again in the slow lane. `work` gets the
    /// time it may take, to hand to the archive as its budget.
    pub(crate) async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: Fn(Duration) -> Result<T, ApiError> + Send + Sync + 'static,
    {
        let started = Instant::now();
        let work = Arc::new(work);
        let permit = self.turn(&self.quick, started).await?;
        let left = self.left(started);
        let quick = self.limits.quick_budget;
        if left <= quick {
            return run_blocking(permit, work, left).await;
        }
        let tried = Instant::now();
        match run_blocking(permit, Arc::clone(&work), quick).await {
            // Stopped by the quick budget, not by a shorter one the client set.
            Err(error) if error.is_timeout() && tried.elapsed() >= quick => {}
            done => return done,
        }
        let permit = self.turn(&self.slow, started).await?;
        run_blocking(permit, work, self.left(started)).await
    }

    /// What is left of the request's time.
    fn left(&self, started: Instant) -> Duration {
        self.limits
            .request_timeout
            .saturating_sub(started.elapsed())
    }

    /// Waits for a turn in `lane`, at most the queue timeout (and never past
    /// the request's time).
    async fn turn(
        &self,
        lane: &Arc<Semaphore>,
        started: Instant,
    ) -> Result<OwnedSemaphorePermit, ApiError> {
        let wait = self.limits.queue_timeout.min(self.left(started));
        match tokio::time::timeout(wait, Arc::clone(lane).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(ApiError::internal("the server is shutting down")),
            Err(_) => Err(ApiError::busy(format!(
                "the server is busy: no turn to search came free within {} ms; try again",
                wait.as_millis()
            ))),
        }
    }
}

/// Runs `work(budget)` on the blocking pool, holding `permit` until it ends.
async fn run_blocking<T, F>(
    permit: OwnedSemaphorePermit,
    work: Arc<F>,
    budget: Duration,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: Fn(Duration) -> Result<T, ApiError> + Send + Sync + 'static,
{
    let result = tokio::task::spawn_blocking(move || {
        let result = work(budget);
        drop(permit);
        result
    })
    .await;
    match result {
        Ok(result) => result,
        Err(panic) => Err(ApiError::internal(format!("the request failed: {panic}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn lanes(quick_budget_ms: u64) -> Lanes {
        Lanes::new(Arc::new(Limits {
            concurrent_searches: 1,
            slow_searches: 1,
            quick_budget: Duration::from_millis(quick_budget_ms),
            ..Limits::default()
        }))
    }

    /// A call that "times out" whenever its budget is below `needs`.
    fn work_needing(
        needs: Duration,
        calls: Arc<AtomicUsize>,
    ) -> impl Fn(Duration) -> Result<Duration, ApiError> + Send + Sync + 'static {
        move |budget| {
            calls.fetch_add(1, Ordering::SeqCst);
            if budget < needs {
                std::thread::sleep(budget);
                return Err(ApiError::timeout("stopped"));
            }
            Ok(budget)
        }
    }

    #[tokio::test]
    async fn a_call_within_the_quick_budget_runs_once() {
        let calls = Arc::new(AtomicUsize::new(0));
        let lanes = lanes(50);
        let got = lanes
            .run(work_needing(Duration::ZERO, calls.clone()))
            .await
            .unwrap();
        assert_eq!(got, Duration::from_millis(50));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_call_past_the_quick_budget_runs_again_with_the_rest_of_the_time() {
        let calls = Arc::new(AtomicUsize::new(0));
        let lanes = lanes(20);
        let got = lanes
            .run(work_needing(Duration::from_secs(1), calls.clone()))
            .await
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert!(got > Duration::from_secs(9), "{got:?}");
    }

    #[tokio::test]
    async fn a_timeout_before_the_quick_budget_is_the_clients_own() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let error = lanes(1_000)
            .run(move |_| -> Result<(), ApiError> {
                counted.fetch_add(1, Ordering::SeqCst);
                Err(ApiError::timeout("the client's 5 ms"))
            })
            .await
            .unwrap_err();
        assert!(error.is_timeout());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
