//! Work finished out of order, applied in the order it was read.
//!
//! The indexing run parses and extracts batches on many threads, which finish
//! in whatever order the scheduler makes them; but which of two exact copies
//! is kept, and which article founds a cluster, must depend on the input
//! alone. So batches are numbered as they are read, and their results are
//! applied (clustered and written) strictly in that order: a finished batch
//! waits in a small reorder buffer until every batch before it is applied,
//! and whichever thread finishes the next one in order applies it and every
//! waiting batch after it. Only one thread applies at a time; the others go
//! back to parsing.
//!
//! The reader may run at most a window of batches ahead of the last one
//! applied ([`InOrder::wait_turn`]), so one slow batch (a huge `.json` file)
//! holds back at most a window of finished ones, and memory stays bounded.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard};

/// A reorder buffer with a window.
pub struct InOrder<T> {
    queue: Mutex<Queue<T>>,
    /// Signalled whenever `next` moves or the run stops.
    turn: Condvar,
    window: u64,
}

struct Queue<T> {
    /// Sequence number of the next item to apply.
    next: u64,
    /// Finished items waiting for their turn.
    ready: BTreeMap<u64, T>,
    /// A thread is applying items; others only leave theirs in `ready`.
    draining: bool,
    /// The run is over (failed or done): nothing more is applied or awaited.
    stopped: bool,
}

impl<T> InOrder<T> {
    /// A buffer whose items are numbered from 0, letting at most `window`
    /// items (at least one) be read and not yet applied.
    pub fn new(window: usize) -> Self {
        InOrder {
            queue: Mutex::new(Queue {
                next: 0,
                ready: BTreeMap::new(),
                draining: false,
                stopped: false,
            }),
            turn: Condvar::new(),
            window: window.max(1) as u64,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Queue<T>> {
        // A panicking applier leaves the queue consistent (it is only changed
        // between applications), so a poisoned lock is still good.
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Blocks until the item numbered `sequence` may be read: until fewer than
    /// the window of items before it are unapplied. `false` when the run has
    /// stopped and nothing more should be read.
    pub fn wait_turn(&self, sequence: u64) -> bool {
        let mut queue = self.lock();
        while !queue.stopped && sequence >= queue.next + self.window {
            queue = self.turn.wait(queue).unwrap_or_else(|e| e.into_inner());
        }
        !queue.stopped
    }

    /// Hands over the finished item numbered `sequence`. If it is the next in
    /// order and no other thread is applying, applies it with `apply`, then
    /// every item after it that is already waiting, in order. An error stops
    /// the buffer and is returned; items of a stopped buffer are dropped.
    pub fn finish<E>(
        &self,
        sequence: u64,
        item: T,
        mut apply: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut queue = self.lock();
        if queue.stopped {
            return Ok(());
        }
        queue.ready.insert(sequence, item);
        if queue.draining || sequence != queue.next {
            return Ok(());
        }
        queue.draining = true;
        loop {
            let next = queue.next;
            let Some(item) = queue.ready.remove(&next) else {
                queue.draining = false;
                return Ok(());
            };
            drop(queue);
            // Not under the lock: other threads keep handing items over.
            let applied = apply(item);
            queue = self.lock();
            queue.next += 1;
            self.turn.notify_all();
            if let Err(error) = applied {
                queue.stopped = true;
                queue.draining = false;
                queue.ready.clear();
                return Err(error);
            }
        }
    }

    /// Stops the buffer: [`InOrder::wait_turn`] returns `false` from now on,
    /// and waiting items are dropped.
    pub fn stop(&self) {
        let mut queue = self.lock();
        queue.stopped = true;
        queue.ready.clear();
        self.turn.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    #[test]
    fn items_finished_in_any_order_are_applied_in_sequence() {
        let buffer = InOrder::new(8);
        let applied = Mutex::new(Vec::new());
        let sequence = AtomicU64::new(0);
        std::thread::scope(|scope| {
            for thread in 0..4u64 {
                let (buffer, applied, sequence) = (&buffer, &applied, &sequence);
                scope.spawn(move || loop {
                    let n = sequence.fetch_add(1, Ordering::Relaxed);
                    if n >= 200 {
                        break;
                    }
                    assert!(buffer.wait_turn(n));
                    // Uneven work, so threads overtake one another.
                    std::thread::sleep(Duration::from_micros((n * 7 + thread * 13) % 300));
                    buffer
                        .finish(n, n, |item| {
                            applied.lock().unwrap().push(item);
                            Ok::<(), ()>(())
                        })
                        .unwrap();
                });
            }
        });
        assert_eq!(*applied.lock().unwrap(), (0..200).collect::<Vec<u64>>());
    }

    #[test]
    fn the_window_holds_back_reading_until_earlier_items_are_applied() {
        let buffer = InOrder::new(2);
        assert!(buffer.wait_turn(0) && buffer.wait_turn(1));
        let noop = |_: u64| Ok::<(), ()>(());
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| buffer.wait_turn(2));
            std::thread::sleep(Duration::from_millis(20));
            assert!(
                !waiter.is_finished(),
                "item 2 waits while 0 and 1 are unapplied"
            );
            // Item 1 finishing first changes nothing: 0 is still missing.
            buffer.finish(1, 1, noop).unwrap();
            std::thread::sleep(Duration::from_millis(20));
            assert!(!waiter.is_finished());
            buffer.finish(0, 0, noop).unwrap();
            assert!(waiter.join().unwrap());
        });
    }

    #[test]
    fn an_error_or_a_stop_releases_the_reader_and_drops_what_waits() {
        let buffer = InOrder::new(1);
        let applied = Mutex::new(Vec::new());
        let apply = |item: u64| {
            applied.lock().unwrap().push(item);
            if item == 1 {
                Err("broken")
            } else {
                Ok(())
            }
        };
        buffer.finish(2, 2, apply).unwrap();
        buffer.finish(0, 0, apply).unwrap();
        assert_eq!(buffer.finish(1, 1, apply), Err("broken"));
        assert!(!buffer.wait_turn(5));
        buffer.finish(3, 3, apply).unwrap();
        assert_eq!(*applied.lock().unwrap(), [0, 1]);

        let stopped = InOrder::<u64>::new(1);
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| stopped.wait_turn(3));
            std::thread::sleep(Duration::from_millis(20));
            stopped.stop();
            assert!(!waiter.join().unwrap());
        });
    }
}
