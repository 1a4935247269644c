//! How `news index` shows a run in progress: a bar on a terminal (articles,
//! articles/s, bytes read of the total and the ETA they give), a plain line
//! every few seconds when stderr is a log, nothing with `--quiet`. Problems are
//! printed in every case, above the bar when there is one.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use news_indexer::{Observer, Progress};
use news_read::Problem;

/// Seconds between plain progress lines.
const LINE_EVERY: Duration = Duration::from_secs(5);

/// Renders problems and progress of an indexing run on stderr.
pub struct Reporter {
    mode: Mode,
}

enum Mode {
    Quiet,
    Bar(ProgressBar),
    /// When the last line was printed.
    Lines(Mutex<Duration>),
}

impl Reporter {
    /// A bar when stderr is a terminal, else plain lines; nothing when `quiet`.
    pub fn new(quiet: bool) -> Self {
        let mode = if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed:>4} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {msg} ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            Mode::Bar(bar)
        } else {
            Mode::Lines(Mutex::new(Duration::ZERO))
        };
        Reporter { mode }
    }

    /// Removes the bar before the summary is printed.
    pub fn finish(&self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }
}

impl Observer for Reporter {
    fn problem(&self, problem: &Problem) {
        match &self.mode {
            Mode::Bar(bar) => bar.suspend(|| eprintln!("{problem}")),
            _ => eprintln!("{problem}"),
        }
    }

    fn progress(&self, progress: &Progress) {
        match &self.mode {
            Mode::Quiet => {}
            Mode::Bar(bar) => {
                bar.set_length(progress.bytes_to_read);
                bar.set_position(progress.bytes_read);
                bar.set_message(format!(
                    "{} articles, {:.0}/s",
                    progress.articles,
                    rate(progress)
                ));
            }
            Mode::Lines(last) => {
                let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
                if progress.elapsed >= *last + LINE_EVERY {
                    *last = progress.elapsed;
                    eprintln!("{}", line(progress));
                }
            }
        }
    }
}

fn rate(progress: &Progress) -> f64 {
    let seconds = progress.elapsed.as_secs_f64();
    if seconds > 0.0 {
        progress.articles as f64 / seconds
    } else {
        0.0
    }
}

/// One plain progress line.
fn line(progress: &Progress) -> String {
    let share = if progress.bytes_to_read > 0 {
        progress.bytes_read as f64 / progress.bytes_to_read as f64
    } else {
        0.0
    };
    let seconds = progress.elapsed.as_secs_f64();
    let eta = if share > 0.0 {
        format!(", ETA {:.0} s", seconds / share - seconds)
    } else {
        String::new()
    };
    format!(
        "indexing: {} articles ({:.0}/s), {} of {} files, {:.0}% of {:.1} MB read{eta}",
        progress.articles,
        rate(progress),
        progress.files_read,
        progress.files_to_read,
        share * 100.0,
        progress.bytes_to_read as f64 / 1e6,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_give_rate_share_and_eta() {
        let progress = Progress {
            articles: 1000,
            files_read: 1,
            files_to_read: 4,
            bytes_read: 25_000_000,
            bytes_to_read: 100_000_000,
            elapsed: Duration::from_secs(10),
        };
        assert_eq!(
            line(&progress),
            "indexing: 1000 articles (100/s), 1 of 4 files, 25% of 100.0 MB read, ETA 30 s"
        );
    }
}
