//! # news-query
//!
//! Faceted search over a news archive: full text in tantivy's query syntax
//! (where a canonical name also finds the articles tagged with it, however
//! they spell it), filters by date, person, place, organization, source and
//! section, and per query the most frequent entities and a calendar histogram.
//!
//! This crate owns the archive's [schema] (field names, analysers, how dates and
//! entities are stored). It does **not** read article files or extract entities:
//! that is `news-indexer`, so a service embedding this crate pays for neither.
//!
//! ```
//! use news_query::{Archive, SearchRequest};
//! # use news_query::schema::{write_records, ArticleRecord};
//! # fn main() -> Result<(), news_query::Error> {
//! # let dir = tempfile::tempdir().unwrap();
//! # write_records(dir.path(), &[ArticleRecord {
//! #     id: "seed".into(), title: "Sharaa meets Putin".into(), body: "Talks on Tartus.".into(),
//! #     date: Some(1_769_558_400), persons: vec!["Vladimir Putin".into()], ..Default::default() }])?;
//! # let path = dir.path();
//! let archive = Archive::open(path)?; // a directory written by `news index`
//! let request = SearchRequest {
//!     query: "Tartus".into(),
//!     from: Some("2025".parse()?),
//!     ..Default::default()
//! };
//! let response = archive.search(&request)?;
//! println!("{} articles", response.total);
//! for person in &response.facets.persons {
//!     println!("{:>5} {}", person.count, person.value);
//! }
//! assert_eq!(response.facets.persons[0].value, "Vladimir Putin");
//! # Ok(()) }
//! ```
//!
//! Besides [`Archive::search`] there are [`Archive::timeline`],
//! [`Archive::related`], [`Archive::entities`], [`Archive::article`] and
//! [`Archive::scan`] (every match, for exports); the
//! request and response types serialise to the JSON that `news search --json`
//! prints.

#![warn(missing_docs)]

mod archive;
pub mod date;
mod entity;
mod error;
mod request;
mod response;
mod scan;
mod scan_directory;
pub mod schema;
mod search;
mod stem;
pub mod verified;
pub mod verify;

pub use archive::Archive;
pub use date::PartialDate;
pub use entity::{
    kind_letter, Entity, EntityKind, NameMatch, Provenance, StoredEntities, StoredEntity,
};
pub use error::{Error, Result};
pub use request::{Interval, SearchRequest, Sort, MAX_FACET_LIMIT, MAX_FRAGMENTS, MAX_WINDOW};
pub use response::{
    Bucket, FacetCount, Facets, FilterFacet, Fragment, Hit, Notice, SearchResponse, Timeline,
    TimelineBucket,
};
pub use scan::{Scan, ScannedArticle};
pub use schema::ArticleRecord;
pub use search::limits::{
    MAX_EXPANSIONS, MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL, MAX_PHRASE_SLOP, MAX_PHRASE_WORDS,
    MAX_QUERY_TERMS, MAX_SLOPPY_REPEATS,
};
pub use search::snippet::mark_html;
