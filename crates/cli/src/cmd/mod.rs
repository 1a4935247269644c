//! One module per subcommand: each parses its arguments into a typed struct,
//! calls the library, and prints.

pub mod check;
pub mod entities;
pub mod export;
pub mod extract;
pub mod filters;
pub mod index;
pub mod parse;
pub mod related;
pub mod search;
pub mod serve;
pub mod show;
pub mod timeline;

use std::path::Path;

use news_query::Archive;

/// Opens the archive, or says how to build one (when there is none) or
/// that it is damaged (the error names the file and says what to do).
pub fn open(index: &Path) -> anyhow::Result<Archive> {
    Archive::open(index).map_err(|error| match error {
        news_query::Error::NoArchive { .. } | news_query::Error::Open { .. } => {
            anyhow::Error::new(error).context(format!(
                "no archive to search; build one with `news index --index {} DIR`",
                index.display()
            ))
        }
        other => other.into(),
    })
}
