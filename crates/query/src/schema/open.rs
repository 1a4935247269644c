//! Opening the archive's tantivy index: for writing (created when there is
//! none) and, for reading much of it once, without mapping its files.

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::Index;

use super::{register_tokenizers, NewsSchema};

/// Opens the news archive in `dir` for writing, creating an empty one (and
/// the directory) when there is none, with its field handles; an index that
/// is not a news archive is [`crate::Error::NotAnArchive`].
pub fn open_for_writing(dir: &Path) -> crate::Result<(Index, NewsSchema)> {
    let open_error = |source| crate::Error::Open {
        path: dir.to_owned(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(|source| crate::Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let directory = MmapDirectory::open(dir).map_err(|e| open_error(e.into()))?;
    let schema = NewsSchema::new();
    let index = Index::open_or_create(directory, schema.schema.clone()).map_err(|e| match e {
        tantivy::TantivyError::SchemaError(reason) => crate::Error::NotAnArchive {
            path: dir.to_owned(),
            reason,
        },
        other => open_error(other),
    })?;
    register_tokenizers(&index);
    let schema = NewsSchema::of_index(&index, dir)?;
    Ok((index, schema))
}

/// Opens the news archive in `dir` to read much of it once (the indexer's
/// rules pass rereads the stored articles a rule changes): files are read
/// with positioned reads into buffers freed after use rather than mapped,
/// so what is read does not stay in the process's resident memory (see
/// [`crate::Archive::open_for_scan`]). Not for writing, nor for searches.
pub fn open_unmapped(dir: &Path) -> crate::Result<Index> {
    let open_error = |source| crate::Error::Open {
        path: dir.to_owned(),
        source,
    };
    let directory = crate::scan_directory::ScanDirectory::open(dir)
        .map_err(|e| open_error(tantivy::TantivyError::from(e)))?;
    let index = Index::open(directory).map_err(open_error)?;
    register_tokenizers(&index);
    Ok(index)
}
