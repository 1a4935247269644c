//! # news-indexer
//!
//! Builds a `news-query` archive from article files:
//!
//! ```text
//! files -> read (format by extension) -> Article -> extract (entities, dates) -> ArticleRecord -> tantivy
//! ```
//!
//! It owns reading (`.txt`, `.json`, `.jsonl`/`.ndjson`, any of them `.gz` or
//! `.zst`), dateline and date recognition, entity extraction, wire-copy
//! clustering, the manifest that makes runs incremental, and the parallel
//! indexing run. It does not own the schema (that is `news_query::schema`, so
//! both sides agree) nor searching.
//!
//! ```no_run
//! use news_indexer::{index_paths, IndexOptions};
//! # fn main() -> Result<(), news_indexer::IndexError> {
//! let summary = index_paths(
//!     "news-index".as_ref(),
//!     &["corpus".into()],
//!     &IndexOptions::default(),
//!     &|problem: &news_indexer::Problem| eprintln!("{problem}"),
//! )?;
//! println!("{} articles indexed, {} failed", summary.indexed, summary.failed);
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

pub mod article;
pub mod checkpoint;
pub mod cluster;
pub mod date;
mod error;
pub mod extract;
mod in_order;
pub mod integrity;
pub mod lock;
pub mod manifest;
mod merge;
mod pipeline;
mod problem;
pub mod progress;
pub mod read;
pub mod record;
pub mod synth;
pub mod walk;
mod writer;

pub use article::{Article, Origin};
pub use checkpoint::CommitEvery;
pub use error::IndexError;
pub use pipeline::{index_paths, IndexOptions, IndexSummary, DEFAULT_CLUSTER_MEMORY};
pub use problem::{Problem, Severity};
pub use progress::{Observer, Progress};
