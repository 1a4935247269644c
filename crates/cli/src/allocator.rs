//! The process's memory allocator: mimalloc, told to give freed memory back
//! to the system sooner than it does by default.
//!
//! mimalloc because extraction and canonicalisation make many small,
//! short-lived allocations (names, keys); with it `news extract` runs about
//! 15% faster than with the system allocator (`cargo bench -p news-extract
//! --bench extract`).
//!
//! The purge delay, for `news export` only: mimalloc keeps memory freed in
//! large spans for a second before it returns it, so a command that frees a
//! few hundred MB a second holds that much more resident. An export of a
//! million articles to Parquet peaked at 669 MB with the default and
//! 436-441 MB with 10 ms (two runs each; 1 s more system time in 7 s).
//! Other commands keep the default: `news parse` of 1,300 pages took 10%
//! more CPU with 10 ms (3.45 against 3.12 s, three runs each), and
//! `news index` peaks elsewhere (docs/export.md and docs/benchmarks-log.md
//! have the commands).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (mimalloc.h): the
/// Rust bindings name only the options older versions had. The test below
/// fails should a mimalloc update move it.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Milliseconds freed memory waits before mimalloc returns it.
const PURGE_DELAY_MS: std::os::raw::c_long = 10;

/// Sets the purge delay for the rest of the process.
pub fn return_freed_memory_sooner() {
    // SAFETY: sets one of mimalloc's option values; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, PURGE_DELAY_MS) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_is_the_purge_delay() {
        // SAFETY: reads an option value.
        let default = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(default, 1000, "mimalloc 3's purge delay defaults to 1 s");
        return_freed_memory_sooner();
        let now = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(now, PURGE_DELAY_MS);
    }
}
