//! Files of the archive replaced whole or not at all: written under a
//! temporary name, then renamed into place (a rename within a directory is
//! atomic), so a crash leaves the old file or the new one, never half of one.

use std::io;
use std::path::{Path, PathBuf};

/// Where a file of the archive is written before it is renamed into place.
pub(crate) fn temporary(path: &Path) -> PathBuf {
    path.with_extension("tmp")
}

/// Replaces `path` with what `write` writes to the temporary file it is given.
pub(crate) fn replace(path: &Path, write: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let temporary = temporary(path);
    write(&temporary)?;
    std::fs::rename(&temporary, path)
}
