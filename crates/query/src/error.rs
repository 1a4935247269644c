//! Typed errors of `news-query`.

use std::path::PathBuf;

/// Everything that can go wrong opening an archive or answering a request.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The directory holds no index, or tantivy could not open it.
    #[error("cannot open archive at {path}: {source}")]
    Open {
        /// The directory asked for.
        path: PathBuf,
        /// Why tantivy refused.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The archive directory cannot be created or read.
    #[error("cannot use directory {path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The directory holds a tantivy index that is not a news archive.
    #[error("{path} is not a news archive ({reason}); rebuild it with `news index`")]
    NotAnArchive {
        /// The directory asked for.
        path: PathBuf,
        /// Which part of the schema differs.
        reason: String,
    },
    /// The query text does not parse.
    #[error("invalid query at character {position}: {message}\n  {query}\n  {caret}", caret = caret(*.position))]
    Query {
        /// The query as given.
        query: String,
        /// Character offset (0-based) where the problem starts.
        position: usize,
        /// What is wrong there.
        message: String,
    },
    /// A date bound is not `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or RFC 3339.
    #[error("invalid date `{value}`: expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 time")]
    Date {
        /// The text given.
        value: String,
    },
    /// The request is well-formed JSON but asks for something impossible.
    #[error("invalid request: {0}")]
    Request(String),
    /// No article has this id.
    #[error("no article with id `{0}`")]
    UnknownArticle(String),
    /// The `cursor` was not made by this archive for this search.
    #[error("invalid cursor: {0}")]
    Cursor(String),
    /// The directory holds no archive (no `meta.json`, no segment file).
    #[error("no archive at {path}")]
    NoArchive {
        /// The directory asked for.
        path: PathBuf,
    },
    /// A file of the archive is missing, cut short or changed (see
    /// [`crate::verify`]), or tantivy failed on one in a way only damage
    /// explains; nothing is answered from a damaged archive.
    #[error(
        "archive {path} is damaged: {detail}; run `news check --index {path}` for a full report, \
         and rebuild the archive from its inputs (docs/RELIABILITY.md, \"Damaged archives\")",
        path = path.display()
    )]
    Damaged {
        /// The archive directory.
        path: PathBuf,
        /// The file and what is wrong with it, in words.
        detail: String,
    },
    /// The index failed underneath.
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    // Bounded work per request (see the `MAX_*` constants of this crate).
    /// The request asks for more than a limit of this crate allows, before
    /// any work is done: too many words or filter values, a phrase too long
    /// or too sloppy.
    #[error("{what} is {given}; at most {max} allowed ({limit})")]
    Limit {
        /// The constant that sets the limit, such as `MAX_PHRASE_SLOP`.
        limit: &'static str,
        /// What was counted, for people: "the slop of phrase \"a b\"".
        what: String,
        /// The value given.
        given: usize,
        /// The most allowed.
        max: usize,
    },
    /// The request ran past its time budget and was stopped, its work undone.
    #[error("the request took longer than its {budget_ms} ms budget and was stopped")]
    Timeout {
        /// The budget, in milliseconds.
        budget_ms: u64,
    },
}

fn caret(position: usize) -> String {
    format!("{}^", " ".repeat(position))
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
