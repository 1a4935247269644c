//! # news-indexer
pub mod extract;
