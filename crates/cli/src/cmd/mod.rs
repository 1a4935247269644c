//! One module per subcommand: each parses its arguments into a typed struct,
//! calls the library, and prints.

pub mod entities;
pub mod export;
pub mod extract;
pub mod filters;
pub mod index;
pub mod related;
pub mod search;
pub mod serve;
pub mod show;
pub mod timeline;

use std::path::Path;

use anyhow::Context;
use news_query::Archive;

/// Opens the archive, or says how to build one.
pub fn open(index: &Path) -> anyhow::Result<Archive> {
    Archive::open(index).with_context(|| {
        format!(
            "no archive to search; build one with `news index --index {} DIR`",
            index.display()
        )
    })
}
