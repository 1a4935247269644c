//! # news-query
//!
//! Faceted search over a news archive: full text in tantivy's query syntax,
//! filters by date, person, place, organization, source and section, and per
//! query the most frequent entities and a calendar histogram.
//!
//! This crate owns the archive's [schema] (field names, analysers, how dates and
//! entities are stored). It does **not** read article files or extract entities:
//! that is `news-indexer`, so a service embedding this crate pays for neither.
//!
//! ```no_run
//! use news_query::{Archive, SearchRequest};
//! # fn main() -> Result<(), news_query::Error> {
//! let archive = Archive::open("news-index")?;
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
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod archive;
pub mod date;
mod error;
mod request;
mod response;
pub mod schema;
mod search;
mod stem;

pub use archive::Archive;
pub use date::PartialDate;
pub use error::{Error, Result};
pub use request::{Interval, SearchRequest, Sort};
pub use response::{Bucket, FacetCount, Facets, Hit, SearchResponse};
pub use schema::ArticleRecord;
