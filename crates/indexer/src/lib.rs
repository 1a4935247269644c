//! # news-indexer
//!
//! The indexing run: builds a `news-query` archive from article files.
//!
//! ```text
//! files -> news-read (Article) -> news-extract (entities) -> ArticleRecord
//!       -> cluster (wire copies) -> tantivy writer -> commit (+ manifest, clustering state)
//! ```
//!
//! It owns the run and what makes it incremental and safe: walking the
//! inputs, the manifest of files read, wire-copy clustering, the write lock,
//! commits and checkpoints, and the parallel (rayon) pipeline that ties the
//! stages together. Reading formats is `news-read`, entities are
//! `news-extract`, the schema and searching are `news-query`.
//!
//! ```no_run
//! use news_indexer::{index_paths, IndexOptions};
//! # fn main() -> Result<(), news_indexer::IndexError> {
//! let summary = index_paths(
//!     "news-index".as_ref(),
//!     &["corpus".into()],
//!     &IndexOptions::default(),
//!     &|problem: &news_read::Problem| eprintln!("{problem}"),
//! )?;
//! println!("{} articles indexed, {} failed", summary.indexed, summary.failed);
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod atomic;
pub mod checkpoint;
pub mod cluster;
mod error;
mod in_order;
pub mod integrity;
pub mod lock;
pub mod manifest;
mod merge;
pub mod names;
mod pipeline;
pub mod progress;
pub mod record;
mod rewrite;
pub mod rules;
mod stream;
pub mod walk;
mod writer;

pub use checkpoint::CommitEvery;
pub use error::IndexError;
pub use pipeline::{index_paths, IndexOptions, IndexSummary, DEFAULT_CLUSTER_MEMORY};
pub use progress::{Observer, Progress};
