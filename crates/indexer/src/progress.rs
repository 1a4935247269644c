//! What a run tells its caller while it goes: each problem as it is found, and
//! a progress snapshot a few times a second. Rendering (a bar on a terminal,
//! plain lines in a log) is the caller's business.

use std::time::Duration;

use news_read::Problem;

/// A snapshot of a run in progress.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    /// Articles written so far.
    pub articles: u64,
    /// Files read to the end so far.
    pub files_read: u64,
    /// Files this run reads (new and changed ones).
    pub files_to_read: u64,
    /// Raw bytes read so far (compressed bytes for compressed files).
    pub bytes_read: u64,
    /// Raw bytes of all the files this run reads: the total for an ETA.
    pub bytes_to_read: u64,
    /// Time since the run started.
    pub elapsed: Duration,
}

/// Receives a run's problems and progress. Called from several threads.
pub trait Observer: Sync {
    /// A file or line could not be read (or only partly); the run goes on.
    fn problem(&self, problem: &Problem);

    /// Where the run stands; called about ten times a second while reading,
    /// and once when reading ends.
    fn progress(&self, progress: &Progress) {
        let _ = progress;
    }
}

/// Any `Fn(&Problem)` is an observer that ignores progress.
impl<F: Fn(&Problem) + Sync> Observer for F {
    fn problem(&self, problem: &Problem) {
        self(problem)
    }
}
